"""`ContactBook`: one account's contacts for the UI — readable from the local cache at once,
synced in the background, searched as you type, changed through a write queue that never loses
an edit, and undoable.

    book = ContactBook(client, cache)
    book.events.subscribe(on_event)       # SyncProgress, BookChanged, WriteSaved, ...
    await book.start()                    # cache loaded; warmup and sync run in the background
    book.search("ada").resource_names     # local, within a frame
    outcome = await book.save(edit)       # SaveOutcome: saved, conflict, failed or queued

Writes go through `BookChanges` (see `changes.py`); this module holds the reading side, syncing
and the wiring of the parts.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable

from peopletui.api import PeopleApiError, PeopleClient
from peopletui.cache.people import IndexRow
from peopletui.cache.records import OpenOutcome
from peopletui.cache.search import SearchResult
from peopletui.cache.store import CacheStore
from peopletui.services.changes import BookChanges
from peopletui.services.events import CacheOpened, CacheRebuilt, EventBus
from peopletui.services.fields import PersonJson
from peopletui.services.local import LocalBook
from peopletui.services.refresh import RefreshReport, refresh_people
from peopletui.services.remote_search import ServerSearch
from peopletui.services.sync import Syncer, SyncReport
from peopletui.services.writes import WriteQueue

logger = logging.getLogger(__name__)

_REBUILT = frozenset(
    {
        OpenOutcome.REBUILT_CORRUPT,
        OpenOutcome.REBUILT_UNSUPPORTED,
        OpenOutcome.REBUILT_OTHER_ACCOUNT,
    }
)


class ContactBook(BookChanges):
    def __init__(
        self,
        client: PeopleClient,
        cache: CacheStore,
        *,
        events: EventBus | None = None,
        retry_delay: float = 1.0,
        max_retry_delay: float = 60.0,
        sync_page_size: int = 1000,
    ) -> None:
        bus = events or EventBus()
        self.cache = cache
        account_lock = asyncio.Lock()  # one account: its syncs and writes never interleave
        local = LocalBook(cache, bus)
        queue = WriteQueue(
            client,
            local,
            bus,
            account_lock,
            retry_delay=retry_delay,
            max_retry_delay=max_retry_delay,
        )
        server_search = ServerSearch(client, bus)
        super().__init__(client, local, queue, server_search, bus)
        self._syncer = Syncer(client, local, bus, account_lock, page_size=sync_page_size)
        self._background: asyncio.Task[None] | None = None

    # -- life ---------------------------------------------------------------------------------

    async def start(self, *, sync: bool = True) -> None:
        """Load the cache (the book is readable when this returns), pick up unsent drafts, and
        start the warmup and the sync in the background (`wait_synced` waits for them)."""
        report = self.cache.open_report
        await self._local.load_first_rows()  # a big book's first screen, at once
        count = await self._local.load()
        self.events.emit(CacheOpened(report.outcome.value, count))
        if report.outcome in _REBUILT:
            self.events.emit(
                CacheRebuilt(
                    report.outcome.value,
                    report.detail,
                    str(report.set_aside) if report.set_aside else None,
                )
            )
        self._syncer.full_sync_done = report.kept_data and self.cache.sync_token is not None
        await self._queue.start()
        if sync:
            self._background = asyncio.create_task(self._warm_and_sync(), name="peopletui-sync")

    async def _warm_and_sync(self) -> None:
        warmup = asyncio.create_task(self._server_search.warm_up())
        # A failure is reported as SyncFailed; the book keeps what it has.
        with contextlib.suppress(PeopleApiError):
            await self._syncer.sync(reason=None if self._syncer.full_sync_done else "first sync")
        with contextlib.suppress(PeopleApiError):
            await warmup

    async def wait_synced(self) -> None:
        """Until the start-up warmup and sync are over (whatever their outcome)."""
        if self._background is not None:
            await asyncio.shield(self._background)

    async def close(self) -> None:
        """Stop syncing and sending; unsent drafts stay in the cache for the next start."""
        if self._background is not None:
            self._background.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._background
            self._background = None
        await self._queue.stop()

    # -- reading ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._local)

    def __contains__(self, resource_name: object) -> bool:
        return resource_name in self._local

    def get(self, resource_name: str) -> PersonJson | None:
        """The person as the server last sent it (treat as read-only)."""
        return self._local.get(resource_name)

    def row(self, resource_name: str) -> IndexRow | None:
        """The person's list row (title, subtitle) from memory, without reading the person."""
        return self._local.row(resource_name)

    def names_in_order(self) -> list[str]:
        return self._local.names_in_order()

    def search(self, query: str, limit: int | None = None) -> SearchResult:
        """As-you-type search of the whole local book (best first)."""
        return self._local.search(query, limit)

    @property
    def complete(self) -> bool:
        """False until the first full sync has finished: search the server too meanwhile."""
        return self._syncer.full_sync_done

    async def search_server(
        self, query: str, limit: int = 30, *, fresh: bool = False
    ) -> list[PersonJson]:
        """The server's searchContacts matches, for an incomplete book or when asked. Google's
        search cache lags until a warmup: one is sent first unless a recent one holds (`fresh`:
        always, to see changes made elsewhere since)."""
        if fresh:
            self._server_search.invalidate()
        return await self._server_search.search(query, limit)

    async def warm_up_search(self) -> None:
        """Send the warmup search Google asks for before searchContacts (once; again after
        our own writes). Sent at start so the first server search answers at once."""
        await self._server_search.warm_up()

    async def refresh(self, resource_names: Iterable[str]) -> RefreshReport:
        """Read these contacts again from the server (people.get for one, getBatchGet for
        more) and keep the server's versions; contacts it no longer has leave the book."""
        return await refresh_people(self._client, self._local, resource_names)

    async def photo_bytes(self, url: str) -> bytes:
        """The image at a person's photo URL (see `refresh.shown_photo_url`)."""
        return await self._client.download_photo(url)

    # -- syncing ------------------------------------------------------------------------------

    async def sync(self, *, full: bool = False) -> SyncReport:
        """Sync now (incremental unless `full`); raises the API error after a `SyncFailed`."""
        return await self._syncer.sync(full=full)
