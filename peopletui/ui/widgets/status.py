"""The status line under the panes: the account, how many contacts (shown, marked), the sync
state with a progress bar while a sync runs, and the writes still waiting to be sent.

It takes plain values and knows nothing of services; the main screen feeds it from the book's
events. Styles come from `styles/main.tcss`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

from peopletui.ui.text import literal


def count_text(total: int, shown: int, selected: int, *, filtered: bool) -> str:
    """ "1,204 contacts", "37 of 1,204 contacts", plus " · 3 marked"."""
    noun = "contact" if total == 1 else "contacts"
    text = f"{shown:,} of {total:,} {noun}" if filtered else f"{total:,} {noun}"
    if selected:
        text += f" · {selected:,} marked"
    return text


def writes_text(pending: int, waiting: int) -> str:
    """What is left to send (`pending`) and what needs the user (`waiting`)."""
    parts = []
    if pending:
        parts.append(f"{pending:,} change{'s' if pending != 1 else ''} sending")
    if waiting:
        parts.append(f"{waiting:,} waiting for you (w)")
    return " · ".join(parts)


class StatusBar(Horizontal):
    _counts_width = -1
    """The cells of the counts last shown (-1: none yet)."""

    def compose(self) -> ComposeResult:
        yield Static(id="status-account")
        yield Static(id="status-counts")
        yield Static(id="status-sync")
        yield ProgressBar(id="status-progress", show_eta=False, show_percentage=True)
        yield Static(id="status-writes")

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False

    def set_account(self, account: str) -> None:
        self.query_one("#status-account", Static).update(literal(account, one_line=True))

    def set_counts(self, total: int, shown: int, selected: int, *, filtered: bool) -> None:
        text = Content(count_text(total, shown, selected, filtered=filtered))
        # Each filter keystroke sets the counts: a text as wide as the last needs a repaint
        # only, not a layout of the whole screen.
        resized = text.cell_length != self._counts_width
        self._counts_width = text.cell_length
        self.query_one("#status-counts", Static).update(text, layout=resized)

    def set_sync(self, text: str, *, error: bool = False) -> None:
        """The sync state in words ("synced", "syncing…", "sync failed: …")."""
        label = self.query_one("#status-sync", Static)
        label.update(literal(text, one_line=True, max_chars=120))
        label.set_class(error, "-error")

    def set_progress(self, done: int | None, total: int | None = None) -> None:
        """Show the progress bar at `done` of `total` (None total: pulsing); None hides it."""
        bar = self.query_one(ProgressBar)
        bar.display = done is not None
        if done is not None:
            bar.update(total=total, progress=done)

    def set_writes(self, pending: int, waiting: int) -> None:
        label = self.query_one("#status-writes", Static)
        label.update(Content(writes_text(pending, waiting)))
        label.set_class(waiting > 0, "-attention")
