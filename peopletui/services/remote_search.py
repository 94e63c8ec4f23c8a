"""The server's searchContacts, for while the local book is still incomplete.

Google keeps a search cache per user that reflects recent changes only after a warmup request
(an empty query), and asks clients to send one before searching. The book sends it at start, and
again before the next search after any of our own writes.
"""

from __future__ import annotations

import asyncio
import logging

from peopletui.api import ALL_PERSON_FIELDS, PeopleApiError, PeopleClient
from peopletui.services.events import EventBus, SearchWarmedUp
from peopletui.services.fields import PersonJson

logger = logging.getLogger(__name__)

MAX_RESULTS = 30  # searchContacts silently caps pageSize at 30


class ServerSearch:
    def __init__(self, client: PeopleClient, events: EventBus) -> None:
        self._client = client
        self._events = events
        self._warm = False
        self._warming = asyncio.Lock()

    async def warm_up(self) -> None:
        """Send the warmup request (once; again after `invalidate`)."""
        async with self._warming:
            if self._warm:
                return
            await self._client.warm_up_search()
            self._warm = True
        self._events.emit(SearchWarmedUp())

    def invalidate(self) -> None:
        """Our own write changed the book: Google's search cache lags until the next warmup."""
        self._warm = False

    async def search(self, query: str, limit: int = MAX_RESULTS) -> list[PersonJson]:
        """The server's matches for `query` (prefix match on names, nicknames, emails, phones,
        organizations), best first, at most `limit` (30 at most)."""
        if not query.strip():
            return []
        try:
            await self.warm_up()
        except PeopleApiError as error:
            # A search without a fresh warmup may miss recent changes; better than nothing.
            logger.info("search warmup failed: %s", type(error).__name__)
        answer = await self._client.search_contacts(
            query, read_mask=ALL_PERSON_FIELDS, page_size=min(limit, MAX_RESULTS)
        )
        return [
            result.person.to_api()
            for result in answer.results or []
            if result.person is not None and result.person.resource_name
        ]
