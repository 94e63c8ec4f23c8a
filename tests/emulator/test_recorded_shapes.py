"""Replay Google's recorded responses as shape references: same keys at every level, same types.

tests/reference/recorded/*/ holds real People API responses, scrubbed of identifying values but
with their shapes verbatim (see PROVENANCE.md there). Each test rebuilds the recorded situation on
the emulator (the same contact, written through the API with Google's read-only fields stripped),
makes the recorded call, and compares the structure of the answer with the recording: the set of
keys of every object, recursively, and the JSON type of every value; a list is compared by the set
of distinct structures of its items, so two e-mail addresses of which only the first is primary
must come back as exactly those two item shapes.

Not replayed, because they are outside the emulator's scope (the 14 `people` methods):
contact_groups.json, group_created.json (contactGroups.*) and other_contacts.json
(otherContacts.list). connections_photos.json is not replayed either: it was hand-edited upstream
and its first person carries a PROFILE-source photo, which only a contact linked to a Google
profile has; the two-photos case cannot be produced through the `people` methods.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from support.conformance import Api, image_bytes
from support.discovery_validator import discovery

from peopletui.emulator import Emulator

RECORDED = next((Path(__file__).resolve().parents[1] / "reference" / "recorded").glob("*/"))


def recorded(name: str) -> Any:
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


def shape(value: Any) -> Any:
    """The structure of a JSON value: keys and types, values forgotten."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        distinct = {json.dumps(shape(item), sort_keys=True) for item in value}
        return ["list of", *sorted(distinct)]
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def shape_differences(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Where two values' structures differ, as readable lines."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        lines = [f"{path}.{k}: missing" for k in sorted(set(expected) - set(actual))]
        lines += [f"{path}.{k}: not in the recording" for k in sorted(set(actual) - set(expected))]
        for key in sorted(set(expected) & set(actual)):
            lines += shape_differences(expected[key], actual[key], f"{path}.{key}")
        return lines
    if isinstance(expected, list) and isinstance(actual, list):
        return _list_differences(expected, actual, path)
    if shape(expected) != shape(actual):
        return [f"{path}: recorded {shape(expected)}, emulator {shape(actual)}"]
    return []


def _list_differences(expected: list[Any], actual: list[Any], path: str) -> list[str]:
    """Pair each recorded item structure the emulator lacks with its closest emulator item."""
    got_shapes = {json.dumps(shape(item), sort_keys=True) for item in actual}
    want_shapes = {json.dumps(shape(item), sort_keys=True) for item in expected}
    missing = _distinct(item for item in expected if _key(item) not in got_shapes)
    extra = _distinct(item for item in actual if _key(item) not in want_shapes)
    lines: list[str] = []
    for item in missing:
        if not extra:
            lines.append(f"{path}[]: no item shaped like the recorded {_key(item)}")
            continue
        closest = max(extra, key=lambda other: _overlap(item, other))
        extra.remove(closest)
        lines += shape_differences(item, closest, f"{path}[]")
    lines += [f"{path}[]: an item shape not in the recording: {_key(item)}" for item in extra]
    return lines


def _key(item: Any) -> str:
    return json.dumps(shape(item), sort_keys=True)


def _distinct(items: Iterable[Any]) -> list[Any]:
    seen: dict[str, Any] = {}
    for item in items:
        seen.setdefault(_key(item), item)
    return list(seen.values())


def _overlap(left: Any, right: Any) -> int:
    if isinstance(left, dict) and isinstance(right, dict):
        return len(set(left) & set(right))
    return 0


def assert_same_shape(expected: Any, actual: Any) -> None:
    differences = shape_differences(expected, actual)
    assert not differences, "structure differs from the recording:\n" + "\n".join(differences)


def writable(person: dict[str, Any]) -> dict[str, Any]:
    """A recorded person as a client would send it back: without what the server owns.

    Drops every property the discovery document marks readOnly, the resource name, etags, the
    per-field metadata (it names the recorded account's sources) and memberships (they name
    scrubbed contact groups; Google puts a new contact in myContacts by itself).
    """
    schemas = discovery().schemas

    def strip(value: Any, schema: dict[str, Any]) -> Any:
        if "$ref" in schema:
            schema = schemas[schema["$ref"]]
        if isinstance(value, list):
            return [strip(item, schema.get("items", {})) for item in value]
        if not isinstance(value, dict):
            return value
        properties = schema.get("properties", {})
        return {
            key: strip(item, properties[key])
            for key, item in value.items()
            if key in properties and not properties[key].get("readOnly") and key != "metadata"
        }

    body = strip(person, {"$ref": "Person"})
    for server_owned in ("resourceName", "etag", "memberships"):
        body.pop(server_owned, None)
    return body


def fields_of(person: dict[str, Any]) -> str:
    """The personFields that make a person come back with the keys it has."""
    return ",".join(sorted(set(person) - {"resourceName", "etag"}))


@pytest.fixture
def empty_book(serve: Callable[..., Api]) -> Api:
    emulator = Emulator(contacts=0, seed=11)
    # The recorded account was Dutch: Google turned the national "06 12345678" into the
    # canonicalForm "+31612345678" with the account's region, so the replay uses the same region.
    # (The Emulator facade has no region option; the account's state carries it.)
    emulator.state.account(emulator.account).region = "NL"
    return serve(emulator)


def test_get_matches_person_json(empty_book: Api) -> None:
    reference = recorded("contacts/person.json")
    created = empty_book.create(writable(reference), fields="names")
    got = empty_book.get(created["resourceName"], fields=fields_of(reference))
    assert_same_shape(reference, got)


def test_create_matches_person_created_json(empty_book: Api) -> None:
    reference = recorded("contacts/person_created.json")
    created = empty_book.create(writable(reference), fields=fields_of(reference))
    assert_same_shape(reference, created)


def test_update_matches_person_updated_json(empty_book: Api) -> None:
    reference = recorded("contacts/person_updated.json")
    before = recorded("contacts/person_created.json")
    created = empty_book.create(writable(before), fields="names")
    change = {
        "resourceName": created["resourceName"],
        "etag": created["etag"],
        "organizations": writable(reference)["organizations"],
    }
    updated = empty_book.update(change, "organizations", fields=fields_of(reference))
    assert_same_shape(reference, updated)
    assert updated["organizations"][0]["title"] == "Principal Engineer"
    assert "department" not in updated["organizations"][0]


def _recreate_connections(api: Api) -> list[dict[str, Any]]:
    """The two contacts of connections.json; the first has a photo of its own."""
    reference = recorded("contacts/connections.json")
    people = [api.create(writable(p), fields="names") for p in reference["connections"]]
    photo = base64.b64encode(image_bytes("JPEG")).decode()
    api.call(
        "PATCH", f"/v1/{people[0]['resourceName']}:updateContactPhoto", body={"photoBytes": photo}
    )
    return people


def _connection_fields() -> str:
    reference = recorded("contacts/connections.json")
    return ",".join(
        sorted({k for p in reference["connections"] for k in p} - {"resourceName", "etag"})
    )


def test_connections_list_matches_connections_json(empty_book: Api) -> None:
    _recreate_connections(empty_book)
    page = empty_book.connections(personFields=_connection_fields(), requestSyncToken="true")
    assert_same_shape(recorded("contacts/connections.json"), page)


def test_deltas_match_the_recorded_deltas(empty_book: Api) -> None:
    people = _recreate_connections(empty_book)
    fields = _connection_fields()
    token = empty_book.connections(personFields=fields, requestSyncToken="true")["nextSyncToken"]

    ada = empty_book.get(people[1]["resourceName"], fields="organizations")
    organizations = [{"name": "Analytical Engines BV", "title": "Principal Engineer"}]
    empty_book.update({**ada, "organizations": organizations}, "organizations")
    changed = empty_book.connections(personFields=fields, syncToken=token)
    assert_same_shape(recorded("contacts/connections_delta.json"), changed)

    quiet = empty_book.connections(personFields=fields, syncToken=changed["nextSyncToken"])
    assert_same_shape(recorded("contacts/connections_delta_nochange.json"), quiet)

    empty_book.delete(people[1]["resourceName"])
    removed = empty_book.connections(personFields=fields, syncToken=quiet["nextSyncToken"])
    assert_same_shape(recorded("contacts/connections_delta_removed.json"), removed)


def test_stale_etag_error_matches_the_recording(empty_book: Api) -> None:
    created = empty_book.create({"names": [{"givenName": "Stale"}]}, fields="names")
    empty_book.update({**created, "nicknames": [{"value": "newer"}]}, "nicknames")
    answer = empty_book.call(
        "PATCH",
        f"/v1/{created['resourceName']}:updateContact",
        expect=400,
        params={"updatePersonFields": "nicknames"},
        body={**created, "nicknames": [{"value": "older"}]},
    )
    assert answer == recorded("error/contacts_stale_etag.json")


def test_invalid_sync_token_error_matches_the_recording(empty_book: Api) -> None:
    answer = empty_book.call(
        "GET",
        "/v1/people/me/connections",
        expect=400,
        params={"personFields": "names", "syncToken": "google-sync-token-1"},
    )
    assert answer == recorded("error/contacts_sync_token_invalid.json")


def test_consumer_directory_error_matches_the_recording(serve: Callable[..., Api]) -> None:
    consumer = serve(Emulator(contacts=0, seed=11, workspace=False))
    answer = consumer.call(
        "GET",
        "/v1/people:listDirectoryPeople",
        expect=400,
        params={"readMask": "names", "sources": "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"},
    )
    assert answer == recorded("error/contacts_directory_precondition.json")


def test_shape_comparison_catches_a_missing_key_and_a_type_change() -> None:
    reference = recorded("contacts/person.json")
    changed = json.loads(json.dumps(reference))
    del changed["names"][0]["displayNameLastFirst"]
    changed["birthdays"][0]["date"]["year"] = "1815"
    assert shape_differences(reference, changed) == [
        "$.birthdays[].date.year: recorded number, emulator str",
        "$.names[].displayNameLastFirst: missing",
    ]
    assert shape_differences(reference, reference) == []
