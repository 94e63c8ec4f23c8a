"""The `people` resource at unit level: routing, query parameters, bodies, masks and the
values Google computes for a contact (tests/reference/recorded/*/contacts/person.json)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from support.people_kit import ACCOUNT, EVERY_FIELD, Kit, escaped

ADA: dict[str, Any] = {
    "names": [
        {
            "givenName": "Ada",
            "middleName": "Byron",
            "familyName": "Lovelace",
            "honorificPrefix": "Dr.",
        }
    ],
    "emailAddresses": [
        {"value": "ada.lovelace@example.test", "type": "work"},
        {"value": "ada@home.example.test", "type": "home"},
    ],
    "phoneNumbers": [{"value": "+31 20 123 4567", "type": "work"}, {"value": "+31 6 1234 5678"}],
    "addresses": [
        {
            "streetAddress": "Keizersgracht 1",
            "postalCode": "1015 CJ",
            "city": "Amsterdam",
            "country": "Netherlands",
            "countryCode": "NL",
            "type": "work",
        }
    ],
    "relations": [{"person": "Charles Babbage", "type": "colleague"}],
    "birthdays": [{"date": {"year": 1815, "month": 12, "day": 10}}],
    "biographies": [{"value": "Wrote the first program.", "contentType": "TEXT_PLAIN"}],
    "urls": [{"value": "https://example.test/ada", "type": "homePage"}],
}


@pytest.fixture
def kit() -> Kit:
    return Kit()


# --- routing ---------------------------------------------------------------------------------


def test_every_method_is_routed_by_verb_and_path(kit: Kit) -> None:
    person = kit.create(ADA)
    name = person["resourceName"]
    photo = {"photoBytes": "iVBORw0KGgo="}  # PNG magic only: routed, then refused as no image
    calls = [
        ("GET", f"/v1/{name}", {"personFields": "names"}, None, 200),
        ("GET", "/v1/people:batchGet", {"personFields": "names", "resourceNames": name}, None, 200),
        ("GET", "/v1/people/me/connections", {"personFields": "names"}, None, 200),
        ("GET", "/v1/people:searchContacts", {"readMask": "names", "query": ""}, None, 200),
        ("GET", "/v1/people:listDirectoryPeople", _directory(), None, 200),
        ("GET", "/v1/people:searchDirectoryPeople", _directory(query="a"), None, 200),
        ("PATCH", f"/v1/{name}:updateContactPhoto", {}, photo, 400),
        ("DELETE", f"/v1/{name}:deleteContactPhoto", {}, None, 200),
        ("POST", "/v1/people:batchCreateContacts", {}, {"contacts": [{"contactPerson": {}}]}, 200),
        ("POST", "/v1/people:batchUpdateContacts", {}, {"contacts": {}}, 400),
        ("POST", "/v1/people:batchDeleteContacts", {}, {"resourceNames": []}, 400),
        ("POST", "/v1/people:createContact", {}, {}, 200),
        ("DELETE", f"/v1/{name}:deleteContact", {}, None, 200),
    ]
    for verb, path, query, body, status in calls:
        assert kit.send(verb, path, query, body=body).status == status, (verb, path)


def _directory(**extra: str) -> dict[str, Any]:
    return {"readMask": "names", "sources": "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"} | extra


def test_an_escaped_resource_name_reaches_the_same_contact(kit: Kit) -> None:
    name = kit.create(ADA)["resourceName"]
    got = kit.call("GET", f"/v1/{escaped(name)}", {"personFields": "names"})
    assert got["resourceName"] == name
    current = kit.get(name, "names")
    query = {"updatePersonFields": "nicknames", "personFields": "nicknames"}
    body = {"etag": current["etag"], "nicknames": [{"value": "Countess"}]}
    updated = kit.call("PATCH", f"/v1/{escaped(name)}:updateContact", query, body=body)
    assert updated["nicknames"][0]["value"] == "Countess"


@pytest.mark.parametrize(
    ("verb", "path"),
    [
        ("GET", "/v1/people:createContact"),
        ("POST", "/v1/people/c1:updateContact"),
        ("GET", "/v1/people/c1:frobnicate"),
        ("GET", "/v2/people/me"),
        ("PUT", "/v1/people/me"),
    ],
)
def test_a_path_that_names_no_method_gets_googles_html_404(kit: Kit, verb: str, path: str) -> None:
    response = kit.send(verb, path)
    assert response.status == 404
    assert dict(response.headers)["content-type"].startswith("text/html")
    assert b"was not found on this server" in response.body


# --- query parameters ----------------------------------------------------------------------


def test_an_unknown_query_parameter_is_refused_with_googles_words(kit: Kit) -> None:
    error = kit.error("GET", "/v1/people/me", 400, {"personFields": "names", "bogus": "1"})
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"] == (
        'Invalid JSON payload received. Unknown name "bogus": Cannot bind query parameter. '
        "Field 'bogus' could not be found in request message."
    )


def test_standard_parameters_are_accepted(kit: Kit) -> None:
    query = {
        "personFields": "names",
        "alt": "json",
        "$.xgafv": "2",
        "key": "k",
        "quotaUser": "q",
        "access_token": "t",
        "oauth_token": "t",
        "uploadType": "media",
        "upload_protocol": "raw",
        "prettyPrint": "true",
    }
    assert kit.call("GET", "/v1/people/me", query)["resourceName"].startswith("people/1")


def test_proto_names_bind_like_json_names(kit: Kit) -> None:
    for _ in range(3):
        kit.add("Someone")
    page = kit.call("GET", "/v1/people/me/connections", {"person_fields": "names", "page_size": 2})
    assert len(page["connections"]) == 2


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"pageSize": "ten"}, "Invalid value at 'page_size' (TYPE_INT32), \"ten\""),
        ({"requestSyncToken": "yes"}, "Invalid value at 'request_sync_token' (TYPE_BOOL), \"yes\""),
        (
            {"sortOrder": "BY_MOOD"},
            "Invalid value at 'sort_order' "
            '(type.googleapis.com/google.people.v1.ListConnectionsRequest.SortOrder), "BY_MOOD"',
        ),
        (
            {"sources": ["READ_SOURCE_TYPE_CONTACT", "NOPE"]},
            "Invalid value at 'sources[1]' (type.googleapis.com/google.people.v1.ReadSourceType), "
            '"NOPE"',
        ),
    ],
)
def test_values_that_do_not_parse_are_refused(
    kit: Kit, query: dict[str, Any], message: str
) -> None:
    error = kit.error("GET", "/v1/people/me/connections", 400, {"personFields": "names"} | query)
    assert error["message"] == message
    assert error["details"][0]["@type"] == "type.googleapis.com/google.rpc.BadRequest"


def test_pretty_print_is_the_default_and_can_be_turned_off(kit: Kit) -> None:
    pretty = kit.send("GET", "/v1/people/me", {"personFields": "names"})
    compact = kit.send("GET", "/v1/people/me", {"personFields": "names", "prettyPrint": "false"})
    assert b"\n  " in pretty.body
    assert b"\n" not in compact.body
    assert json.loads(pretty.body) == json.loads(compact.body)


def test_fields_selects_a_partial_response(kit: Kit) -> None:
    kit.create(ADA)
    kit.add("Grace", "Hopper")
    query = {
        "personFields": "names,emailAddresses",
        "pageSize": 1,
        "fields": "connections(names/givenName,etag),nextPageToken",
    }
    page = kit.call("GET", "/v1/people/me/connections", query)
    assert set(page) == {"connections", "nextPageToken"}
    [person] = page["connections"]
    assert set(person) == {"names", "etag"}
    assert person["names"] == [{"givenName": "Ada"}]


def test_a_malformed_field_selector_is_refused(kit: Kit) -> None:
    error = kit.error("GET", "/v1/people/me", 400, {"personFields": "names", "fields": "names("})
    assert error["status"] == "INVALID_ARGUMENT"


def test_jsonp_callback_wraps_the_answer(kit: Kit) -> None:
    response = kit.send("GET", "/v1/people/me", {"personFields": "names", "callback": "cb"})
    assert response.status == 200
    text = response.body.decode()
    assert text.startswith("// API callback\ncb(") and text.endswith(");")


# --- request bodies ------------------------------------------------------------------------


def test_malformed_json_is_refused(kit: Kit) -> None:
    error = kit.error("POST", "/v1/people:createContact", 400, raw_body=b'{"names": [}')
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"].startswith("Invalid JSON payload received. Unexpected token.")


def test_an_unknown_body_field_is_named_with_its_proto_path(kit: Kit) -> None:
    body = {"names": [{"givenName": "Ada", "nickname": "x"}]}
    error = kit.error("POST", "/v1/people:createContact", 400, body=body)
    assert error["message"] == (
        "Invalid JSON payload received. Unknown name \"nickname\" at 'person.names[0]': "
        "Cannot find field."
    )
    assert error["details"][0]["fieldViolations"][0]["field"] == "person.names[0]"


def test_a_wrong_json_type_is_refused(kit: Kit) -> None:
    error = kit.error("POST", "/v1/people:createContact", 400, body={"names": {"givenName": "A"}})
    assert error["message"].startswith("Invalid value at 'person.names'")
    error = kit.error(
        "POST", "/v1/people:createContact", 400, body={"birthdays": [{"date": {"day": "x"}}]}
    )
    assert error["message"] == "Invalid value at 'person.birthdays[0].date.day' (TYPE_INT32), \"x\""


def test_a_body_that_is_not_an_object_is_refused(kit: Kit) -> None:
    body = {"contacts": [], "readMask": "names"}
    kit.error("POST", "/v1/people:batchCreateContacts", 400, raw_body=b"[1, 2]")
    error = kit.error("POST", "/v1/people:batchCreateContacts", 400, body=body | {"x": 1})
    assert error["message"] == 'Invalid JSON payload received. Unknown name "x": Cannot find field.'


def test_proto_names_are_accepted_in_bodies(kit: Kit) -> None:
    person = kit.create({"names": [{"given_name": "Snake", "family_name": "Case"}]}, "names")
    assert person["names"][0]["displayName"] == "Snake Case"


# --- masks ---------------------------------------------------------------------------------


def test_person_fields_are_required_with_googles_message(kit: Kit) -> None:
    error = kit.error("GET", "/v1/people/me", 400)
    assert error["message"] == (
        "personFields mask is required. Please specify one or more valid paths. "
        "Valid paths are documented at https://developers.google.com/people/api/rest/v1/people/get."
    )


def test_an_invalid_mask_path_is_named(kit: Kit) -> None:
    error = kit.error("GET", "/v1/people/me", 400, {"personFields": "names,etag"})
    assert error["message"] == (
        'Invalid personFields mask path: "etag". Valid paths are documented at '
        "https://developers.google.com/people/api/rest/v1/people/get."
    )


def test_update_person_fields_accepts_only_writable_fields(kit: Kit) -> None:
    person = kit.create(ADA, "names")
    for path in ("photos", "metadata", "skills", "coverPhotos"):
        query = {"updatePersonFields": path}
        path_url = f"/v1/{person['resourceName']}:updateContact"
        error = kit.error("PATCH", path_url, 400, query, body=person)
        assert error["message"].startswith(f'Invalid updatePersonFields mask path: "{path}".')
    error = kit.error("PATCH", f"/v1/{person['resourceName']}:updateContact", 400, body=person)
    assert error["message"].startswith("updatePersonFields mask is required.")


def test_the_legacy_request_mask_form_is_understood(kit: Kit) -> None:
    me = kit.call("GET", "/v1/people/me", {"requestMask.includeField": "person.email_addresses"})
    assert set(me) == {"resourceName", "etag", "emailAddresses"}
    error = kit.error("GET", "/v1/people/me", 400, {"requestMask.includeField": "names"})
    assert 'mask path: "names"' in error["message"]


def test_the_mask_decides_which_fields_come_back(kit: Kit) -> None:
    name = kit.create(ADA)["resourceName"]
    person = kit.get(name, "emailAddresses,birthdays")
    assert set(person) == {"resourceName", "etag", "emailAddresses", "birthdays"}


# --- what Google computes ------------------------------------------------------------------


def test_a_created_contact_carries_the_values_google_computes(kit: Kit) -> None:
    person = kit.create(ADA)
    source_id = person["metadata"]["sources"][0]["id"]
    assert re.fullmatch(r"[0-9a-f]{16}", source_id)
    assert person["resourceName"] == f"people/c{int(source_id, 16)}"
    assert len(person["resourceName"]) == len("people/c") + 19
    assert person["etag"].startswith("%")
    [name] = person["names"]
    assert name["displayName"] == "Dr. Ada Byron Lovelace"
    assert name["displayNameLastFirst"] == "Lovelace, Dr. Ada Byron"
    assert name["unstructuredName"] == "Dr. Ada Byron Lovelace"
    source = {"type": "CONTACT", "id": source_id}
    assert name["metadata"] == {"primary": True, "source": source, "sourcePrimary": True}
    work, home = person["emailAddresses"]
    assert (work["formattedType"], home["formattedType"]) == ("Work", "Home")
    assert work["metadata"] == {"primary": True, "source": source}
    assert home["metadata"] == {"source": source}
    assert [p.get("canonicalForm") for p in person["phoneNumbers"]] == [
        "+31201234567",
        "+31612345678",
    ]
    assert person["addresses"][0]["formattedValue"] == (
        "Keizersgracht 1\n1015 CJ Amsterdam\nNetherlands"
    )
    assert person["relations"][0]["formattedType"] == "colleague"  # custom types stay as given
    assert person["urls"][0]["formattedType"] == "Home Page"
    [membership] = person["memberships"]
    assert membership["contactGroupMembership"] == {
        "contactGroupId": "myContacts",
        "contactGroupResourceName": "contactGroups/myContacts",
    }
    assert membership["metadata"] == {"source": source}
    [photo] = person["photos"]
    assert photo["default"] is True and photo["metadata"]["primary"] is True
    sources = person["metadata"]["sources"]
    assert person["metadata"]["objectType"] == "PERSON"
    assert sources[0]["etag"].startswith("#") and sources[0]["updateTime"].endswith("Z")


def test_read_only_values_sent_by_a_client_are_ignored(kit: Kit) -> None:
    body = {
        "names": [
            {"givenName": "Ada", "displayName": "Someone Else", "metadata": {"primary": False}}
        ],
        "emailAddresses": [{"value": "a@b.test", "type": "work", "formattedType": "Nope"}],
        "photos": [{"url": "https://elsewhere.test/p.jpg"}],
        "resourceName": "people/c1",
        "etag": "%whatever",
    }
    person = kit.create(body, "names,emailAddresses,photos")
    assert person["names"][0]["displayName"] == "Ada"
    assert person["emailAddresses"][0]["formattedType"] == "Work"
    assert person["photos"][0]["default"] is True
    assert person["resourceName"] != "people/c1"


def test_an_unstructured_name_is_split_into_given_and_family_names(kit: Kit) -> None:
    [name] = kit.create({"names": [{"unstructuredName": "Grace Brewster Hopper"}]}, "names")[
        "names"
    ]
    assert (name["givenName"], name["familyName"]) == ("Grace Brewster", "Hopper")
    assert name["unstructuredName"] == "Grace Brewster Hopper"


def test_east_asian_names_are_written_family_name_first(kit: Kit) -> None:
    [name] = kit.create({"names": [{"givenName": "太郎", "familyName": "山田"}]}, "names")["names"]
    assert name["displayName"] == name["displayNameLastFirst"] == "山田太郎"


def test_empty_values_are_omitted_as_proto3_json_does(kit: Kit) -> None:
    body = {"names": [{"givenName": "Ada", "familyName": ""}], "emailAddresses": [{}], "urls": []}
    person = kit.create(body)
    assert "emailAddresses" not in person and "urls" not in person
    assert "familyName" not in person["names"][0]


@pytest.mark.parametrize("field", ["names", "birthdays", "genders", "biographies"])
def test_singleton_fields_refuse_a_second_value(kit: Kit, field: str) -> None:
    one = {
        "names": {"givenName": "A"},
        "birthdays": {"text": "spring"},
        "genders": {"value": "female"},
        "biographies": {"value": "x"},
    }[field]
    error = kit.error("POST", "/v1/people:createContact", 400, body={field: [one, one]})
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"] == f"Cannot have more than one person.{field} per source."


def test_nicknames_are_not_a_singleton(kit: Kit) -> None:
    person = kit.create({"nicknames": [{"value": "A"}, {"value": "B"}]}, "nicknames")
    assert [n["value"] for n in person["nicknames"]] == ["A", "B"]


def test_an_impossible_date_is_refused(kit: Kit) -> None:
    body = {"birthdays": [{"date": {"year": 2023, "month": 2, "day": 29}}]}
    error = kit.error("POST", "/v1/people:createContact", 400, body=body)
    assert error["details"][0]["fieldViolations"][0]["field"] == "person.birthdays[0].date"
    ok = kit.create({"birthdays": [{"date": {"month": 2, "day": 29}}]}, "birthdays")
    assert ok["birthdays"][0]["date"] == {"month": 2, "day": 29}


# --- get and batchGet ----------------------------------------------------------------------


def test_people_me_is_the_signed_in_users_profile(kit: Kit) -> None:
    me = kit.call("GET", "/v1/people/me", {"personFields": "names,emailAddresses,metadata"})
    assert re.fullmatch(r"people/1\d{20}", me["resourceName"])
    assert me["emailAddresses"][0]["value"] == ACCOUNT
    source = me["metadata"]["sources"][0]
    assert source["type"] == "PROFILE"
    assert source["profileMetadata"]["objectType"] == "PERSON"
    again = kit.call("GET", f"/v1/{me['resourceName']}", {"personFields": "names"})
    assert again["resourceName"] == me["resourceName"]


def test_an_unknown_contact_is_not_found(kit: Kit) -> None:
    error = kit.error("GET", "/v1/people/c1234567890123456789", 404, {"personFields": "names"})
    assert error == {
        "code": 404,
        "message": "Requested entity was not found.",
        "status": "NOT_FOUND",
    }


def test_batch_get_answers_each_name(kit: Kit) -> None:
    name = kit.create(ADA)["resourceName"]
    names = [name, "people/me", "people/c1234567890123456789", "people/nonsense"]
    query = {"personFields": "names", "resourceNames": names}
    answer = kit.call("GET", "/v1/people:batchGet", query)
    found, me, missing, malformed = answer["responses"]
    assert found["httpStatusCode"] == 200 and found["person"]["resourceName"] == name
    assert me["requestedResourceName"] == "people/me" and "person" in me
    assert missing["httpStatusCode"] == 404 and missing["status"]["code"] == 5
    assert malformed["httpStatusCode"] == 400 and "person" not in malformed


def test_batch_get_takes_at_most_200_names(kit: Kit) -> None:
    query = {"personFields": "names", "resourceNames": ["people/me"] * 201}
    kit.error("GET", "/v1/people:batchGet", 400, query)
    query["resourceNames"] = ["people/me"] * 200
    assert len(kit.call("GET", "/v1/people:batchGet", query)["responses"]) == 200
    kit.error("GET", "/v1/people:batchGet", 400, {"personFields": "names"})


def test_the_etag_changes_on_every_write(kit: Kit) -> None:
    person = kit.create(ADA, "names")
    etags = {person["etag"]}
    for nickname in ("a", "b", "c"):
        person = kit.update({**person, "nicknames": [{"value": nickname}]}, "nicknames", "names")
        etags.add(person["etag"])
    assert len(etags) == 4
    assert kit.get(person["resourceName"], "names")["etag"] == person["etag"]


def test_the_state_is_marked_dirty_by_writes(kit: Kit) -> None:
    kit.get("people/me", "names")
    assert kit.state.dirty is True  # the first call provisioned the account
    kit.state.dirty = False
    kit.get("people/me", "names")
    assert kit.state.dirty is False
    kit.create(ADA, "names")
    assert kit.state.dirty is True


def test_every_field_round_trips_through_get(kit: Kit) -> None:
    name = kit.create(ADA, "names")["resourceName"]
    person = kit.get(name, EVERY_FIELD)
    assert person["birthdays"][0]["date"] == {"year": 1815, "month": 12, "day": 10}
    assert person["biographies"][0]["contentType"] == "TEXT_PLAIN"
