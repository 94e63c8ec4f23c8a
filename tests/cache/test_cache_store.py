"""CacheStore: people round trip, private files, schema upgrades, bad files set aside, journal,
drafts and the atomic full-sync swap. Every test works on a real SQLite file."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cache_people import make_person, tombstone

from peopletui.cache import journal, schema
from peopletui.cache.files import cache_file_name
from peopletui.cache.records import ChangeKind, DraftStatus, OpenOutcome
from peopletui.cache.search import SearchIndex
from peopletui.cache.store import CacheStore

ACCOUNT = "ada@example.test"
RECORDED = Path(__file__).resolve().parent.parent / "reference" / "recorded"
RECORDED_PERSON = RECORDED / "allodia-email-calendar-sync-engine" / "contacts" / "person.json"

# The version 1 layout exactly as the first release wrote it, kept literal here so that a
# change to schema.py cannot quietly change what "an old cache" means in this test.
V1_DDL = """
CREATE TABLE people (resource_name TEXT PRIMARY KEY, etag TEXT, json TEXT NOT NULL,
                     updated INTEGER NOT NULL);
CREATE INDEX people_updated ON people (updated);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE journal (id INTEGER PRIMARY KEY AUTOINCREMENT, group_id TEXT NOT NULL,
                      kind TEXT NOT NULL, resource_name TEXT NOT NULL, before_json TEXT,
                      after_json TEXT, created REAL NOT NULL);
CREATE INDEX journal_group ON journal (group_id);
PRAGMA user_version = 1;
"""


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[CacheStore]:
    with CacheStore.open(tmp_path / "cache" / "people.sqlite3", ACCOUNT) as opened:
        yield opened


def test_people_round_trip_exactly_as_the_server_sent_them(store: CacheStore) -> None:
    recorded = json.loads(RECORDED_PERSON.read_text(encoding="utf-8"))
    others = [make_person(n, f"Person {n}", emails=[f"p{n}@example.test"]) for n in range(1, 4)]
    store.put_many([recorded, *others])

    assert store.get(recorded["resourceName"]) == recorded
    assert store.etag(recorded["resourceName"]) == "etag-3"
    assert store.get("people/c999") is None
    assert store.count() == 4
    assert store.load_all() == [recorded, *others]  # in the order they were stored


def test_put_many_replaces_and_delete_many_removes(store: CacheStore) -> None:
    store.put_many([make_person(1, "Ada"), make_person(2, "Bob")])
    store.put_many([make_person(1, "Ada Lovelace", etag="%new")])
    store.delete_many(["people/c2", "people/c404"])

    assert [person["names"][0]["displayName"] for person in store.load_all()] == ["Ada Lovelace"]
    assert store.etag("people/c1") == "%new"


def test_apply_delta_upserts_removes_tombstones_and_moves_the_token(store: CacheStore) -> None:
    store.replace_all([make_person(1, "Ada"), make_person(2, "Bob")], "token-1")
    store.apply_delta([make_person(3, "Cy"), tombstone(2)], "token-2")

    assert sorted(person["resourceName"] for person in store.load_all()) == [
        "people/c1",
        "people/c3",
    ]
    assert store.sync_token == "token-2"


def test_sync_tokens_persist_and_clear(tmp_path: Path) -> None:
    path = tmp_path / "people.sqlite3"
    with CacheStore.open(path, ACCOUNT) as store:
        assert store.sync_token is None
        store.sync_token = "people-token"
        store.directory_sync_token = "directory-token"
    with CacheStore.open(path, ACCOUNT) as store:
        assert (store.sync_token, store.directory_sync_token) == ("people-token", "directory-token")
        assert store.account == ACCOUNT
        store.sync_token = None
        assert store.sync_token is None


def test_a_person_without_resource_name_is_refused(store: CacheStore) -> None:
    with pytest.raises(ValueError, match="resourceName"):
        store.put_many([{"etag": "%x", "names": []}])


def test_replace_all_keeps_the_old_book_when_the_new_one_fails_half_way(store: CacheStore) -> None:
    store.replace_all([make_person(n, f"Old {n}") for n in range(5)], "old-token")

    def failing_download() -> Iterator[dict[str, Any]]:
        yield make_person(100, "New 1")
        yield make_person(101, "New 2")
        raise ConnectionError("page 2 never arrived")

    with pytest.raises(ConnectionError):
        store.replace_all(failing_download(), "new-token")
    with pytest.raises(ValueError):
        store.replace_all([make_person(100, "New"), {"names": []}], "new-token")

    assert sorted(p["names"][0]["displayName"] for p in store.load_all()) == [
        f"Old {n}" for n in range(5)
    ]
    assert store.sync_token == "old-token"


def test_replace_all_swaps_the_whole_book(store: CacheStore) -> None:
    store.replace_all([make_person(n, f"Old {n}") for n in range(5)], "old-token")
    store.replace_all([make_person(7, "Only")], "new-token")
    assert [p["resourceName"] for p in store.load_all()] == ["people/c7"]
    assert store.sync_token == "new-token"


# -- files and permissions ---------------------------------------------------------------------


def test_folder_is_0700_and_every_file_0600_even_with_a_permissive_umask(tmp_path: Path) -> None:
    folder = tmp_path / "user-cache" / "peopletui"
    previous = os.umask(0)
    try:
        store = CacheStore.open_for_account(folder, ACCOUNT)
        store.put_many([make_person(1, "Ada")])
        store.journal_append("g", ChangeKind.CREATE, "people/c1", None, make_person(1, "Ada"))
        # While the connection is open in WAL mode, the -wal and -shm files exist.
        companions = [folder / (store.path.name + suffix) for suffix in ("-wal", "-shm")]
        assert all(path.exists() for path in companions)
        assert mode(folder) == 0o700
        assert {path.name: mode(path) for path in [store.path, *companions]} == {
            path.name: 0o600 for path in [store.path, *companions]
        }
        store.close()
    finally:
        os.umask(previous)


def test_an_existing_too_open_folder_and_file_are_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    path = folder / "people.sqlite3"
    CacheStore.open(path, ACCOUNT).close()
    os.chmod(path, 0o644)

    CacheStore.open(path, ACCOUNT).close()

    assert (mode(folder), mode(path)) == (0o700, 0o600)


def test_each_account_has_its_own_file(tmp_path: Path) -> None:
    with CacheStore.open_for_account(tmp_path, "ada@example.test") as ada:
        ada.put_many([make_person(1, "Ada's friend")])
    with CacheStore.open_for_account(tmp_path, "bob@example.test") as bob:
        assert bob.count() == 0
    assert cache_file_name("ada@example.test") != cache_file_name("Ada@Example.test")
    assert "/" not in cache_file_name("../../etc/passwd")


# -- schema versions and bad files -------------------------------------------------------------


def test_a_new_cache_reports_created_and_an_existing_one_opened(tmp_path: Path) -> None:
    path = tmp_path / "people.sqlite3"
    with CacheStore.open(path, ACCOUNT) as store:
        assert store.open_report.outcome is OpenOutcome.CREATED
        assert not store.open_report.kept_data
    with CacheStore.open(path, ACCOUNT) as store:
        assert store.open_report.outcome is OpenOutcome.OPENED
        assert store.open_report.found_version == schema.SCHEMA_VERSION
        assert store.open_report.kept_data


def test_a_version_1_cache_is_migrated_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "people.sqlite3"
    ada = make_person(1, "Ada Lovelace")
    legacy = sqlite3.connect(path)
    legacy.executescript(V1_DDL)
    legacy.execute(
        "INSERT INTO people VALUES (?, ?, ?, 1)", ("people/c1", ada["etag"], json.dumps(ada))
    )
    legacy.executemany(
        "INSERT INTO meta VALUES (?, ?)", [("sync_token", "v1-token"), ("account", ACCOUNT)]
    )
    legacy.execute(
        "INSERT INTO journal (group_id, kind, resource_name, before_json, after_json, created)"
        " VALUES ('g1', 'create', 'people/c1', NULL, ?, 1.0)",
        (json.dumps(ada),),
    )
    legacy.commit()
    legacy.close()

    with CacheStore.open(path, ACCOUNT) as store:
        assert store.open_report.outcome is OpenOutcome.MIGRATED
        assert store.open_report.found_version == 1
        assert store.load_all() == [ada]
        assert store.sync_token == "v1-token"
        assert [entry.after for entry in store.journal_peek()] == [ada]
        # The columns version 2 added were derived from the stored JSON.
        assert [(row.title, row.haystack.display) for row in store.index_rows()] == [
            ("Ada Lovelace", "ada lovelace")
        ]
        draft = store.drafts_add(ChangeKind.UPDATE, "people/c1", ada, {"nicknames": []})
        assert store.drafts_list_pending() == [draft]
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    check.close()


@pytest.mark.parametrize("version", [schema.SCHEMA_VERSION + 1, 99])
def test_a_newer_schema_is_set_aside_and_rebuilt_empty(tmp_path: Path, version: int) -> None:
    path = tmp_path / "people.sqlite3"
    future = sqlite3.connect(path)
    future.executescript(f"CREATE TABLE people_v{version} (x); PRAGMA user_version = {version};")
    future.close()

    with CacheStore.open(path, ACCOUNT) as store:
        report = store.open_report
        assert report.outcome is OpenOutcome.REBUILT_UNSUPPORTED
        assert report.found_version == version
        assert store.count() == 0
        store.put_many([make_person(1, "Ada")])  # the rebuilt cache works
    assert report.set_aside is not None and report.set_aside.exists()
    assert f"unsupported-v{version}" in report.set_aside.name
    assert mode(report.set_aside) == 0o600


def test_tables_of_unknown_origin_are_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "people.sqlite3"
    stranger = sqlite3.connect(path)
    stranger.execute("CREATE TABLE something_else (x)")
    stranger.close()

    with CacheStore.open(path, ACCOUNT) as store:
        assert store.open_report.outcome is OpenOutcome.REBUILT_UNSUPPORTED
        assert store.open_report.found_version == 0


def test_garbage_bytes_are_set_aside_and_rebuilt_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "people.sqlite3"
    garbage = os.urandom(8192)
    path.write_bytes(garbage)

    with CacheStore.open(path, ACCOUNT) as store:
        report = store.open_report
        assert report.outcome is OpenOutcome.REBUILT_CORRUPT
        store.put_many([make_person(1, "Ada")])
        assert store.count() == 1
    assert report.set_aside is not None
    assert report.set_aside.name.startswith("people.sqlite3.corrupt-")
    assert report.set_aside.read_bytes() == garbage
    assert mode(report.set_aside) == 0o600


def test_a_damaged_database_fails_its_check_and_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "people.sqlite3"
    with CacheStore.open(path, ACCOUNT) as store:
        store.put_many(make_person(n, f"Person {n}", notes="x" * 500) for n in range(200))
    # Overwrite the middle of the file (table and index pages), leaving the header readable.
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xff" * 8192
    path.write_bytes(bytes(data))

    with CacheStore.open(path, ACCOUNT) as store:
        assert store.open_report.outcome is OpenOutcome.REBUILT_CORRUPT
        assert store.count() == 0


def test_a_cache_of_another_account_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "people.sqlite3"
    with CacheStore.open(path, "ada@example.test") as store:
        store.put_many([make_person(1, "Ada's friend")])
    with CacheStore.open(path, "bob@example.test") as store:
        assert store.open_report.outcome is OpenOutcome.REBUILT_OTHER_ACCOUNT
        assert store.count() == 0


# -- journal -----------------------------------------------------------------------------------


def test_journal_pops_the_newest_group_whole_newest_change_first(store: CacheStore) -> None:
    ada, bob = make_person(1, "Ada"), make_person(2, "Bob")
    store.journal_append("edit", ChangeKind.UPDATE, "people/c1", ada, make_person(1, "Ada L"))
    batch = journal.new_group_id()
    store.journal_append_group(
        batch,
        [
            (ChangeKind.DELETE, "people/c1", ada, None),
            (ChangeKind.DELETE, "people/c2", bob, None),
        ],
    )

    peeked = store.journal_peek()
    assert [entry.resource_name for entry in peeked] == ["people/c2", "people/c1"]
    assert store.journal_peek() == peeked  # peeking leaves it in place

    popped = store.journal_pop_last()
    assert popped == peeked
    assert [(entry.kind, entry.before, entry.after) for entry in popped] == [
        (ChangeKind.DELETE, bob, None),
        (ChangeKind.DELETE, ada, None),
    ]
    assert [entry.group_id for entry in store.journal_pop_last()] == ["edit"]
    assert store.journal_pop_last() == []


def test_journal_pops_a_named_group(store: CacheStore) -> None:
    store.journal_append("first", ChangeKind.PHOTO_UPDATE, "people/c1", None, None)
    store.journal_append("second", ChangeKind.PHOTO_DELETE, "people/c1", None, None)
    assert [entry.kind for entry in store.journal_pop_last("first")] == [ChangeKind.PHOTO_UPDATE]
    assert [entry.group_id for entry in store.journal_peek()] == ["second"]


def test_journal_keeps_only_the_newest_groups(
    store: CacheStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "GROUP_LIMIT", 3)
    for number in range(6):
        store.journal_append_group(
            f"g{number}",
            [(ChangeKind.CREATE, f"people/c{number}{part}", None, None) for part in range(2)],
        )
    remaining = []
    while entries := store.journal_pop_last():
        remaining.append(entries[0].group_id)
    assert remaining == ["g5", "g4", "g3"]


# -- drafts ------------------------------------------------------------------------------------


def test_drafts_survive_a_restart_with_their_op_id_and_attempts(tmp_path: Path) -> None:
    path = tmp_path / "people.sqlite3"
    base = make_person(1, "Ada")
    with CacheStore.open(path, ACCOUNT) as store:
        edit = store.drafts_add(
            ChangeKind.UPDATE, "people/c1", base, {"nicknames": [{"value": "A"}]}
        )
        create = store.drafts_add(ChangeKind.CREATE, None, None, {"names": [{"givenName": "Cy"}]})
        store.drafts_mark_sending(create.id)
        # The process dies here, the create's answer never read.

    with CacheStore.open(path, ACCOUNT) as store:
        pending = store.drafts_list_pending()
        assert [draft.id for draft in pending] == [edit.id, create.id]
        assert pending[0].base == base and pending[0].status is DraftStatus.PENDING
        assert (pending[1].op_id, pending[1].status, pending[1].attempts) == (
            create.op_id,
            DraftStatus.SENDING,
            1,
        )
        delivered = store.drafts_update(create.id, resource_name="people/c2", last_error=None)
        assert delivered.resource_name == "people/c2"
        store.drafts_remove(create.id)
        conflict = store.drafts_update(edit.id, status=DraftStatus.CONFLICT, last_error="etag")
        assert (conflict.status, conflict.last_error, conflict.changes) == (
            DraftStatus.CONFLICT,
            "etag",
            edit.changes,
        )
    with CacheStore.open(path, ACCOUNT) as store:
        assert [(draft.id, draft.status) for draft in store.drafts_list_pending()] == [
            (edit.id, DraftStatus.CONFLICT)
        ]


def test_a_draft_survives_the_process_dying_without_closing(tmp_path: Path) -> None:
    path = tmp_path / "people.sqlite3"
    crash = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from peopletui.cache.records import ChangeKind\n"
        "from peopletui.cache.store import CacheStore\n"
        "store = CacheStore.open(Path(sys.argv[1]), sys.argv[2])\n"
        "draft = store.drafts_add(ChangeKind.CREATE, None, None, {'names': []}, op_id='op-7')\n"
        "store.drafts_mark_sending(draft.id)\n"
        "os._exit(3)  # no close, no cleanup: as if killed\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", crash, str(path), ACCOUNT], capture_output=True, check=False
    )
    assert result.returncode == 3, result.stderr

    with CacheStore.open(path, ACCOUNT) as store:
        assert store.open_report.outcome is OpenOutcome.OPENED
        [draft] = store.drafts_list_pending()
        assert (draft.op_id, draft.status, draft.attempts) == ("op-7", DraftStatus.SENDING, 1)


def test_a_draft_op_id_is_unique(store: CacheStore) -> None:
    store.drafts_add(ChangeKind.DELETE, "people/c1", None, {}, op_id="op-1")
    with pytest.raises(sqlite3.IntegrityError):
        store.drafts_add(ChangeKind.DELETE, "people/c1", None, {}, op_id="op-1")
    with pytest.raises(KeyError):
        store.drafts_update(404, status=DraftStatus.FAILED)


def test_calls_from_several_threads_are_serialised(store: CacheStore) -> None:
    def writer(offset: int) -> None:
        for batch in range(10):
            start = offset + batch * 10
            store.put_many(make_person(n, f"P{n}") for n in range(start, start + 10))
            store.load_all()

    threads = [threading.Thread(target=writer, args=(offset,)) for offset in (0, 1000, 2000)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.count() == 300


# -- rows for start-up -------------------------------------------------------------------------


def test_index_rows_carry_the_list_row_and_the_search_haystack(store: CacheStore) -> None:
    recorded = json.loads(RECORDED_PERSON.read_text(encoding="utf-8"))
    people = [recorded, make_person(1, None, emails=["zed@example.test"], organization="Acme")]
    store.put_many(people)

    rows = {row.resource_name: row for row in store.index_rows()}

    assert (rows["people/contact-2"].title, rows["people/contact-2"].subtitle) == (
        "Dr. Ada Byron Lovelace",
        "ada.lovelace@example.test · Analytical Engines BV",
    )
    assert (rows["people/c1"].title, rows["people/c1"].subtitle) == ("zed@example.test", "Acme")
    from_rows = SearchIndex.from_rows(rows.values())
    from_people = SearchIndex.build(people)
    for query in ("", "ada", "lovelace", "0612", "zed", "acme", "fixture", "zzz"):
        assert from_rows.search(query) == from_people.search(query), query


def test_rows_made_by_an_older_search_format_are_derived_again(tmp_path: Path) -> None:
    path = tmp_path / "people.sqlite3"
    with CacheStore.open(path, ACCOUNT) as store:
        store.put_many([make_person(1, "Ada Lovelace")])
    stale = sqlite3.connect(path)
    stale.execute("UPDATE people SET title = 'stale', names = ''")
    stale.execute("UPDATE meta SET value = '0' WHERE key = 'search_format'")
    stale.commit()
    stale.close()

    with CacheStore.open(path, ACCOUNT) as store:
        assert store.open_report.outcome is OpenOutcome.OPENED
        [row] = store.index_rows()
        assert (row.title, row.haystack.names) == ("Ada Lovelace", " ada lovelace")


def test_index_rows_come_in_display_order(store: CacheStore) -> None:
    store.put_many(
        [
            make_person(1),
            make_person(2, "Zoë"),
            make_person(3, None, emails=["anne@example.test"]),
            make_person(4, "Émile"),
            make_person(5, "zoe"),
        ]
    )
    order = [row.resource_name for row in store.index_rows()]
    assert order == SearchIndex.from_rows(store.index_rows()).all_in_display_order()
    assert order == [f"people/c{n}" for n in (4, 2, 5, 3, 1)]
