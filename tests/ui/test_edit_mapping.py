"""Person ⇄ form mapping, without the UI: patches hold whole fields, keep what the form does not
show, and an untouched form changes nothing."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from peopletui.ui.forms.fields import FIELD_SPECS, SPECS_BY_NAME, ColumnKind
from peopletui.ui.forms.mapping import (
    FormState,
    RowState,
    blank_row,
    changed_fields,
    form_values,
    with_draft,
)
from peopletui.ui.forms.problems import form_problems, stored_fields

REFERENCE = Path(__file__).resolve().parent.parent / "reference"
RECORDED_PERSON = REFERENCE / "recorded/allodia-email-calendar-sync-engine/contacts/person.json"

SOURCE = {"metadata": {"source": {"type": "CONTACT", "id": "7a1"}}}
PRIMARY = {"metadata": {"primary": True, "source": {"type": "CONTACT", "id": "7a1"}}}
PROFILE = {"metadata": {"source": {"type": "PROFILE", "id": "1099"}}}


def rich_person() -> dict[str, Any]:
    """A contact using every field the form edits, with metadata, output-only and unknown keys."""
    return {
        "resourceName": "people/c42",
        "etag": "%EgUBAgMEBQ==",
        "metadata": {"sources": [{"type": "CONTACT", "id": "7a1", "etag": "#e1"}]},
        "names": [
            {
                **PRIMARY,
                "displayName": "Dr. Ada Byron Lovelace",
                "displayNameLastFirst": "Lovelace, Dr. Ada Byron",
                "unstructuredName": "Dr. Ada Byron Lovelace",
                "honorificPrefix": "Dr.",
                "givenName": "Ada",
                "middleName": "Byron",
                "familyName": "Lovelace",
                "honorificSuffix": "FRS",
                "phoneticGivenName": "ay-da",
                "phoneticMiddleName": "by-ron",
                "phoneticFamilyName": "luv-lace",
                "phoneticFullName": "ay-da by-ron luv-lace",
                "phoneticHonorificPrefix": "doc-tor",
                "phoneticHonorificSuffix": "eff-are-ess",
            },
            {**PROFILE, "displayName": "Ada (profile)", "givenName": "Ada"},
        ],
        "nicknames": [
            {**SOURCE, "value": "Countess"},
            {**SOURCE, "value": "AAL", "type": "INITIALS"},
        ],
        "emailAddresses": [
            {**PRIMARY, "value": "ada@example.com", "type": "work", "formattedType": "Work"},
            {**SOURCE, "value": "ada@home.example", "type": "home", "displayName": "Ada L."},
            {**PROFILE, "value": "ada@profile.example"},
        ],
        "phoneNumbers": [
            {
                **PRIMARY,
                "value": "+44 20 7946 0000",
                "type": "mobile",
                "formattedType": "Mobile",
                "canonicalForm": "+442079460000",
                "futureKey": {"kept": True},
            },
            {**SOURCE, "value": "020 7946 0001", "type": "work"},
        ],
        "addresses": [
            {
                **SOURCE,
                "streetAddress": "12 St James's Square",
                "extendedAddress": "Flat 3",
                "poBox": "PO 9",
                "city": "London",
                "region": "Greater London",
                "postalCode": "SW1Y 4JH",
                "country": "United Kingdom",
                "countryCode": "GB",
                "type": "home",
                "formattedType": "Home",
                "formattedValue": "Flat 3\n12 St James's Square\nLondon SW1Y 4JH\nUnited Kingdom",
            }
        ],
        "organizations": [
            {
                **SOURCE,
                "name": "Analytical Engines",
                "title": "Programmer",
                "department": "Notes",
                "jobDescription": "Writes the first program",
                "symbol": "AEL",
                "domain": "engines.example",
                "location": "London",
                "costCenter": "CC-1",
                "phoneticName": "an-a-lit-i-cal",
                "type": "work",
                "current": True,
                "startDate": {"year": 1842, "month": 10},
                "endDate": {"year": 1843, "month": 9, "day": 1},
                "fullTimeEquivalentMillipercent": 50000,
            }
        ],
        "birthdays": [{**PRIMARY, "date": {"month": 12, "day": 10}, "text": "10 December"}],
        "events": [{**SOURCE, "date": {"year": 1835, "month": 7, "day": 8}, "type": "anniversary"}],
        "relations": [{**SOURCE, "person": "Charles Babbage", "type": "friend"}],
        "urls": [{**SOURCE, "value": "https://ada.example/notes", "type": "blog"}],
        "imClients": [
            {
                **SOURCE,
                "username": "ada.l",
                "protocol": "jabber",
                "type": "work",
                "formattedProtocol": "Jabber",
            }
        ],
        "sipAddresses": [{**SOURCE, "value": "sip:ada@example.com", "type": "work"}],
        "biographies": [{**SOURCE, "value": "Line one\nLine two", "contentType": "TEXT_PLAIN"}],
        "genders": [
            {**SOURCE, "value": "female", "formattedValue": "Female", "addressMeAs": "she/her"}
        ],
        "occupations": [{**SOURCE, "value": "Mathematician"}],
        "interests": [{**SOURCE, "value": "Poetical science"}],
        "locales": [{**SOURCE, "value": "en-GB"}],
        "locations": [
            {
                **SOURCE,
                "value": "Ockham Park",
                "type": "desk",
                "current": True,
                "buildingId": "B1",
                "floor": "2",
                "floorSection": "East",
                "deskCode": "2E-14",
            }
        ],
        "externalIds": [{**SOURCE, "value": "A-1815", "type": "customer"}],
        "userDefined": [{**SOURCE, "key": "Favourite engine", "value": "Analytical"}],
        "clientData": [{**SOURCE, "key": "sync-id", "value": "abc123"}],
        "miscKeywords": [{**SOURCE, "value": "VIP", "type": "OUTLOOK_PRIORITY"}],
        "calendarUrls": [{**SOURCE, "url": "https://cal.example/ada", "type": "freeBusy"}],
        "fileAses": [{**SOURCE, "value": "Lovelace, Ada"}],
        "memberships": [
            {**SOURCE, "contactGroupMembership": {"contactGroupResourceName": "contactGroups/x"}}
        ],
        "photos": [{**SOURCE, "url": "https://lh3.example/p.jpg"}],
    }


def row_with(rows: list[RowState], key: str, value: str) -> RowState:
    return next(row for row in rows if row.values[key] == value)


def test_every_field_of_the_rich_person_is_shown() -> None:
    state = form_values(rich_person())
    for spec in FIELD_SPECS:
        assert state[spec.name], spec.name
        assert any(any(v for v in row.values.values()) for row in state[spec.name]), spec.name


def test_every_column_of_the_rich_person_holds_a_value() -> None:
    # The fixture exercises every column the form has, so the round trip below covers them all.
    state = form_values(rich_person())
    for spec in FIELD_SPECS:
        for column in spec.columns:
            assert any(row.values[column.key] for row in state[spec.name]), (
                spec.name,
                column.key,
            )


def test_an_untouched_form_gives_an_empty_patch_and_mask() -> None:
    person = rich_person()
    assert changed_fields(person, form_values(person)) == ({}, set())


def test_the_recorded_google_person_round_trips_unchanged() -> None:
    person = json.loads(RECORDED_PERSON.read_text(encoding="utf-8"))
    assert changed_fields(person, form_values(person)) == ({}, set())


def test_values_shown_in_the_form() -> None:
    state = form_values(rich_person())
    (name,) = state["names"]  # the profile's name is not the contact's to edit
    assert name.values["givenName"] == "Ada"
    assert state["birthdays"][0].values["date"] == "12-10"
    organization = state["organizations"][0].values
    assert (organization["startDate"], organization["endDate"]) == ("1842-10", "1843-09-01")
    assert organization["current"] is True
    assert organization["fullTimeEquivalentMillipercent"] == "50000"
    assert state["nicknames"][1].values["type"] == "initials"
    assert state["miscKeywords"][0].values["type"] == "outlook priority"
    assert state["biographies"][0].values["value"] == "Line one\nLine two"
    assert [row.values["value"] for row in state["emailAddresses"]] == [
        "ada@example.com",
        "ada@home.example",
    ]


def test_change_a_phone_add_an_email_remove_a_nickname() -> None:
    person = rich_person()
    original = copy.deepcopy(person)
    state = form_values(person)
    mobile = row_with(state["phoneNumbers"], "value", "+44 20 7946 0000")
    mobile.values["value"] = "+44 20 7946 9999"
    added = blank_row(SPECS_BY_NAME["emailAddresses"])
    added.values.update(value="ada@new.example", type="other")
    state["emailAddresses"].append(added)
    state["nicknames"].remove(row_with(state["nicknames"], "value", "Countess"))

    patch, mask = changed_fields(person, state)

    assert mask == {"phoneNumbers", "emailAddresses", "nicknames"}
    assert patch == {
        "phoneNumbers": [
            {
                # The changed phone keeps its metadata and the key this version does not know,
                # and drops what Google derives from the old value.
                **PRIMARY,
                "value": "+44 20 7946 9999",
                "type": "mobile",
                "futureKey": {"kept": True},
            },
            {**SOURCE, "value": "020 7946 0001", "type": "work"},
        ],
        "emailAddresses": [
            {**PRIMARY, "value": "ada@example.com", "type": "work", "formattedType": "Work"},
            {**SOURCE, "value": "ada@home.example", "type": "home", "displayName": "Ada L."},
            {"value": "ada@new.example", "type": "other"},
        ],
        "nicknames": [{**SOURCE, "value": "AAL", "type": "INITIALS"}],
    }
    assert person == original  # the base person is never modified


def test_changing_a_name_part_drops_what_google_derives_from_the_parts() -> None:
    person = rich_person()
    state = form_values(person)
    state["names"][0].values["givenName"] = "Augusta Ada"
    patch, mask = changed_fields(person, state)
    assert mask == {"names"}
    (name,) = patch["names"]
    assert name["givenName"] == "Augusta Ada"
    assert name["metadata"] == PRIMARY["metadata"]
    assert not {"displayName", "displayNameLastFirst", "unstructuredName"} & set(name)


def test_an_address_part_change_lets_google_rebuild_the_full_address() -> None:
    person = rich_person()
    state = form_values(person)
    state["addresses"][0].values["city"] = "Westminster"
    (address,) = changed_fields(person, state)[0]["addresses"]
    assert address["city"] == "Westminster"
    assert "formattedValue" not in address and "formattedType" not in address
    assert address["streetAddress"] == "12 St James's Square"

    state = form_values(person)
    state["addresses"][0].values["formattedValue"] = "Somewhere\nElse"
    (address,) = changed_fields(person, state)[0]["addresses"]
    assert address["formattedValue"] == "Somewhere\nElse"


def test_an_emptied_row_is_removed_and_an_emptied_field_is_cleared() -> None:
    person = rich_person()
    state = form_values(person)
    for row in state["occupations"]:
        row.values["value"] = "   "
    state["biographies"][0].values["value"] = ""
    patch, mask = changed_fields(person, state)
    assert patch == {"occupations": [], "biographies": []}
    assert mask == {"occupations", "biographies"}


def test_clearing_one_column_removes_only_that_key() -> None:
    person = rich_person()
    state = form_values(person)
    state["emailAddresses"][1].values["displayName"] = ""
    (_, home) = changed_fields(person, state)[0]["emailAddresses"]
    assert home == {**SOURCE, "value": "ada@home.example", "type": "home"}


def test_reordering_rows_is_a_change() -> None:
    person = rich_person()
    state = form_values(person)
    state["emailAddresses"].reverse()
    patch, mask = changed_fields(person, state)
    assert mask == {"emailAddresses"}
    assert [e["value"] for e in patch["emailAddresses"]] == ["ada@home.example", "ada@example.com"]


def test_typed_dates_flags_numbers_and_enums_become_google_json() -> None:
    person = rich_person()
    state = form_values(person)
    organization = state["organizations"][0].values
    organization.update(
        startDate="1842-10-05",
        current=False,
        fullTimeEquivalentMillipercent="100000",
    )
    state["birthdays"][0].values["date"] = "1815-12-10"
    state["nicknames"][1].values["type"] = "Maiden name"
    patch, _ = changed_fields(person, state)
    (org,) = patch["organizations"]
    assert org["startDate"] == {"year": 1842, "month": 10, "day": 5}
    assert "current" not in org  # false is proto3's default: left out
    assert org["fullTimeEquivalentMillipercent"] == 100000
    assert patch["birthdays"][0]["date"] == {"year": 1815, "month": 12, "day": 10}
    assert patch["birthdays"][0]["text"] == "10 December"
    assert patch["nicknames"][1]["type"] == "MAIDEN_NAME"


def test_retyping_the_same_value_differently_is_not_a_change() -> None:
    person = rich_person()
    state = form_values(person)
    state["organizations"][0].values["endDate"] = "1843-9-1"  # same date, unpadded
    state["emailAddresses"][0].values["value"] = "  ada@example.com "
    state["nicknames"][1].values["type"] = "INITIALS"
    assert changed_fields(person, state) == ({}, set())


def test_create_lists_the_fields_that_were_filled_in() -> None:
    state = form_values(None)
    assert [row.source for row in state["names"]] == [None]  # singletons start with a blank row
    state["names"][0].values.update(givenName="Grace", familyName="Hopper")
    email = blank_row(SPECS_BY_NAME["emailAddresses"])
    email.values["value"] = "grace@navy.example"
    state["emailAddresses"].append(email)
    state["phoneNumbers"].append(blank_row(SPECS_BY_NAME["phoneNumbers"]))  # left blank

    patch, mask = changed_fields(None, state)

    assert mask == {"names", "emailAddresses"}
    assert patch == {
        "names": [{"givenName": "Grace", "familyName": "Hopper"}],
        "emailAddresses": [{"value": "grace@navy.example"}],
    }


def test_a_draft_reopens_with_its_edits_and_gives_the_same_patch() -> None:
    person = rich_person()
    state = form_values(person)
    state["phoneNumbers"][0].values["value"] = "+44 1"
    state["userDefined"][0].values["value"] = "Difference"
    draft, mask = changed_fields(person, state)

    reopened: FormState = form_values(with_draft(person, draft))

    assert reopened["phoneNumbers"][0].values["value"] == "+44 1"
    assert changed_fields(person, reopened) == (draft, mask)


def test_profile_items_are_neither_shown_nor_sent() -> None:
    person = rich_person()
    state = form_values(person)
    assert "ada@profile.example" not in [r.values["value"] for r in state["emailAddresses"]]
    state["emailAddresses"][0].values["type"] = "other"
    patch, _ = changed_fields(person, state)
    assert "ada@profile.example" not in [e["value"] for e in patch["emailAddresses"]]


def test_the_patch_is_a_copy() -> None:
    person = rich_person()
    state = form_values(person)
    state["phoneNumbers"][0].values["type"] = "home"
    patch, _ = changed_fields(person, state)
    patch["phoneNumbers"][1]["metadata"]["source"]["id"] = "changed"
    assert person["phoneNumbers"][1]["metadata"]["source"]["id"] == "7a1"


def test_hostile_text_is_cleaned_for_display_but_sent_back_untouched() -> None:
    hostile = "Eve\x1b[31m red\x1b]8;;http://x\x07 link\u202e"
    person = {"nicknames": [{**SOURCE, "value": hostile}]}
    state = form_values(person)
    shown = state["nicknames"][0].values["value"]
    assert "\x1b" not in shown and "\u202e" not in shown
    assert changed_fields(person, state) == ({}, set())


def test_an_odd_stored_value_never_blocks_saving_other_edits() -> None:
    person = rich_person()
    person["emailAddresses"][1]["value"] = "not an address"
    state = form_values(person)
    state["phoneNumbers"][0].values["type"] = "home"
    assert list(form_problems(state, stored_fields(person))) == []
    # The same value typed anew, for a new contact, is checked.
    assert [p.column for p in form_problems(state)] == ["value"]


@pytest.mark.parametrize("spec", FIELD_SPECS, ids=lambda spec: spec.name)
def test_fields_and_columns_match_the_discovery_document(spec: Any) -> None:
    discovery = json.loads((REFERENCE / "people.v1.discovery.json").read_text(encoding="utf-8"))
    update = discovery["resources"]["people"]["methods"]["updateContact"]
    mask_help = update["parameters"]["updatePersonFields"]["description"]
    assert f"* {spec.name}" in mask_help
    item_schema = discovery["schemas"]["Person"]["properties"][spec.name]["items"]["$ref"]
    properties = discovery["schemas"][item_schema]["properties"]
    read_only = {key for key, value in properties.items() if value.get("readOnly")}
    for column in spec.columns:
        assert column.key in properties and column.key not in read_only, column.key
    # Every output-only key Google fills in is dropped from edited items; nothing else is.
    assert spec.output_only == read_only - {"metadata"}
    if any(c.kind is ColumnKind.ENUM for c in spec.columns):
        enum_column = next(c for c in spec.columns if c.kind is ColumnKind.ENUM)
        assert list(enum_column.choices) == properties[enum_column.key]["enum"]


def test_every_writable_field_except_groups_has_a_section() -> None:
    discovery = json.loads((REFERENCE / "people.v1.discovery.json").read_text(encoding="utf-8"))
    mask_help = discovery["resources"]["people"]["methods"]["updateContact"]["parameters"][
        "updatePersonFields"
    ]["description"]
    writable = set(re.findall(r"\* (\w+)", mask_help))
    assert writable - {spec.name for spec in FIELD_SPECS} == {"memberships"}
