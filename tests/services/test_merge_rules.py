"""The field rules behind saving and merging: what counts as a change, what the server fills in
by itself, and the three-way merge's decisions. Pure functions, no server needed."""

from __future__ import annotations

import json
from pathlib import Path

from peopletui.services.fields import (
    OUTPUT_ONLY_KEYS,
    WRITABLE_FIELDS,
    changed_fields,
    holds,
    writable_copy,
)
from peopletui.services.merge import FieldConflict, resolve, three_way_merge

DISCOVERY = Path(__file__).resolve().parents[1] / "reference" / "people.v1.discovery.json"

SERVER_NAME = {
    "metadata": {"primary": True, "source": {"type": "CONTACT", "id": "1"}},
    "displayName": "Ada Lovelace",
    "displayNameLastFirst": "Lovelace, Ada",
    "givenName": "Ada",
    "familyName": "Lovelace",
    "unstructuredName": "Ada Lovelace",
}


def _output_only(schemas: dict, name: str, prefix: str = "") -> set[str]:
    found: set[str] = set()
    for key, spec in schemas[name].get("properties", {}).items():
        if "Output only" in spec.get("description", ""):
            found.add(prefix + key)
        ref = spec.get("$ref") or spec.get("items", {}).get("$ref")
        if ref and ref != name and ref not in {"FieldMetadata", "Source", "PersonMetadata"}:
            found |= _output_only(schemas, ref, f"{prefix}{key}.")
    return found


def test_output_only_parts_match_the_discovery_document() -> None:
    schemas = json.loads(DISCOVERY.read_text(encoding="utf-8"))["schemas"]
    person = schemas["Person"]["properties"]
    expected = {}
    for field in WRITABLE_FIELDS:
        parts = _output_only(schemas, person[field]["items"]["$ref"])
        if parts:
            expected[field] = parts
    assert {field: set(parts) for field, parts in OUTPUT_ONLY_KEYS.items()} == expected


def test_a_value_as_typed_equals_the_servers_echo_of_it() -> None:
    typed = [{"givenName": "Ada", "familyName": "Lovelace"}]
    assert holds("names", [SERVER_NAME], typed)
    assert changed_fields({"names": [SERVER_NAME]}, {"names": typed}) == {}
    phone = {"value": "+1 555", "type": "", "canonicalForm": "+1555", "formattedType": "Home"}
    assert holds("phoneNumbers", [phone], [{"value": "+1 555"}])


def test_removing_a_part_is_a_change() -> None:
    with_middle = {**SERVER_NAME, "middleName": "King"}
    typed = [{"givenName": "Ada", "familyName": "Lovelace"}]
    assert not holds("names", [with_middle], typed)
    assert changed_fields({"names": [with_middle]}, {"names": typed}) == {"names": typed}
    assert changed_fields({"emailAddresses": [{"value": "a@b"}]}, {"emailAddresses": []}) == {
        "emailAddresses": []
    }


def test_only_writable_fields_count_as_changes() -> None:
    base = {"resourceName": "people/c1", "etag": "e1", "photos": [{"url": "x"}]}
    values = {
        "resourceName": "people/c2",
        "etag": "e2",
        "photos": [],
        "nicknames": [{"value": "N"}],
    }
    assert changed_fields(base, values) == {"nicknames": [{"value": "N"}]}


def test_disjoint_changes_merge_and_a_shared_change_conflicts() -> None:
    base = {"nicknames": [{"value": "Old"}], "urls": [{"value": "https://a"}]}
    theirs = {"nicknames": [{"value": "Theirs"}], "urls": [{"value": "https://a"}]}
    mine = {"urls": [{"value": "https://b"}]}
    assert three_way_merge(base, mine, theirs).to_send == mine
    assert three_way_merge(base, mine, theirs).clean

    clash = three_way_merge(base, {"nicknames": [{"value": "Mine"}]}, theirs)
    assert clash.to_send == {}
    assert clash.conflicts == (
        FieldConflict("nicknames", [{"value": "Old"}], [{"value": "Mine"}], theirs["nicknames"]),
    )


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    base = {"names": [{**SERVER_NAME, "givenName": "Augusta", "unstructuredName": "Augusta L"}]}
    merged = three_way_merge(
        base, {"names": [{"givenName": "Ada", "familyName": "Lovelace"}]}, {"names": [SERVER_NAME]}
    )
    assert merged.clean and merged.to_send == {}


def test_resolving_applies_each_choice_and_keeps_unchosen_conflicts() -> None:
    base = {"nicknames": [{"value": "Old"}], "urls": [{"value": "https://a"}]}
    theirs = {"nicknames": [{"value": "Theirs"}], "urls": [{"value": "https://t"}]}
    mine = {"nicknames": [{"value": "Mine"}], "urls": [{"value": "https://m"}]}
    mine_kept = resolve(base, mine, theirs, {"nicknames": "mine", "urls": "theirs"})
    assert mine_kept.clean and mine_kept.to_send == {"nicknames": [{"value": "Mine"}]}
    partly = resolve(base, mine, theirs, {"nicknames": "theirs"})
    assert partly.to_send == {} and [c.field for c in partly.conflicts] == ["urls"]


def test_a_copy_for_a_new_contact_drops_what_the_server_makes() -> None:
    person = {
        "resourceName": "people/1",
        "etag": "e",
        "names": [SERVER_NAME],
        "photos": [{"url": "https://photo"}],
        "memberships": [
            {"contactGroupMembership": {"contactGroupId": "g", "contactGroupResourceName": "g/1"}}
        ],
        "emailAddresses": [{"value": "a@b", "formattedType": "Work", "type": "work"}],
    }
    assert writable_copy(person, leave_out={"memberships"}) == {
        "names": [
            {"givenName": "Ada", "familyName": "Lovelace", "unstructuredName": "Ada Lovelace"}
        ],
        "emailAddresses": [{"value": "a@b", "type": "work"}],
    }
    assert writable_copy(person)["memberships"] == [
        {"contactGroupMembership": {"contactGroupResourceName": "g/1"}}
    ]
