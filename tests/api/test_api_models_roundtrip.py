"""Recorded real People API responses parse into the models and serialise back key for key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peopletui.api import models

RECORDED = Path(__file__).resolve().parents[1] / "reference" / "recorded"
# Which schema each recorded file is (see PROVENANCE.md next to the files).
SCHEMA_OF = {
    "person.json": "Person",
    "person_created.json": "Person",
    "person_updated.json": "Person",
    "connections.json": "ListConnectionsResponse",
    "connections_delta.json": "ListConnectionsResponse",
    "connections_delta_nochange.json": "ListConnectionsResponse",
    "connections_delta_removed.json": "ListConnectionsResponse",
    "connections_photos.json": "ListConnectionsResponse",
    "contact_groups.json": "ListContactGroupsResponse",
    "group_created.json": "ContactGroup",
    "other_contacts.json": "ListOtherContactsResponse",
}
RECORDED_FILES = sorted(RECORDED.glob("*/contacts/*.json"))


def test_every_recorded_file_is_covered() -> None:
    assert RECORDED_FILES
    assert {path.name for path in RECORDED_FILES} == set(SCHEMA_OF)


@pytest.mark.parametrize("path", RECORDED_FILES, ids=lambda path: path.name)
def test_recorded_response_round_trips_exactly(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    parsed = models.MODELS[SCHEMA_OF[path.name]].model_validate(data)
    assert parsed.to_api() == data
    assert parsed.model_dump(mode="json", by_alias=True, exclude_unset=True) == data
    # Nothing fell through to the unknown-field bag: the models know every recorded field.
    assert not parsed.model_extra


def test_recorded_person_is_typed() -> None:
    path = next(p for p in RECORDED_FILES if p.name == "person.json")
    person = models.Person.model_validate_json(path.read_bytes())
    assert person.resource_name and person.resource_name.startswith("people/")
    assert person.names and isinstance(person.names[0], models.Name)
    assert person.metadata and person.metadata.sources
    assert person.metadata.sources[0].type == "CONTACT"


def test_unknown_fields_and_enum_values_survive_a_round_trip() -> None:
    data = {
        "resourceName": "people/c1",
        "futureField": {"nested": [1, 2, {"deep": True}]},
        "names": [{"givenName": "Ada", "brandNewNameField": "x", "metadata": {"primary": True}}],
        "metadata": {"sources": [{"type": "SOURCE_TYPE_FROM_THE_FUTURE", "id": "1"}]},
        "nicknames": [{"value": "A", "type": "NICKNAME_KIND_ADDED_LATER"}],
    }
    person = models.Person.model_validate(data)
    assert person.to_api() == data
    assert person.names and person.names[0].given_name == "Ada"


def test_models_accept_python_names_and_write_camel_case() -> None:
    person = models.Person(
        names=[models.Name(given_name="Grace", family_name="Hopper")],
        email_addresses=[models.EmailAddress(value="grace@example.test", type="work")],
    )
    assert person.to_api() == {
        "names": [{"givenName": "Grace", "familyName": "Hopper"}],
        "emailAddresses": [{"value": "grace@example.test", "type": "work"}],
    }


def test_int64_and_timestamps_stay_strings() -> None:
    source = models.Source.model_validate({"updateTime": "2026-07-27T12:14:10.615097Z"})
    assert source.update_time == "2026-07-27T12:14:10.615097Z"
