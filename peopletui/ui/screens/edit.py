"""EditScreen: the contact form for creating and editing, every field `updateContact` accepts.

It takes a Person dict (None to create) and dismisses with an `EditResult` — the patch and the
`updatePersonFields` mask — or None when the user leaves without saving. It knows nothing of
services: the caller sends the patch, and on failure may reopen the form with the same patch as
`draft=` so nothing typed is lost.

ctrl+s saves (blocked, with the problems shown beside their fields, while any typed value does
not check out); escape closes, asking first when there are unsaved changes; ctrl+n adds a row to
the field with focus and ctrl+d removes the row with focus; the Add buttons and "✕" do the same
with the mouse.
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Final, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Static

from peopletui.paths import styles_dir
from peopletui.ui.forms.fields import FIELD_SPECS, FieldSpec
from peopletui.ui.forms.mapping import FormState, changed_fields, form_values, with_draft
from peopletui.ui.forms.problems import Problem, form_problems, stored_fields
from peopletui.ui.forms.widgets import FieldSection, RowEditor
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.text import literal

_W = TypeVar("_W", bound=Widget)

# Widgets composed before the first paint; the rest are mounted right after it. About a screen's
# worth, so a contact with dozens of emails opens as fast as one with a single email.
EAGER_WIDGETS: Final = 30


@dataclass(frozen=True, slots=True)
class EditResult:
    """What to send: `patch` maps each changed field to its whole new list; `mask` names them.

    When creating, the mask lists the fields that were filled in. An empty mask means the user
    saved without changing anything.
    """

    patch: dict[str, Any] = field(default_factory=dict)
    mask: frozenset[str] = frozenset()


class EditScreen(Screen["EditResult | None"]):
    CSS_PATH = str(styles_dir() / "edit.tcss")
    AUTO_FOCUS = "#section-names .column-givenName"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-narrow-layout"),
        (110, "-full-layout"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "save", "Save", id="edit.save", tooltip="Save the changes", priority=True
        ),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="edit.cancel",
            tooltip="Close the form, asking first if there are unsaved changes",
        ),
        Binding(
            "ctrl+n",
            "add_row",
            "Add row",
            id="edit.add_row",
            tooltip="Add a row to the field with focus (another email, phone…)",
            priority=True,
        ),
        Binding(
            "ctrl+d",
            "remove_row",
            "Remove row",
            id="edit.remove_row",
            tooltip="Remove the row with focus",
            priority=True,
        ),
    ]

    def __init__(
        self,
        person: Mapping[str, Any] | None,
        *,
        title: str,
        draft: Mapping[str, Any] | None = None,
    ) -> None:
        """
        Args:
            person: The contact as last read (Google's JSON), or None to create one.
            title: Shown at the top; may hold the contact's name (shown literally).
            draft: A patch from an earlier `EditResult` to reopen, laid over `person`.
        """
        super().__init__()
        self._base: dict[str, Any] = copy.deepcopy(dict(person)) if person else {}
        self._title = title
        self.form_state: FormState = form_values(with_draft(self._base, draft))
        self._stored = stored_fields(self._base)
        self._later_specs: tuple[FieldSpec, ...] = ()
        self.rows_mounted = asyncio.Event()
        """Set once every row has its editors (the first screenful is composed at once)."""

    @property
    def creating(self) -> bool:
        return not self._base

    @property
    def is_dirty(self) -> bool:
        return bool(changed_fields(self._base, self.form_state)[1])

    def compose(self) -> ComposeResult:
        yield Static(literal(self._title, one_line=True), id="edit-title")
        with VerticalScroll(id="edit-form"):
            yield from self._first_sections()
        with Horizontal(id="edit-bar"):
            yield Static(id="edit-status")
            yield Button("Save", id="edit-save", variant="primary", tooltip="Save (ctrl+s)")
            yield Button("Cancel", id="edit-cancel", tooltip="Close (escape)")
        yield Footer()

    def _first_sections(self) -> list[FieldSection]:
        """The sections (and rows) composed before the first paint; the rest wait in
        `_later_specs` and `FieldSection.mount_pending_rows`."""
        budget = EAGER_WIDGETS
        sections: list[FieldSection] = []
        for index, spec in enumerate(FIELD_SPECS):
            if budget <= 0:
                self._later_specs = FIELD_SPECS[index:]
                break
            rows = self.form_state[spec.name]
            budget -= 2  # the section and its Add button
            eager = 0
            while eager < len(rows) and budget > 0:
                budget -= len(spec.columns) + 2  # the editors, their grid, the row
                eager += 1
            sections.append(self._section(spec, eager=eager))
        return sections

    def _section(self, spec: FieldSpec, *, eager: int | None = None) -> FieldSection:
        rows = self.form_state[spec.name]
        return FieldSection(spec, rows, stored=self._stored[spec.name], eager=eager)

    def on_mount(self) -> None:
        self._show_status()
        self.call_after_refresh(self._mount_the_rest)

    async def _mount_the_rest(self) -> None:
        for section in self.query(FieldSection):
            if not self.is_running:
                return  # saved or closed before the form was complete: nothing left to show
            await section.mount_pending_rows()
        later = [self._section(spec) for spec in self._later_specs]
        if later and self.is_running:
            await self.query_one("#edit-form").mount_all(later)
        self.rows_mounted.set()

    # -- saving and leaving -----------------------------------------------------------------------

    def action_save(self) -> None:
        problems = list(form_problems(self.form_state, self._stored))
        if problems:
            self._show_status(problems)
            self._focus_problem(problems[0])
            self.app.bell()
            return
        patch, mask = changed_fields(self._base, self.form_state)
        if not mask and self.creating:
            self.notify("Fill in at least one field to create a contact.", severity="warning")
            return
        self.dismiss(EditResult(patch, frozenset(mask)))

    def action_cancel(self) -> None:
        if not self.is_dirty:
            self.dismiss(None)
            return
        question = ConfirmScreen(
            "Discard your unsaved changes?", confirm_label="Discard", danger=True
        )
        self.app.push_screen(question, self._discard_if_confirmed)

    def _discard_if_confirmed(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)

    @on(Button.Pressed, "#edit-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#edit-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    # -- rows -------------------------------------------------------------------------------------

    async def action_add_row(self) -> None:
        section = self._section_with_focus()
        if section is None:
            self.notify("Move to a field first: ctrl+n adds a row to the field with focus.")
            return
        await self._add_row(section)

    async def action_remove_row(self) -> None:
        editor = _ancestor(self.focused, RowEditor)
        if editor is None:
            self.notify("Move to a row first: ctrl+d removes the row with focus.")
            return
        await self._remove_row(editor)

    @on(Button.Pressed, f".{FieldSection.ADD_BUTTON_CLASS}")
    async def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        section = _ancestor(event.button, FieldSection)
        if section is not None:
            await self._add_row(section)

    @on(RowEditor.RemoveRequested)
    async def _remove_requested(self, message: RowEditor.RemoveRequested) -> None:
        await self._remove_row(message.row_editor)

    @on(RowEditor.Edited)
    def _row_edited(self) -> None:
        self._show_status()

    async def _add_row(self, section: FieldSection) -> None:
        if section.spec.singleton:
            self.notify(f"A contact has one {section.spec.item}.", markup=False)
            return
        editor = await section.add_row()
        first = editor.first_editor()
        if first is not None:
            first.focus()
            first.scroll_visible()
        self._show_status()

    async def _remove_row(self, editor: RowEditor) -> None:
        section = _ancestor(editor, FieldSection)
        if section is None:
            return
        following = await section.remove_row(editor)
        if following is not None:
            following.focus()
        self._show_status()

    # -- helpers ----------------------------------------------------------------------------------

    def _section_with_focus(self) -> FieldSection | None:
        return _ancestor(self.focused, FieldSection)

    def _show_status(self, problems: list[Problem] | None = None) -> None:
        if problems is None:
            problems = list(form_problems(self.form_state, self._stored))
        status = self.query_one("#edit-status", Static)
        status.set_class(bool(problems), "-error")
        if problems:
            count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
            status.update(literal(f"{count} to fix before saving — {problems[0].describe()}"))
        elif self.is_dirty:
            status.update(Content("Unsaved changes — ctrl+s saves"))
        else:
            status.update(Content(""))

    def _focus_problem(self, problem: Problem) -> None:
        for editor in self.query(RowEditor):
            if editor.row.key == problem.row_key:
                column = editor.editor_for(problem.column)
                if column is not None:
                    widget = column.as_widget()
                    widget.focus()
                    widget.scroll_visible()
                return


def _ancestor(widget: Widget | None, kind: type[_W]) -> _W | None:
    """`widget` itself or its nearest ancestor of type `kind`."""
    node = widget
    while node is not None:
        if isinstance(node, kind):
            return node
        parent = node.parent
        node = parent if isinstance(parent, Widget) else None
    return None
