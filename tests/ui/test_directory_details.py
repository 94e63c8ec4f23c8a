"""What the directory screen says about a person and after an add: literal untrusted text, the
fields a directory profile has, and per-item failures named in the notice."""

from __future__ import annotations

from typing import Any

from peopletui.services.results import BatchResult, SaveOutcome, SaveStatus
from peopletui.ui.screens.directory_details import (
    add_notice,
    add_question,
    person_details,
    photo_url,
)


def person(name: str, email: str, **fields: Any) -> dict[str, Any]:
    return {
        "resourceName": f"people/{abs(hash(email))}",
        "names": [{"displayName": name}],
        "emailAddresses": [{"value": email, "type": "work"}],
        **fields,
    }


def outcome(status: SaveStatus, message: str = "") -> SaveOutcome:
    return SaveOutcome(status, draft_id=1, kind="create", resource_name=None, message=message)


def test_details_are_shown_literally_and_without_controls() -> None:
    hostile = person(
        "[bold]Eve[/] \x1b[31mRed",
        "eve@example.org",
        organizations=[{"title": "[@click=app.quit]Boss[/]", "department": "Ops\u202e"}],
    )
    shown = person_details(hostile)
    text = str(shown)
    assert text.startswith("[bold]Eve[/]")
    assert "[@click=app.quit]Boss[/] · Ops" in text
    assert "\x1b" not in text and "\u202e" not in text
    assert not any(span.style for span in shown.spans if "click" in str(span.style))


def test_details_cover_what_a_profile_has() -> None:
    profile = person(
        "Ada Lovelace",
        "ada@example.org",
        phoneNumbers=[{"value": "+44 20 7946 0000", "formattedType": "Work"}],
        organizations=[{"title": "Analyst", "department": "Engines", "name": "Example"}],
        locations=[{"buildingId": "LON-1", "floor": "2", "floorSection": "B", "deskCode": "2B-7"}],
        relations=[{"person": "charles@example.org", "type": "manager"}],
        externalIds=[{"value": "E1815", "type": "organization"}],
        metadata={"sources": [{"type": "DOMAIN_PROFILE"}]},
    )
    text = str(person_details(profile, in_my_contacts=True))
    for expected in (
        "Ada Lovelace",
        "Member of your organisation",
        "Already in My Contacts",
        "Analyst · Engines · Example",
        "ada@example.org (work)",
        "+44 20 7946 0000 (Work)",
        "building LON-1, floor 2B, desk 2B-7",
        "Reports to\n  charles@example.org",
        "E1815 (organization)",
    ):
        assert expected in text, expected


def test_photo_url_skips_the_default_avatar() -> None:
    assert photo_url(person("A", "a@x.org", photos=[{"url": "u1", "default": True}])) is None
    assert photo_url(person("A", "a@x.org", photos=[{"url": "u1", "default": True}, {"url": "u2"}]))
    assert photo_url(person("A", "a@x.org")) is None


def test_add_question_counts_people_already_in_contacts() -> None:
    one = [person("[i]Ada[/]", "ada@example.org")]
    assert str(add_question(one, 0)) == "Add [i]Ada[/] to My Contacts?"
    three = [person(n, f"{n}@example.org") for n in ("a", "b", "c")]
    assert str(add_question(three, 2)) == (
        "Add 3 people to My Contacts?\n\n2 of them are already in My Contacts: copies are added."
    )


def test_add_notice_names_each_failure() -> None:
    people = [person(f"Person {n}", f"p{n}@example.org") for n in range(8)]
    statuses = [SaveStatus.SAVED, SaveStatus.QUEUED] + [SaveStatus.FAILED] * 6
    result = BatchResult(
        tuple(
            outcome(status, "Invalid email address." if status is SaveStatus.FAILED else "")
            for status in statuses
        )
    )
    text, failed = add_notice(people, result)
    assert failed
    lines = text.splitlines()
    assert lines[0] == "Added 1 of 8 people to My Contacts."
    assert lines[1] == "1 person will be added to My Contacts when the connection is back."
    assert lines[2] == "Not added:"
    assert lines[3] == "• Person 2: Invalid email address."
    assert lines[-1] == "• and 1 more"


def test_add_notice_for_a_clean_add() -> None:
    people = [person("Ada", "ada@example.org")]
    assert add_notice(people, BatchResult((outcome(SaveStatus.SAVED),))) == (
        "Added Ada to My Contacts.",
        False,
    )


def test_add_notice_when_nothing_could_be_sent_yet() -> None:
    people = [person("Ada", "ada@example.org"), person("Bob", "bob@example.org")]
    queued = BatchResult((outcome(SaveStatus.QUEUED), outcome(SaveStatus.QUEUED)))
    assert add_notice(people, queued) == (
        "2 people will be added to My Contacts when the connection is back.",
        False,
    )
    refused = BatchResult(
        (outcome(SaveStatus.FAILED, "Quota exceeded."), outcome(SaveStatus.FAILED))
    )
    assert add_notice(people, refused) == (
        "Could not add 2 people:\n• Ada: Quota exceeded.\n• Bob: the server refused it",
        True,
    )
