"""What the UI needs from the services, as Protocols: screens depend on these, and the real
services (`ContactBook`, `Directory`, built by `Session`) or a test's stand-ins are handed in.

`BookReader` is enough for a screen that only shows contacts; `ContactBookService` adds every
change. Events arrive through `events.subscribe(callback)` (see `events.py`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

# Every name here is only an annotation: importing them for real would pull in the service
# implementations (and the API client's models) before the app's first paint.
if TYPE_CHECKING:
    from peopletui.cache.people import IndexRow
    from peopletui.cache.records import Draft
    from peopletui.cache.search import SearchResult
    from peopletui.services.changes import Edit
    from peopletui.services.contacts import ContactBook
    from peopletui.services.directory import Directory, DirectoryPage, DirectorySyncReport
    from peopletui.services.events import EventBus
    from peopletui.services.fields import PersonJson
    from peopletui.services.merge import Choice
    from peopletui.services.refresh import RefreshReport
    from peopletui.services.results import BatchResult, SaveOutcome, UndoOutcome
    from peopletui.services.sync import SyncReport


class BookReader(Protocol):
    """Reading the book: instant, from memory."""

    events: EventBus

    def __len__(self) -> int: ...

    def get(self, resource_name: str) -> PersonJson | None: ...

    def row(self, resource_name: str) -> IndexRow | None: ...

    def names_in_order(self) -> list[str]: ...

    def search(self, query: str, limit: int | None = None) -> SearchResult: ...

    @property
    def complete(self) -> bool: ...

    async def search_server(
        self, query: str, limit: int = 30, *, fresh: bool = False
    ) -> list[PersonJson]: ...

    async def warm_up_search(self) -> None: ...

    async def refresh(self, resource_names: Iterable[str]) -> RefreshReport: ...

    async def photo_bytes(self, url: str) -> bytes: ...

    async def sync(self, *, full: bool = False) -> SyncReport: ...

    async def wait_synced(self) -> None: ...


class BookWriter(Protocol):
    """Changing the book: each call returns once the server answered (or QUEUED)."""

    def begin_edit(self, resource_name: str) -> Edit: ...

    async def save(self, edit: Edit) -> SaveOutcome: ...

    async def create(self, values: Mapping[str, object]) -> SaveOutcome: ...

    async def delete(self, resource_name: str) -> SaveOutcome: ...

    async def set_photo(self, resource_name: str, image: bytes) -> SaveOutcome: ...

    async def delete_photo(self, resource_name: str) -> SaveOutcome: ...

    async def create_many(self, people: Sequence[Mapping[str, object]]) -> BatchResult: ...

    async def update_many(
        self, values_by_name: Mapping[str, Mapping[str, object]]
    ) -> BatchResult: ...

    async def delete_many(self, resource_names: Iterable[str]) -> BatchResult: ...

    async def waiting_drafts(self) -> list[Draft]: ...

    async def resolve_conflict(
        self, draft_id: int, choices: Mapping[str, Choice]
    ) -> SaveOutcome: ...

    async def retry_draft(self, draft_id: int) -> SaveOutcome: ...

    async def discard_draft(self, draft_id: int) -> None: ...

    async def can_undo(self) -> bool: ...

    async def undo(self) -> UndoOutcome: ...

    def resume_writes(self) -> None: ...

    @property
    def pending_writes(self) -> int: ...


class ContactBookService(BookReader, BookWriter, Protocol):
    """The whole contact book, as the main screen uses it."""

    async def start(self, *, sync: bool = True) -> None: ...

    async def close(self) -> None: ...


class DirectoryService(Protocol):
    """The Workspace directory (raises `DirectoryUnavailable` on a personal account)."""

    async def list_page(
        self, page_token: str | None = None, page_size: int = 100
    ) -> DirectoryPage: ...

    async def search(
        self, query: str, page_token: str | None = None, page_size: int = 50
    ) -> DirectoryPage: ...

    def people(self) -> list[PersonJson]: ...

    def get(self, resource_name: str) -> PersonJson | None: ...

    async def sync(self) -> DirectorySyncReport: ...

    async def add_to_contacts(self, people: Sequence[PersonJson]) -> BatchResult: ...


if TYPE_CHECKING:

    def _the_real_services_conform(
        book: ContactBook, directory: Directory
    ) -> tuple[ContactBookService, DirectoryService]:
        # Checked by mypy only: the real services satisfy the Protocols the screens use.
        return book, directory
