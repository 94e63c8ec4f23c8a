"""MainScreen: the contact list with its filter, the detail pane, and the status line.

- The book paints from the local cache as soon as it is loaded; the sync runs afterwards in a
  worker, and its events (through `EventBridge`) update the list, the status line and the
  progress bar. A refresh of the list is coalesced: many events, one repaint.
- The filter searches the book's local index as you type. A keystroke shows the best
  `FIRST_PAGE` matches at once, and the full list once the typing pauses, if the query is
  still the same (the stale-result guard). While the book is incomplete (first sync still running),
  the server's searchContacts fills in what the device does not hold yet.
- The detail pane shows the highlighted contact; its photo is fetched through the book after
  the cursor rests for a moment, and kept.

Changing contacts lives in `main_writes.py` and `main_batch.py`; keys in `main_keys.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import ClassVar, Final

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer

from peopletui.api.errors import PeopleApiError
from peopletui.cache.display import display_name, secondary_line
from peopletui.paths import styles_dir
from peopletui.services import events as ev
from peopletui.services.interfaces import ContactBookService, DirectoryService
from peopletui.services.refresh import shown_photo_url
from peopletui.ui.bridge import EventBridge, ServiceEvent
from peopletui.ui.connection import SignInNeeded
from peopletui.ui.notices import Notice, plural
from peopletui.ui.rows import RowCache, build_all
from peopletui.ui.screens import main_keys
from peopletui.ui.screens.main_base import SYNC
from peopletui.ui.screens.main_batch import BatchMixin
from peopletui.ui.screens.main_writes import SIGN_IN_ERRORS
from peopletui.ui.widgets import ContactList, ContactRow
from peopletui.ui.widgets.detail import DetailPane
from peopletui.ui.widgets.filter import FilterInput
from peopletui.ui.widgets.status import StatusBar

logger = logging.getLogger(__name__)

FIRST_PAGE: Final = 120
"""Matches shown within the keystroke's frame; the rest follow right after it."""
BACKGROUND_ROWS: Final = 1_500
"""Books larger than this have their rows built in a thread (about 9 µs a row)."""
FULL_LIST_DELAY: Final = 0.12
"""Seconds of quiet typing before a filter's full list (beyond its first page) is shown."""
PHOTO_DELAY: Final = 0.12
"""Seconds the cursor rests on a contact before its photo is fetched."""
SERVER_SEARCH_DELAY: Final = 0.25
"""Seconds of quiet typing before the server's search is asked (newer keystrokes cancel)."""

_NEEDS_CONTACT: Final = frozenset({"edit", "reload", "set_photo", "remove_photo"})
_NEEDS_CONTACT_OR_MARKS: Final = frozenset({"delete", "duplicate"})


class MainScreen(BatchMixin):
    CSS_PATH = str(styles_dir() / "main.tcss")
    AUTO_FOCUS = "#contacts"
    BINDINGS: ClassVar[list[BindingType]] = list(main_keys.BINDINGS)
    PALETTE_ONLY: ClassVar[tuple[main_keys.PaletteOnly, ...]] = main_keys.PALETTE_ONLY

    def __init__(
        self, book: ContactBookService, directory: DirectoryService, *, account: str
    ) -> None:
        super().__init__(book, directory, account=account)
        self._rows = RowCache(self.book.row)
        self._query = ""
        self._server_hits: list[str] = []
        """What the server's search found for `_query`, best first."""
        self._shown = 0
        self._refresh_pending = False
        self._rebuilding = False
        self._syncing = False
        self._photos: LRUCache[str, bytes | None] = LRUCache(64)
        self._bridge: EventBridge | None = None
        self._footer_state: tuple[bool, bool, bool] | None = None
        """What `check_action` answered when the footer was last redrawn."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="main-panes"):
            with Vertical(id="list-pane"):
                yield FilterInput(id="filter")
                yield ContactList(id="contacts")
            yield DetailPane(id="detail")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self._bridge = EventBridge(self.book.events, self)
        status = self.query_one(StatusBar)
        status.set_account(self.account)
        status.set_sync("opening the local copy…")
        # The filter runs as the box's value changes, in the keystroke's own turn: its Changed
        # message would reach the screen after the frame the keystroke starts, so the new rows
        # would wait a frame (16 ms) for the next one.
        self.watch(self.query_one(FilterInput), "value", self._filter_changed, init=False)
        self._refresh_list()
        self.run_worker(self._start(), name="start", group=SYNC, exit_on_error=False)

    def on_unmount(self) -> None:
        if self._bridge is not None:
            self._bridge.close()

    async def _start(self) -> None:
        await self.book.start(sync=False)  # the cache is in memory: rows are painted
        await self.refresh_waiting()
        # Google's warmup search beside the sync: the first server search (S, or a filter
        # while the book is incomplete) then finds recent changes without waiting for it.
        self.run_worker(self._warm_up(), name="warmup", group=SYNC, exit_on_error=False)
        await self._sync(full=False)

    async def _warm_up(self) -> None:
        # A failure needs no notice: a server search warms up again before it asks.
        with contextlib.suppress(PeopleApiError):
            await self.book.warm_up_search()

    # -- the list and the filter ----------------------------------------------------------------

    def _filter_changed(self, query: str) -> None:
        self.apply_filter(query)

    @on(FilterInput.Done)
    def _filter_done(self) -> None:
        self.contact_list.focus()

    def apply_filter(self, query: str) -> None:
        """Show the contacts matching `query` (everyone for an empty one). A new query shows
        its best page now and the full list once the typing pauses; the same query again (the
        book changed) shows the full list at once, so the cursor keeps its contact."""
        if query == self._query:
            self._show_all(query)
            return
        self._query = query
        self._server_hits = []
        first = self.book.search(query, FIRST_PAGE)
        self._show(first.resource_names, first.total)
        if first.total > len(first.resource_names):
            self._show_all_matches(query)
        if query.strip() and not self.book.complete:
            self._search_server(query)
        self._refresh_bindings_if_changed()

    @work(group="filter", exclusive=True, exit_on_error=False)
    async def _show_all_matches(self, query: str) -> None:
        # Ranking a first letter's 20,000 matches takes longer than a frame: do it once the
        # typing pauses (a newer keystroke cancels this), not on every keystroke.
        await asyncio.sleep(FULL_LIST_DELAY)
        if query == self._query:  # the stale-result guard: still what the box says
            self._show_all(query)

    def _show_all(self, query: str) -> None:
        result = self.book.search(query)
        missing = len(result.resource_names) - len(self._rows)
        if self._rebuilding and missing > BACKGROUND_ROWS:
            # The rows are being made in a thread and the list fills in when they are; until
            # then it keeps what it shows (or shows the first page of an empty list).
            if self.contact_list.row_count == 0:
                self._show(result.resource_names[:FIRST_PAGE], result.total)
            return
        self._show(result.resource_names, result.total)

    def _show(self, names: list[str], total: int) -> None:
        rows = self._rows.rows_for(names)
        extra = [name for name in self._server_hits if self.book.get(name) is None]
        rows += [self._server_row(name) for name in extra if name in self.found_on_server]
        self.contact_list.set_rows(rows)
        self._shown = total + len(extra)
        self._show_counts()
        key = self.highlighted()
        if key is not None and self.person(key) is not self.detail.person:
            self._show_detail(key)  # the contact under the cursor changed
        if self.reveal_pending is not None:
            self.reveal(self.reveal_pending)

    def _server_row(self, name: str) -> ContactRow:
        person = self.found_on_server[name]
        subtitle = secondary_line(person)
        return ContactRow(name, display_name(person), f"server · {subtitle}".rstrip(" ·"))

    def _schedule_refresh(self) -> None:
        if not self._refresh_pending:
            self._refresh_pending = True
            self.call_later(self._refresh_list)

    def _refresh_list(self) -> None:
        self._refresh_pending = False
        self._show_all(self._query)

    def _show_counts(self) -> None:
        self.query_one(StatusBar).set_counts(
            len(self.book),
            self._shown,
            len(self.contact_list.selected_keys),
            filtered=bool(self._query.strip()),
        )

    def _rebuild_rows(self) -> None:
        names = self.book.names_in_order()
        if len(names) <= BACKGROUND_ROWS:
            self._rows.clear()
            return
        self._rows.start_rebuild()
        self._rebuilding = True
        self.run_worker(self._build_rows(names), group="rows", exclusive=True, exit_on_error=False)

    async def _build_rows(self, names: list[str]) -> None:
        rows = await asyncio.to_thread(build_all, names, self.book.row)
        self._rows.finish_rebuild(rows)
        self._rebuilding = False
        self._schedule_refresh()

    # -- the highlighted contact ----------------------------------------------------------------

    @on(ContactList.Highlighted, "#contacts")
    def _highlighted(self, event: ContactList.Highlighted) -> None:
        event.stop()
        # A filter's `_show` has usually shown this contact already: drawing the same details
        # again costs a second layout, a frame after the keystroke's.
        if self.person(event.key) is not self.detail.person:
            self._show_detail(event.key)
        self._refresh_bindings_if_changed()

    @on(ContactList.Opened, "#contacts")
    def _opened(self, event: ContactList.Opened) -> None:
        event.stop()
        self.open_contact(event.key)

    @on(ContactList.SelectionChanged, "#contacts")
    def _selection_changed(self, event: ContactList.SelectionChanged) -> None:
        event.stop()
        self._show_counts()
        self._refresh_bindings_if_changed()

    def _show_detail(self, key: str | None) -> None:
        person = self.person(key)
        note = ""
        if key is not None and person is not None and self.book.get(key) is None:
            note = "Found by the server's search; not on this device yet (e loads it)."
        self.detail.show_person(person, note=note)
        url = shown_photo_url(person) if person is not None else None
        if url is None:
            self.detail.show_photo(None)
        elif url in self._photos:
            self.detail.show_photo(self._photos[url])
        else:
            self.detail.show_photo(None)
            self._fetch_photo(key, url)

    @work(group="photo", exclusive=True, exit_on_error=False)
    async def _fetch_photo(self, key: str | None, url: str) -> None:
        await asyncio.sleep(PHOTO_DELAY)  # moving on cancels this: no fetch per passing row
        try:
            image: bytes | None = await self.book.photo_bytes(url)
        except PeopleApiError as error:
            logger.info("photo not loaded: %s", type(error).__name__)
            image = None
        self._photos[url] = image
        if self.highlighted() == key:
            self.detail.show_photo(image)

    # -- the book's events ----------------------------------------------------------------------

    def on_service_event(self, message: ServiceEvent) -> None:
        event = message.event
        status = self.query_one(StatusBar)
        match event:
            case ev.BookChanged():
                self._book_changed(event)
            case ev.CacheOpened(people=people):
                status.set_sync(f"local copy: {plural(people, 'contact')}")
            case ev.CacheRebuilt():
                where = f" It was set aside as {event.set_aside}." if event.set_aside else ""
                text = f"The local copy could not be used ({event.detail}).{where} "
                self.tell(Notice(text + "A full sync is rebuilding it.", "warning"))
            case ev.SyncStarted(full=full):
                self._syncing = True
                status.set_sync("full sync…" if full else "syncing…")
                status.set_progress(0, None)
            case ev.SyncProgress(people=people, total=total):
                of = f" of {total:,}" if total else ""
                status.set_sync(f"syncing… {people:,}{of}")
                status.set_progress(people, total)
            case ev.SyncFinished():
                self._syncing = False
                status.set_sync("synced")
                status.set_progress(None)
            case ev.SyncFailed(message=text):
                self._syncing = False
                status.set_sync("sync failed: showing the local copy", error=True)
                status.set_progress(None)
                self.tell(Notice(f"{text} Press s to try again.", "warning"))
            case ev.QueueIdle(waiting=waiting):
                self.waiting = waiting
                self.show_writes()
            case ev.WriteQueued() | ev.WriteSaved() | ev.WriteFailed() | ev.WriteConflict():
                self.show_writes()
            case ev.SignInRequired(message=text):
                self.app.post_message(SignInNeeded(text))

    def _book_changed(self, event: ev.BookChanged) -> None:
        if event.everything:
            self._rebuild_rows()
        else:
            self._rows.forget(event.changed)
            self._rows.forget(event.removed)
        for name in (*event.changed, *event.removed):
            self.found_on_server.pop(name, None)
        if event.removed:
            marked = self.contact_list.selected_keys
            self.contact_list.set_selection(marked.difference(event.removed))
        self._schedule_refresh()

    # -- syncing and the server's search --------------------------------------------------------

    async def _sync(self, *, full: bool) -> None:
        try:
            await self.book.sync(full=full)
        except SIGN_IN_ERRORS as error:
            self.app.post_message(SignInNeeded(error.message))
        except PeopleApiError:
            pass  # SyncFailed has told the user; the book keeps what it had

    def action_sync(self) -> None:
        self._start_sync(full=False)

    def action_full_sync(self) -> None:
        self._start_sync(full=True)

    def _start_sync(self, *, full: bool) -> None:
        if self._syncing:
            self.say("A sync is already running.")
            return
        self.run_worker(self._sync(full=full), name="sync", group=SYNC, exit_on_error=False)

    def action_search_server(self) -> None:
        if not self._query.strip():
            self.say("Type in the filter first (/), then press S to ask the server.")
            return
        self._search_server(self._query, asked=True)

    @work(group="server-search", exclusive=True, exit_on_error=False)
    async def _search_server(self, query: str, *, asked: bool = False) -> None:
        if not asked:
            await asyncio.sleep(SERVER_SEARCH_DELAY)  # a newer keystroke cancels this
        try:
            # Asked for (S): a fresh warmup first, so changes made elsewhere since the start's
            # warmup are in Google's search cache.
            people = await self.book.search_server(query.strip(), fresh=asked)
        except SIGN_IN_ERRORS:
            raise
        except PeopleApiError as error:
            if asked:
                self.tell(Notice(f"The server's search failed: {error.message}", "warning"))
            return
        if query != self._query:
            return  # stale: the box says something else now
        names = [str(person["resourceName"]) for person in people]
        for name, person in zip(names, people, strict=True):
            if self.book.get(name) is None:
                self.found_on_server[name] = person
        self._server_hits = names
        self._refresh_list()
        if asked:
            new = sum(1 for name in names if self.book.get(name) is None)
            found = plural(len(names), "contact")
            self.say(f"The server found {found}; {new:,} not on this device yet.")

    def action_directory(self) -> None:
        # Imported when opened: the directory screen is not needed for the first paint.
        from peopletui.ui.screens.directory import DirectoryScreen

        self.app.push_screen(
            DirectoryScreen(
                self.directory, self.book, account=self.account, load_photo=self.book.photo_bytes
            )
        )

    # -- focus ----------------------------------------------------------------------------------

    def action_focus_filter(self) -> None:
        self.query_one(FilterInput).focus()

    def action_focus_list(self) -> None:
        self.contact_list.focus()

    def action_focus_detail(self) -> None:
        self.detail.focus()

    def action_clear_filter(self) -> None:
        self.query_one(FilterInput).value = ""
        self.contact_list.focus()

    def _bindings_state(self) -> tuple[bool, bool, bool]:
        """Everything `check_action` depends on: a filter, a highlighted contact, marks."""
        if not self.is_mounted:
            return (bool(self._query), False, False)
        list_ = self.contact_list
        return (bool(self._query), list_.highlighted_key is not None, bool(list_.selected_keys))

    def refresh_bindings(self) -> None:
        self._footer_state = self._bindings_state()
        super().refresh_bindings()

    def _refresh_bindings_if_changed(self) -> None:
        # The footer rebuilds all its keys on every refresh (a few milliseconds of widgets and
        # styles): a keystroke or a cursor move that changes none of the answers skips it.
        if self._bindings_state() != self._footer_state:
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return bool(self._query)  # False: escape goes on to whoever else wants it
        if action in _NEEDS_CONTACT:
            return True if self.is_mounted and self.highlighted() is not None else None
        if action in _NEEDS_CONTACT_OR_MARKS:
            if not self.is_mounted:
                return None
            has = self.highlighted() is not None or bool(self.contact_list.selected_keys)
            return True if has else None
        # batch_edit stays enabled without marks: pressing b then says how to mark contacts.
        return True
