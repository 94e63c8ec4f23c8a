"""The seed's speed-ups change nothing: the stored book is pinned, and each fast path agrees with
the full one it stands in for.

Seeding 25,000 contacts decodes and cleans every body as ``people:createContact`` does, which
made body decoding and cleaning the bulk of the time (bench/bench_seed.py). `body.decode_message`
now first tries a pass that builds no error paths and falls back to the full pass for anything
unusual (an error, a number sent as a string, bytes); `rules.clean_person` copies items that
need nothing dropped in one step; `seed.seed_state` streams the bodies and checks each distinct
photo once; the generators' weighted picks skip the list `random.choices` builds
(`weighted_pick`). The digests below were taken with the code before those changes.
"""

from __future__ import annotations

import hashlib
import json
import random
from typing import Any

import pytest

from peopletui.emulator import body
from peopletui.emulator.errors import ApiError
from peopletui.emulator.rules import UPDATABLE_FIELDS, clean_person
from peopletui.emulator.seed import seed_state
from peopletui.emulator.seed_common import weighted_pick
from peopletui.emulator.seed_cultures import CULTURES
from peopletui.emulator.seed_data import demo_contacts, directory_people, iter_demo_contacts
from peopletui.emulator.store import EmulatorState


def stored_digest(contacts: int, *, workspace: bool, seed: int) -> str:
    """Everything seeding stores (records in order, ids, etags, data, photo keys and types, the
    directory), with a fixed clock. Photo bytes are left out: they are Pillow's encoding."""
    state = EmulatorState()
    state.clock = lambda: 1_750_000_000.0
    seed_state(state, account="demo@example.org", workspace=workspace, contacts=contacts, seed=seed)
    snapshot = state.to_json()
    snapshot["photos"] = {key: kind for key, (kind, _) in snapshot["photos"].items()}
    text = json.dumps(snapshot, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize(
    ("contacts", "workspace", "seed", "digest"),
    [
        (1500, True, 0, "a1bad024079db9d8ecce98886cb4e02641eef6c4f6b01582956a8e13b80977a6"),
        (700, False, 4, "6a6bea473d2c19468d24108ada4cff46ecdd49c5837aab21b25888be55f8bff7"),
    ],
)
def test_the_seeded_book_is_unchanged(
    contacts: int, workspace: bool, seed: int, digest: str
) -> None:
    assert stored_digest(contacts, workspace=workspace, seed=seed) == digest


def test_the_streamed_contacts_are_demo_contacts() -> None:
    assert list(iter_demo_contacts(400, 3)) == demo_contacts(400, 3)
    with pytest.raises(ValueError, match="count must be >= 0"):
        next(iter_demo_contacts(-1, 0))


@pytest.mark.parametrize(
    ("population", "cum_weights"),
    [
        (range(4), (8, 63, 93, 100)),
        ("abc", (1, 1, 5)),  # a zero weight is never picked
        (CULTURES, tuple(range(1, len(CULTURES) + 1))),
    ],
)
def test_a_weighted_pick_is_the_pick_of_random_choices(
    population: Any, cum_weights: tuple[int, ...]
) -> None:
    ours, theirs = random.Random(17), random.Random(17)
    for _ in range(3000):
        expected = theirs.choices(population, cum_weights=cum_weights)[0]
        assert weighted_pick(ours, population, cum_weights) == expected
    assert ours.random() == theirs.random()  # one draw each, so the streams stay in step


def seed_bodies() -> list[dict[str, Any]]:
    people = [c.person for c in demo_contacts(800, 2)]
    return people + [p.person for p in directory_people("example.com", 150, 2)]


def test_fast_decoding_agrees_with_the_full_pass_on_every_seed_body() -> None:
    for person in seed_bodies():
        assert body.decode_message(person, "Person", "person") == body._decode_message(
            person, "Person", "person"
        )


UNUSUAL_BODIES = [
    # Values the fast pass leaves to the full one, which converts them.
    {"birthdays": [{"date": {"year": "1990", "month": 3.0, "day": 4}}]},
    {"genders": [{"value": "female", "addressMeAs": "she"}], "ageRanges": [{"ageRange": 2}]},
    # The proto names and nulls, which the fast pass takes itself.
    {"email_addresses": [{"value": "a@example.test", "type": None}], "names": None},
    {"clientData": [{"key": "k", "value": "v"}], "user_defined": []},
]


@pytest.mark.parametrize("person", UNUSUAL_BODIES)
def test_decoding_unusual_bodies_agrees_with_the_full_pass(person: dict[str, Any]) -> None:
    assert body.decode_message(person, "Person", "person") == body._decode_message(
        person, "Person", "person"
    )


def test_bytes_fields_are_decoded() -> None:
    decoded = body.decode_message({"photoBytes": "aGVsbG8"}, "UpdateContactPhotoRequest")
    assert decoded == {"photoBytes": b"hello"}


BAD_BODIES = [
    ({"nmes": [{"givenName": "x"}]}, "Unknown name \"nmes\" at 'person': Cannot find field."),
    ({"names": [{"givenName": 5}]}, "Invalid value at 'person.names[0].given_name' (TYPE_STRING)"),
    ({"names": {"givenName": "x"}}, "Invalid value at 'person.names'"),
    ({"names": [None]}, "Invalid value at 'person.names[0]'"),
    ({"birthdays": [{"date": {"year": 2**31}}]}, "'person.birthdays[0].date.year' (TYPE_INT32)"),
    ({"genders": [{"value": True}]}, "Invalid value at 'person.genders[0].value'"),
    (
        {"biographies": [{"contentType": "MARKDOWN"}]},
        "Invalid value at 'person.biographies[0].content_type'",
    ),
]


@pytest.mark.parametrize(("person", "message"), BAD_BODIES)
def test_errors_name_the_field_as_before(person: dict[str, Any], message: str) -> None:
    with pytest.raises(ApiError) as caught:
        body.decode_message(person, "Person", "person")
    assert message in caught.value.message
    with pytest.raises(ApiError) as full:
        body._decode_message(person, "Person", "person")
    assert caught.value.envelope() == full.value.envelope()


def test_cleaning_drops_output_only_values_metadata_unset_enums_and_empty_items() -> None:
    person = {
        "names": [{"givenName": "Ada", "displayName": "Ada", "metadata": {"primary": True}}],
        "emailAddresses": [
            {"value": "ada@example.test", "type": "home", "formattedType": "Home"},
            {"value": "", "type": ""},
            {"value": "plain@example.test"},
        ],
        "biographies": [{"value": "Note", "contentType": "CONTENT_TYPE_UNSPECIFIED"}],
        "birthdays": [{"date": {"year": 0, "month": 12, "day": 10}, "text": ""}],
        "organizations": [{"name": "Engines", "current": False, "startDate": {"year": 1842}}],
    }
    decoded = body.decode_message(person, "Person", "person")
    assert clean_person(decoded, UPDATABLE_FIELDS) == {
        "birthdays": [{"date": {"month": 12, "day": 10}}],
        "biographies": [{"value": "Note"}],
        "emailAddresses": [
            {"value": "ada@example.test", "type": "home"},
            {"value": "plain@example.test"},
        ],
        "names": [{"givenName": "Ada"}],
        "organizations": [{"name": "Engines", "startDate": {"year": 1842}}],
    }
