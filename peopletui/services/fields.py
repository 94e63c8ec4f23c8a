"""Field-level views of a person's JSON: which fields a write may set, when two values of a field
are the same, what changed between two versions, and what a copy for a new contact holds.

Values are compared without what the server adds on its own (field `metadata`, and the
output-only parts such as `formattedType` or a name's `displayName`, as the discovery document
marks them), so a value the user typed equals the server's echo of it.

Photo bytes travel with a person's JSON under `PHOTO_KEY` (base64) inside the services only —
in drafts and undo before-images — because a photo URL stops working once the photo changes.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from typing import Any, cast

from peopletui.api import ALL_UPDATE_FIELDS, UpdatePersonField

PersonJson = dict[str, Any]

WRITABLE_FIELDS: frozenset[str] = frozenset(ALL_UPDATE_FIELDS)
"""The fields `updatePersonFields` (and a create) may set."""

PHOTO_KEY = "$photo"
"""Base64 image bytes kept beside a person's fields (never sent as a field)."""

# Output-only parts of each field's items (from the discovery document: "Output only"); a
# dotted name is a part of a part.
OUTPUT_ONLY_KEYS: Mapping[str, frozenset[str]] = {
    "addresses": frozenset({"formattedType"}),
    "calendarUrls": frozenset({"formattedType"}),
    "emailAddresses": frozenset({"formattedType"}),
    "events": frozenset({"formattedType"}),
    "externalIds": frozenset({"formattedType"}),
    "genders": frozenset({"formattedValue"}),
    "imClients": frozenset({"formattedProtocol", "formattedType"}),
    "memberships": frozenset({"domainMembership", "contactGroupMembership.contactGroupId"}),
    "miscKeywords": frozenset({"formattedType"}),
    "names": frozenset({"displayName", "displayNameLastFirst"}),
    "organizations": frozenset({"formattedType"}),
    "phoneNumbers": frozenset({"canonicalForm", "formattedType"}),
    "relations": frozenset({"formattedType"}),
    "sipAddresses": frozenset({"formattedType"}),
    "urls": frozenset({"formattedType"}),
}
_NO_KEYS: frozenset[str] = frozenset()


def comparable(field: str, value: Any) -> Any:
    """A field's value with server-made parts removed and proto3 defaults ("", 0, false, empty)
    dropped, as the server would echo it; every empty value becomes None."""
    if not value:
        return None
    if not isinstance(value, list):
        return value
    dropped = OUTPUT_ONLY_KEYS.get(field, _NO_KEYS) | {"metadata"}
    items = [_strip(item, dropped) for item in value]
    kept = [item for item in items if item not in (None, {})]
    return kept or None


def _strip(item: Any, dropped: frozenset[str] = _NO_KEYS) -> Any:
    if not isinstance(item, dict):
        return item
    nested: dict[str, frozenset[str]] = {}
    for path in dropped:
        head, dot, rest = path.partition(".")
        if dot:
            nested[head] = nested.get(head, _NO_KEYS) | {rest}
    stripped = {
        key: _strip(value, nested.get(key, _NO_KEYS))
        for key, value in item.items()
        if key not in dropped
    }
    return {key: value for key, value in stripped.items() if value not in _PROTO3_DEFAULTS}


_PROTO3_DEFAULTS: tuple[Any, ...] = ("", 0, False, None, {}, [])
_NAME_PARTS = frozenset(
    {"givenName", "familyName", "middleName", "honorificPrefix", "honorificSuffix"}
)


def same_value(field: str, left: Any, right: Any) -> bool:
    """Two versions of a field (both as the server sent them) hold the same value."""
    return bool(comparable(field, left) == comparable(field, right))


def holds(field: str, current: Any, wanted: Any) -> bool:
    """Whether `current` (the server's value) is what sending `wanted` gives: equal but for the
    parts the server fills in itself when they are not sent (a name's `unstructuredName`, an
    address's `formattedValue`, the given and family names split from an unstructured name)."""
    have, want = comparable(field, current), comparable(field, wanted)
    if have is None or want is None:
        return have is want
    if len(have) != len(want):
        return False
    return all(_item_holds(field, h, w) for h, w in zip(have, want, strict=True))


def _item_holds(field: str, have: Any, want: Any) -> bool:
    if not isinstance(have, dict) or not isinstance(want, dict):
        return bool(have == want)
    filled: frozenset[str] = _NO_KEYS
    if field == "names":
        filled = frozenset({"unstructuredName"})
        if not _NAME_PARTS & want.keys():
            filled |= _NAME_PARTS
    elif field == "addresses":
        filled = frozenset({"formattedValue"})
    kept = {key: value for key, value in have.items() if key not in filled or key in want}
    return kept == want


def changed_fields(base: Mapping[str, Any], values: Mapping[str, Any]) -> PersonJson:
    """The writable fields of `values` that differ from `base`, with their new values (a field
    cleared by the user maps to an empty list)."""
    changed: PersonJson = {}
    for field, value in values.items():
        if field in WRITABLE_FIELDS and not holds(field, base.get(field), value):
            changed[field] = value if value else []
    return changed


def update_mask(fields: Iterable[str]) -> frozenset[UpdatePersonField]:
    """The writable field names among `fields`, typed as the API's update mask."""
    return frozenset(cast(UpdatePersonField, name) for name in fields if name in WRITABLE_FIELDS)


def fields_differing(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """The writable fields whose values differ between two versions of a person."""
    return sorted(
        field
        for field in WRITABLE_FIELDS
        if not same_value(field, before.get(field), after.get(field))
    )


def clean_field(field: str, value: Any) -> Any:
    """A field's value ready to send in a new contact: no metadata, no output-only parts."""
    return comparable(field, value)


def writable_copy(person: Mapping[str, Any], *, leave_out: Iterable[str] = ()) -> PersonJson:
    """The person's writable fields, cleaned, for a new contact (re-creating a deleted one, or
    adding a directory person to My Contacts)."""
    skipped = set(leave_out)
    copy: PersonJson = {}
    for field in sorted(WRITABLE_FIELDS - skipped):
        value = clean_field(field, person.get(field))
        if value is not None:
            copy[field] = value
    return copy


def without_private(person: Mapping[str, Any]) -> PersonJson:
    """The person's JSON without the services' own `$` keys (what may go on the wire)."""
    return {key: value for key, value in person.items() if not key.startswith("$")}


def custom_photo_url(person: Mapping[str, Any]) -> str | None:
    """The URL of the contact's own photo (not Google's default letter avatar), if any."""
    for photo in person.get("photos") or []:
        if not isinstance(photo, dict) or photo.get("default"):
            continue
        source = (photo.get("metadata") or {}).get("source") or {}
        # A contact also shows its linked profile's photo; only the contact's own can be
        # restored through updateContactPhoto.
        if source.get("type", "CONTACT") != "CONTACT":
            continue
        url = photo.get("url")
        if isinstance(url, str) and url:
            return url
    return None


def encode_photo(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def decode_photo(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))
