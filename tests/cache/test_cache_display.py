"""display.py: a person's one-line name and secondary line; text.py: the folding rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cache_people import make_person

from peopletui.cache.display import NO_NAME, display_name, secondary_line, single_line
from peopletui.cache.text import fold, is_phone_like, phone_digit_forms

RECORDED_PERSON = (
    Path(__file__).resolve().parent.parent
    / "reference/recorded/allodia-email-calendar-sync-engine/contacts/person.json"
)


def test_display_name_falls_back_in_order() -> None:
    assert display_name(make_person(1, "Ada Lovelace", emails=["a@x.test"])) == "Ada Lovelace"
    assert display_name({"names": [{"unstructuredName": "Ada L."}]}) == "Ada L."
    # A person built locally, before the server computed its displayName.
    assert display_name({"names": [{"givenName": "Ada", "familyName": "King"}]}) == "Ada King"
    assert display_name(make_person(1, None, emails=["a@x.test"], phones=["+1"])) == "a@x.test"
    assert display_name(make_person(1, None, phones=["+31 6 1"], organization="Acme")) == "+31 6 1"
    assert display_name(make_person(1, None, organization="Acme")) == "Acme"
    assert display_name(make_person(1, None, title="Chef")) == "Chef"
    assert display_name(make_person(1)) == NO_NAME
    assert display_name({"names": [{"displayName": "  "}], "emailAddresses": "garbage"}) == NO_NAME


def test_the_primary_entry_wins_over_the_first() -> None:
    person = {
        "emailAddresses": [
            {"value": "old@x.test", "metadata": {}},
            {"value": "main@x.test", "metadata": {"primary": True}},
        ]
    }
    assert display_name(person) == "main@x.test"


def test_secondary_line_shows_contact_and_organization() -> None:
    recorded = json.loads(RECORDED_PERSON.read_text(encoding="utf-8"))
    assert display_name(recorded) == "Dr. Ada Byron Lovelace"
    assert secondary_line(recorded) == "ada.lovelace@example.test · Analytical Engines BV"
    assert secondary_line(make_person(1, "Bob", phones=["+1 555 0100"])) == "+1 555 0100"
    assert secondary_line(make_person(1, "Bob")) == ""
    # Whatever already is the display name is not repeated.
    assert secondary_line(make_person(1, None, emails=["a@x.test"], organization="Acme")) == "Acme"


def test_untrusted_text_stays_on_one_line() -> None:
    # The escape sequence goes whole, not just its ESC byte.
    assert display_name(make_person(1, "Ada\nLovelace\t\x1b[31m")) == "Ada Lovelace"
    assert single_line("  a\r\n\u2028b  ") == "a b"


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("  Zoë  MÜLLER ", "zoe muller"),
        ("Łukasz Ødegård", "lukasz odegard"),
        ("Straße", "strasse"),
        ("ＡＢＣ", "abc"),
        ("Ǆemal", "dzemal"),
        ("a\x00b\x1ec", "a b c"),
        ("がっこう", "がっこう"),  # kana keep their voicing marks: they change the word
        ("한국", "한국"),  # Hangul stays composed
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_phone_digit_forms() -> None:
    assert phone_digit_forms("+31 6 1234 5678", "+31612345678") == [
        "31612345678",
        "0612345678",
    ]
    assert phone_digit_forms("(415) 555-0164") == ["4155550164"]
    assert phone_digit_forms("+1 212-555-0199") == ["12125550199"]
    assert phone_digit_forms("+7 495 123-45-67") == ["74951234567", "84951234567"]
    assert phone_digit_forms("+39 06 1234 5678") == ["390612345678"]
    assert phone_digit_forms("+353 1 234 5678") == ["35312345678", "012345678"]
    assert phone_digit_forms("ext. only") == []
    assert [is_phone_like(word) for word in ("0612", "+31", "(415)", "06-12", "ada", "-")] == [
        True,
        True,
        True,
        True,
        False,
        False,
    ]
