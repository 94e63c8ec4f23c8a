"""People API persons written as a vCard 3.0 (RFC 2426, what khard reads) and as abook's
addressbook file, for the side-by-side benchmarks. Only the fields the other programs know are
written; control characters are dropped, since neither format can hold them in a value."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from peopletui.cache.addresses import is_mailbox
from peopletui.cache.display import display_name
from peopletui.cache.untrusted import one_line

Person = dict[str, Any]


def _entries(person: Person, field: str) -> list[dict[str, Any]]:
    value = person.get(field)
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def _text(entry: dict[str, Any], key: str) -> str:
    value = entry.get(key)
    return one_line(value) if isinstance(value, str) else ""


def _email_entries(person: Person) -> dict[str, dict[str, Any]]:
    """The usable addresses (those `peopletui query` lists too), each with its entry."""
    found: dict[str, dict[str, Any]] = {}
    for entry in _entries(person, "emailAddresses"):
        value = entry.get("value")
        email = value.strip() if isinstance(value, str) else ""
        if is_mailbox(email):
            found.setdefault(email, entry)
    return found


def _date(entry: dict[str, Any]) -> str:
    date = entry.get("date")
    if not isinstance(date, dict) or not date.get("month") or not date.get("day"):
        return ""
    year = f"{date['year']:04d}" if date.get("year") else "-"
    return f"{year}-{date['month']:02d}-{date['day']:02d}"


# -- vCard 3.0 -------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _kind(entry: dict[str, Any]) -> str:
    kind = _text(entry, "type").upper()
    return f";TYPE={kind}" if kind.isalpha() else ""


def vcard(person: Person) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"UID:{person['resourceName'].split('/')[-1]}"]
    lines.append(f"FN:{_escape(one_line(display_name(person)))}")
    name = (_entries(person, "names") or [{}])[0]
    parts = ("familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix")
    lines.append("N:" + ";".join(_escape(_text(name, key)) for key in parts))
    for entry in _entries(person, "nicknames")[:1]:
        lines.append(f"NICKNAME:{_escape(_text(entry, 'value'))}")
    for email, entry in _email_entries(person).items():
        lines.append(f"EMAIL{_kind(entry)}:{email}")
    for entry in _entries(person, "phoneNumbers"):
        lines.append(f"TEL{_kind(entry)}:{_escape(_text(entry, 'value'))}")
    for entry in _entries(person, "addresses"):
        fields = ("poBox", "extendedAddress", "streetAddress", "city", "region", "postalCode")
        value = ";".join(_escape(_text(entry, key)) for key in (*fields, "country"))
        lines.append(f"ADR{_kind(entry)}:{value}")
    for entry in _entries(person, "organizations")[:1]:
        lines.append(f"ORG:{_escape(_text(entry, 'name'))}")
        if _text(entry, "title"):
            lines.append(f"TITLE:{_escape(_text(entry, 'title'))}")
    for entry in _entries(person, "urls"):
        lines.append(f"URL:{_text(entry, 'value')}")
    for entry in _entries(person, "birthdays")[:1]:
        if _date(entry).startswith("-"):
            lines.append(f"BDAY:--{_date(entry)[2:].replace('-', '')}")
        elif _date(entry):
            lines.append(f"BDAY:{_date(entry)}")
    for entry in _entries(person, "biographies")[:1]:
        value = entry.get("value")
        if isinstance(value, str) and value.strip():
            note = "\n".join(one_line(line) for line in value.splitlines())
            lines.append(f"NOTE:{_escape(note)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


# -- abook -----------------------------------------------------------------------------------

_PHONE_KEYS = {"home": "phone", "work": "workphone", "mobile": "mobile", "homeFax": "fax"}


def _abook_entry(number: int, person: Person) -> list[str]:
    lines = [f"[{number}]", f"name={one_line(display_name(person))}"]
    emails = list(_email_entries(person))
    if emails:
        lines.append("email=" + ",".join(emails))
    for entry in _entries(person, "addresses")[:1]:
        for key, field in (
            ("streetAddress", "address"),
            ("extendedAddress", "address2"),
            ("city", "city"),
            ("region", "state"),
            ("postalCode", "zip"),
            ("country", "country"),
        ):
            if _text(entry, key):
                lines.append(f"{field}={_text(entry, key)}")
    phones: dict[str, str] = {}
    for entry in _entries(person, "phoneNumbers"):
        field = _PHONE_KEYS.get(_text(entry, "type"), "phone")
        phones.setdefault(field, _text(entry, "value"))
    lines += [f"{field}={value}" for field, value in phones.items() if value]
    for key, field, value_key in (
        ("nicknames", "nick", "value"),
        ("urls", "url", "value"),
        ("biographies", "notes", "value"),
    ):
        for entry in _entries(person, key)[:1]:
            if _text(entry, value_key):
                lines.append(f"{field}={_text(entry, value_key)}")
    for entry in _entries(person, "birthdays")[:1]:
        if _date(entry):
            lines.append(f"anniversary={_date(entry)}")
    return lines


def abook_file(people: Iterable[Person]) -> str:
    lines = ["# abook addressbook file", "", "[format]", "program=abook", "version=0.6.1", ""]
    for number, person in enumerate(people):
        lines += [*_abook_entry(number, person), ""]
    return "\n".join(lines) + "\n"
