"""DraftsScreen: the changes that wait for the user — in conflict with someone else's, or
refused by the server — so that none is lost silently.

Each line says what the change is, about whom, and why it waits. enter (or `r`) resolves a
conflict or retries a refused change, `x` discards (the caller asks first). Dismisses with a
`DraftChoice`, or None on escape.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Final, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from peopletui.cache.display import display_name
from peopletui.cache.records import ChangeKind, Draft, DraftStatus
from peopletui.paths import styles_dir
from peopletui.services.fields import without_private
from peopletui.ui.text import literal

DraftAction = Literal["resolve", "retry", "discard"]

_KIND_WORDS: Final = {
    ChangeKind.CREATE: "New contact",
    ChangeKind.UPDATE: "Edit of",
    ChangeKind.DELETE: "Deletion of",
    ChangeKind.PHOTO_UPDATE: "New photo for",
    ChangeKind.PHOTO_DELETE: "Photo removal for",
}


@dataclass(frozen=True, slots=True)
class DraftChoice:
    action: DraftAction
    draft: Draft


def describe_draft(draft: Draft, name_of: Callable[[str], str]) -> str:
    """ "Edit of “Ada Lovelace” — conflict: someone else changed it too"."""
    if draft.kind is ChangeKind.CREATE:
        who = display_name(without_private(draft.changes))
    elif draft.base is not None:
        who = display_name(draft.base)
    else:
        who = name_of(draft.resource_name or "")
    if draft.status is DraftStatus.CONFLICT:
        why = "conflict: someone else changed the same fields (enter to choose)"
    else:
        why = f"refused: {draft.last_error or 'no reason given'} (r to retry)"
    return f"{_KIND_WORDS[draft.kind]} “{who}” — {why}"


class DraftsScreen(ModalScreen["DraftChoice | None"]):
    CSS_PATH = str(styles_dir() / "drafts.tcss")
    AUTO_FOCUS = "#drafts-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter,r",
            "open",
            "Resolve or retry",
            id="drafts.open",
            tooltip="Choose between versions (conflict) or send it again (refused)",
        ),
        Binding(
            "x,delete",
            "discard",
            "Discard",
            id="drafts.discard",
            tooltip="Give the change up for good",
        ),
        Binding("escape", "close", "Close", id="drafts.close", tooltip="Close this list"),
    ]

    def __init__(self, drafts: Sequence[Draft], name_of: Callable[[str], str]) -> None:
        super().__init__()
        self._drafts = list(drafts)
        self._name_of = name_of

    def compose(self) -> ComposeResult:
        with Vertical(id="drafts-dialog"):
            count = len(self._drafts)
            title = f"{count} change{'s' if count != 1 else ''} waiting for you"
            yield Static(Content(title), id="drafts-title")
            yield OptionList(
                *[
                    Option(literal(describe_draft(draft, self._name_of), one_line=True))
                    for draft in self._drafts
                ],
                id="drafts-list",
            )
        yield Footer()

    def _chosen(self) -> Draft | None:
        index = self.query_one(OptionList).highlighted
        return self._drafts[index] if index is not None else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        draft = self._chosen()
        if draft is not None:
            action: DraftAction = "resolve" if draft.status is DraftStatus.CONFLICT else "retry"
            self.dismiss(DraftChoice(action, draft))

    def action_discard(self) -> None:
        draft = self._chosen()
        if draft is not None:
            self.dismiss(DraftChoice("discard", draft))

    def action_close(self) -> None:
        self.dismiss(None)
