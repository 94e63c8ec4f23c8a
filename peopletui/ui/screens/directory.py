"""DirectoryScreen: search and browse the Google Workspace directory, and copy people into My
Contacts.

- Typing searches as you type: each keystroke starts an exclusive worker that waits
  `SEARCH_DEBOUNCE` seconds before asking the server, so a fast typist sends one request, and a
  newer query cancels an older one. A result is shown only if it still answers the query in the
  box (the stale-result guard: a cancelled worker may already have posted its answer).
- An empty box browses the whole directory a page at a time; the next page loads when the cursor
  comes near the end of the list, or with `m`. The status line counts "n of total" (a browse
  learns its total only on its last page: the API does not send one).
- The pane on the right shows the highlighted person (and their photo, when `load_photo` is
  given). `space` marks people; `a` adds the marked ones (or the highlighted one) after a
  confirmation, and a notice lists what could not be added.
- A personal Google account has no directory: the screen explains that instead of failing.

Worker failures (no network, sign-in needed) go to the app's one error handler
(`ForwardsWorkerErrors`); a failed read also leaves a "press ctrl+r to try again" state here.
Styles: `styles/directory.tcss`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import ClassVar, Final

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, WorkerState

from peopletui.cache.display import display_name, secondary_line
from peopletui.paths import styles_dir
from peopletui.services.directory import DirectoryPage
from peopletui.services.errors import DirectoryUnavailable
from peopletui.services.fields import PersonJson
from peopletui.services.interfaces import BookReader, DirectoryService
from peopletui.services.results import BatchResult, SaveStatus
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.screens.directory_details import (
    add_notice,
    add_question,
    in_my_contacts,
    person_details,
    photo_url,
)
from peopletui.ui.screens.directory_listing import Listing, status_text
from peopletui.ui.text import literal
from peopletui.ui.widgets import ContactList, ContactRow, PhotoView
from peopletui.ui.workers import ForwardsWorkerErrors

logger = logging.getLogger(__name__)

PhotoLoader = Callable[[str], Awaitable[bytes]]

SEARCH_DEBOUNCE: Final = 0.15
"""Seconds of quiet after a keystroke before the directory is searched."""

PREFETCH_ROWS: Final = 10
"""The next page loads when the cursor is this close to the end of the list."""

_READ_GROUP: Final = "directory-read"
_PHOTO_GROUP: Final = "directory-photo"
_ADD_GROUP: Final = "directory-add"
_PHOTOS_KEPT: Final = 32


class DirectoryResults(ContactList):
    """The result list: the shared contact list without "open" (the pane already shows the
    highlighted person, and adding is `a`)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return False
        return super().check_action(action, parameters)


class DirectoryScreen(ForwardsWorkerErrors, Screen[None]):
    """The organisation's directory. Dismisses with None when the user goes back."""

    CSS_PATH = str(styles_dir() / "directory.tcss")
    AUTO_FOCUS = "#directory-query"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="directory.back", tooltip="Close the directory"),
        Binding(
            "slash",
            "focus_search",
            "Search",
            id="directory.search",
            tooltip="Search the directory by name, email, phone or organization",
        ),
        Binding(
            "a",
            "add",
            "Add to contacts",
            id="directory.add",
            tooltip="Add the marked people (or the highlighted one) to My Contacts",
        ),
        Binding(
            "m",
            "more",
            "More",
            id="directory.more",
            tooltip="Load the next page of results",
        ),
        Binding(
            "ctrl+r,r",
            "reload",
            "Reload",
            id="directory.reload",
            tooltip="Ask the directory again (after an error, or to see changes)",
        ),
        Binding(
            "down",
            "focus_results",
            "Results",
            show=False,
            id="directory.focus_results",
            tooltip="Move from the search box to the results",
        ),
    ]

    class PageLoaded(Message):
        """A page answering `query` arrived; `after` is the page token it was asked with
        (None for the first page)."""

        def __init__(self, query: str, after: str | None, page: DirectoryPage) -> None:
            super().__init__()
            self.query = query
            self.after = after
            self.page = page

    class Unavailable(Message):
        """The account has no directory (a personal Google account)."""

    class PhotoLoaded(Message):
        def __init__(self, url: str, image: bytes | None) -> None:
            super().__init__()
            self.url = url
            self.image = image

    class Added(Message):
        def __init__(self, people: Sequence[PersonJson], result: BatchResult) -> None:
            super().__init__()
            self.people = people
            self.result = result

    def __init__(
        self,
        directory: DirectoryService,
        book: BookReader,
        *,
        account: str,
        load_photo: PhotoLoader | None = None,
        page_size: int = 100,
    ) -> None:
        """`book` tells which directory people are in My Contacts already; `load_photo` fetches
        a photo URL's bytes (the People client's `download_photo`); without it no photo shows."""
        super().__init__()
        self._directory = directory
        self._book = book
        self._account = account
        self._load_photo = load_photo
        self._page_size = page_size
        self._known: dict[str, PersonJson] = {}
        """Every person this screen has shown, so marks survive a new search."""
        self._listing = Listing("")
        self._browse: Listing | None = None
        """The whole-directory listing, kept so that clearing the box shows it at once."""
        self._wanted = ""
        """The query the user asked for last (what the box says, stripped)."""
        self._loading = False
        self._failed = False
        self._unavailable = False
        self._reading: Worker[None] | None = None
        """The latest read; an older one that fails no longer matters."""
        self._photos: LRUCache[str, bytes | None] = LRUCache(_PHOTOS_KEPT)
        self._photo_wanted: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="directory-browser"):
            yield Input(
                placeholder="Search the directory: name, email, phone or organization",
                id="directory-query",
            )
            with Horizontal(id="directory-main"):
                yield DirectoryResults(id="directory-results")
                with VerticalScroll(id="directory-details"):
                    yield PhotoView(id="directory-photo")
                    yield Static(id="directory-person")
            yield Static(id="directory-status")
        yield Static(id="directory-unavailable")
        yield Footer()

    def on_mount(self) -> None:
        self._ask(self._wanted, after=None, debounce=False)

    # -- asking the directory ------------------------------------------------------------------

    def _ask(self, query: str, *, after: str | None, debounce: bool) -> None:
        self._loading = True
        self._failed = False
        self._show_status()
        self._reading = self._read(query, after, debounce)

    @work(group=_READ_GROUP, exclusive=True, exit_on_error=False)
    async def _read(self, query: str, after: str | None, debounce: bool) -> None:
        # Exclusive: a newer query (or page) cancels this one, even in its debounce pause.
        if debounce:
            await asyncio.sleep(SEARCH_DEBOUNCE)
        try:
            if query:
                page = await self._directory.search(query, after, self._page_size)
            else:
                page = await self._directory.list_page(after, self._page_size)
        except DirectoryUnavailable:
            self.post_message(self.Unavailable())
            return
        self.post_message(self.PageLoaded(query, after, page))

    @on(Input.Changed, "#directory-query")
    def _query_changed(self, event: Input.Changed) -> None:
        query = event.value.strip()
        if query == self._wanted or self._unavailable:
            return
        self._wanted = query
        if not query and self._browse is not None:
            # Back to browsing: the pages already read are still good.
            self.workers.cancel_group(self, _READ_GROUP)
            self._loading = False
            self._show(self._browse)
            return
        self._ask(query, after=None, debounce=True)

    @on(PageLoaded)
    def _page_loaded(self, message: PageLoaded) -> None:
        if message.query != self._wanted:
            return  # the stale-result guard: the box asks for something else now
        listing = self._listing
        if message.after is not None and (
            listing.query != message.query or listing.next_token != message.after
        ):
            return  # a page for a listing that was replaced meanwhile
        self._loading = self._failed = False
        if message.after is None:
            listing = Listing(message.query)
            if not message.query:
                self._browse = listing
        self._known.update(listing.add_page(message.page))
        self._show(listing)

    @on(Unavailable)
    def _directory_unavailable(self) -> None:
        self._unavailable = True
        self._loading = False
        self.add_class("-unavailable")
        account = literal(self._account, one_line=True)
        self.query_one("#directory-unavailable", Static).update(
            Content.assemble(
                Content.styled("No directory for this account", "bold"),
                "\n\nThe directory is for Google Workspace accounts; ",
                account,
                " is a personal Google account, so there is no directory to show. "
                "Your own contacts are unaffected.\n\nPress escape to go back.",
            )
        )
        self.refresh_bindings()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # `ForwardsWorkerErrors` also hands the error to the app, which explains it (or asks
        # for a sign-in); here the screen only says that its list is not current.
        if event.state is WorkerState.ERROR and event.worker is self._reading:
            self._loading = False
            self._failed = True
            self._show_status()

    # -- showing -------------------------------------------------------------------------------

    def _show(self, listing: Listing) -> None:
        self._listing = listing
        rows = [self._row(key) for key in listing.keys]
        self.query_one(ContactList).set_rows(rows)
        self._show_status()
        self.refresh_bindings()

    def _row(self, key: str) -> ContactRow:
        person = self._known[key]
        return ContactRow(key, display_name(person), secondary_line(person))

    def _show_status(self) -> None:
        text = status_text(
            self._listing,
            wanted=self._wanted,
            loading=self._loading,
            failed=self._failed,
            marked=len(self.query_one(ContactList).selected_keys),
        )
        self.query_one("#directory-status", Static).update(text)

    @on(ContactList.Highlighted, "#directory-results")
    def _highlighted(self, message: ContactList.Highlighted) -> None:
        self._show_person(message.key)
        self._load_more_if_near_end()

    @on(ContactList.SelectionChanged, "#directory-results")
    def _selection_changed(self) -> None:
        self._show_status()

    def _show_person(self, key: str | None) -> None:
        person = self._known.get(key) if key is not None else None
        details = self.query_one("#directory-person", Static)
        if person is None:
            details.update("")
            self._show_photo(None)
            return
        details.update(person_details(person, in_my_contacts=in_my_contacts(self._book, person)))
        self._show_photo(photo_url(person))

    def _show_photo(self, url: str | None) -> None:
        view = self.query_one(PhotoView)
        self._photo_wanted = url
        # Most people have no photo of their own: the pane then starts with their name.
        view.display = url is not None and self._load_photo is not None
        if url is None or self._load_photo is None:
            view.set_image(None)
        elif url in self._photos:
            view.set_image(self._photos.get(url))
        else:
            view.set_image(None)
            self._fetch_photo(url)

    @work(group=_PHOTO_GROUP, exclusive=True, exit_on_error=False)
    async def _fetch_photo(self, url: str) -> None:
        assert self._load_photo is not None
        try:
            image: bytes | None = await self._load_photo(url)
        except Exception as error:  # a missing photo is not worth an error: "no photo" says it
            logger.info("directory photo not loaded: %s", type(error).__name__)
            image = None
        self.post_message(self.PhotoLoaded(url, image))

    @on(PhotoLoaded)
    def _photo_loaded(self, message: PhotoLoaded) -> None:
        self._photos.set(message.url, message.image)
        if message.url == self._photo_wanted:
            self.query_one(PhotoView).set_image(message.image)

    def _load_more_if_near_end(self) -> None:
        results = self.query_one(ContactList)
        if results.cursor >= results.row_count - PREFETCH_ROWS:
            self._load_more()

    def _load_more(self) -> bool:
        listing = self._listing
        if self._loading or listing.complete or listing.query != self._wanted:
            return False
        self._ask(listing.query, after=listing.next_token, debounce=False)
        return True

    # -- adding to My Contacts -----------------------------------------------------------------

    def _chosen(self) -> list[PersonJson]:
        results = self.query_one(ContactList)
        keys = results.selected_keys or (
            {results.highlighted_key} if results.highlighted_key else set()
        )
        # In the order they were listed, so the notice reads like the list.
        return [person for key, person in self._known.items() if key in keys]

    def _added(self, people: Sequence[PersonJson], confirmed: bool | None) -> None:
        if confirmed:
            self._add(people)

    @work(group=_ADD_GROUP, exit_on_error=False)
    async def _add(self, people: Sequence[PersonJson]) -> None:
        # Never exclusive: a cancelled write is a lost write.
        result = await self._directory.add_to_contacts(people)
        self.post_message(self.Added(people, result))

    @on(Added)
    def _report_added(self, message: Added) -> None:
        text, failed = add_notice(message.people, message.result)
        self.notify(text, severity="warning" if failed else "information", markup=False)
        results = self.query_one(ContactList)
        done = {
            person.get("resourceName")
            for person, outcome in zip(message.people, message.result.outcomes, strict=False)
            if outcome.status in (SaveStatus.SAVED, SaveStatus.QUEUED)
        }
        results.set_selection(results.selected_keys - done)
        self._show_person(results.highlighted_key)

    # -- actions -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "more", "reload", "focus_search", "focus_results"):
            if self._unavailable:
                return False
            if action == "more":
                return None if self._listing.complete else True
        return True

    def action_back(self) -> None:
        query = self.query_one("#directory-query", Input)
        if self.focused is query and query.value:
            query.value = ""  # the first escape clears the search, the next one leaves
            return
        self.dismiss(None)

    def action_focus_search(self) -> None:
        self.query_one("#directory-query", Input).focus()

    def action_focus_results(self) -> None:
        self.query_one(ContactList).focus()

    def action_more(self) -> None:
        if not self._load_more() and self._listing.complete:
            self.notify("Everything is loaded.", markup=False)

    def action_reload(self) -> None:
        if self._wanted == "":
            self._browse = None
        self._ask(self._wanted, after=None, debounce=False)

    def action_add(self) -> None:
        people = self._chosen()
        if not people:
            self.notify("Nobody to add: the list is empty.", severity="warning", markup=False)
            return
        already = sum(in_my_contacts(self._book, person) for person in people)
        self.app.push_screen(
            ConfirmScreen(add_question(people, already), confirm_label="Add", danger=False),
            partial(self._added, people),
        )

    @on(Input.Submitted, "#directory-query")
    def _submitted(self) -> None:
        self.action_focus_results()
