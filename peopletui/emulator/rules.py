"""Google's rules for person fields: which mask paths exist, which can be written, and what a
contact source may hold.

The lists come from the discovery document's method descriptions (``personFields`` valid values,
``updatePersonFields`` valid values, "a field that is a singleton for contact sources").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

from .body import payload_error, snake_case
from .errors import ApiError
from .schema import SCHEMAS

GET_DOCS = "https://developers.google.com/people/api/rest/v1/people/get"
UPDATE_DOCS = "https://developers.google.com/people/api/rest/v1/people/updateContact"

# Valid values of personFields / readMask, in the order the person is written out.
READABLE_FIELDS: Final[tuple[str, ...]] = (
    "addresses",
    "ageRanges",
    "biographies",
    "birthdays",
    "calendarUrls",
    "clientData",
    "coverPhotos",
    "emailAddresses",
    "events",
    "externalIds",
    "genders",
    "imClients",
    "interests",
    "locales",
    "locations",
    "memberships",
    "metadata",
    "miscKeywords",
    "names",
    "nicknames",
    "occupations",
    "organizations",
    "phoneNumbers",
    "photos",
    "relations",
    "sipAddresses",
    "skills",
    "urls",
    "userDefined",
)
# Valid values of updatePersonFields: what a contact source stores.
UPDATABLE_FIELDS: Final[tuple[str, ...]] = tuple(
    f
    for f in READABLE_FIELDS
    if f not in {"ageRanges", "coverPhotos", "metadata", "photos", "skills"}
)
SINGLETON_FIELDS: Final[frozenset[str]] = frozenset(
    {"biographies", "birthdays", "genders", "names"}
)
ITEM_SCHEMAS: Final[dict[str, str]] = {
    name: str(field.arg)
    for name, field in SCHEMAS["Person"].items()
    if field.repeated and field.kind == "message"
}
_CAMEL: Final[dict[str, str]] = {snake_case(f): f for f in READABLE_FIELDS} | {
    f: f for f in READABLE_FIELDS
}
_GROUP_NAME = re.compile(r"contactGroups/[A-Za-z0-9_-]+")
_DATE_FIELDS = {
    "birthdays": ("date",),
    "events": ("date",),
    "organizations": ("startDate", "endDate"),
}
_CHECKED_FIELDS = frozenset({*_DATE_FIELDS, "memberships"})

PersonData = dict[str, list[dict[str, Any]]]
"""A contact source as stored: field name → items holding only writable, non-empty values."""


def parse_mask(
    raw: str | None,
    param: str,
    allowed: Iterable[str],
    *,
    required: bool,
    docs: str = GET_DOCS,
    prefix: str = "",
) -> tuple[str, ...] | None:
    """The fields a mask names, in output order; None when it is optional and not given.

    ``prefix`` is ``person.`` for the legacy ``requestMask.includeField`` form.
    """
    paths = [p.strip() for p in (raw or "").split(",") if p.strip()]
    if not paths:
        if required:
            # Google's wording differs by parameter: "personFields mask is required. …" but
            # "readMask is required. …".
            what = param if param == "readMask" else f"{param} mask"
            raise ApiError(
                "INVALID_ARGUMENT",
                f"{what} is required. Please specify one or more valid paths. "
                f"Valid paths are documented at {docs}.",
            )
        return None
    allowed_set = set(allowed)
    chosen: set[str] = set()
    for path in paths:
        name = path
        if prefix:
            name = path[len(prefix) :] if path.startswith(prefix) else ""
        field = _CAMEL.get(name)
        if field is None or field not in allowed_set:
            raise ApiError(
                "INVALID_ARGUMENT",
                f'Invalid {param} mask path: "{path}". Valid paths are documented at {docs}.',
            )
        chosen.add(field)
    return tuple(f for f in READABLE_FIELDS if f in chosen)


def body_etag(person: dict[str, Any]) -> str | None:
    """The etag an update was based on: ``person.etag`` or the contact source's etag."""
    etag = person.get("etag")
    if etag:
        return str(etag)
    for source in person.get("metadata", {}).get("sources", []):
        if source.get("etag") and source.get("type", "CONTACT") == "CONTACT":
            return str(source["etag"])
    return None


def clean_person(person: dict[str, Any], fields: Iterable[str], path: str = "person") -> PersonData:
    """The writable content of ``fields`` in a decoded Person, as a contact source stores it.

    Output-only values (display names, formatted types, field metadata) are dropped, as Google
    ignores them; so are items left empty. Singleton fields with two values and impossible dates
    are refused.
    """
    data: PersonData = {}
    for field in [f for f in fields if f in person]:
        given = person[field]
        if not given:
            continue
        schema = ITEM_SCHEMAS[field]
        checked = field in _CHECKED_FIELDS
        items = []
        for i, item in enumerate(given):
            cleaned = _clean(item, schema)
            if cleaned:
                if checked:
                    _check_item(field, cleaned, path, i)
                items.append(cleaned)
        if len(items) > 1 and field in SINGLETON_FIELDS:
            raise ApiError(
                "INVALID_ARGUMENT",
                f"Cannot have more than one person.{snake_case(field)} per source.",
            )
        if field == "names" and items:
            items = [split_unstructured_name(items[0])]
        if items:
            data[field] = items
    return data


_KEEP, _SKIP, _NESTED, _ENUM = range(4)
_EMPTY: tuple[object, ...] = ("", 0, False, {}, [])
"""Unset values; ``item or item not in _EMPTY`` keeps every set one and compares only the few
falsy ones (a string compared with 0, {} and [] takes the slow path of ``==``)."""


def _clean_plan(schema: str) -> dict[str, tuple[int, Any]]:
    """What `_clean` does with each field of ``schema``: keep it, drop it (output-only values and
    field metadata), clean a nested message, or drop an enum's zero value ("unset" in proto3)."""
    plan: dict[str, tuple[int, Any]] = {}
    for key, field in SCHEMAS[schema].items():
        if field.output_only or key == "metadata":
            plan[key] = (_SKIP, None)
        elif field.kind == "message":
            plan[key] = (_NESTED, str(field.arg))
        elif field.kind == "enum" and field.arg:
            plan[key] = (_ENUM, field.arg[0])
        else:
            plan[key] = (_KEEP, None)
    return plan


_CLEAN_PLANS: Final[dict[str, dict[str, tuple[int, Any]]]] = {
    name: _clean_plan(name) for name in SCHEMAS
}


_PLAIN_KEYS: Final[dict[str, frozenset[str]]] = {
    name: frozenset(key for key, (action, _) in plan.items() if action == _KEEP)
    for name, plan in _CLEAN_PLANS.items()
}
"""The fields of each schema that `_clean` keeps as they are (when set)."""


def _clean(value: dict[str, Any], schema: str) -> dict[str, Any]:
    if _PLAIN_KEYS[schema].issuperset(value):  # the usual item: nothing to drop or descend into
        return {key: item for key, item in value.items() if item or item not in _EMPTY}
    plan = _CLEAN_PLANS[schema]
    cleaned: dict[str, Any] = {}
    for key, item in value.items():
        action, arg = plan[key]
        if action == _SKIP:
            continue
        if action == _NESTED:
            item = _clean(item, arg)
        elif action == _ENUM and item == arg:
            continue
        if item or item not in _EMPTY:
            cleaned[key] = item
    return cleaned


def _check_item(field: str, item: dict[str, Any], path: str, index: int) -> None:
    where = f"{path}.{snake_case(field)}[{index}]"  # built only for the fields checked here
    for key in _DATE_FIELDS.get(field, ()):
        if key in item and not _valid_date(item[key]):
            raise payload_error(
                "Request contains an invalid argument.", f"{where}.{snake_case(key)}"
            )
    if field == "memberships":
        group = item.get("contactGroupMembership", {}).get("contactGroupResourceName", "")
        if group and not _GROUP_NAME.fullmatch(group):
            raise payload_error(
                "Request contains an invalid argument.",
                f"{where}.contact_group_membership.contact_group_resource_name",
            )


def _valid_date(date: dict[str, Any]) -> bool:
    year, month, day = date.get("year", 0), date.get("month", 0), date.get("day", 0)
    if not (0 <= year <= 9999 and 0 <= month <= 12 and 0 <= day <= 31):
        return False
    if day and not month:
        return False
    days_in_month = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if month and day > days_in_month[month - 1]:
        return False
    leap = year == 0 or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    return not (month == 2 and day == 29 and not leap)


_STRUCTURED_NAME_PARTS = (
    "givenName",
    "familyName",
    "middleName",
    "honorificPrefix",
    "honorificSuffix",
)


def split_unstructured_name(name: dict[str, Any]) -> dict[str, Any]:
    """A name sent only as ``unstructuredName`` gets given and family names, as Google derives
    them ("Ada Lovelace" → given "Ada", family "Lovelace"; a single word is a given name)."""
    if any(name.get(part) for part in _STRUCTURED_NAME_PARTS) or not name.get("unstructuredName"):
        return name
    words = str(name["unstructuredName"]).split()
    parsed = dict(name)
    if len(words) == 1:
        parsed["givenName"] = words[0]
    elif words:
        parsed["givenName"] = " ".join(words[:-1])
        parsed["familyName"] = words[-1]
    return parsed
