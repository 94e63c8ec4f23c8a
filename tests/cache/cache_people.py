"""Person JSON as the People API sends it (proto3 JSON, every field with its metadata), built
small and explicit for the cache and search tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

SOURCE = {"id": "554075f48f2b9366", "type": "CONTACT"}


def _field(value: dict[str, Any], primary: bool) -> dict[str, Any]:
    metadata: dict[str, Any] = {"source": dict(SOURCE)}
    if primary:
        metadata["primary"] = True
    return {"metadata": metadata, **value}


def make_person(
    number: int,
    name: str | None = None,
    *,
    given: str | None = None,
    family: str | None = None,
    phonetic: str | None = None,
    emails: Sequence[str] = (),
    phones: Sequence[str | tuple[str, str]] = (),
    nicknames: Sequence[str] = (),
    organization: str | None = None,
    title: str | None = None,
    department: str | None = None,
    notes: str | None = None,
    etag: str | None = None,
) -> dict[str, Any]:
    """A person `people/c<number>`; `name` is the server-computed displayName. A phone given
    as (value, canonicalForm) carries Google's E.164 form too."""
    person: dict[str, Any] = {
        "resourceName": f"people/c{number}",
        "etag": etag or f"%EgUBAj03LhoE{number}",
        "metadata": {"sources": [{**SOURCE, "etag": f"#{number}"}], "objectType": "PERSON"},
    }
    if name is not None or given is not None or family is not None:
        entry: dict[str, Any] = {}
        if name is not None:
            entry["displayName"] = name
            entry["unstructuredName"] = name
        if given is not None:
            entry["givenName"] = given
        if family is not None:
            entry["familyName"] = family
        if phonetic is not None:
            entry["phoneticFullName"] = phonetic
        person["names"] = [_field(entry, True)]
    if emails:
        person["emailAddresses"] = [
            _field({"value": email, "type": "home"}, index == 0)
            for index, email in enumerate(emails)
        ]
    if phones:
        entries = []
        for index, phone in enumerate(phones):
            value, canonical = phone if isinstance(phone, tuple) else (phone, None)
            entry = {"value": value, "type": "mobile"}
            if canonical:
                entry["canonicalForm"] = canonical
            entries.append(_field(entry, index == 0))
        person["phoneNumbers"] = entries
    if nicknames:
        person["nicknames"] = [
            _field({"value": nick}, index == 0) for index, nick in enumerate(nicknames)
        ]
    if organization or title or department:
        org = {
            key: value
            for key, value in (("name", organization), ("title", title), ("department", department))
            if value
        }
        person["organizations"] = [_field(org, True)]
    if notes:
        person["biographies"] = [_field({"value": notes, "contentType": "TEXT_PLAIN"}, True)]
    return person


def tombstone(number: int) -> dict[str, Any]:
    """What a sync delta sends for a deleted contact."""
    return {
        "resourceName": f"people/c{number}",
        "etag": f"%gone{number}",
        "metadata": {"sources": [{**SOURCE}], "deleted": True, "objectType": "PERSON"},
    }
