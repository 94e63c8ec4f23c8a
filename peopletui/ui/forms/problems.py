"""What stops a form from being saved: values the user typed that do not check out.

Only typed values are checked: a value already stored at Google for that field, however odd, is
the user's data and is sent back as it was (so an old "ada at example" never blocks saving a new
phone number). A reopened draft is checked against the stored person, not against itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from peopletui.ui.forms.fields import FIELD_SPECS, SPECS_BY_NAME, Column, ColumnKind, FieldSpec
from peopletui.ui.forms.mapping import FormState, RowState, changed_columns, contact_items
from peopletui.ui.forms.values import enum_value, from_form, suggestions, to_form


@dataclass(frozen=True, slots=True)
class Problem:
    field: str
    row_key: int
    column: str
    message: str

    def describe(self) -> str:
        """ "Birthday date: April has 30 days", for a status line away from the field."""
        spec = SPECS_BY_NAME[self.field]
        label = spec.column(self.column).label
        if not label.lower().startswith(spec.item.lower()):
            label = f"{spec.item[0].upper()}{spec.item[1:]} {label[0].lower()}{label[1:]}"
        return f"{label}: {self.message}"


@dataclass(frozen=True, slots=True)
class Stored:
    """A field as the stored person has it: its items, and each column's values as parsed."""

    items: list[Mapping[str, Any]] = field(default_factory=list)
    values: dict[str, list[Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, spec: FieldSpec, person: Mapping[str, Any] | None) -> Stored:
        items = contact_items(person or {}, spec.name)
        values = {
            column.key: [from_form(column, to_form(column, item.get(column.key))) for item in items]
            for column in spec.columns
        }
        return cls(items, values)


NOTHING_STORED = Stored()


def row_problems(spec: FieldSpec, row: RowState, stored: Stored = NOTHING_STORED) -> dict[str, str]:
    """Column key → message for each column of the row that stops saving."""
    if row.source is not None and row.source in stored.items and not changed_columns(spec, row):
        return {}  # exactly as stored
    problems: dict[str, str] = {}
    row_has_values = any(_text(row, column) for column in spec.columns)
    for column in spec.columns:
        text = _text(row, column)
        if not text:
            if column.required and row_has_values:
                problems[column.key] = f"{column.label} is required, or remove the row"
            continue
        value = from_form(column, row.values.get(column.key, ""))
        if value in stored.values.get(column.key, ()):
            continue
        message = _check(column, text)
        if message:
            problems[column.key] = message
    return problems


def stored_fields(person: Mapping[str, Any] | None) -> dict[str, Stored]:
    """`Stored` for every field of the form, computed once per form."""
    return {spec.name: Stored.of(spec, person) for spec in FIELD_SPECS}


def form_problems(
    state: FormState, stored: Mapping[str, Stored] | None = None
) -> Iterator[Problem]:
    """Every problem of the form, in form order; `stored` comes from `stored_fields` of the
    stored contact (nothing is stored for a new one)."""
    for spec in FIELD_SPECS:
        field_stored = stored.get(spec.name, NOTHING_STORED) if stored else NOTHING_STORED
        for row in state.get(spec.name, ()):
            for column, message in row_problems(spec, row, field_stored).items():
                yield Problem(spec.name, row.key, column, message)


def _text(row: RowState, column: Column) -> str:
    value = row.values.get(column.key, "")
    if isinstance(value, bool):
        return "yes" if value else ""
    return value.strip()


def _check(column: Column, text: str) -> str | None:
    if column.kind is ColumnKind.ENUM and enum_value(column, text) not in (None, *column.choices):
        return "Choose one of: " + ", ".join(suggestions(column))
    if column.check is not None:
        return column.check(text)
    return None
