"""`LocalBook`: the account's contacts as the app holds them — the search index and each
person's list row in memory, the people themselves in the SQLite cache — kept equal to the
cache. Every change goes to the cache first, then to memory, then out as a `BookChanged` event.

Start-up reads the rows the cache derived when it stored each person (`CacheStore.index_rows`):
no JSON is parsed and 25,000 person dicts (some 200 MB) are never held. A person's data is read
from the cache when asked for (`get`: one indexed lookup); the last few hundred asked for stay
parsed.

Cache calls that may take a while (loading, replacing, writing many) run in a worker thread
(`asyncio.to_thread`) so they never freeze the UI's event loop.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Iterable

from peopletui.cache.haystack import is_tombstone
from peopletui.cache.people import IndexRow, index_row
from peopletui.cache.preview import PREVIEW_ROWS
from peopletui.cache.search import SearchIndex, SearchResult
from peopletui.cache.store import CacheStore
from peopletui.services.events import BookChanged, EventBus
from peopletui.services.fields import PersonJson

# People indexed between two yields to the event loop while a first sync is shown (a few
# milliseconds of work, so typing and drawing go on).
PREVIEW_SLICE = 100
# A book bigger than this takes a noticeable time to load whole (25,000 people: a quarter of a
# second): its first rows in display order are read and shown first (some 15 ms).
FIRST_ROWS_ABOVE = 2_000
FIRST_ROWS = PREVIEW_ROWS  # the rows the opening screen showed, so the list does not jump
# People kept parsed after a `get` (a few megabytes at most).
RECENT_PEOPLE = 256


class LocalBook:
    def __init__(self, cache: CacheStore, events: EventBus) -> None:
        self.cache = cache
        self._events = events
        self._index = SearchIndex()
        self._rows: dict[str, IndexRow] = {}
        # People shown while a first full sync is under way: the cache gets them at its end.
        self._unsaved: dict[str, PersonJson] = {}
        # The people asked for lately (the one on screen, the rows being edited), kept parsed.
        self._recent: OrderedDict[str, PersonJson] = OrderedDict()

    async def load_first_rows(self) -> None:
        """For a big book, read and index only its first rows in display order, so the list
        paints them while `load` reads the rest (a no-op for a small book or a loaded one)."""

        def read() -> list[IndexRow]:
            if self.cache.count() <= FIRST_ROWS_ABOVE:
                return []
            return self.cache.index_rows(FIRST_ROWS)

        rows = await asyncio.to_thread(read)
        if not rows or self._rows:
            return
        self._index = SearchIndex.from_rows(rows)
        self._rows = {row.resource_name: row for row in rows}
        self._events.emit(BookChanged(everything=True))

    async def load(self) -> int:
        """Read every person's row from the cache and index them; returns how many."""

        def read() -> tuple[list[IndexRow], SearchIndex]:
            rows = self.cache.index_rows()
            return rows, SearchIndex.from_rows(rows)

        rows, self._index = await asyncio.to_thread(read)
        self._rows = {row.resource_name: row for row in rows}
        self._events.emit(BookChanged(everything=True))
        return len(self._rows)

    # -- reading ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, resource_name: object) -> bool:
        return resource_name in self._rows

    def get(self, resource_name: str) -> PersonJson | None:
        """The person as the server last sent it. Treat it as read-only: the same object is
        handed out again until the person changes (so a screen can tell by identity)."""
        if resource_name in self._unsaved:
            return self._unsaved[resource_name]
        recent = self._recent.get(resource_name)
        if recent is not None:
            self._recent.move_to_end(resource_name)
            return recent
        if resource_name not in self._rows:
            return None
        person = self.cache.get(resource_name)
        if person is not None:
            self._keep_recent(person)
        return person

    def row(self, resource_name: str) -> IndexRow | None:
        """The person's list row (title and subtitle), without reading the person."""
        return self._rows.get(resource_name)

    def names_in_order(self) -> list[str]:
        """Every resource name in display order (named people by name, then the rest)."""
        return self._index.all_in_display_order()

    def search(self, query: str, limit: int | None = None) -> SearchResult:
        return self._index.search(query, limit)

    # -- changing -----------------------------------------------------------------------------

    async def store(self, people: Iterable[PersonJson]) -> None:
        """Add or replace people the server sent (an answer to our own write)."""
        batch = [person for person in people if not is_tombstone(person)]
        if not batch:
            return
        await asyncio.to_thread(self.cache.put_many, batch)
        self._remember(batch)
        self._events.emit(BookChanged(changed=tuple(p["resourceName"] for p in batch)))

    async def drop(self, resource_names: Iterable[str]) -> None:
        names = list(dict.fromkeys(resource_names))
        if not names:
            return
        await asyncio.to_thread(self.cache.delete_many, names)
        self._forget(names)
        self._events.emit(BookChanged(removed=tuple(names)))

    async def apply_delta(self, people: list[PersonJson], sync_token: str | None) -> int:
        """An incremental sync: changes and tombstones, and the next sync token, all at once.
        Returns how many were removed."""
        await asyncio.to_thread(self.cache.apply_delta, people, sync_token)
        removed = [p["resourceName"] for p in people if is_tombstone(p)]
        changed = [p for p in people if not is_tombstone(p)]
        self._forget(removed)
        self._remember(changed)
        if people:
            self._events.emit(
                BookChanged(
                    changed=tuple(p["resourceName"] for p in changed), removed=tuple(removed)
                )
            )
        return len(removed)

    async def preview(self, people: list[PersonJson]) -> None:
        """Show people from a full sync still under way (memory only: the cache is replaced
        atomically when the sync ends). Indexed in slices, so the UI keeps drawing."""
        for start in range(0, len(people), PREVIEW_SLICE):
            if start:
                await asyncio.sleep(0)
            batch = people[start : start + PREVIEW_SLICE]
            self._unsaved.update((person["resourceName"], person) for person in batch)
            self._remember(batch)
        self._events.emit(BookChanged(changed=tuple(p["resourceName"] for p in people)))

    async def replace_all(
        self, people: list[PersonJson], sync_token: str | None, *, shown: bool = False
    ) -> int:
        """A full sync's result becomes the book; returns how many people were removed.
        `shown`: every one of them was previewed into a book that started empty, so memory
        already holds exactly them and only the cache is written."""

        def write() -> tuple[list[IndexRow], SearchIndex] | None:
            self.cache.replace_all(people, sync_token)
            if shown:
                return None
            rows = self.cache.index_rows()
            return rows, SearchIndex.from_rows(rows)

        fresh = await asyncio.to_thread(write)
        self._unsaved.clear()
        if fresh is None:
            return 0
        rows, self._index = fresh
        self._recent.clear()
        kept = {row.resource_name: row for row in rows}
        removed = sum(1 for name in self._rows if name not in kept)
        self._rows = kept
        self._events.emit(BookChanged(everything=True))
        return removed

    def _keep_recent(self, person: PersonJson) -> None:
        self._recent[person["resourceName"]] = person
        self._recent.move_to_end(person["resourceName"])
        if len(self._recent) > RECENT_PEOPLE:
            self._recent.popitem(last=False)

    def _remember(self, people: Iterable[PersonJson]) -> None:
        for person in people:
            if person["resourceName"] in self._recent:
                self._keep_recent(person)
            row = index_row(person)
            if self._rows.get(row.resource_name) == row:
                continue  # shows and searches the same: spare the index its re-sorting
            self._rows[row.resource_name] = row
            self._index.upsert_haystack(row.resource_name, row.haystack)

    def _forget(self, resource_names: Iterable[str]) -> None:
        for name in resource_names:
            self._unsaved.pop(name, None)
            self._recent.pop(name, None)
            if self._rows.pop(name, None) is not None:
                self._index.remove(name)
