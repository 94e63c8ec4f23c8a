"""Async iteration over paged list methods, keeping the sync token of the last page.

    pages = client.iter_connections(person_fields=ALL_PERSON_FIELDS, request_sync_token=True)
    async for page in pages:            # or: async for person in pages.people()
        store(page.connections or [])
    save(pages.next_sync_token)         # set once the last page has been read

At pageSize 1000 (the API's maximum, and the default here) a full sync of 25,000 contacts is
25 requests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Generic, Protocol, TypeVar

from .models import Person


class _Page(Protocol):
    @property
    def next_page_token(self) -> str | None: ...


PageT = TypeVar("PageT", bound=_Page)


class Pages(Generic[PageT]):
    """Pages of a list method, fetched lazily; iterate once.

    ``next_sync_token`` is the last page's ``nextSyncToken`` (None until the last page has been
    read, or when the method was not asked for one). ``requests`` counts the pages fetched.
    """

    def __init__(
        self,
        fetch: Callable[[str | None], Awaitable[PageT]],
        people_of: Callable[[PageT], list[Person] | None],
        sync_token_of: Callable[[PageT], str | None],
    ) -> None:
        self._fetch = fetch
        self._people_of = people_of
        self._sync_token_of = sync_token_of
        self._started = False
        self.next_sync_token: str | None = None
        self.requests = 0
        self.exhausted = False

    def __aiter__(self) -> AsyncIterator[PageT]:
        if self._started:
            raise RuntimeError("Pages can be iterated only once")
        self._started = True
        return self._pages()

    async def _pages(self) -> AsyncIterator[PageT]:
        token: str | None = None
        while True:
            page = await self._fetch(token)
            self.requests += 1
            token = page.next_page_token or None
            if token is None:
                # Google puts nextSyncToken on the last page only.
                self.next_sync_token = self._sync_token_of(page)
                self.exhausted = True
            yield page
            if token is None:
                return

    async def people(self) -> AsyncIterator[Person]:
        """Every person on every page, in order."""
        async for page in self:
            for person in self._people_of(page) or []:
                yield person

    async def all_people(self) -> list[Person]:
        """Read every page and return all the people."""
        return [person async for person in self.people()]
