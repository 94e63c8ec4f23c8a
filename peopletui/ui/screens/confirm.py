"""ConfirmScreen: a yes/no question before anything destructive or irreversible.

Used for deleting a contact (the name passed in as untrusted text), deleting a selection
("Delete 37 contacts?"), removing a photo, and discarding unsaved changes. `y` confirms, `n` and
escape cancel; enter presses the focused button. For a dangerous action Cancel has the focus at
first, so a stray enter never deletes anything.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from peopletui.paths import styles_dir
from peopletui.ui.text import literal


class ConfirmScreen(ModalScreen[bool]):
    """Asks `question`; dismisses with True (confirmed) or False (cancelled)."""

    CSS_PATH = str(styles_dir() / "confirm.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", "Yes", id="confirm.yes", tooltip="Confirm"),
        Binding("n", "cancel", "No", id="confirm.no", tooltip="Cancel"),
        Binding("escape", "cancel", "Cancel", id="confirm.cancel", tooltip="Cancel", show=False),
    ]

    def __init__(
        self, question: str | Content, *, confirm_label: str = "Delete", danger: bool = True
    ) -> None:
        super().__init__()
        # A plain string may hold a contact's name: it is shown as written, never as markup.
        self._question = question if isinstance(question, Content) else literal(question)
        self._confirm_label = confirm_label
        self._danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="-danger" if self._danger else ""):
            yield Static(self._question, id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(
                    literal(self._confirm_label, one_line=True),
                    id="confirm-yes",
                    variant="error" if self._danger else "primary",
                )
                yield Button("Cancel", id="confirm-no")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#confirm-no" if self._danger else "#confirm-yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
