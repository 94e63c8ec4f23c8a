"""The filter box above the contact list: an Input whose escape clears it and whose enter or
down arrow hands the keys back to the list (the screen decides what "the list" is)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class FilterInput(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "clear",
            "Clear",
            id="filter.clear",
            tooltip="Clear the filter and go back to the list",
        ),
        Binding(
            "down,enter",
            "done",
            "To the list",
            id="filter.done",
            tooltip="Keep the filter and go to the list",
        ),
    ]

    class Done(Message):
        """The user is done typing (`cleared`: and emptied the box)."""

        def __init__(self, cleared: bool) -> None:
            super().__init__()
            self.cleared = cleared

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Filter: / then type a name, email, phone…", id=id)

    def action_clear(self) -> None:
        self.value = ""
        self.post_message(self.Done(cleared=True))

    def action_done(self) -> None:
        self.post_message(self.Done(cleared=False))
