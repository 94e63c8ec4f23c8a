"""updateContact, deleteContact, the three batch writes, scopes and account provisioning."""

from __future__ import annotations

from typing import Any

import pytest
from support.people_kit import ACCOUNT, READONLY_SCOPES, Kit

STALE = (
    "Request person.etag is different than the current person.etag. "
    "Clear local cache and get the latest person."
)


@pytest.fixture
def kit() -> Kit:
    return Kit()


@pytest.fixture
def grace(kit: Kit) -> dict[str, Any]:
    body = {
        "names": [{"givenName": "Grace", "familyName": "Hopper"}],
        "emailAddresses": [{"value": "grace@navy.example"}],
        "nicknames": [{"value": "Amazing Grace"}],
    }
    person: dict[str, Any] = kit.create(body, "names,emailAddresses,nicknames")
    return person


# --- updateContact ---------------------------------------------------------------------------


def test_update_replaces_only_the_masked_fields(kit: Kit, grace: dict[str, Any]) -> None:
    change = {**grace, "nicknames": [{"value": "Grandma COBOL"}], "emailAddresses": []}
    updated = kit.update(change, "nicknames", "names,emailAddresses,nicknames")
    assert updated["nicknames"][0]["value"] == "Grandma COBOL"
    assert updated["emailAddresses"][0]["value"] == "grace@navy.example"  # not in the mask


def test_a_masked_field_left_out_of_the_body_is_cleared(kit: Kit, grace: dict[str, Any]) -> None:
    body = {"resourceName": grace["resourceName"], "etag": grace["etag"]}
    updated = kit.update(body, "emailAddresses", "names,emailAddresses")
    assert "emailAddresses" not in updated
    assert updated["names"][0]["givenName"] == "Grace"


def test_a_stale_etag_gives_the_recorded_error(kit: Kit, grace: dict[str, Any]) -> None:
    kit.update({**grace, "nicknames": [{"value": "first"}]}, "nicknames")
    path = f"/v1/{grace['resourceName']}:updateContact"
    body = {**grace, "nicknames": [{"value": "second"}]}
    error = kit.error("PATCH", path, 400, {"updatePersonFields": "nicknames"}, body=body)
    assert error == {"code": 400, "message": STALE, "status": "FAILED_PRECONDITION"}


def test_a_missing_etag_is_refused(kit: Kit, grace: dict[str, Any]) -> None:
    path = f"/v1/{grace['resourceName']}:updateContact"
    body = {"nicknames": [{"value": "x"}]}
    error = kit.error("PATCH", path, 400, {"updatePersonFields": "nicknames"}, body=body)
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"] == (
        "Request must set person.etag or person.metadata.sources.etag for the source that is "
        "being updated."
    )


def test_the_source_etag_in_metadata_is_accepted(kit: Kit, grace: dict[str, Any]) -> None:
    current = kit.get(grace["resourceName"], "metadata")
    body = {
        "resourceName": grace["resourceName"],
        "metadata": current["metadata"],
        "nicknames": [{"value": "via source etag"}],
    }
    updated = kit.update(body, "nicknames", "nicknames")
    assert updated["nicknames"][0]["value"] == "via source etag"


def test_updating_memberships_needs_a_contact_group(kit: Kit, grace: dict[str, Any]) -> None:
    path = f"/v1/{grace['resourceName']}:updateContact"
    body = {"etag": grace["etag"], "memberships": []}
    kit.error("PATCH", path, 400, {"updatePersonFields": "memberships"}, body=body)
    group = {"contactGroupMembership": {"contactGroupResourceName": "contactGroups/friends"}}
    body["memberships"] = [group]
    updated = kit.call(
        "PATCH",
        path,
        {"updatePersonFields": "memberships", "personFields": "memberships"},
        body=body,
    )
    assert [m["contactGroupMembership"]["contactGroupId"] for m in updated["memberships"]] == [
        "friends"
    ]


def test_a_profile_is_not_a_contact_to_update(kit: Kit) -> None:
    me = kit.get("people/me", "names")
    error = kit.error(
        "PATCH", "/v1/people/me:updateContact", 400, {"updatePersonFields": "names"}, body=me
    )
    assert error["status"] == "INVALID_ARGUMENT"


def test_updating_an_unknown_contact_is_not_found(kit: Kit) -> None:
    body = {"etag": "%x", "names": [{"givenName": "Nobody"}]}
    path = "/v1/people/c1234567890123456789:updateContact"
    kit.error("PATCH", path, 404, {"updatePersonFields": "names"}, body=body)


def test_an_update_sees_changes_made_behind_the_clients_back(
    kit: Kit, grace: dict[str, Any]
) -> None:
    newer = kit.state.edit_contact(ACCOUNT, grace["resourceName"], {"nicknames": [{"value": "x"}]})
    assert newer != grace["etag"]
    path = f"/v1/{grace['resourceName']}:updateContact"
    body = {**grace, "names": [{"givenName": "Late"}]}
    kit.error("PATCH", path, 400, {"updatePersonFields": "names"}, body=body)


# --- deleteContact -------------------------------------------------------------------------


def test_delete_answers_empty_and_the_contact_is_gone(kit: Kit, grace: dict[str, Any]) -> None:
    assert kit.delete(grace["resourceName"]) == {}
    kit.error("GET", f"/v1/{grace['resourceName']}", 404, {"personFields": "names"})
    error = kit.error("DELETE", f"/v1/{grace['resourceName']}:deleteContact", 404)
    assert error["message"] == "Requested entity was not found."


def test_a_malformed_contact_name_is_an_invalid_argument(kit: Kit) -> None:
    kit.error("DELETE", "/v1/people/not-a-contact:deleteContact", 400)


# --- batches -------------------------------------------------------------------------------


def test_batch_create_answers_each_created_person(kit: Kit) -> None:
    body = {
        "contacts": [{"contactPerson": {"names": [{"givenName": f"P{i}"}]}} for i in range(3)],
        "readMask": "names",
    }
    answer = kit.call("POST", "/v1/people:batchCreateContacts", body=body)
    created = answer["createdPeople"]
    assert [c["person"]["names"][0]["givenName"] for c in created] == ["P0", "P1", "P2"]
    assert all(c["httpStatusCode"] == 200 for c in created)
    assert len(kit.state.account(ACCOUNT).contacts.records) == 3


def test_batch_create_without_a_read_mask_returns_nothing(kit: Kit) -> None:
    body = {"contacts": [{"contactPerson": {"names": [{"givenName": "Quiet"}]}}]}
    assert kit.call("POST", "/v1/people:batchCreateContacts", body=body) == {}
    assert len(kit.state.account(ACCOUNT).contacts.records) == 1


def test_batch_create_is_all_or_nothing(kit: Kit) -> None:
    good = {"contactPerson": {"names": [{"givenName": "Good"}]}}
    bad = {"contactPerson": {"genders": [{"value": "a"}, {"value": "b"}]}}
    body = {"contacts": [good, bad], "readMask": "names"}
    kit.error("POST", "/v1/people:batchCreateContacts", 400, body=body)
    assert kit.state.account(ACCOUNT).contacts.records == {}


@pytest.mark.parametrize(
    ("path", "limit"), [("batchCreateContacts", 200), ("batchUpdateContacts", 200)]
)
def test_batch_write_limits(kit: Kit, path: str, limit: int) -> None:
    if path == "batchCreateContacts":
        body: dict[str, Any] = {"contacts": [{"contactPerson": {}}] * (limit + 1)}
    else:
        body = {"contacts": {f"people/c{i}": {} for i in range(limit + 1)}, "updateMask": "names"}
    error = kit.error("POST", f"/v1/people:{path}", 400, body=body)
    assert str(limit) in error["message"]


def test_batch_update_answers_a_map_by_resource_name(kit: Kit, grace: dict[str, Any]) -> None:
    other = kit.create({"names": [{"givenName": "Ada"}]}, "names")
    body = {
        "contacts": {
            grace["resourceName"]: {"etag": grace["etag"], "nicknames": [{"value": "G"}]},
            other["resourceName"]: {"etag": other["etag"], "nicknames": [{"value": "A"}]},
        },
        "updateMask": "nicknames",
        "readMask": "nicknames",
    }
    result = kit.call("POST", "/v1/people:batchUpdateContacts", body=body)["updateResult"]
    assert set(result) == {grace["resourceName"], other["resourceName"]}
    entry = result[grace["resourceName"]]
    assert entry["httpStatusCode"] == 200
    assert entry["requestedResourceName"] == grace["resourceName"]
    assert entry["person"]["nicknames"][0]["value"] == "G"


def test_batch_update_with_one_stale_etag_changes_nothing(kit: Kit, grace: dict[str, Any]) -> None:
    other = kit.create({"names": [{"givenName": "Ada"}]}, "names")
    body = {
        "contacts": {
            other["resourceName"]: {"etag": other["etag"], "nicknames": [{"value": "A"}]},
            grace["resourceName"]: {"etag": "%stale", "nicknames": [{"value": "G"}]},
        },
        "updateMask": "nicknames",
    }
    error = kit.error("POST", "/v1/people:batchUpdateContacts", 400, body=body)
    assert error["status"] == "FAILED_PRECONDITION"
    assert "nicknames" not in kit.get(other["resourceName"], "nicknames")


def test_batch_update_needs_an_update_mask(kit: Kit, grace: dict[str, Any]) -> None:
    body = {"contacts": {grace["resourceName"]: {"etag": grace["etag"]}}}
    error = kit.error("POST", "/v1/people:batchUpdateContacts", 400, body=body)
    assert error["message"].startswith("updateMask mask is required.")


def test_batch_delete_removes_all_or_nothing(kit: Kit) -> None:
    names = [kit.add(f"P{i}") for i in range(4)]
    missing = "people/c1234567890123456789"
    kit.error(
        "POST", "/v1/people:batchDeleteContacts", 404, body={"resourceNames": [*names, missing]}
    )
    assert len(kit.state.account(ACCOUNT).contacts.records) == 4
    assert kit.call("POST", "/v1/people:batchDeleteContacts", body={"resourceNames": names}) == {}
    assert kit.state.account(ACCOUNT).contacts.records == {}


def test_batch_delete_takes_at_most_500_names(kit: Kit) -> None:
    names = [f"people/c{1000000000000000000 + i}" for i in range(501)]
    error = kit.error("POST", "/v1/people:batchDeleteContacts", 400, body={"resourceNames": names})
    assert "500" in error["message"]


# --- scopes and accounts -------------------------------------------------------------------


def test_a_read_only_grant_cannot_write(kit: Kit) -> None:
    response = kit.send(
        "POST",
        "/v1/people:createContact",
        body={"names": [{"givenName": "X"}]},
        scopes=READONLY_SCOPES,
    )
    assert response.status == 403
    error = kit.error("POST", "/v1/people:createContact", 403, body={}, scopes=READONLY_SCOPES)
    assert error["status"] == "PERMISSION_DENIED"
    assert error["message"] == "Request had insufficient authentication scopes."
    [info] = error["details"]
    assert info["reason"] == "ACCESS_TOKEN_SCOPE_INSUFFICIENT"
    assert info["metadata"]["method"] == "google.people.v1.PeopleService.CreateContact"
    assert kit.state.account(ACCOUNT).contacts.records == {}


def test_a_read_only_grant_can_read(kit: Kit) -> None:
    kit.add("Reader")
    page = kit.call(
        "GET", "/v1/people/me/connections", {"personFields": "names"}, scopes=READONLY_SCOPES
    )
    assert page["totalItems"] == 1


def test_the_directory_needs_its_own_scope(kit: Kit) -> None:
    query = {"readMask": "names", "sources": "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"}
    kit.error("GET", "/v1/people:listDirectoryPeople", 403, query, scopes=READONLY_SCOPES)


def test_a_new_account_gets_an_empty_book(kit: Kit) -> None:
    page = kit.call(
        "GET", "/v1/people/me/connections", {"personFields": "names"}, account="new@else.example"
    )
    assert page == {}
    assert kit.state.account("new@else.example").workspace is True
    assert kit.state.account("someone@gmail.com").workspace is False


def test_accounts_do_not_see_each_others_contacts(kit: Kit, grace: dict[str, Any]) -> None:
    query = {"personFields": "names"}
    kit.error("GET", f"/v1/{grace['resourceName']}", 404, query, account="other@else.example")
