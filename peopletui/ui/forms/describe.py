"""Field values as short readable lines ("work: ada@example.com"), for places that compare values
rather than edit them, such as the conflict screen. Returns plain strings; callers show them with
`literal`, since every value is the contact's own (untrusted) text."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

from peopletui.ui.forms.fields import SPECS_BY_NAME, ColumnKind, FieldSpec
from peopletui.ui.forms.values import to_form
from peopletui.ui.text import single_line

EMPTY: Final = "(nothing)"

# Columns that qualify a value rather than being it: shown after it, in parentheses.
_QUALIFIERS: Final = frozenset({"type", "protocol"})
_JOINED_NAME_PARTS: Final = (
    "honorificPrefix",
    "givenName",
    "middleName",
    "familyName",
    "honorificSuffix",
)


def field_title(field: str) -> str:
    spec = SPECS_BY_NAME.get(field)
    return spec.title if spec else field


def describe_value(field: str, value: Any) -> list[str]:
    """One line per item of a field's value (a list of items, one item, or nothing)."""
    if value is None or value == [] or value == {}:
        return [EMPTY]
    items = value if isinstance(value, list) else [value]
    spec = SPECS_BY_NAME.get(field)
    lines = [describe_item(spec, item) if spec else _as_json(item) for item in items]
    return [line for line in lines if line] or [EMPTY]


def describe_item(spec: FieldSpec, item: Any) -> str:
    if not isinstance(item, Mapping):
        return single_line(str(item))
    if spec.name == "names":
        name = " ".join(str(item[p]) for p in _JOINED_NAME_PARTS if item.get(p))
        extra = _parts(spec, item, skip=set(_JOINED_NAME_PARTS))
        return single_line(", ".join(p for p in (name, *extra) if p))
    if spec.name in ("userDefined", "clientData"):
        return single_line(f"{item.get('key', '')}: {item.get('value', '')}")
    main = _parts(spec, item, skip=set(_QUALIFIERS))
    qualifiers = _parts(spec, item, only=_QUALIFIERS)
    text = ", ".join(main)
    if not main and "formattedValue" in item:
        text = str(item["formattedValue"])
    if qualifiers:
        text = f"{text} ({', '.join(qualifiers)})" if text else ", ".join(qualifiers)
    return single_line(text)


def _parts(
    spec: FieldSpec,
    item: Mapping[str, Any],
    *,
    skip: set[str] | frozenset[str] = frozenset(),
    only: frozenset[str] | None = None,
) -> list[str]:
    parts: list[str] = []
    dates = sum(column.kind is ColumnKind.DATE for column in spec.columns)
    for column in spec.columns:
        if column.key in skip or (only is not None and column.key not in only):
            continue
        if spec.name == "addresses" and column.key == "formattedValue":
            continue  # the parts already say it
        shown = to_form(column, item.get(column.key))
        if column.kind is ColumnKind.FLAG:
            if shown:
                parts.append(column.label.lower())
        elif shown:
            text = str(shown)
            # A label where the bare value would be ambiguous: "start date 2001-02", "FTE".
            labelled = column.kind is ColumnKind.NUMBER or column.key == "addressMeAs"
            if labelled or (column.kind is ColumnKind.DATE and dates > 1):
                text = f"{column.label.lower()} {text}"
            parts.append(text)
    return parts


def _as_json(item: Any) -> str:
    if isinstance(item, Mapping):
        item = {key: value for key, value in item.items() if key != "metadata"}
    return single_line(json.dumps(item, ensure_ascii=False, sort_keys=True))
