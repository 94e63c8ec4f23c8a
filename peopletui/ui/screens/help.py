"""HelpScreen: every key of the app, grouped by where it works, with the binding id a keymap in
the config file can rebind, and what it does.

The groups come ready-made from the app (`PeopleApp.help_groups`), with the user's keymap
applied, so the keys shown are the keys that work.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from peopletui.paths import styles_dir
from peopletui.ui.keymap import HelpGroup

_KEYS_WIDTH: Final = 16
_WHAT_WIDTH: Final = 26
_INTRO: Final = (
    "Every key, by where it works. To change one, put its id in the [keymap] table of the "
    'config file, for example:  "main.edit" = "e,f2".  ctrl+p finds any action by name.'
)


def group_content(group: HelpGroup) -> Content:
    """A group as lines: keys, what it does, its id; the tooltip on the next line."""
    lines: list[Content] = [Content.styled(group.title, "bold $accent")]
    for row in group.rows:
        keys = row.keys.ljust(_KEYS_WIDTH - 1) + " "
        what = row.description.ljust(_WHAT_WIDTH - 1) + " "
        lines.append(
            Content.assemble(
                "  ",
                (keys, "bold $text-primary"),
                what,
                (row.binding_id, "$foreground-muted"),
            )
        )
        if row.tooltip:
            lines.append(Content(" " * (_KEYS_WIDTH + 2) + row.tooltip).stylize("italic"))
    return Content("\n").join(lines)


class HelpScreen(Screen[None]):
    CSS_PATH = str(styles_dir() / "help.tcss")
    AUTO_FOCUS = "#help-body"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark",
            "close",
            "Close",
            id="help.close",
            tooltip="Close the help",
        ),
        Binding("j", "scroll('down')", "Down", show=False, id="help.down", tooltip="Scroll down"),
        Binding("k", "scroll('up')", "Up", show=False, id="help.up", tooltip="Scroll up"),
    ]

    def __init__(self, groups: Sequence[HelpGroup]) -> None:
        super().__init__()
        self._groups = list(groups)

    def compose(self) -> ComposeResult:
        yield Static(Content("Keys"), id="help-title")
        with VerticalScroll(id="help-body"):
            yield Static(Content(_INTRO), id="help-intro")
            for group in self._groups:
                yield Static(group_content(group), classes="help-group")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "down":
            body.scroll_down(animate=False)
        else:
            body.scroll_up(animate=False)
