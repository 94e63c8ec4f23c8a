"""Start-up and syncing: a first start lists everything (pageSize 1000 plus the search warmup),
a second start paints from the cache before any request and catches up in one request, and
changes, deletions and expired tokens made elsewhere reach the book."""

from __future__ import annotations

import json
import os
import sqlite3
import stat

from book_harness import ACCOUNT, Books, book_view, cache_view, server_people

from peopletui.api import ALL_PERSON_FIELDS
from peopletui.api.models import Name, Person
from peopletui.cache import schema
from peopletui.cache.display import display_name
from peopletui.cache.files import cache_file_name, companions
from peopletui.emulator import Emulator
from peopletui.services.events import (
    BookChanged,
    CacheOpened,
    CacheRebuilt,
    SyncFinished,
    SyncProgress,
    SyncStarted,
)

CONTACTS = 2500


async def test_first_start_lists_everything_in_pages_of_1000(books: Books) -> None:
    emulator = Emulator(contacts=CONTACTS, seed=11)
    opened = await books.open(emulator)

    listings = opened.transport.api("/connections")
    assert len(listings) == 3  # 2,500 contacts at pageSize 1000
    assert all(s.params["pageSize"] == "1000" for s in listings)
    assert all(s.params["requestSyncToken"] == "true" for s in listings)
    warmups = opened.transport.api(":searchContacts")
    assert [s.params["query"] for s in warmups] == [""]
    assert len(opened.transport.api()) == 3 + 1

    server = await server_people(emulator)
    assert len(opened.book) == CONTACTS
    assert book_view(opened.book) == {name: p["etag"] for name, p in server.items()}
    assert cache_view(opened.cache) == book_view(opened.book)
    assert opened.cache.sync_token is not None
    assert opened.book.complete

    started = opened.events_of(SyncStarted)
    assert [(e.full, e.reason) for e in started] == [(True, "first sync")]
    progress = opened.events_of(SyncProgress)
    assert [(e.pages, e.people) for e in progress] == [(1, 1000), (2, 2000), (3, 2500)]
    assert progress[-1].total == CONTACTS
    assert opened.events_of(SyncFinished)[-1].people == CONTACTS


async def test_first_start_shows_pages_as_they_arrive(books: Books) -> None:
    emulator = Emulator(contacts=CONTACTS, seed=12)
    opened = await books.open(emulator)
    # Each page is shown before the next is asked for: rows appear during the first sync.
    added = [len(e.changed) for e in opened.events_of(BookChanged) if e.changed]
    assert added[:3] == [1000, 1000, 500]


async def test_second_start_paints_from_the_cache_then_syncs_in_one_request(
    books: Books,
) -> None:
    emulator = Emulator(contacts=CONTACTS, seed=13)
    first = await books.open(emulator)
    before = book_view(first.book)
    await books.close(first)

    second = await books.open(emulator, wait=False)
    # Readable at once, before a single request went out.
    assert second.transport.sent == []
    assert book_view(second.book) == before
    assert second.book.search("a", limit=5).total > 0
    first_name = second.book.names_in_order()[0]
    row = second.book.row(first_name)
    assert row is not None and row.title == display_name(second.book.get(first_name) or {})
    assert second.events_of(CacheOpened)[0].outcome == "opened"

    await second.book.wait_synced()
    assert len(second.transport.api("/connections")) == 1
    assert "syncToken" in second.transport.api("/connections")[0].params
    assert len(second.transport.api()) == 1 + 1  # the delta and the warmup
    assert [e.full for e in second.events_of(SyncStarted)] == [False]


async def test_changes_made_elsewhere_appear_after_a_sync(books: Books) -> None:
    emulator = Emulator(contacts=40, seed=14)
    opened = await books.open(emulator)
    other = books.side_client(emulator)
    names = opened.book.names_in_order()
    changed, deleted = names[0], names[1]

    current = await other.get_person(changed, person_fields={"names"})
    await other.update_contact(
        changed,
        Person(etag=current.etag, names=[Name(given_name="Renamed", family_name="Elsewhere")]),
        update_person_fields={"names"},
    )
    await other.delete_contact(deleted)
    created = await other.create_contact(Person(names=[Name(given_name="Newcomer")]))
    opened.transport.clear()

    report = await opened.book.sync()

    assert len(opened.transport.api()) == 1
    assert report.full is False and report.removed == 1 and report.changed == 2
    renamed = opened.book.get(changed)
    assert renamed is not None and renamed["names"][0]["givenName"] == "Renamed"
    assert deleted not in opened.book  # the tombstone removed it
    assert created.resource_name in opened.book
    assert opened.book.search("newcomer").resource_names == [created.resource_name]
    assert opened.book.search("renamed elsewhere").resource_names == [changed]
    server = await server_people(emulator)
    assert cache_view(opened.cache) == {name: p["etag"] for name, p in server.items()}


async def test_a_quiet_book_syncs_in_one_request(books: Books) -> None:
    emulator = Emulator(contacts=40, seed=15)
    opened = await books.open(emulator)
    opened.transport.clear()
    report = await opened.book.sync()
    assert len(opened.transport.api()) == 1
    assert (report.changed, report.removed, report.people) == (0, 0, 40)


async def test_an_expired_sync_token_forces_a_full_sync(books: Books) -> None:
    emulator = Emulator(contacts=1200, seed=16)
    opened = await books.open(emulator)
    other = books.side_client(emulator)
    gone = opened.book.names_in_order()[0]
    await other.delete_contact(gone)
    emulator.clock.advance(8 * 24 * 3600)  # sync tokens live 7 days
    opened.transport.clear()

    report = await opened.book.sync()

    # The delta was refused, then everything was listed again (2 pages for 1,199).
    assert report.full is True
    assert len(opened.transport.api("/connections")) == 1 + 2
    assert opened.events_of(SyncStarted)[-1].reason == "sync token expired"
    assert gone not in opened.book
    server = await server_people(emulator)
    assert book_view(opened.book) == {name: p["etag"] for name, p in server.items()}
    assert cache_view(opened.cache) == book_view(opened.book)


async def test_a_corrupt_cache_is_set_aside_and_rebuilt_from_the_server(books: Books) -> None:
    emulator = Emulator(contacts=30, seed=17)
    first = await books.open(emulator)
    await books.close(first)
    path = books.folder / cache_file_name(ACCOUNT)
    for companion in companions(path):
        companion.unlink(missing_ok=True)
    path.write_bytes(b"this is not a database" * 100)

    opened = await books.open(emulator)

    rebuilt = opened.events_of(CacheRebuilt)
    assert len(rebuilt) == 1 and rebuilt[0].outcome == "rebuilt-corrupt"
    assert rebuilt[0].set_aside is not None
    assert [e.full for e in opened.events_of(SyncStarted)] == [True]
    assert len(opened.book) == 30


async def test_cache_files_are_private(books: Books) -> None:
    emulator = Emulator(contacts=10, seed=18)
    opened = await books.open(emulator)
    await opened.book.delete(opened.book.names_in_order()[0])
    path = books.folder / cache_file_name(ACCOUNT)
    files = [path, *(c for c in companions(path) if c.exists())]
    assert len(files) >= 2  # the database and its write-ahead log at least
    assert {oct(stat.S_IMODE(os.stat(f).st_mode)) for f in files} == {oct(0o600)}
    assert stat.S_IMODE(os.stat(books.folder).st_mode) == 0o700


async def test_a_cache_from_an_older_version_is_migrated_and_synced_incrementally(
    books: Books,
) -> None:
    emulator = Emulator(contacts=40, seed=19)
    other = books.side_client(emulator)
    listing = other.iter_connections(person_fields=ALL_PERSON_FIELDS)
    people = [person.to_api() for person in await listing.all_people()]
    books.folder.mkdir(parents=True, exist_ok=True)
    legacy = sqlite3.connect(books.folder / cache_file_name(ACCOUNT))
    schema.create_v1(legacy)  # as peopletui's first cache version wrote it
    legacy.executemany(
        "INSERT INTO people (resource_name, etag, json, updated) VALUES (?, ?, ?, ?)",
        [(p["resourceName"], p["etag"], json.dumps(p), n) for n, p in enumerate(people)],
    )
    legacy.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("sync_token", listing.next_sync_token), ("account", ACCOUNT)],
    )
    legacy.commit()
    legacy.close()
    await other.delete_contact(people[0]["resourceName"])

    opened = await books.open(emulator, wait=False)

    assert opened.events_of(CacheOpened)[0].outcome == "migrated"
    assert len(opened.book) == 40 and opened.transport.sent == []
    await opened.book.wait_synced()
    assert len(opened.transport.api("/connections")) == 1  # the old sync token still served
    assert people[0]["resourceName"] not in opened.book
    assert len(opened.book) == 39
