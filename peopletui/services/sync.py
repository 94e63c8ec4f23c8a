"""Bringing the local book up to date with the server: incremental with the stored sync token,
or a full listing when there is none or Google no longer accepts it.

- Full sync: connections.list with pageSize 1000 (the API's maximum) and requestSyncToken, so
  25,000 contacts take 25 requests; the cache is replaced atomically at the end (an interrupted
  full sync leaves the old book). When the book started empty, each page is shown as it arrives.
- Incremental sync: the same listing with the sync token; changed people replace the cached
  ones, tombstones (`metadata.deleted`) remove them. A quiet book costs one request.
- Pages come as JSON (`list_connections_json`): the cache stores people as the server sent them,
  and building 25,000 models only to dump them again would cost seconds on the UI's loop.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from peopletui.api import (
    ALL_PERSON_FIELDS,
    BadRequest,
    PeopleApiError,
    PeopleClient,
    SyncTokenExpired,
)
from peopletui.services.delivery import SIGN_IN
from peopletui.services.events import (
    EventBus,
    SignInRequired,
    SyncFailed,
    SyncFinished,
    SyncProgress,
    SyncStarted,
)
from peopletui.services.fields import PersonJson
from peopletui.services.local import LocalBook

logger = logging.getLogger(__name__)

PAGE_SIZE = 1000
SIGN_IN_TO_SYNC = (
    "The server no longer accepts this sign-in. The book is kept as it was; sign in again to "
    "sync it."
)


@dataclass(frozen=True, slots=True)
class SyncReport:
    full: bool
    requests: int
    changed: int
    removed: int
    people: int


class Syncer:
    def __init__(
        self,
        client: PeopleClient,
        local: LocalBook,
        events: EventBus,
        account_lock: asyncio.Lock,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self._client = client
        self._local = local
        self._events = events
        self._lock = account_lock  # shared with the write queue: a sync never sees half a write
        self._page_size = page_size
        self.full_sync_done = False
        """True once the book is known to be complete (a full sync, or a cache from one)."""

    async def sync(self, *, full: bool = False, reason: str | None = None) -> SyncReport:
        """Sync now; raises the API's error after emitting `SyncFailed` (the book is kept)."""
        try:
            async with self._lock:
                token = None if full else self._local.cache.sync_token
                if token is not None:
                    try:
                        return await self._incremental(token)
                    except SyncTokenExpired:
                        reason = "sync token expired"
                    except BadRequest as error:
                        # A token Google does not recognise (another server, a restored
                        # backup) is as useless as an expired one.
                        logger.info("sync token refused (%s); listing everything", error.status)
                        reason = "sync token refused"
                if reason is None:
                    reason = "requested" if full else "no sync token"
                return await self._full(reason)
        except PeopleApiError as error:
            self._events.emit(SyncFailed(f"Sync stopped: {error.message}. The book is kept."))
            if isinstance(error, SIGN_IN):
                self._events.emit(SignInRequired(SIGN_IN_TO_SYNC))
            raise

    async def _incremental(self, token: str) -> SyncReport:
        self._events.emit(SyncStarted(full=False, reason="incremental"))
        people, next_token, requests = await self._read_all(token, preview=False)
        removed = await self._local.apply_delta(people, next_token)
        self.full_sync_done = True
        return self._finish(False, requests, len(people) - removed, removed)

    async def _full(self, reason: str) -> SyncReport:
        self._events.emit(SyncStarted(full=True, reason=reason))
        preview = len(self._local) == 0
        people, next_token, requests = await self._read_all(None, preview=preview)
        removed = await self._local.replace_all(people, next_token, shown=preview)
        self.full_sync_done = True
        return self._finish(True, requests, len(people), removed)

    async def _read_all(
        self, sync_token: str | None, *, preview: bool
    ) -> tuple[list[PersonJson], str | None, int]:
        people: list[PersonJson] = []
        page_token: str | None = None
        requests = 0
        while True:
            page = await self._client.list_connections_json(
                person_fields=ALL_PERSON_FIELDS,
                page_size=self._page_size,
                page_token=page_token,
                request_sync_token=True,
                sync_token=sync_token,
            )
            requests += 1
            batch = _people_of(page)
            people += batch
            if preview and batch:
                await self._local.preview(batch)
            total = page.get("totalPeople") or page.get("totalItems")
            self._events.emit(
                SyncProgress(requests, len(people), total if isinstance(total, int) else None)
            )
            page_token = page.get("nextPageToken") or None
            if page_token is None:
                next_token = page.get("nextSyncToken")
                return people, next_token if isinstance(next_token, str) else None, requests

    def _finish(self, full: bool, requests: int, changed: int, removed: int) -> SyncReport:
        report = SyncReport(full, requests, changed, removed, len(self._local))
        self._events.emit(SyncFinished(full, requests, changed, removed, people=len(self._local)))
        return report


def _people_of(page: dict[str, Any]) -> list[PersonJson]:
    connections = page.get("connections") or []
    return [
        person
        for person in connections
        if isinstance(person, dict) and isinstance(person.get("resourceName"), str)
    ]
