"""A crash between keeping a draft and the server's answer loses nothing and repeats nothing.

A child process saves a change against the emulator on loopback; the emulator applies it and
then holds the answer back (a latency fault). Once the draft is on disk marked as sent and the
server holds the change, the child is killed with SIGKILL. The book restarted in this process
re-delivers the draft: the change is on the server exactly once.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from book_harness import ACCOUNT, Books, server_people

from peopletui.cache.files import cache_file_name
from peopletui.emulator import Emulator, serve_in_thread
from peopletui.services.fields import comparable

CHILD = Path(__file__).with_name("crash_child.py")
# Longer than the test needs to kill the child, shorter than the child's read timeout.
HELD_ANSWER = "latency=30s"
GIVE_UP_AFTER = 60.0  # seconds: a guard against hanging forever, never an assertion on speed


@pytest.fixture
def served() -> Iterator[tuple[Emulator, str]]:
    emulator = Emulator(contacts=8, seed=41)
    with serve_in_thread(emulator) as url:
        yield emulator, url


def _wait_until(child: subprocess.Popen[str], check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + GIVE_UP_AFTER
    while not check():
        if child.poll() is not None:
            assert child.stderr is not None
            raise AssertionError(f"the child ended early: {child.stderr.read()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.02)


def _drafts(cache_path: Path) -> list[tuple[str, int]]:
    """(status, attempts) of every draft, read while the child holds the database open."""
    connection = sqlite3.connect(cache_path, timeout=5)
    try:
        return [tuple(row) for row in connection.execute("SELECT status, attempts FROM drafts")]
    except sqlite3.OperationalError:
        return []  # the child is still creating its tables
    finally:
        connection.close()


def _server_records(emulator: Emulator) -> list[Any]:
    """The emulator's contact records, read from its state while it serves another thread."""
    while True:
        try:
            return list(emulator.state.account(ACCOUNT).contacts.records.values())
        except RuntimeError:  # changed size during iteration: read again
            continue


def _named(emulator: Emulator, given: str) -> list[Any]:
    return [
        r
        for r in _server_records(emulator)
        if any(n.get("givenName") == given for n in r.data.get("names", []))
    ]


def _run_child(url: str, token: str, folder: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), url, token, str(folder), ACCOUNT, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    assert child.stdout is not None and "answered" not in child.stdout.read()


async def test_a_create_interrupted_by_a_crash_is_made_exactly_once(
    books: Books, served: tuple[Emulator, str]
) -> None:
    emulator, url = served
    first = await books.open(emulator, base_url=url)  # the cache the child starts from
    await books.close(first)
    cache_path = books.folder / cache_file_name(ACCOUNT)
    emulator.set_faults(HELD_ANSWER)

    child = _run_child(url, emulator.token, books.folder, "create", "Crashproof")
    try:
        _wait_until(child, lambda: _drafts(cache_path) == [("sending", 1)], "the draft marked sent")
        _wait_until(child, lambda: len(_named(emulator, "Crashproof")) == 1, "the server's create")
    finally:
        _kill(child)
    emulator.set_faults(None)

    restarted = await books.open(emulator, base_url=url)
    await restarted.book.wait_idle()

    [record] = _named(emulator, "Crashproof")
    assert restarted.transport.api(":createContact") == []  # found by its op id, not resent
    assert restarted.cache.drafts_list_pending() == []
    name = f"people/{record.resource_id}"
    assert name in restarted.book
    assert restarted.book.search("crashproof").resource_names == [name]
    assert await restarted.book.can_undo()


async def test_an_update_interrupted_by_a_crash_is_applied_exactly_once(
    books: Books, served: tuple[Emulator, str]
) -> None:
    emulator, url = served
    first = await books.open(emulator, base_url=url)
    target = first.book.names_in_order()[0]
    await books.close(first)
    cache_path = books.folder / cache_file_name(ACCOUNT)
    emulator.set_faults(HELD_ANSWER)

    def server_nicknames() -> list[Any]:
        record = emulator.state.contact(ACCOUNT, target)
        assert record is not None
        return list(record.data.get("nicknames", []))

    child = _run_child(url, emulator.token, books.folder, "update", target, "Survivor")
    try:
        _wait_until(child, lambda: _drafts(cache_path) == [("sending", 1)], "the draft marked sent")
        _wait_until(
            child, lambda: server_nicknames() == [{"value": "Survivor"}], "the server's update"
        )
    finally:
        _kill(child)
    emulator.set_faults(None)
    record = emulator.state.contact(ACCOUNT, target)
    assert record is not None
    etag_after_crash = record.etag

    restarted = await books.open(emulator, base_url=url)
    await restarted.book.wait_idle()

    server = (await server_people(emulator))[target]
    assert server["etag"] == etag_after_crash  # recognised as delivered: not written again
    assert comparable("nicknames", server["nicknames"]) == [{"value": "Survivor"}]
    assert restarted.cache.drafts_list_pending() == []
    person = restarted.book.get(target)
    assert person is not None and person["etag"] == etag_after_crash
    assert await restarted.book.can_undo()
