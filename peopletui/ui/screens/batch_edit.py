"""BatchEditScreen: choose one change (company, job title, nickname, email type) and its value,
for every marked contact. Dismisses with a `BatchEditChoice`, or None on escape; the caller
asks for confirmation (with the count) and sends it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Select, Static

from peopletui.paths import styles_dir
from peopletui.ui.batch_changes import BATCH_CHANGES, CHANGES_BY_ID, BatchChange
from peopletui.ui.notices import plural


@dataclass(frozen=True, slots=True)
class BatchEditChoice:
    change: BatchChange
    value: str


class BatchEditScreen(ModalScreen["BatchEditChoice | None"]):
    CSS_PATH = str(styles_dir() / "batch_edit.tcss")
    AUTO_FOCUS = "#batch-value"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "apply",
            "Apply",
            id="batch.apply",
            tooltip="Apply to the marked contacts",
            priority=True,
        ),
        Binding("escape", "cancel", "Cancel", id="batch.cancel", tooltip="Change nothing"),
    ]

    def __init__(self, count: int) -> None:
        super().__init__()
        self._count = count

    def compose(self) -> ComposeResult:
        with Vertical(id="batch-dialog"):
            yield Static(
                Content(f"Change {plural(self._count, 'marked contact')}"), id="batch-title"
            )
            yield Select(
                [(change.title, change.id) for change in BATCH_CHANGES],
                value=BATCH_CHANGES[0].id,
                allow_blank=False,
                id="batch-field",
            )
            yield Input(placeholder=BATCH_CHANGES[0].placeholder, id="batch-value")
            yield Static(id="batch-problem")
            with Horizontal(id="batch-buttons"):
                yield Button("Apply", id="batch-apply", variant="primary")
                yield Button("Cancel", id="batch-cancel")
        yield Footer()

    @property
    def change(self) -> BatchChange:
        value = self.query_one("#batch-field", Select).value
        return CHANGES_BY_ID[str(value)]

    @on(Select.Changed, "#batch-field")
    def _field_changed(self) -> None:
        self.query_one("#batch-value", Input).placeholder = self.change.placeholder

    @on(Input.Submitted, "#batch-value")
    def _submitted(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#batch-apply")
    def _apply_pressed(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#batch-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_apply(self) -> None:
        value = self.query_one("#batch-value", Input).value.strip()
        if not value:
            self.query_one("#batch-problem", Static).update(Content("Type a value first."))
            self.query_one("#batch-value", Input).focus()
            return
        self.dismiss(BatchEditChoice(self.change, value))

    def action_cancel(self) -> None:
        self.dismiss(None)
