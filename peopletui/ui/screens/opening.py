"""The screen shown while the account opens: the cached rows in the main screen's layout.

On a warm start the app paints the list from the local cache (`Connector.cached_rows`) before
it has imported and built its services, then the main screen takes over in the same place.
Keys typed meanwhile are kept and handed to the main screen (`take_keys`), so nothing typed
in the first moments is lost. Without cached rows it is a centred line saying what is opening
(and, if that fails, why).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from peopletui.cache.preview import PreviewRow
from peopletui.ui.widgets.contact_list import ContactList
from peopletui.ui.widgets.contact_row import ContactRow


class OpeningScreen(Screen[None]):
    """The app's default screen. Styled by the main screen's sheet, which the app loads with
    its own (a default screen's CSS_PATH is never read): the preview sits exactly where the
    main screen's list will."""

    AUTO_FOCUS = None  # keys come to the screen, which keeps them for the main screen

    def __init__(self, label: str, rows: Sequence[PreviewRow]) -> None:
        super().__init__(id="_default")
        self._label = label
        self._rows = [ContactRow(row.resource_name, row.title, row.subtitle) for row in rows]
        self._keys: list[events.Key] = []

    def compose(self) -> ComposeResult:
        if not self._rows:
            yield Static(Content(f"Opening {self._label}…"), id="opening")
            return
        with Horizontal(id="main-panes"):
            with Vertical(id="list-pane"):
                yield Static(id="filter-placeholder")
                yield ContactList(self._rows, id="contacts")
            yield Static(id="detail")
        yield Static(Content(f" Opening {self._label}…"), id="opening", classes="-status")
        yield Static(id="footer-placeholder")

    def on_key(self, event: events.Key) -> None:
        if event.key in self.app.active_bindings:
            return  # the app's own keys (quit, help) work at once, even if opening fails
        event.stop()
        event.prevent_default()
        self._keys.append(event)

    def take_keys(self) -> list[events.Key]:
        """The keys typed on this screen, oldest first (each handed out once)."""
        keys, self._keys = self._keys, []
        return keys
