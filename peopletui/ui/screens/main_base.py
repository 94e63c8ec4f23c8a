"""What the main screen's parts share: the services, the contacts shown, and small helpers.

The main screen is split by job — `main.py` (list, filter, details, the book's events),
`main_writes.py` (one contact: edit, create, delete, photos, undo, conflicts, waiting changes)
and `main_batch.py` (marked contacts and reloading) — all on top of this base.
"""

from __future__ import annotations

import logging
from collections.abc import Coroutine
from typing import Any, Final

from textual.screen import Screen
from textual.worker import Worker

from peopletui.cache.display import display_name
from peopletui.services.fields import PersonJson
from peopletui.services.interfaces import ContactBookService, DirectoryService
from peopletui.ui.notices import Notice
from peopletui.ui.widgets import ContactList
from peopletui.ui.widgets.detail import DetailPane
from peopletui.ui.widgets.status import StatusBar
from peopletui.ui.workers import ForwardsWorkerErrors

logger = logging.getLogger(__name__)

WRITES: Final = "writes"
"""Worker group of every change (never exclusive: a cancelled write is a lost write)."""
READS: Final = "reads"
SYNC: Final = "sync"


class MainBase(ForwardsWorkerErrors, Screen[None]):
    def __init__(
        self, book: ContactBookService, directory: DirectoryService, *, account: str
    ) -> None:
        super().__init__()
        self.book = book
        self.directory = directory
        self.account = account
        self.found_on_server: dict[str, PersonJson] = {}
        """People the server's search found that the book does not hold (yet)."""
        self.waiting = 0
        """Changes that wait for the user (conflicts, refusals)."""
        self.reveal_pending: str | None = None
        """A contact to put the cursor on as soon as the list shows it (one just created)."""

    # -- what is shown --------------------------------------------------------------------------

    @property
    def contact_list(self) -> ContactList:
        return self.query_one("#contacts", ContactList)

    @property
    def detail(self) -> DetailPane:
        return self.query_one("#detail", DetailPane)

    def person(self, key: str | None) -> PersonJson | None:
        if key is None:
            return None
        return self.book.get(key) or self.found_on_server.get(key)

    def name_of(self, key: str) -> str:
        person = self.person(key)
        return display_name(person) if person is not None else "this contact"

    def highlighted(self) -> str | None:
        return self.contact_list.highlighted_key

    def marked(self) -> list[str]:
        """The marked contacts: those in the list first, in its order, then hidden ones."""
        marked = self.contact_list.selected_keys
        in_list = [row.key for row in self.contact_list.rows if row.key in marked]
        hidden = sorted(marked.difference(in_list))
        return in_list + [key for key in hidden if self.book.get(key) is not None]

    def reveal(self, key: str) -> None:
        """Put the cursor on `key` now, or as soon as the list shows it."""
        if self.contact_list.move_to_key(key):
            self.reveal_pending = None
        else:
            self.reveal_pending = key

    # -- telling the user -----------------------------------------------------------------------

    def tell(self, notice: Notice) -> None:
        """Show a notice; the text may hold a contact's name, so it is never markup."""
        timeout = 10 if notice.severity != "information" else None
        self.app.notify(notice.text, severity=notice.severity, markup=False, timeout=timeout)

    def say(self, text: str) -> None:
        self.tell(Notice(text))

    def show_writes(self) -> None:
        self.query_one(StatusBar).set_writes(self.book.pending_writes, self.waiting)

    async def refresh_waiting(self) -> None:
        self.waiting = len(await self.book.waiting_drafts())
        self.show_writes()

    # -- workers ----------------------------------------------------------------------------------

    def run_write(self, work: Coroutine[Any, Any, None], name: str) -> Worker[None]:
        """Run a change (and the dialogs around it) in a worker that is never cancelled by
        another one."""
        return self.run_worker(work, name=name, group=WRITES, exit_on_error=False)

    def run_read(self, work: Coroutine[Any, Any, None], name: str) -> Worker[None]:
        return self.run_worker(work, name=name, group=READS, exit_on_error=False)
