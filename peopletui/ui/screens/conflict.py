"""ConflictScreen: the contact changed on the server while the user edited it, and some fields
were changed on both sides. For each such field the user keeps their version or the server's.

It takes `FieldConflict`s (or any objects with the same four attributes, so the services can
pass their own type without importing the UI) and dismisses with {field: "mine" | "theirs"} once
every field has a choice, or None on escape (the caller keeps the draft).

Keys: 1 or ← keeps yours, 2 or → keeps theirs, for the field with focus; ↑/↓ move between fields;
ctrl+s applies. The buttons and a click on either side do the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, Protocol

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Static

from peopletui.paths import styles_dir
from peopletui.ui.forms.describe import describe_value, field_title
from peopletui.ui.text import literal, single_line

Side = Literal["mine", "theirs"]
SIDES: tuple[Side, Side] = ("mine", "theirs")


class FieldConflictLike(Protocol):
    @property
    def field(self) -> str: ...
    @property
    def base(self) -> Any: ...
    @property
    def mine(self) -> Any: ...
    @property
    def theirs(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """A field both sides changed; values are Google JSON (a list of items, usually)."""

    field: str
    base: Any
    mine: Any
    theirs: Any


def _lines(field: str, value: Any) -> Content:
    return literal("\n".join(describe_value(field, value)))


class ConflictSide(Vertical):
    """One side of a conflict: its value and the button that keeps it."""

    def __init__(self, side: Side, field: str, value: Any) -> None:
        super().__init__(classes=f"conflict-side -{side}")
        self.side = side
        self._field = field
        self._value = value
        self.title = "Yours" if side == "mine" else "Theirs (on the server)"
        self.border_title = Content(self.title)

    def compose(self) -> ComposeResult:
        yield Static(_lines(self._field, self._value), classes="conflict-value")
        label = "1  Keep yours" if self.side == "mine" else "2  Keep theirs"
        yield Button(label, classes=f"keep keep-{self.side}", compact=True)

    def on_click(self, event: Click) -> None:
        # A click anywhere on the side keeps it (a click on its button is a press as well).
        choice = _ancestor_choice(self)
        if choice is not None:
            event.stop()
            self.post_message(ConflictChoice.Chosen(choice, self.side))


class ConflictChoice(Vertical):
    """A field in conflict: what it was, yours, theirs, and which one is kept."""

    class Chosen(Message):
        """The user picked a side (by clicking it)."""

        def __init__(self, choice: ConflictChoice, side: Side) -> None:
            super().__init__()
            self.choice = choice
            self.side = side

    def __init__(self, conflict: FieldConflictLike) -> None:
        super().__init__(classes="conflict-choice")
        self.conflict = conflict
        self.choice: Side | None = None
        self.border_title = literal(field_title(conflict.field), one_line=True)

    def compose(self) -> ComposeResult:
        before = "\n".join(describe_value(self.conflict.field, self.conflict.base))
        yield Static(literal(f"Before: {before}"), classes="conflict-base")
        with Horizontal(classes="conflict-sides"):
            yield ConflictSide("mine", self.conflict.field, self.conflict.mine)
            yield ConflictSide("theirs", self.conflict.field, self.conflict.theirs)

    def choose(self, side: Side) -> None:
        self.choice = side
        self.add_class("-resolved")
        for panel in self.query(ConflictSide):
            chosen = panel.side == side
            panel.set_class(chosen, "-chosen")
            # Said in words as well as colour, for monochrome terminals and screen readers.
            panel.border_title = Content(f"{panel.title} ✓ kept" if chosen else panel.title)

    def button(self, side: Side) -> Button:
        return self.query_one(f".keep-{side}", Button)


class ConflictScreen(Screen["dict[str, Side] | None"]):
    CSS_PATH = str(styles_dir() / "conflict.tcss")
    AUTO_FOCUS = ".keep-mine"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "1,left",
            "choose('mine')",
            "Keep yours",
            id="conflict.mine",
            tooltip="Keep your version of the field with focus",
        ),
        Binding(
            "2,right",
            "choose('theirs')",
            "Keep theirs",
            id="conflict.theirs",
            tooltip="Keep the server's version of the field with focus",
        ),
        Binding(
            "up",
            "move(-1)",
            "Previous field",
            id="conflict.previous",
            tooltip="Go to the previous field in conflict",
            show=False,
        ),
        Binding(
            "down",
            "move(1)",
            "Next field",
            id="conflict.next",
            tooltip="Go to the next field in conflict",
            show=False,
        ),
        Binding(
            "ctrl+s",
            "apply",
            "Apply",
            id="conflict.apply",
            tooltip="Save with the versions chosen",
            priority=True,
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="conflict.cancel",
            tooltip="Go back without saving; your edits are kept as a draft",
        ),
    ]

    def __init__(self, conflicts: Sequence[FieldConflictLike]) -> None:
        super().__init__()
        self._conflicts = list(conflicts)

    def compose(self) -> ComposeResult:
        count = len(self._conflicts)
        fields = "field was" if count == 1 else f"{count} fields were"
        yield Static(
            Content(
                f"This contact changed on the server while you edited it, and {fields} changed "
                "on both sides. Keep your version or theirs for each; everything else is "
                "merged already."
            ),
            id="conflict-intro",
        )
        with VerticalScroll(id="conflict-list"):
            for conflict in self._conflicts:
                yield ConflictChoice(conflict)
        with Horizontal(id="conflict-bar"):
            yield Static(id="conflict-status")
            yield Button("Apply", id="conflict-apply", variant="primary", tooltip="ctrl+s")
            yield Button("Cancel", id="conflict-cancel", tooltip="escape")
        yield Footer()

    def on_mount(self) -> None:
        self._show_status()

    @property
    def choices(self) -> list[ConflictChoice]:
        return list(self.query(ConflictChoice))

    # -- choosing ---------------------------------------------------------------------------------

    def action_choose(self, side: Side) -> None:
        choice = self._choice_with_focus()
        if choice is None:
            choice = next((c for c in self.choices if c.choice is None), None)
        if choice is not None:
            self._choose(choice, side)

    @on(Button.Pressed, ".keep")
    def _keep_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        side = _ancestor_side(event.button)
        choice = _ancestor_choice(event.button)
        if side is not None and choice is not None:
            self._choose(choice, side)

    @on(ConflictChoice.Chosen)
    def _side_clicked(self, message: ConflictChoice.Chosen) -> None:
        self._choose(message.choice, message.side)

    def _choose(self, choice: ConflictChoice, side: Side) -> None:
        if choice.choice == side and self._choice_with_focus() is not choice:
            return  # the same pick arriving twice (a click on a button is also a press)
        choice.choose(side)
        self._show_status()
        # On to the next field still open, so "1 2 1 ctrl+s" settles three fields.
        choices = self.choices
        position = choices.index(choice)
        following = [c for c in choices[position + 1 :] + choices[:position] if c.choice is None]
        if following:
            self._focus_choice(following[0], side)
        else:
            self.query_one("#conflict-apply", Button).focus()

    def action_move(self, step: int) -> None:
        choices = self.choices
        if not choices:
            return
        current = self._choice_with_focus()
        if current is not None:
            position = choices.index(current)
        else:  # from the buttons below: up goes to the last field, down to the first
            position = len(choices) if step < 0 else -1
        target = choices[max(0, min(len(choices) - 1, position + step))]
        focused_side = _ancestor_side(self.focused) if self.focused else None
        self._focus_choice(target, focused_side or target.choice or "mine")

    def _focus_choice(self, choice: ConflictChoice, side: Side) -> None:
        button = choice.button(side)
        button.focus()
        choice.scroll_visible()

    def _choice_with_focus(self) -> ConflictChoice | None:
        return _ancestor_choice(self.focused) if self.focused else None

    # -- leaving ----------------------------------------------------------------------------------

    def action_apply(self) -> None:
        open_choices = [c for c in self.choices if c.choice is None]
        if open_choices:
            titles = ", ".join(field_title(c.conflict.field) for c in open_choices)
            # Field names can come from the data (an unknown field): never read as markup.
            message = single_line(f"Choose yours or theirs for: {titles}")
            self.notify(message, severity="warning", markup=False)
            self._focus_choice(open_choices[0], "mine")
            return
        self.dismiss({c.conflict.field: c.choice for c in self.choices if c.choice is not None})

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#conflict-apply")
    def _apply_pressed(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#conflict-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def _show_status(self) -> None:
        choices = self.choices
        done = sum(c.choice is not None for c in choices)
        status = self.query_one("#conflict-status", Static)
        status.update(Content(f"{done} of {len(choices)} chosen"))
        status.set_class(done == len(choices), "-done")


def _ancestor_choice(widget: Widget | None) -> ConflictChoice | None:
    for node in widget.ancestors_with_self if widget is not None else ():
        if isinstance(node, ConflictChoice):
            return node
    return None


def _ancestor_side(widget: Widget | None) -> Side | None:
    for node in widget.ancestors_with_self if widget is not None else ():
        if isinstance(node, ConflictSide):
            return node.side
    return None
