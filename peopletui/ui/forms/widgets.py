"""The form's widgets: one `FieldSection` per field, one `RowEditor` per item, one editor per
column (an Input, a TextArea for multi-line text, a Checkbox for yes/no).

Text typed or pasted into an editor is cleaned as it goes in (`peopletui.ui.text`), as the
server's text is before the form shows it: an edit box shows what it holds, so a pasted bidi
override or escape sequence would otherwise reach the terminal, and then the server.

Editors write every change straight into their `RowState`, so the form's state is always the
rows, whether or not every row has been mounted yet. A column's problem is shown in the bottom
border of its editor, next to the value it is about.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Static, TextArea
from textual.widgets.text_area import Edit, EditResult

from peopletui.ui.forms.fields import Column, ColumnKind, FieldSpec
from peopletui.ui.forms.mapping import RowState, blank_row
from peopletui.ui.forms.problems import NOTHING_STORED, Stored, row_problems
from peopletui.ui.forms.values import FormValue, suggestions, to_form
from peopletui.ui.text import clean, literal, single_line


class ColumnEditor:
    """What the three editor widgets share: the column they edit and a problem display."""

    column: Column

    def init_column(self, column: Column) -> None:
        self.column = column
        if column.kind is not ColumnKind.FLAG:
            self.as_widget().border_title = Content(column.label)

    @staticmethod
    def classes_for(column: Column, wide: bool) -> str:
        # Given to the constructor: adding classes one by one restyles the widget each time.
        # "column-givenName" and the like let a screen or a stylesheet pick a column out.
        classes = f"column-editor column-{column.key}"
        return f"{classes} -wide" if wide else classes

    @property
    def form_value(self) -> FormValue:
        raise NotImplementedError

    def clear_value(self) -> None:
        raise NotImplementedError

    def show_problem(self, message: str | None) -> None:
        widget = self.as_widget()
        widget.set_class(message is not None, "-invalid")
        # The message may quote the typed text, so it is never read as markup.
        widget.border_subtitle = literal(message, one_line=True) if message else None
        widget.tooltip = literal(message) if message else None

    def as_widget(self) -> Widget:
        assert isinstance(self, Widget)
        return self


class ColumnInput(ColumnEditor, Input):
    def __init__(self, column: Column, value: str, *, wide: bool) -> None:
        offered = suggestions(column)
        super().__init__(
            value=value,
            placeholder=column.placeholder,
            suggester=SuggestFromList(offered, case_sensitive=False) if offered else None,
            # The row checks its values (some checks need the whole row); Input's own
            # validation would reset the -invalid class the row sets.
            validate_on=(),
            classes=self.classes_for(column, wide),
        )
        self.init_column(column)

    @property
    def form_value(self) -> FormValue:
        return self.value

    def clear_value(self) -> None:
        self.value = ""

    def replace(self, text: str, start: int, end: int) -> None:
        # Every keystroke and paste inserts through here; the cursor ends after what was kept.
        super().replace(single_line(text), start, end)


class ColumnTextArea(ColumnEditor, TextArea):
    def __init__(self, column: Column, value: str, *, wide: bool) -> None:
        super().__init__(
            value,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
            placeholder=column.placeholder,
            classes=self.classes_for(column, wide),
        )
        self.init_column(column)

    @property
    def form_value(self) -> FormValue:
        return self.text

    def clear_value(self) -> None:
        self.text = ""

    def edit(self, edit: Edit) -> EditResult:
        # Typing, pasting and the API all edit through here (undo replays what was kept).
        if edit.text:
            edit = Edit(
                clean(edit.text),
                edit.from_location,
                edit.to_location,
                edit.maintain_selection_offset,
            )
        return super().edit(edit)


class ColumnCheckbox(ColumnEditor, Checkbox):
    def __init__(self, column: Column, value: bool, *, wide: bool) -> None:
        super().__init__(Content(column.label), value, classes=self.classes_for(column, wide))
        self.init_column(column)

    @property
    def form_value(self) -> FormValue:
        return self.value

    def clear_value(self) -> None:
        self.value = False


def make_editor(column: Column, value: FormValue, *, wide: bool) -> Widget:
    if column.kind is ColumnKind.FLAG:
        return ColumnCheckbox(column, value is True, wide=wide)
    text = value if isinstance(value, str) else ""
    if column.kind is ColumnKind.MULTILINE:
        return ColumnTextArea(column, text, wide=wide)
    return ColumnInput(column, text, wide=wide)


class RemoveRow(Static):
    """The "✕" beside a row: a mouse target (the keyboard uses ctrl+d)."""

    def __init__(self, item: str) -> None:
        super().__init__(Content("✕"), classes="remove-row")
        self.tooltip = Content(f"Remove this {item} (ctrl+d)")

    def on_click(self) -> None:
        editor = self.parent
        if isinstance(editor, RowEditor):
            self.post_message(RowEditor.RemoveRequested(editor))


class RowEditor(Horizontal):
    """The editors of one item, laid out in a grid, and its remove control."""

    class Edited(Message):
        """A value of the row changed (already written to its RowState)."""

        def __init__(self, row_editor: RowEditor) -> None:
            super().__init__()
            self.row_editor = row_editor

    class RemoveRequested(Message):
        def __init__(self, row_editor: RowEditor) -> None:
            super().__init__()
            self.row_editor = row_editor

    def __init__(self, spec: FieldSpec, row: RowState, stored: Stored = NOTHING_STORED) -> None:
        super().__init__(classes="row-editor")
        self.spec = spec
        self.row = row
        self._stored = stored

    def compose(self) -> ComposeResult:
        wide_allowed = self.spec.grid >= 3
        with Container(classes=f"row-fields -cols-{self.spec.grid}"):
            for column in self.spec.columns:
                value = self.row.values.get(column.key, to_form(column, None))
                yield make_editor(column, value, wide=column.wide and wide_allowed)
        if not self.spec.singleton:
            yield RemoveRow(self.spec.item)

    def on_mount(self) -> None:
        # A restored draft can hold values that do not check out: show them at once.
        self.show_problems()

    @property
    def editors(self) -> list[ColumnEditor]:
        return [child for child in self.query(".column-editor") if isinstance(child, ColumnEditor)]

    def editor_for(self, key: str) -> ColumnEditor | None:
        return next((e for e in self.editors if e.column.key == key), None)

    def first_editor(self) -> Widget | None:
        editors = self.editors
        return editors[0].as_widget() if editors else None

    def show_problems(self) -> dict[str, str]:
        problems = row_problems(self.spec, self.row, self._stored)
        for editor in self.editors:
            editor.show_problem(problems.get(editor.column.key))
        return problems

    def clear(self) -> None:
        for editor in self.editors:
            editor.clear_value()

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Checkbox.Changed)
    def _value_changed(self, event: Input.Changed | TextArea.Changed | Checkbox.Changed) -> None:
        event.stop()
        editor = event.control
        if not isinstance(editor, ColumnEditor):
            return
        value = editor.form_value
        if self.row.values.get(editor.column.key) == value:
            return  # editors announce their first value on mount; that is no edit
        self.row.values[editor.column.key] = value
        self.show_problems()
        self.post_message(self.Edited(self))


class FieldSection(Vertical):
    """A field's rows under its title, and (for multi-valued fields) an Add button.

    Rows past `eager` are mounted later by `mount_pending_rows`, so that a long form paints its
    first screen at once.
    """

    ADD_BUTTON_CLASS: ClassVar[str] = "add-row"

    def __init__(
        self,
        spec: FieldSpec,
        rows: list[RowState],
        *,
        stored: Stored = NOTHING_STORED,
        eager: int | None = None,
    ) -> None:
        super().__init__(id=f"section-{spec.name}", classes="field-section")
        # The title sits in the top border: one widget fewer per field keeps the form quick.
        self.border_title = Content(spec.title)
        self.spec = spec
        self._stored = stored
        self.rows = rows  # the form state's own list: adding and removing rows edits the state
        eager = len(rows) if eager is None else eager
        self._eager = rows[:eager]
        self._pending = rows[eager:]

    def compose(self) -> ComposeResult:
        for row in self._eager:
            yield RowEditor(self.spec, row, self._stored)
        if not self.spec.singleton:
            yield Button(
                Content(f"+ Add {self.spec.item}"),
                classes=self.ADD_BUTTON_CLASS,
                tooltip=Content(f"Add a {self.spec.item} (ctrl+n)"),
                compact=True,
            )

    @property
    def has_pending_rows(self) -> bool:
        return bool(self._pending)

    async def mount_pending_rows(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        await self._mount_rows(RowEditor(self.spec, row, self._stored) for row in pending)

    async def add_row(self) -> RowEditor:
        """Append a blank row, mount it, and return its editor."""
        await self.mount_pending_rows()
        row = blank_row(self.spec)
        self.rows.append(row)
        editor = RowEditor(self.spec, row, self._stored)
        await self._mount_rows([editor])
        return editor

    async def remove_row(self, editor: RowEditor) -> Widget | None:
        """Drop the row (a singleton is cleared instead); returns where focus should go next."""
        if self.spec.singleton:
            editor.clear()
            return editor.first_editor()
        index = next(i for i, row in enumerate(self.rows) if row is editor.row)
        del self.rows[index]
        editors = list(self.query_children(RowEditor))
        position = editors.index(editor)
        await editor.remove()
        following = editors[position + 1] if position + 1 < len(editors) else None
        if following is None and position > 0:
            following = editors[position - 1]
        if following is not None:
            return following.first_editor()
        return self.query_one(f".{self.ADD_BUTTON_CLASS}", Button)

    async def _mount_rows(self, editors: Iterable[RowEditor]) -> None:
        widgets = list(editors)
        if self.spec.singleton:
            await self.mount_all(widgets)
        else:
            await self.mount_all(widgets, before=self.query_one(f".{self.ADD_BUTTON_CLASS}"))
