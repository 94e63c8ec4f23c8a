"""One column's value between Google's JSON and the form: `to_form` for showing, `from_form` for
sending back.

Text shown in the form is cleaned first (no escape sequences or control characters; single-line
editors get one line), because an edit box shows what it holds. Whether a column changed is
decided by comparing `from_form` of both sides, so a value the form had to clean for display is
still sent back untouched when the user did not change it.
"""

from __future__ import annotations

from typing import Any, Final

from peopletui.ui.forms.dates import DateError, format_date, parse_date
from peopletui.ui.forms.fields import Column, ColumnKind
from peopletui.ui.text import clean, single_line

FormValue = str | bool

_ENUM_SEPARATORS: Final = str.maketrans({" ": "_", "-": "_"})


def to_form(column: Column, raw: Any) -> FormValue:
    """What the column's editor shows for the JSON value `raw` (None when the key is absent)."""
    kind = column.kind
    if kind is ColumnKind.FLAG:
        return raw is True
    if raw is None:
        return ""
    if kind is ColumnKind.DATE:
        return format_date(raw)
    if kind is ColumnKind.NUMBER:
        return str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else ""
    text = raw if isinstance(raw, str) else str(raw)
    if kind is ColumnKind.MULTILINE:
        return clean(text)
    if kind is ColumnKind.ENUM:
        return enum_label(single_line(text))
    return single_line(text)


def from_form(column: Column, value: FormValue) -> Any:
    """The JSON value for what the editor holds; None when it is empty (the key is left out).

    Text that does not parse (a date such as "31-31") is returned as typed: it differs from any
    stored value, so the form counts as changed, and validation stops it from being saved.
    """
    kind = column.kind
    if kind is ColumnKind.FLAG:
        return True if value is True else None
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        return None
    if kind is ColumnKind.DATE:
        try:
            return parse_date(text)
        except DateError:
            return text
    if kind is ColumnKind.NUMBER:
        return int(text) if text.isascii() and text.isdigit() else text
    if kind is ColumnKind.ENUM:
        return enum_value(column, text)
    return text


def enum_label(value: str) -> str:
    """ "MAIDEN_NAME" → "maiden name": how an enum value is shown and typed."""
    return value.replace("_", " ").lower()


def enum_value(column: Column, text: str) -> str | None:
    """The API value for a typed label ("maiden name", "Maiden-Name" → "MAIDEN_NAME").

    The unset (zero) value is None, as proto3 JSON leaves it out; an unknown label is returned as
    typed, for validation to report.
    """
    wanted = text.strip().translate(_ENUM_SEPARATORS).upper()
    if column.choices and wanted == column.choices[0]:
        return None
    if wanted in column.choices:
        return wanted
    return text.strip()


def suggestions(column: Column) -> tuple[str, ...]:
    """The values offered while typing: predefined types, or an enum's labels without its unset
    value."""
    if column.kind is ColumnKind.ENUM:
        return tuple(enum_label(choice) for choice in column.choices[1:])
    return column.choices
