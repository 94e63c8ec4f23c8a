"""`Directory`: the Google Workspace directory of the account's organisation — browsed a page at
a time, kept in memory with a sync token, searched, and copied into My Contacts.

Only Workspace accounts have a directory; on a personal account every call raises
`DirectoryUnavailable`, whose text the UI can show as it is.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from peopletui.api import (
    BadRequest,
    NotWorkspaceAccount,
    PeopleClient,
    Person,
    PersonField,
    SyncTokenExpired,
)
from peopletui.api.models import DirectorySourceType
from peopletui.cache.display import display_name
from peopletui.cache.haystack import is_tombstone
from peopletui.services.errors import DirectoryUnavailable
from peopletui.services.fields import PersonJson, writable_copy
from peopletui.services.results import BatchResult

T = TypeVar("T")

DIRECTORY_FIELDS: frozenset[PersonField] = frozenset(
    {
        "addresses",
        "biographies",
        "emailAddresses",
        "externalIds",
        "locations",
        "metadata",
        "names",
        "nicknames",
        "organizations",
        "phoneNumbers",
        "photos",
        "relations",
        "urls",
    }
)
SOURCES: tuple[DirectorySourceType, ...] = (
    "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE",
    "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT",
)
LIST_PAGE_SIZE = 1000  # listDirectoryPeople's maximum
SEARCH_PAGE_SIZE = 500  # searchDirectoryPeople's maximum

CreateMany = Callable[[Sequence[PersonJson]], Awaitable[BatchResult]]


@dataclass(frozen=True, slots=True)
class DirectoryPage:
    people: list[PersonJson]
    next_page_token: str | None
    total: int | None = None


@dataclass(frozen=True, slots=True)
class DirectorySyncReport:
    full: bool
    requests: int
    changed: int
    removed: int
    people: int


async def _directory_call(call: Awaitable[T]) -> T:
    try:
        return await call
    except NotWorkspaceAccount:
        raise DirectoryUnavailable() from None


class Directory:
    def __init__(self, client: PeopleClient, create_many: CreateMany) -> None:
        """`create_many` adds contacts to My Contacts (the book's `create_many`)."""
        self._client = client
        self._create_many = create_many
        self._people: dict[str, PersonJson] = {}
        self._sync_token: str | None = None

    # -- browsing -----------------------------------------------------------------------------

    async def list_page(self, page_token: str | None = None, page_size: int = 100) -> DirectoryPage:
        """One page of the directory, in the server's order."""
        page = await _directory_call(
            self._client.list_directory_people(
                read_mask=DIRECTORY_FIELDS,
                sources=SOURCES,
                page_size=page_size,
                page_token=page_token,
            )
        )
        people = [person.to_api() for person in page.people or []]
        return DirectoryPage(people, page.next_page_token or None)

    async def search(
        self, query: str, page_token: str | None = None, page_size: int = 50
    ) -> DirectoryPage:
        """One page of directory people whose names, emails, phones or organizations start
        with `query`."""
        page = await _directory_call(
            self._client.search_directory_people(
                query,
                read_mask=DIRECTORY_FIELDS,
                sources=SOURCES,
                page_size=min(page_size, SEARCH_PAGE_SIZE),
                page_token=page_token,
            )
        )
        people = [person.to_api() for person in page.people or []]
        return DirectoryPage(people, page.next_page_token or None, page.total_size)

    # -- the whole directory, kept up to date --------------------------------------------------

    def people(self) -> list[PersonJson]:
        """The directory as of the last `sync`, by display name."""
        return sorted(self._people.values(), key=lambda person: display_name(person).casefold())

    def get(self, resource_name: str) -> PersonJson | None:
        return self._people.get(resource_name)

    async def sync(self) -> DirectorySyncReport:
        """Read the whole directory the first time, then only what changed since."""
        if self._sync_token is not None:
            try:
                return await self._read(self._sync_token)
            except (SyncTokenExpired, BadRequest):
                self._sync_token = None
        return await self._read(None)

    async def _read(self, sync_token: str | None) -> DirectorySyncReport:
        pages = self._client.iter_directory_people(
            read_mask=DIRECTORY_FIELDS,
            sources=SOURCES,
            page_size=LIST_PAGE_SIZE,
            request_sync_token=True,
            sync_token=sync_token,
        )
        received: list[PersonJson] = [person.to_api() async for person in _each(pages.people())]
        full = sync_token is None
        if full:
            self._people = {}
        removed = 0
        for person in received:
            name = person.get("resourceName")
            if not isinstance(name, str):
                continue
            if is_tombstone(person):
                removed += self._people.pop(name, None) is not None
            else:
                self._people[name] = person
        self._sync_token = pages.next_sync_token
        return DirectorySyncReport(
            full, pages.requests, len(received) - removed, removed, len(self._people)
        )

    # -- into My Contacts ---------------------------------------------------------------------

    async def add_to_contacts(self, people: Sequence[PersonJson]) -> BatchResult:
        """Copy directory people into My Contacts (their writable fields; batch requests of 200
        for many), one undo step."""
        copies = [writable_copy(person, leave_out={"memberships"}) for person in people]
        return await self._create_many(copies)


async def _each(people: AsyncIterator[Person]) -> AsyncIterator[Person]:
    try:
        async for person in people:
            yield person
    except NotWorkspaceAccount:
        raise DirectoryUnavailable() from None
