"""people.get, createContact, updateContact and deleteContact over HTTP, against Google's rules.

Sources for the rules (besides the discovery document's method descriptions):
- tests/reference/recorded/*/contacts/person*.json: what Google computes on create (displayName,
  displayNameLastFirst, unstructuredName, formattedType, canonicalForm, the myContacts membership,
  field metadata pointing at the contact source) and PROVENANCE.md there (etag shapes).
- tests/reference/recorded/*/error/contacts_stale_etag.json: the stale-etag error, verbatim.
- Missing etag: "Request must set person.etag or person.metadata.sources.etag for the source that
  is being updated." with 400 INVALID_ARGUMENT, reported against the real API by several public
  projects (found with the code search; e.g. a test comment "Confirmed against the real API ...
  400 INVALID_ARGUMENT", and a field-notes table "etag-less patch => 400 INVALID_ARGUMENT").
- Mask errors: 'Invalid personFields mask path: "metadfafads". Valid paths are documented at
  https://developers.google.com/people/api/rest/v1/people/get.' (a real response kept in
  silhouette's GoogleProviderSpec) and "readMask is required. Please specify one or more valid
  paths. Valid paths are documented at https://developers.google.com/people/api/rest/v1/people/get."
  (a real googleapis-nodejs error log); personFields says the same with its own name.
- Singleton fields: the discovery document says only that create and update return "a 400 error
  if more than one field is specified on a field that is a singleton for contact sources"; the
  text, "Cannot have more than one person.names per source.", is the emulator's (no real one at
  hand), pinned so that it changes only on purpose.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from support.conformance import READ_FIELDS, SEED_CONTACTS, Api, ada, png_base64

STALE_ETAG_MESSAGE = (
    "Request person.etag is different than the current person.etag. Clear local cache and get "
    "the latest person."
)
MISSING_ETAG_MESSAGE = (
    "Request must set person.etag or person.metadata.sources.etag for the source that is being "
    "updated."
)
DOCS = "Valid paths are documented at https://developers.google.com/people/api/rest/v1/people/get."
NOT_FOUND = {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}


def assert_contact_resource_name(person: dict[str, Any]) -> None:
    """people/c<decimal>, the decimal being the contact source's hex id (as Google derives it)."""
    name = person["resourceName"]
    assert re.fullmatch(r"people/c\d+", name), name
    source = person["metadata"]["sources"][0]
    assert source["type"] == "CONTACT"
    assert re.fullmatch(r"[0-9a-f]{1,16}", source["id"]), source["id"]
    assert name == "people/c" + str(int(source["id"], 16))


def test_create_computes_googles_read_only_fields(api: Api) -> None:
    created = api.create(ada())
    assert_contact_resource_name(created)
    name = created["names"][0]
    # Verbatim from the recorded person.json for the same name parts.
    assert name["displayName"] == "Dr. Ada Byron Lovelace"
    assert name["displayNameLastFirst"] == "Lovelace, Dr. Ada Byron"
    assert name["unstructuredName"] == "Dr. Ada Byron Lovelace"
    assert created["emailAddresses"][0]["formattedType"] == "Work"
    assert created["emailAddresses"][1]["formattedType"] == "Home"
    assert created["phoneNumbers"][0]["canonicalForm"] == "+31201234567"
    assert created["phoneNumbers"][0]["formattedType"] == "Work"
    assert created["addresses"][0]["formattedValue"]
    assert created["metadata"]["objectType"] == "PERSON"
    assert "updateTime" in created["metadata"]["sources"][0]
    groups = [m["contactGroupMembership"]["contactGroupId"] for m in created["memberships"]]
    assert groups == ["myContacts"]


def test_every_field_points_at_the_contact_source(api: Api) -> None:
    created = api.create(ada())
    source_id = created["metadata"]["sources"][0]["id"]
    for key, values in created.items():
        if not isinstance(values, list) or key == "memberships":
            # Memberships carry a source but never `primary` (recorded person.json).
            continue
        for index, item in enumerate(values):
            assert item["metadata"]["source"] == {"type": "CONTACT", "id": source_id}, (key, index)
        # The first value of a field is the primary one, the others are not marked.
        assert values[0]["metadata"].get("primary") is True, key
        assert all("primary" not in v["metadata"] for v in values[1:]), key


def test_etags_look_like_googles(api: Api) -> None:
    # PROVENANCE.md: real person etags start with "%", real source etags with "#".
    created = api.create(ada())
    assert created["etag"].startswith("%")
    assert created["metadata"]["sources"][0]["etag"].startswith("#")


def test_client_supplied_display_name_is_ignored(api: Api) -> None:
    person = {"names": [{"givenName": "Grace", "familyName": "Hopper", "displayName": "Admiral"}]}
    created = api.create(person)
    assert created["names"][0]["displayName"] == "Grace Hopper"
    assert created["names"][0]["displayNameLastFirst"] == "Hopper, Grace"


def test_get_returns_what_create_returned(api: Api) -> None:
    created = api.create(ada())
    assert api.get(created["resourceName"]) == created


def test_person_fields_restrict_the_answer(api: Api) -> None:
    created = api.create(ada())
    only_names = api.get(created["resourceName"], fields="names")
    assert set(only_names) == {"resourceName", "etag", "names"}
    assert only_names["etag"] == created["etag"]
    some = api.get(created["resourceName"], fields="emailAddresses,birthdays")
    assert set(some) == {"resourceName", "etag", "emailAddresses", "birthdays"}


def test_empty_values_sent_by_a_client_are_not_echoed(api: Api) -> None:
    # proto3 JSON: "" and [] are unset; the response hook fails on any empty value it sees.
    created = api.create(
        {"names": [{"givenName": "Empty", "familyName": ""}], "emailAddresses": [], "urls": []}
    )
    assert "urls" not in created
    assert "emailAddresses" not in created
    assert "familyName" not in created["names"][0]


def test_contact_without_a_name_has_no_names(api: Api) -> None:
    created = api.create({"emailAddresses": [{"value": "nameless@example.test"}]})
    assert "names" not in created
    assert created["emailAddresses"][0]["value"] == "nameless@example.test"


def test_every_seeded_contact_reads_back_with_every_field(api: Api) -> None:
    # The response hook checks every field of every person against the discovery schema and
    # for empty values; the seed is international and deliberately awkward, so this is the check
    # that awkward data still leaves the emulator as Google's JSON.
    pages = api.connection_pages(personFields=READ_FIELDS, pageSize=13)
    people = [person for page in pages for person in page.get("connections", [])]
    assert len(people) == SEED_CONTACTS
    for person in people:
        assert api.get(person["resourceName"]) == person


def test_every_seeded_contact_has_a_derived_resource_name(api: Api) -> None:
    for page in api.connection_pages(personFields="metadata", pageSize=1000):
        for person in page.get("connections", []):
            assert_contact_resource_name(person)


def test_update_changes_the_etag_and_recomputes(api: Api) -> None:
    created = api.create(ada())
    change = {
        "resourceName": created["resourceName"],
        "etag": created["etag"],
        "names": [{"givenName": "Augusta", "familyName": "King"}],
    }
    updated = api.update(change, "names")
    assert updated["etag"] != created["etag"]
    assert updated["metadata"]["sources"][0]["etag"] != created["metadata"]["sources"][0]["etag"]
    assert (
        updated["metadata"]["sources"][0]["updateTime"]
        >= created["metadata"]["sources"][0]["updateTime"]
    )
    assert updated["names"][0]["displayName"] == "Augusta King"
    assert updated["names"][0]["displayNameLastFirst"] == "King, Augusta"
    # Fields outside updatePersonFields are untouched.
    assert updated["emailAddresses"] == created["emailAddresses"]
    assert updated["resourceName"] == created["resourceName"]
    assert api.get(created["resourceName"]) == updated


def test_update_replaces_masked_fields_and_clears_absent_ones(api: Api) -> None:
    created = api.create(ada())
    change = {
        "resourceName": created["resourceName"],
        "etag": created["etag"],
        "emailAddresses": [{"value": "only@example.test"}],
    }
    updated = api.update(change, "emailAddresses,nicknames")
    assert [e["value"] for e in updated["emailAddresses"]] == ["only@example.test"]
    assert "nicknames" not in updated  # in the mask, absent from the body: cleared
    assert updated["names"] == created["names"]


def test_sequential_updates_use_each_returned_etag(api: Api) -> None:
    person = api.create({"names": [{"givenName": "Seq"}]})
    etags = {person["etag"]}
    for n in range(3):
        person = api.update({**person, "nicknames": [{"value": f"n{n}"}]}, "nicknames")
        etags.add(person["etag"])
    assert len(etags) == 4


def test_update_accepts_the_etag_in_the_source_metadata(api: Api) -> None:
    created = api.create(ada())
    change = {
        "resourceName": created["resourceName"],
        "metadata": {
            "sources": [
                {
                    "type": "CONTACT",
                    "id": created["metadata"]["sources"][0]["id"],
                    "etag": created["etag"],
                }
            ]
        },
        "nicknames": [{"value": "Enchantress of Numbers"}],
    }
    updated = api.update(change, "nicknames")
    assert updated["nicknames"][0]["value"] == "Enchantress of Numbers"


def test_update_without_an_etag_is_rejected(api: Api) -> None:
    created = api.create(ada())
    change = {"resourceName": created["resourceName"], "nicknames": [{"value": "x"}]}
    error = api.error(
        "PATCH",
        f"/v1/{created['resourceName']}:updateContact",
        400,
        params={"updatePersonFields": "nicknames"},
        body=change,
    )
    assert error["message"] == MISSING_ETAG_MESSAGE
    assert error["status"] == "INVALID_ARGUMENT"


def test_update_with_a_stale_etag_gives_googles_failed_precondition(api: Api) -> None:
    created = api.create(ada())
    api.update({**created, "nicknames": [{"value": "first"}]}, "nicknames")
    error = api.error(
        "PATCH",
        f"/v1/{created['resourceName']}:updateContact",
        400,
        params={"updatePersonFields": "nicknames"},
        body={**created, "nicknames": [{"value": "second"}]},
    )
    assert error == {"code": 400, "message": STALE_ETAG_MESSAGE, "status": "FAILED_PRECONDITION"}


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"updatePersonFields": "nickname"},
        # Read-only fields cannot be written through updateContact (photos have their own method).
        {"updatePersonFields": "photos"},
        {"updatePersonFields": "metadata"},
    ],
)
def test_update_mask_errors(api: Api, params: dict[str, str]) -> None:
    created = api.create(ada())
    error = api.error(
        "PATCH",
        f"/v1/{created['resourceName']}:updateContact",
        400,
        params=params,
        body={**created, "nicknames": [{"value": "x"}]},
    )
    assert error["status"] == "INVALID_ARGUMENT"
    # Google names the offending mask, as it does for personFields and readMask.
    assert "updatePersonFields" in error["message"]
    assert api.get(created["resourceName"])["etag"] == created["etag"]


def test_get_without_person_fields_is_rejected(api: Api) -> None:
    created = api.create(ada())
    error = api.error("GET", f"/v1/{created['resourceName']}", 400)
    assert error == {
        "code": 400,
        "message": "personFields mask is required. Please specify one or more valid paths. " + DOCS,
        "status": "INVALID_ARGUMENT",
    }


@pytest.mark.parametrize(("mask", "bad"), [("nickname", "nickname"), ("names,etag", "etag")])
def test_get_with_an_invalid_mask_path_is_rejected(api: Api, mask: str, bad: str) -> None:
    created = api.create(ada())
    error = api.error("GET", f"/v1/{created['resourceName']}", 400, params={"personFields": mask})
    assert error == {
        "code": 400,
        "message": f'Invalid personFields mask path: "{bad}". ' + DOCS,
        "status": "INVALID_ARGUMENT",
    }


SINGLETONS = {
    "names": [{"givenName": "One"}, {"givenName": "Two"}],
    "birthdays": [{"date": {"month": 1, "day": 2}}, {"date": {"month": 3, "day": 4}}],
    "biographies": [{"value": "one"}, {"value": "two"}],
    "genders": [{"value": "female"}, {"value": "male"}],
}


@pytest.mark.parametrize("field", sorted(SINGLETONS))
def test_singleton_fields_take_one_value_on_create(api: Api, field: str) -> None:
    error = api.error(
        "POST",
        "/v1/people:createContact",
        400,
        params={"personFields": "names"},
        body={field: SINGLETONS[field]},
    )
    assert error == {
        "code": 400,
        "message": f"Cannot have more than one person.{field} per source.",
        "status": "INVALID_ARGUMENT",
    }


@pytest.mark.parametrize("field", sorted(SINGLETONS))
def test_singleton_fields_take_one_value_on_update(api: Api, field: str) -> None:
    created = api.create({"names": [{"givenName": "Single"}]})
    error = api.error(
        "PATCH",
        f"/v1/{created['resourceName']}:updateContact",
        400,
        params={"updatePersonFields": field},
        body={**created, field: SINGLETONS[field]},
    )
    assert error["message"] == f"Cannot have more than one person.{field} per source."
    assert error["status"] == "INVALID_ARGUMENT" and "details" not in error
    assert api.get(created["resourceName"])["etag"] == created["etag"]  # nothing was written


def test_unknown_contact_is_not_found_everywhere(api: Api) -> None:
    ghost = "people/c1234567890123"
    person = {"resourceName": ghost, "etag": "%EgUBAj03LhoEAQIFByIM", "names": [{"givenName": "G"}]}
    calls: list[tuple[str, str, dict[str, Any]]] = [
        ("GET", f"/v1/{ghost}", {"params": {"personFields": "names"}}),
        (
            "PATCH",
            f"/v1/{ghost}:updateContact",
            {"params": {"updatePersonFields": "names"}, "body": person},
        ),
        ("DELETE", f"/v1/{ghost}:deleteContact", {}),
        ("PATCH", f"/v1/{ghost}:updateContactPhoto", {"body": {"photoBytes": png_base64()}}),
        ("DELETE", f"/v1/{ghost}:deleteContactPhoto", {}),
    ]
    for verb, path, kwargs in calls:
        assert api.error(verb, path, 404, **kwargs) == NOT_FOUND, (verb, path)


def test_delete_removes_the_contact(api: Api) -> None:
    created = api.create(ada())
    api.delete(created["resourceName"])
    assert (
        api.error("GET", f"/v1/{created['resourceName']}", 404, params={"personFields": "names"})
        == NOT_FOUND
    )
    assert api.error("DELETE", f"/v1/{created['resourceName']}:deleteContact", 404) == NOT_FOUND
