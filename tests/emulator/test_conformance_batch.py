"""getBatchGet, batchCreateContacts, batchUpdateContacts and batchDeleteContacts, with their limits.

Limits from the discovery document: getBatchGet "There is a maximum of 200 resource names";
BatchCreateContactsRequest/BatchUpdateContactsRequest "Allows up to 200 contacts in a single
request"; BatchDeleteContactsRequest "Allows up to 500 resource names in a single request".
The document gives no error text for a batch over its limit; the emulator's, pinned here, names
the proto field, the count and the limit: "Too many contacts in the request: 201. The maximum is
200." (400 INVALID_ARGUMENT, no details).
"""

from __future__ import annotations

import re
from typing import Any

from support.conformance import Api, ada


def too_many(field: str, count: int, limit: int) -> dict[str, Any]:
    return {
        "code": 400,
        "message": f"Too many {field} in the request: {count}. The maximum is {limit}.",
        "status": "INVALID_ARGUMENT",
    }


def create_many(api: Api, count: int, prefix: str = "Batch") -> list[dict[str, Any]]:
    created: list[dict[str, Any]] = []
    while len(created) < count:
        chunk = min(200, count - len(created))
        body = {
            "contacts": [
                {
                    "contactPerson": {
                        "names": [{"givenName": prefix, "familyName": f"N{len(created) + i:04d}"}]
                    }
                }
                for i in range(chunk)
            ],
            "readMask": "names,metadata",
        }
        answer = api.call("POST", "/v1/people:batchCreateContacts", body=body)
        created += [r["person"] for r in answer["createdPeople"]]
    return created


def test_batch_create_returns_each_person_in_request_order(api: Api) -> None:
    people = create_many(api, 5)
    assert [p["names"][0]["familyName"] for p in people] == [f"N{i:04d}" for i in range(5)]
    assert len({p["resourceName"] for p in people}) == 5
    for person in people:
        assert re.fullmatch(r"people/c\d+", person["resourceName"])
        assert person["names"][0]["displayName"] == f"Batch {person['names'][0]['familyName']}"
        assert set(person) == {"resourceName", "etag", "names", "metadata"}


def test_batch_create_person_responses_carry_no_error_status(api: Api) -> None:
    body = {"contacts": [{"contactPerson": ada()}], "readMask": "names"}
    answer = api.call("POST", "/v1/people:batchCreateContacts", body=body)
    [response] = answer["createdPeople"]
    assert response["person"]["names"][0]["displayName"] == "Dr. Ada Byron Lovelace"
    assert response.get("status", {}).get("code", 0) == 0
    assert response.get("httpStatusCode", 200) == 200


def test_batch_create_limit_is_200(api: Api) -> None:
    contacts = [{"contactPerson": {"names": [{"givenName": f"L{i}"}]}} for i in range(201)]
    error = api.error(
        "POST",
        "/v1/people:batchCreateContacts",
        400,
        body={"contacts": contacts, "readMask": "names"},
    )
    assert error == too_many("contacts", 201, 200)
    # Nothing of the rejected batch was created.
    total = api.connections(pageSize=1)["totalItems"]
    answer = api.call(
        "POST",
        "/v1/people:batchCreateContacts",
        body={"contacts": contacts[:200], "readMask": "names"},
    )
    assert len(answer["createdPeople"]) == 200
    assert api.connections(pageSize=1)["totalItems"] == total + 200


def test_batch_get_answers_each_name_in_order(api: Api) -> None:
    people = create_many(api, 3)
    names = [p["resourceName"] for p in reversed(people)]
    found = api.call(
        "GET", "/v1/people:batchGet", params={"resourceNames": names, "personFields": "names"}
    )
    assert [r["requestedResourceName"] for r in found["responses"]] == names
    assert [r["person"]["resourceName"] for r in found["responses"]] == names


def test_batch_get_reports_a_missing_person_in_its_item(api: Api) -> None:
    [person] = create_many(api, 1)
    ghost = "people/c1234567890123"
    found = api.call(
        "GET",
        "/v1/people:batchGet",
        params={"resourceNames": [person["resourceName"], ghost], "personFields": "names"},
    )
    hit, miss = found["responses"]
    assert hit["person"]["resourceName"] == person["resourceName"]
    assert miss["requestedResourceName"] == ghost
    assert "person" not in miss
    assert miss["status"]["code"] == 5  # google.rpc.Code NOT_FOUND


def test_batch_get_limit_is_200(api: Api) -> None:
    names = [p["resourceName"] for p in create_many(api, 200)]
    found = api.call(
        "GET", "/v1/people:batchGet", params={"resourceNames": names, "personFields": "names"}
    )
    assert len(found["responses"]) == 200
    error = api.error(
        "GET",
        "/v1/people:batchGet",
        400,
        params={"resourceNames": [*names, "people/c1"], "personFields": "names"},
    )
    assert error == too_many("resource_names", 201, 200)


def test_batch_get_needs_person_fields(api: Api) -> None:
    [person] = create_many(api, 1)
    error = api.error(
        "GET", "/v1/people:batchGet", 400, params={"resourceNames": [person["resourceName"]]}
    )
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"].startswith("personFields mask is required.")


def test_batch_update_writes_each_contact_and_maps_the_results(api: Api) -> None:
    people = create_many(api, 3)
    contacts = {
        p["resourceName"]: {**p, "nicknames": [{"value": f"nick{i}"}]} for i, p in enumerate(people)
    }
    answer = api.call(
        "POST",
        "/v1/people:batchUpdateContacts",
        body={"contacts": contacts, "updateMask": "nicknames", "readMask": "nicknames,names"},
    )
    results = answer["updateResult"]
    assert set(results) == set(contacts)
    for i, person in enumerate(people):
        updated = results[person["resourceName"]]["person"]
        assert updated["nicknames"][0]["value"] == f"nick{i}"
        assert updated["etag"] != person["etag"]
        assert updated["names"] == person["names"]


def test_batch_update_with_a_stale_etag_is_refused(api: Api) -> None:
    [person] = create_many(api, 1)
    api.update({**person, "nicknames": [{"value": "moved on"}]}, "nicknames")
    error = api.error(
        "POST",
        "/v1/people:batchUpdateContacts",
        400,
        body={
            "contacts": {person["resourceName"]: {**person, "nicknames": [{"value": "stale"}]}},
            "updateMask": "nicknames",
            "readMask": "nicknames",
        },
    )
    # The status of a refused batch is not documented (its details are
    # BatchUpdateContactsErrorDetails); what matters is the 400 and that nothing was written.
    assert error["code"] == 400
    assert (
        api.get(person["resourceName"], fields="nicknames")["nicknames"][0]["value"] == "moved on"
    )


def test_batch_update_limit_is_200(api: Api) -> None:
    people = create_many(api, 201)
    contacts = {p["resourceName"]: {**p, "nicknames": [{"value": "n"}]} for p in people}
    error = api.error(
        "POST",
        "/v1/people:batchUpdateContacts",
        400,
        body={"contacts": contacts, "updateMask": "nicknames", "readMask": "names"},
    )
    assert error == too_many("contacts", 201, 200)
    first = people[0]
    assert api.get(first["resourceName"], fields="names")["etag"] == first["etag"]


def test_batch_update_needs_an_update_mask(api: Api) -> None:
    [person] = create_many(api, 1)
    error = api.error(
        "POST",
        "/v1/people:batchUpdateContacts",
        400,
        body={"contacts": {person["resourceName"]: person}, "readMask": "names"},
    )
    assert error["status"] == "INVALID_ARGUMENT"


def test_batch_delete_removes_every_named_contact(api: Api) -> None:
    people = create_many(api, 4)
    names = [p["resourceName"] for p in people[:3]]
    answer = api.call("POST", "/v1/people:batchDeleteContacts", body={"resourceNames": names})
    assert answer == {}
    for name in names:
        api.error("GET", f"/v1/{name}", 404, params={"personFields": "names"})
    assert api.get(people[3]["resourceName"], fields="names")["names"] == people[3]["names"]


def test_batch_delete_limit_is_500(api: Api) -> None:
    people = create_many(api, 501)
    names = [p["resourceName"] for p in people]
    error = api.error("POST", "/v1/people:batchDeleteContacts", 400, body={"resourceNames": names})
    assert error == too_many("resource_names", 501, 500)
    api.get(names[0], fields="names")  # nothing was deleted
    assert (
        api.call("POST", "/v1/people:batchDeleteContacts", body={"resourceNames": names[:500]})
        == {}
    )
    api.get(names[500], fields="names")
    api.error("GET", f"/v1/{names[0]}", 404, params={"personFields": "names"})


def test_batch_delete_needs_resource_names(api: Api) -> None:
    error = api.error("POST", "/v1/people:batchDeleteContacts", 400, body={})
    assert error["status"] == "INVALID_ARGUMENT"
