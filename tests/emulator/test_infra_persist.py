"""The state file: atomic writes, paced saves, refusing a corrupt file, and a real round trip."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from peopletui.emulator import Emulator
from peopletui.emulator.persist import DebouncedSaver, StateFile, StateFileError, encode_state


def test_missing_file_loads_as_none(tmp_path: Path) -> None:
    assert StateFile(tmp_path / "state.json").load() is None


def test_save_then_load_round_trips_and_is_private(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "state.json"
    data = {"accounts": {"ada@example.org": {"names": ["Zoë", "李小龍", "🙂"]}}, "n": 3}
    StateFile(path).save(data)
    assert StateFile(path).load() == data
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]


def test_crash_mid_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "state.json"
    state_file = StateFile(path)
    state_file.save({"version": 1})

    # The last step of a save is the rename; a crash (here: a failing os.replace, since a real
    # power cut cannot be staged in a test) must leave the previous file whole.
    def crash(source: object, target: object) -> None:
        raise OSError("simulated crash during rename")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="simulated crash"):
        state_file.save({"version": 2, "padding": "x" * 100_000})
    monkeypatch.undo()
    assert json.loads(path.read_text()) == {"version": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]  # no temporary left behind


@pytest.mark.parametrize("content", [b'{"accounts": {', b"\xff\xfe not utf-8", b"[1, 2, 3]", b""])
def test_corrupt_file_is_refused_naming_it_and_left_untouched(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(content)
    with pytest.raises(StateFileError) as caught:
        StateFile(path).load()
    assert str(path) in str(caught.value)
    assert "move it away or delete it" in str(caught.value)
    assert path.read_bytes() == content


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "state.json"
    folder.mkdir()  # reading a folder fails with an OSError other than "not found"
    with pytest.raises(StateFileError, match="cannot read the state file"):
        StateFile(folder).load()


class Book:
    """A stand-in for the emulator's state: a dict and a dirty flag, as the saver sees them."""

    def __init__(self) -> None:
        self.data: dict[str, int] = {"writes": 0}
        self.dirty = False
        self.snapshots = 0
        self.lock = threading.Lock()

    def write(self) -> None:
        with self.lock:
            self.data["writes"] += 1
            self.dirty = True

    def snapshot(self) -> bytes | None:
        with self.lock:
            if not self.dirty:
                return None
            self.dirty = False
            self.snapshots += 1
            return encode_state(self.data)


def test_many_writes_make_one_save_and_close_flushes(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    book = Book()
    saver = DebouncedSaver(StateFile(path), book.snapshot, interval=3600)
    for _ in range(500):
        book.write()
        saver.changed()
    assert not path.exists()  # paced: nothing written yet
    saver.close()
    assert json.loads(path.read_text()) == {"writes": 500}
    assert book.snapshots == 1
    saver.close()  # closing twice is harmless
    assert book.snapshots == 1


def test_timer_saves_without_a_close(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    book = Book()
    saved = threading.Event()

    def snapshot() -> bytes | None:
        payload = book.snapshot()
        if payload is not None:
            saved.set()
        return payload

    saver = DebouncedSaver(StateFile(path), snapshot, interval=0.01)
    book.write()
    saver.changed()
    assert saved.wait(timeout=30)
    saver.close()
    assert json.loads(path.read_text()) == {"writes": 1}


def test_failed_write_is_kept_and_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.json"
    book = Book()
    saver = DebouncedSaver(StateFile(path), book.snapshot, interval=3600)
    book.write()

    def disk_full(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        saver.flush()
    monkeypatch.undo()
    saver.flush()  # nothing changed since, yet the failed payload is written now
    assert json.loads(path.read_text()) == {"writes": 1}


async def read_book(emulator: Emulator) -> Any:
    async with httpx.AsyncClient(
        transport=emulator.transport(),
        base_url="https://people.emulator.invalid",
        headers={"Authorization": f"Bearer {emulator.token}"},
    ) as http:
        response = await http.get(
            "/v1/people/me/connections",
            params={"personFields": "names,emailAddresses,photos", "pageSize": "1000"},
        )
    assert response.status_code == 200, response.text
    return response.json()["connections"]


async def test_emulator_book_round_trips_through_the_state_file(tmp_path: Path) -> None:
    path = tmp_path / "book.json"
    first = Emulator(contacts=4, state_file=path)
    async with httpx.AsyncClient(
        transport=first.transport(),
        base_url="https://people.emulator.invalid",
        headers={"Authorization": f"Bearer {first.token}"},
    ) as http:
        created = await http.post(
            "/v1/people:createContact",
            json={"names": [{"givenName": "Kept", "familyName": "Across"}]},
        )
    assert created.status_code == 200, created.text
    before = await read_book(first)
    first.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    second = Emulator(contacts=99, seed=5, state_file=path)  # the file wins over the seed
    assert await read_book(second) == before
    assert created.json()["resourceName"] in {person["resourceName"] for person in before}
    second.close()


def test_emulator_refuses_a_corrupt_or_foreign_state_file(tmp_path: Path) -> None:
    for content in ('{"accounts": [', '{"something": "else"}'):
        path = tmp_path / "book.json"
        path.write_text(content)
        with pytest.raises(StateFileError, match=r"book\.json"):
            Emulator(contacts=2, state_file=path)
        assert path.read_text() == content
