"""How a person reads in one line: the display name and the secondary line, from the server's
Person JSON. Pure functions, shared by the search index (sorting) and the UI (rows, headers)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from peopletui.cache.untrusted import one_line

Person = Mapping[str, Any]

NO_NAME = "(no name)"
SECONDARY_SEPARATOR = " · "


def single_line(text: str) -> str:
    # A row is one line: escape sequences go whole (so "\x1b[31mRed" reads "Red", not
    # "[31mRed"); line breaks, tabs and other controls become single spaces.
    return one_line(text)


def _entries(person: Person, field: str) -> list[dict[str, Any]]:
    value = person.get(field)
    if not value or not isinstance(value, list):
        return []
    entries = [entry for entry in value if isinstance(entry, dict)]
    # The server lists the primary entry first, but a locally built person may not: honour the
    # flag so a row shows the same value as the detail pane's "primary" badge.
    if len(entries) > 1 and not _is_primary(entries[0]):
        entries.sort(key=lambda entry: not _is_primary(entry))
    return entries


def _is_primary(entry: dict[str, Any]) -> bool:
    metadata = entry.get("metadata")
    return isinstance(metadata, dict) and metadata.get("primary") is True


def _first_text(person: Person, field: str, key: str = "value") -> str:
    for entry in _entries(person, field):
        text = entry.get(key)
        if isinstance(text, str) and text.strip():
            return single_line(text)
    return ""


def person_name(person: Person) -> str:
    """The person's own name, or "" when the contact has none (only an email, a phone…)."""
    for entry in _entries(person, "names"):
        for key in ("displayName", "unstructuredName"):
            text = entry.get(key)
            if isinstance(text, str) and text.strip():
                return single_line(text)
        # A person built locally (a draft not yet echoed by the server) has no displayName.
        parts = [
            entry.get(key)
            for key in (
                "honorificPrefix",
                "givenName",
                "middleName",
                "familyName",
                "honorificSuffix",
            )
        ]
        composed = " ".join(part for part in parts if isinstance(part, str) and part.strip())
        if composed:
            return single_line(composed)
    return ""


def organization_text(person: Person) -> str:
    for entry in _entries(person, "organizations"):
        for key in ("name", "title", "department"):
            text = entry.get(key)
            if isinstance(text, str) and text.strip():
                return single_line(text)
    return ""


def fallback_name(person: Person) -> str:
    """What stands in for a missing name: the first email, phone or organization."""
    return (
        _first_text(person, "emailAddresses")
        or _first_text(person, "phoneNumbers")
        or organization_text(person)
    )


def display_name(person: Person) -> str:
    return person_name(person) or fallback_name(person) or NO_NAME


def secondary_line(person: Person) -> str:
    """The second line of a row: the first email (or phone) and the organization, whichever
    of them the display name does not already show."""
    shown = display_name(person)
    contact = _first_text(person, "emailAddresses") or _first_text(person, "phoneNumbers")
    parts = [part for part in (contact, organization_text(person)) if part and part != shown]
    return SECONDARY_SEPARATOR.join(parts)
