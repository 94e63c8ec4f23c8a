"""What the detail pane lists for a person: every field it has, in a fixed order, each item as
its value plus its qualifiers (type, protocol, "primary", "current") kept apart so the pane can
style them. Pure functions over Google's Person JSON; the strings are untrusted and are shown
with `literal` by the caller.

Editable fields come in the edit form's order (`FIELD_SPECS`); then the read-only ones Google
sends (groups, skills, age range); then anything else the server sent that this version does not
know, as compact JSON, so nothing the person has is hidden.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from peopletui.ui.forms.describe import describe_item
from peopletui.ui.forms.fields import FIELD_SPECS, SPECS_BY_NAME
from peopletui.ui.text import clean, single_line

# Shown elsewhere (heading, photo) or bookkeeping rather than something the person "has".
_NOT_LISTED: Final = frozenset({"resourceName", "etag", "metadata", "photos", "coverPhotos"})
_QUALIFIER_KEYS: Final = frozenset(
    {"type", "formattedType", "protocol", "formattedProtocol", "metadata"}
)
_SYSTEM_GROUPS: Final = {
    "contactGroups/myContacts": "My Contacts",
    "contactGroups/starred": "Starred",
    "contactGroups/friends": "Friends",
    "contactGroups/family": "Family",
    "contactGroups/coworkers": "Coworkers",
    "contactGroups/chatBuddies": "Chat buddies",
    "contactGroups/all": "All contacts",
    "contactGroups/blocked": "Blocked",
}
PRIMARY: Final = "primary"
_READ_ONLY_TITLES: Final = {
    "memberships": "Groups",
    "skills": "Skills",
    "ageRanges": "Age range",
    "fileAses": "File as",
}


@dataclass(frozen=True, slots=True)
class Item:
    text: str
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    field: str
    title: str
    items: tuple[Item, ...]


def person_sections(person: Mapping[str, Any]) -> list[Section]:
    """The person's fields, one section per non-empty field."""
    sections: list[Section] = []
    for spec in FIELD_SPECS:
        sections += _section(spec.name, spec.title, person.get(spec.name))
    for field, title in _READ_ONLY_TITLES.items():
        sections += _section(field, title, person.get(field))
    known = {spec.name for spec in FIELD_SPECS} | _READ_ONLY_TITLES.keys() | _NOT_LISTED
    for field in sorted(key for key in person if key not in known and not key.startswith("$")):
        sections += _section(field, field, person.get(field))
    return sections


def _section(field: str, title: str, value: Any) -> list[Section]:
    if not value:
        return []
    entries = value if isinstance(value, list) else [value]
    items = tuple(item for item in (describe(field, entry) for entry in entries) if item.text)
    if len(items) == 1:
        # "primary" only tells something when there is a choice.
        only = items[0]
        items = (Item(only.text, tuple(q for q in only.qualifiers if q != PRIMARY)),)
    return [Section(field, title, items)] if items else []


def describe(field: str, entry: Any) -> Item:
    """One item of a field: its value as text, and its qualifiers."""
    if not isinstance(entry, Mapping):
        return Item(single_line(str(entry)))
    qualifiers = _qualifiers(entry)
    if field == "biographies":
        # Notes keep their lines; the pane wraps and caps them.
        return Item(clean(str(entry.get("value") or "")).strip(), qualifiers)
    if field == "names":
        return Item(_name_text(entry), qualifiers)
    if field == "memberships":
        return Item(_membership_text(entry), qualifiers)
    if field in ("skills", "fileAses"):
        return Item(single_line(str(entry.get("value") or "")), qualifiers)
    if field == "ageRanges":
        return Item(_enum_words(str(entry.get("ageRange") or "")), qualifiers)
    spec = SPECS_BY_NAME.get(field)
    if spec is None:
        return Item(_as_json(entry), qualifiers)
    bare = {key: value for key, value in entry.items() if key not in _QUALIFIER_KEYS}
    text = describe_item(spec, bare)
    if not text and "formattedValue" in entry:
        text = single_line(str(entry["formattedValue"]))
    return Item(text, qualifiers)


def _qualifiers(entry: Mapping[str, Any]) -> tuple[str, ...]:
    found: list[str] = []
    kind = entry.get("formattedType") or entry.get("type")
    if isinstance(kind, str) and kind.strip():
        found.append(single_line(kind))
    protocol = entry.get("formattedProtocol") or entry.get("protocol")
    if isinstance(protocol, str) and protocol.strip():
        found.append(single_line(protocol))
    metadata = entry.get("metadata")
    if isinstance(metadata, Mapping) and metadata.get("primary") is True:
        found.append(PRIMARY)
    return tuple(found)


def _name_text(entry: Mapping[str, Any]) -> str:
    spec = SPECS_BY_NAME["names"]
    composed = describe_item(spec, entry)
    shown = entry.get("displayName") or entry.get("unstructuredName")
    if isinstance(shown, str) and shown.strip() and not composed:
        return single_line(shown)
    return composed


def _membership_text(entry: Mapping[str, Any]) -> str:
    group = entry.get("contactGroupMembership")
    if isinstance(group, Mapping):
        name = str(group.get("contactGroupResourceName") or "")
        return _SYSTEM_GROUPS.get(name) or single_line(name.removeprefix("contactGroups/"))
    domain = entry.get("domainMembership")
    if isinstance(domain, Mapping):
        return "In your organisation" if domain.get("inViewerDomain") else "Other organisation"
    return _as_json(entry)


def _enum_words(value: str) -> str:
    return single_line(value.replace("_", " ").capitalize())


def _as_json(item: Any) -> str:
    if isinstance(item, Mapping):
        item = {key: value for key, value in item.items() if key != "metadata"}
    return single_line(json.dumps(item, ensure_ascii=False, sort_keys=True, default=str))
