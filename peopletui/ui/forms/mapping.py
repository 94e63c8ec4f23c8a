"""Person ⇄ form: `form_values` loads a Person into rows, `changed_fields` turns the rows back into
an `updateContact` patch and its `updatePersonFields` mask.

Google replaces a whole field on update, so the patch holds the complete new list of every field
that changed. Each row remembers the item it was loaded from (`RowState.source`); the item sent
back is that item with only the changed columns replaced, so metadata, keys the form does not
show, and keys this version does not know survive the round trip. An untouched row is sent back
exactly as it came, and a form nobody touched gives an empty mask.

Only items of the contact source are edited. A person read from Google can also carry items of
the person's own Google profile (`metadata.source.type` "PROFILE"); `updateContact` ignores
non-contact data, so those are neither shown nor sent.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from peopletui.ui.forms.fields import FIELD_SPECS, FieldSpec
from peopletui.ui.forms.values import FormValue, from_form, to_form

PersonJson = dict[str, Any]

_CONTACT_SOURCE: Final = "CONTACT"


@dataclass(slots=True)
class RowState:
    """One item of a field as the form holds it: column key → typed value."""

    values: dict[str, FormValue]
    source: Mapping[str, Any] | None = None
    """The JSON item this row was loaded from; None for a row the user added."""
    key: int = field(default=0, compare=False)
    """A number unique within the form, so widgets can find the row they show."""


FormState = dict[str, list[RowState]]
"""Field name → its rows, for every field of `FIELD_SPECS`, in order."""

_next_key = iter(range(1, 2**63)).__next__


def blank_row(spec: FieldSpec) -> RowState:
    values = {column.key: to_form(column, None) for column in spec.columns}
    return RowState(values, None, _next_key())


def row_from_item(spec: FieldSpec, item: Mapping[str, Any]) -> RowState:
    values = {column.key: to_form(column, item.get(column.key)) for column in spec.columns}
    return RowState(values, item, _next_key())


def is_contact_item(item: Any) -> bool:
    """True for an item the contact owns: its source is the contact, or it has none yet."""
    if not isinstance(item, Mapping):
        return False
    metadata = item.get("metadata")
    source = metadata.get("source") if isinstance(metadata, Mapping) else None
    if not isinstance(source, Mapping) or "type" not in source:
        return True
    return bool(source.get("type") == _CONTACT_SOURCE)


def contact_items(person: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    items = person.get(name)
    if not isinstance(items, list):
        return []
    return [item for item in items if is_contact_item(item)]


def with_draft(person: Mapping[str, Any] | None, draft: Mapping[str, Any] | None) -> PersonJson:
    """The person as the user last left it: `draft` (a patch from `changed_fields`) laid over."""
    shown = dict(person or {})
    for name, value in (draft or {}).items():
        shown[name] = value
    return shown


def form_values(person: Mapping[str, Any] | None) -> FormState:
    """The rows the form shows for `person` (None for a new contact).

    Singleton fields (name, birthday, gender, notes) always have a row, blank when unset, so the
    form offers them without an "Add" step.
    """
    person = person or {}
    state: FormState = {}
    for spec in FIELD_SPECS:
        rows = [row_from_item(spec, item) for item in contact_items(person, spec.name)]
        if spec.singleton and not rows:
            rows.append(blank_row(spec))
        state[spec.name] = rows
    return state


def changed_columns(spec: FieldSpec, row: RowState) -> list[str]:
    """Keys of the columns whose value differs from the item the row came from."""
    source = row.source or {}
    return [
        column.key
        for column in spec.columns
        if from_form(column, row.values.get(column.key, ""))
        != from_form(column, to_form(column, source.get(column.key)))
    ]


def row_item(spec: FieldSpec, row: RowState) -> dict[str, Any] | None:
    """The JSON item the row stands for, or None when it stands for nothing (emptied or blank)."""
    changed = changed_columns(spec, row)
    if not changed:
        return None if row.source is None else dict(row.source)
    typed = {c.key: from_form(c, row.values.get(c.key, "")) for c in spec.columns}
    if all(value is None for value in typed.values()):
        return None
    item = copy.deepcopy(dict(row.source or {}))
    for key in spec.output_only | (spec.rebuilt - set(changed)):
        item.pop(key, None)
    for key in changed:
        if typed[key] is None:
            item.pop(key, None)
        else:
            item[key] = typed[key]
    return item


def field_items(spec: FieldSpec, rows: Iterable[RowState]) -> list[dict[str, Any]]:
    return [item for row in rows if (item := row_item(spec, row)) is not None]


def changed_fields(
    base_person: Mapping[str, Any] | None, form_state: FormState
) -> tuple[PersonJson, set[str]]:
    """The patch and mask that turn `base_person` into what the form holds.

    The patch maps each changed field to its whole new list (possibly empty, which clears it);
    the mask names those fields. Fields missing from `form_state` are left alone.
    """
    base_person = base_person or {}
    patch: PersonJson = {}
    for spec in FIELD_SPECS:
        rows = form_state.get(spec.name)
        if rows is None:
            continue
        new = field_items(spec, rows)
        if new != contact_items(base_person, spec.name):
            # A copy, so the caller may keep or change the patch without touching the rows.
            patch[spec.name] = copy.deepcopy(new)
    return patch, set(patch)
