"""The discovery-schema validator itself: it must catch what it claims to catch.

The conformance suite trusts this validator, and the response hook built on it
(support.conformance.check_response), to fail on every departure from Google's schemas, so each
kind of departure is planted here and must be reported at the right JSON path.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from support.conformance import check_response
from support.discovery_validator import (
    Discovery,
    assert_valid,
    discovery,
    empty_values,
    validate,
    validate_error_envelope,
    validate_response,
    values_of_schema,
)

RECORDED = Path(__file__).resolve().parents[1] / "reference" / "recorded"
RECORDED_PERSON = json.loads(next(RECORDED.glob("*/contacts/person.json")).read_text())

# Which discovery schema each recorded contacts file answers (see PROVENANCE.md there).
RECORDED_SCHEMAS = {
    "person.json": "people.people.get",
    "person_created.json": "people.people.createContact",
    "person_updated.json": "people.people.updateContact",
    "connections.json": "people.people.connections.list",
    "connections_delta.json": "people.people.connections.list",
    "connections_delta_nochange.json": "people.people.connections.list",
    "connections_delta_removed.json": "people.people.connections.list",
    "connections_photos.json": "people.people.connections.list",
    "other_contacts.json": "people.otherContacts.list",
    "contact_groups.json": "people.contactGroups.list",
    "group_created.json": "people.contactGroups.create",
}


def person() -> dict[str, Any]:
    return copy.deepcopy(RECORDED_PERSON)


@pytest.mark.parametrize("name", sorted(RECORDED_SCHEMAS))
def test_recorded_real_responses_validate_clean(name: str) -> None:
    body = json.loads(next(RECORDED.glob(f"*/contacts/{name}")).read_text())
    assert validate_response(RECORDED_SCHEMAS[name], body) == []
    assert empty_values(body) == []


def test_every_recorded_contacts_file_is_covered() -> None:
    assert {p.name for p in RECORDED.glob("*/contacts/*.json")} == set(RECORDED_SCHEMAS)


@pytest.mark.parametrize("path", sorted(RECORDED.glob("*/error/*.json")), ids=lambda p: p.name)
def test_recorded_errors_match_the_envelope(path: Path) -> None:
    assert validate_error_envelope(json.loads(path.read_text()), 400) == []


def test_wrong_type_is_caught_with_its_path() -> None:
    body = person()
    body["names"][0]["givenName"] = 7
    body["birthdays"][0]["date"]["day"] = "10"
    body["emailAddresses"] = {"value": "x@example.test"}
    problems = validate(body, "Person")
    assert any(p.startswith("$.names[0].givenName: expected string") for p in problems)
    assert any(p.startswith("$.birthdays[0].date.day: expected integer") for p in problems)
    assert any(p.startswith("$.emailAddresses: expected array") for p in problems)
    assert len(problems) == 3


def test_booleans_are_not_integers_and_numbers_are_not_booleans() -> None:
    body = person()
    body["birthdays"][0]["date"]["month"] = True
    body["names"][0]["metadata"]["primary"] = 1
    problems = validate(body, "Person")
    assert problems == [
        "$.birthdays[0].date.month: expected integer, got boolean True",
        "$.names[0].metadata.primary: expected boolean, got number",
    ]


def test_unknown_field_is_caught_at_every_level() -> None:
    body = person()
    body["nickname"] = "typo of nicknames"
    body["names"][0]["metadata"]["source"]["kind"] = "CONTACT"
    assert validate(body, "Person") == [
        "$.names[0].metadata.source.kind: unknown field",
        "$.nickname: unknown field",
    ]


def test_value_outside_an_enum_is_caught() -> None:
    body = person()
    body["metadata"]["objectType"] = "ROBOT"
    body["biographies"][0]["contentType"] = "TEXT_MARKDOWN"
    assert validate(body, "Person") == [
        "$.biographies[0].contentType: 'TEXT_MARKDOWN' is not one of the enum values",
        "$.metadata.objectType: 'ROBOT' is not one of the enum values",
    ]


def test_nested_arrays_are_checked_item_by_item() -> None:
    response = {"connections": [person(), person()], "totalItems": 2}
    response["connections"][1]["phoneNumbers"][1]["metadata"]["source"]["type"] = "PHONEBOOK"
    response["connections"][1]["phoneNumbers"].append("+31 6 1234 5678")
    assert validate(response, "ListConnectionsResponse") == [
        "$.connections[1].phoneNumbers[1].metadata.source.type: "
        "'PHONEBOOK' is not one of the enum values",
        "$.connections[1].phoneNumbers[2]: expected object, got string",
    ]


def test_map_values_are_validated_and_any_key_is_accepted() -> None:
    good = {"updateResult": {"people/c1": {"person": person(), "httpStatusCode": 200}}}
    assert validate(good, "BatchUpdateContactsResponse") == []
    bad = {"updateResult": {"people/c1": {"person": person(), "httpStatus": 200}, "people/c2": 3}}
    assert validate(bad, "BatchUpdateContactsResponse") == [
        '$.updateResult["people/c1"].httpStatus: unknown field',
        '$.updateResult["people/c2"]: expected object, got number',
    ]


def test_int32_range_and_null_are_caught() -> None:
    body = person()
    body["birthdays"][0]["date"]["year"] = 2**31
    body["nicknames"][0]["value"] = None
    assert validate(body, "Person") == [
        "$.birthdays[0].date.year: 2147483648 is out of the int32 range",
        "$.nicknames[0].value: null (proto3 JSON omits unset fields)",
    ]


def test_google_datetime_must_be_rfc3339() -> None:
    body = person()
    source = body["metadata"]["sources"][0]
    assert validate(body, "Person") == []
    for bad in ("2026-07-27 12:43:24Z", "2026-07-27T12:43:24", "1785156679"):
        source["updateTime"] = bad
        assert validate(body, "Person") == [
            f"$.metadata.sources[0].updateTime: {bad!r} is not a valid google-datetime"
        ]
    source["updateTime"] = "2026-07-27T12:43:24.772772123+02:00"
    assert validate(body, "Person") == []


def test_bytes_must_be_base64() -> None:
    assert validate({"photoBytes": "iVBORw0KGgo="}, "UpdateContactPhotoRequest") == []
    assert validate({"photoBytes": "iVBORw0KGgo"}, "UpdateContactPhotoRequest") == []
    assert validate({"photoBytes": "not base64!"}, "UpdateContactPhotoRequest") == [
        "$.photoBytes: 'not base64!' is not a valid byte"
    ]


def test_field_masks_are_comma_separated_camel_case_paths() -> None:
    ok = {"photoBytes": "AA==", "personFields": "names,emailAddresses,metadata.sources"}
    assert validate(ok, "UpdateContactPhotoRequest") == []
    for bad in ("names, emailAddresses", "names,,photos", "names/photos"):
        assert validate({"personFields": bad}, "UpdateContactPhotoRequest") == [
            f"$.personFields: {bad!r} is not a valid google-fieldmask"
        ]


def test_int64_is_a_json_string_as_google_writes_it() -> None:
    # The People document has no int64 field, so a small document of the same kind stands in.
    doc = Discovery(
        {
            "schemas": {
                "Counter": {
                    "type": "object",
                    "properties": {
                        "big": {"type": "string", "format": "int64"},
                        "unsigned": {"type": "string", "format": "uint64"},
                    },
                }
            }
        }
    )
    assert (
        validate(
            {"big": "-9223372036854775808", "unsigned": "18446744073709551615"}, "Counter", doc=doc
        )
        == []
    )
    assert validate({"big": 12, "unsigned": "-1"}, "Counter", doc=doc) == [
        "$.big: expected string, got number 12",
        "$.unsigned: '-1' is not a valid uint64",
    ]


def test_read_only_fields_are_accepted_in_responses() -> None:
    read_only = [
        name
        for name, prop in discovery().schemas["Person"]["properties"].items()
        if prop.get("readOnly")
    ]
    assert "ageRange" in read_only  # the check below is not vacuous
    assert validate({**person(), "ageRange": "TWENTY_ONE_OR_OLDER"}, "Person") == []


def test_empty_response_accepts_only_an_empty_object() -> None:
    assert validate_response("people.people.deleteContact", {}) == []
    assert validate_response("people.people.batchDeleteContacts", {"deleted": 3}) == [
        "$.deleted: unknown field"
    ]


def test_method_responses_resolve_through_the_discovery_document() -> None:
    doc = discovery()
    assert doc.response_schema("people.people.connections.list") == "ListConnectionsResponse"
    assert doc.response_schema("people.people.deleteContact") == "Empty"
    assert doc.response_schema("people.people.getBatchGet") == "GetPeopleResponse"
    assert (
        validate_response("people.people.searchContacts", {"results": [{"person": person()}]}) == []
    )
    # A SearchResponse wraps each person in a SearchResult; a bare person there is wrong.
    problems = validate_response("people.people.searchContacts", {"results": [person()]})
    assert "$.results[0].names: unknown field" in problems


def test_assert_valid_names_every_problem() -> None:
    with pytest.raises(AssertionError, match=r"\$\.etag: expected string"):
        assert_valid({**person(), "etag": 3}, "Person")


@pytest.mark.parametrize(
    ("verb", "path", "method_id"),
    [
        ("PATCH", "/v1/people/c1:updateContact", "people.people.updateContact"),
        ("PATCH", "/v1/people%2Fc1:updateContact", "people.people.updateContact"),
        ("GET", "/v1/people/c1", "people.people.get"),
        ("GET", "/v1/people/me", "people.people.get"),
        ("GET", "/v1/people:batchGet", "people.people.getBatchGet"),
        ("GET", "/v1/people/me/connections", "people.people.connections.list"),
        ("DELETE", "/v1/people/c1:deleteContact", "people.people.deleteContact"),
        ("DELETE", "/v1/people/c1:deleteContactPhoto", "people.people.deleteContactPhoto"),
        ("PATCH", "/v1/people/c1:updateContactPhoto", "people.people.updateContactPhoto"),
        ("POST", "/v1/people:batchDeleteContacts", "people.people.batchDeleteContacts"),
        ("GET", "/v1/people:searchDirectoryPeople", "people.people.searchDirectoryPeople"),
        ("GET", "/v1/people/c1:updateContact", None),
        ("GET", "/photos/c1.png", None),
    ],
)
def test_requests_map_to_their_discovery_method(
    verb: str, path: str, method_id: str | None
) -> None:
    assert discovery().method_for(verb, path) == method_id


def test_error_envelope_problems_are_caught() -> None:
    good = {
        "error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}
    }
    assert validate_error_envelope(good, 404) == []
    assert validate_error_envelope(good, 400) == [
        "$.error.code: 404 is not the HTTP status 400",
        "$.error.status: NOT_FOUND maps to 404, not 400",
    ]
    assert validate_error_envelope({"error": "Not Found"}, 404) == [
        '$: expected exactly {"error": {...}}'
    ]
    assert validate_error_envelope(
        {"error": {"code": 404, "status": "GONE", "reason": "x"}}, 404
    ) == [
        "$.error.reason: unknown field",
        "$.error.message: missing",
        "$.error.status: 'GONE' is not a google.rpc.Code name",
    ]


def test_error_details_need_a_known_type_and_its_fields() -> None:
    info = {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "EXPIRED_SYNC_TOKEN",
        "domain": "people.googleapis.com",
        "metadata": {"service": "people.googleapis.com"},
    }
    envelope = {"error": {"code": 400, "message": "m", "status": "FAILED_PRECONDITION"}}
    envelope["error"]["details"] = [info]
    assert validate_error_envelope(envelope, 400) == []
    envelope["error"]["details"] = [{**info, "reason": "", "extra": 1}, {"reason": "x"}, []]
    assert validate_error_envelope(envelope, 400) == [
        "$.error.details[0].extra: unknown field",
        "$.error.details[0].reason: expected a non-empty string",
        "$.error.details[1]: expected an object with an @type string",
        "$.error.details[2]: expected an object with an @type string",
    ]
    envelope["error"]["details"] = []
    assert validate_error_envelope(envelope, 400) == [
        "$.error.details: expected a non-empty array (omitted when empty)"
    ]


def test_empty_values_are_found_anywhere_below_the_top() -> None:
    assert empty_values({}) == []
    body = {"connections": [{"names": [], "etag": "", "metadata": {"sources": [{}]}, "x": None}]}
    assert empty_values(body) == [
        "$.connections[0].names: empty value []",
        '$.connections[0].etag: empty value ""',
        "$.connections[0].metadata.sources[0]: empty value {}",
        "$.connections[0].x: empty value null",
    ]


def test_persons_are_found_wherever_the_schema_puts_them() -> None:
    body = {
        "updateResult": {
            "people/c1": {"person": {"etag": "a"}},
            "people/c2": {"httpStatusCode": 404},
        }
    }
    assert values_of_schema(body, "BatchUpdateContactsResponse", "Person") == [
        ('$.updateResult["people/c1"].person', {"etag": "a"})
    ]
    listing = {"connections": [{"etag": "x"}, {"etag": "y"}], "totalItems": 2}
    assert [p for p, _ in values_of_schema(listing, "ListConnectionsResponse", "Person")] == [
        "$.connections[0]",
        "$.connections[1]",
    ]


def _answer(verb: str, url: str, status: int, **content: Any) -> httpx.Response:
    return httpx.Response(status, request=httpx.Request(verb, url), **content)


def test_the_response_hook_passes_good_answers() -> None:
    check_response(_answer("GET", "http://e/v1/people/c1?personFields=names", 200, json=person()))
    check_response(_answer("DELETE", "http://e/v1/people%2Fc1:deleteContact", 200, json={}))
    check_response(
        _answer("GET", "http://e/photos/c1.png", 200, content=b"\x89PNG", headers=_PNG_TYPE)
    )
    error = {
        "error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}
    }
    check_response(_answer("GET", "http://e/v1/people/c9", 404, json=error))


@pytest.mark.parametrize(
    ("verb", "url", "status", "content", "complaint"),
    [
        ("GET", "http://e/v1/people/c1", 200, {"json": {"etag": 1}}, r"\$\.etag: expected string"),
        ("GET", "http://e/v1/people/c1", 200, {"json": {"names": []}}, "empty value"),
        (
            "GET",
            "http://e/v1/people/me/connections",
            200,
            {"json": {"connections": [{"urls": [{"value": ""}]}]}},
            r"\$\.connections\[0\]\.urls\[0\]\.value: empty value",
        ),
        ("GET", "http://e/v1/people/c1", 400, {"json": {"error": "bad"}}, "exactly"),
        ("GET", "http://e/v1/people/c1", 200, {"text": "<html>"}, "content-type"),
        ("GET", "http://e/photos/c1.png", 200, {"json": {}}, "no method and no photo"),
        ("GET", "http://e/v1/people:nonsense", 200, {"json": {}}, "no method and no photo"),
    ],
)
def test_the_response_hook_fails_the_test_on_a_departure(
    verb: str, url: str, status: int, content: dict[str, Any], complaint: str
) -> None:
    with pytest.raises(AssertionError, match=complaint):
        check_response(_answer(verb, url, status, **content))


_PNG_TYPE = {"content-type": "image/png"}
