"""What the directory screen shows about one person, and what it says after adding people.

Pure functions over the server's Person JSON, so they are easy to test and cost nothing to call on
every cursor move. Every value from the server is untrusted text and goes through `literal`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from textual.content import Content

from peopletui.cache.display import display_name
from peopletui.services.fields import PersonJson
from peopletui.services.interfaces import BookReader
from peopletui.services.results import BatchResult, SaveOutcome, SaveStatus
from peopletui.ui.text import literal, single_line

_HEADING_STYLE: Final = "bold"
_LABEL_STYLE: Final = "italic"
_NEWLINE: Final = Content("\n")

# Failures listed by name in the notice after an add; the rest are counted.
_FAILURES_LISTED: Final = 5

_SOURCE_LABELS: Final = {
    "DOMAIN_PROFILE": "Member of your organisation",
    "DOMAIN_CONTACT": "Shared contact of your organisation",
}


def _entries(person: Mapping[str, Any], field: str) -> list[dict[str, Any]]:
    value = person.get(field)
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []


def _text(entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    return value.strip() if isinstance(value, str) else ""


def _kind(entry: Mapping[str, Any]) -> str:
    return _text(entry, "formattedType") or _text(entry, "type")


def _with_kind(value: str, entry: Mapping[str, Any]) -> str:
    kind = _kind(entry)
    return f"{value} ({kind})" if kind else value


def _organization_line(entry: Mapping[str, Any]) -> str:
    parts = (_text(entry, key) for key in ("title", "department", "name"))
    return " · ".join(part for part in parts if part)


def _location_line(entry: Mapping[str, Any]) -> str:
    details = []
    if building := _text(entry, "buildingId"):
        details.append(f"building {building}")
    if floor := _text(entry, "floor"):
        section = _text(entry, "floorSection")
        details.append(f"floor {floor}{section}" if section else f"floor {floor}")
    if desk := _text(entry, "deskCode"):
        details.append(f"desk {desk}")
    return ", ".join(details) if details else _text(entry, "value")


def _section(title: str, lines: Iterable[str]) -> Content | None:
    shown = [line for line in lines if line]
    if not shown:
        return None
    parts = [Content.styled(title, _LABEL_STYLE)]
    parts += [Content.assemble("  ", literal(line, one_line=True)) for line in shown]
    return _NEWLINE.join(parts)


def person_details(person: Mapping[str, Any], *, in_my_contacts: bool = False) -> Content:
    """Names, organization, emails, phones, locations and the rest of a directory person."""
    heading = literal(display_name(person), style=_HEADING_STYLE, one_line=True)
    lines: list[Content] = [heading]
    sources = {
        _text(source, "type")
        for source in _entries(person.get("metadata") or {}, "sources")
        if _text(source, "type") in _SOURCE_LABELS
    }
    lines += [Content(_SOURCE_LABELS[source]) for source in sorted(sources)]
    if in_my_contacts:
        lines.append(Content.styled("Already in My Contacts", _LABEL_STYLE))
    sections = [
        _section(
            "Also known as",
            [_text(entry, "value") for entry in _entries(person, "nicknames")],
        ),
        _section(
            "Organization",
            [_organization_line(entry) for entry in _entries(person, "organizations")],
        ),
        _section(
            "Email",
            [_with_kind(_text(e, "value"), e) for e in _entries(person, "emailAddresses")],
        ),
        _section(
            "Phone",
            [_with_kind(_text(e, "value"), e) for e in _entries(person, "phoneNumbers")],
        ),
        _section(
            "Location",
            [_location_line(entry) for entry in _entries(person, "locations")],
        ),
        _section(
            "Address",
            [_text(entry, "formattedValue") for entry in _entries(person, "addresses")],
        ),
        _section(
            "Reports to",
            [_text(entry, "person") for entry in _entries(person, "relations")],
        ),
        _section("Website", [_text(entry, "value") for entry in _entries(person, "urls")]),
        _section(
            "IDs",
            [_with_kind(_text(e, "value"), e) for e in _entries(person, "externalIds")],
        ),
    ]
    blocks = [_NEWLINE.join(lines), *(section for section in sections if section is not None)]
    notes = [_text(entry, "value") for entry in _entries(person, "biographies")]
    if any(notes):
        about = [Content.styled("About", _LABEL_STYLE)]
        about += [literal(note) for note in notes if note]
        blocks.append(_NEWLINE.join(about))
    return Content("\n\n").join(blocks)


def photo_url(person: Mapping[str, Any]) -> str | None:
    """The person's own photo (not Google's letter avatar), if they have one."""
    for photo in _entries(person, "photos"):
        url = _text(photo, "url")
        if url and not photo.get("default"):
            return url
    return None


def _emails(person: Mapping[str, Any]) -> set[str]:
    return {
        _text(entry, "value").casefold()
        for entry in _entries(person, "emailAddresses")
        if _text(entry, "value")
    }


def in_my_contacts(book: BookReader, person: Mapping[str, Any]) -> bool:
    """Some contact in the book already has one of this person's email addresses."""
    for email in _emails(person):
        for name in book.search(email, limit=10).resource_names:
            contact = book.get(name)
            if contact is not None and email in _emails(contact):
                return True
    return False


def add_question(people: Sequence[PersonJson], already: int) -> Content:
    """The confirmation before adding: who (or how many), and how many are there already."""
    if len(people) == 1:
        question = Content.assemble(
            "Add ", literal(display_name(people[0]), one_line=True), " to My Contacts?"
        )
    else:
        question = Content(f"Add {len(people)} people to My Contacts?")
    if already == 1 and len(people) == 1:
        return Content.assemble(question, "\n\nThey are already in My Contacts: a copy is added.")
    if already:
        return Content.assemble(
            question, f"\n\n{already} of them are already in My Contacts: copies are added."
        )
    return question


def _name(person: Mapping[str, Any]) -> str:
    return single_line(display_name(person))


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def add_notice(people: Sequence[PersonJson], result: BatchResult) -> tuple[str, bool]:
    """The notice after adding `people` (untrusted names, shown with markup off) and whether it
    reports a failure."""
    outcomes: Sequence[SaveOutcome] = result.outcomes
    saved = result.saved
    queued = len(result.with_status(SaveStatus.QUEUED))
    failed = [
        (person, outcome)
        for person, outcome in zip(people, outcomes, strict=False)
        if outcome.status in (SaveStatus.FAILED, SaveStatus.CONFLICT)
    ]
    total = len(people)
    lines: list[str] = []
    if saved == total == 1:
        lines.append(f"Added {_name(people[0])} to My Contacts.")
    elif saved == total:
        lines.append(f"Added {_people(saved)} to My Contacts.")
    elif saved:
        lines.append(f"Added {saved} of {_people(total)} to My Contacts.")
    if queued:
        lines.append(f"{_people(queued)} will be added to My Contacts when the connection is back.")
    if failed:
        lines.append("Not added:" if saved or queued else f"Could not add {_people(total)}:")
        lines += [
            f"• {_name(person)}: {single_line(outcome.message) or 'the server refused it'}"
            for person, outcome in failed[:_FAILURES_LISTED]
        ]
        if len(failed) > _FAILURES_LISTED:
            lines.append(f"• and {len(failed) - _FAILURES_LISTED} more")
    return "\n".join(lines), bool(failed)
