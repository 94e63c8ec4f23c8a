"""The wire format real clients send: path forms, repeated keys, standard parameters, auth.

- Paths: the discovery document's `{+resourceName}` expands to `people/c1` (reserved expansion),
  but some generated clients escape the slash, so `people%2Fc1` must reach the same method.
- Repeated query parameters are sent as repeated keys (`resourceNames=a&resourceNames=b`), as the
  getBatchGet parameter documentation spells out.
- The discovery document's top-level `parameters` (alt, fields, key, prettyPrint, quotaUser,
  $.xgafv, ...) apply to every method.
- Unknown query/body fields: Google's front end answers 400 INVALID_ARGUMENT with
  'Invalid JSON payload received. Unknown name "…"' (its standard JSON-binding error).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from support.conformance import Api, ada, check_response

from peopletui.emulator import Emulator
from peopletui.emulator.tokens import MISSING_CREDENTIALS_MESSAGE, UNAUTHENTICATED_MESSAGE


def test_both_path_forms_reach_update_and_get(api: Api) -> None:
    created = api.create(ada())
    contact_id = created["resourceName"].removeprefix("people/")
    plain = api.call(
        "PATCH",
        f"/v1/people/{contact_id}:updateContact",
        params={"updatePersonFields": "nicknames", "personFields": "nicknames"},
        body={**created, "nicknames": [{"value": "plain"}]},
    )
    escaped = api.call(
        "PATCH",
        f"/v1/people%2F{contact_id}:updateContact",
        params={"updatePersonFields": "nicknames", "personFields": "nicknames"},
        body={**created, "etag": plain["etag"], "nicknames": [{"value": "escaped"}]},
    )
    assert escaped["resourceName"] == created["resourceName"]
    got = api.call("GET", f"/v1/people%2F{contact_id}", params={"personFields": "nicknames"})
    assert got["nicknames"][0]["value"] == "escaped"
    api.call("DELETE", f"/v1/people%2F{contact_id}:deleteContact")
    api.error("GET", f"/v1/people/{contact_id}", 404, params={"personFields": "names"})


def test_the_escaped_form_reaches_connections_too(api: Api) -> None:
    plain = api.call("GET", "/v1/people/me/connections", params={"personFields": "names"})
    escaped = api.call("GET", "/v1/people%2Fme/connections", params={"personFields": "names"})
    assert escaped == plain


def test_repeated_query_keys_are_lists(api: Api) -> None:
    first = api.create({"names": [{"givenName": "First"}]})
    second = api.create({"names": [{"givenName": "Second"}]})
    query = [
        ("resourceNames", second["resourceName"]),
        ("resourceNames", first["resourceName"]),
        ("personFields", "names"),
        ("sources", "READ_SOURCE_TYPE_CONTACT"),
        ("sources", "READ_SOURCE_TYPE_PROFILE"),
    ]
    found = api.call("GET", "/v1/people:batchGet", params=query)
    assert [r["requestedResourceName"] for r in found["responses"]] == [
        second["resourceName"],
        first["resourceName"],
    ]
    assert [r["person"]["names"][0]["givenName"] for r in found["responses"]] == [
        "Second",
        "First",
    ]


@pytest.mark.parametrize(
    "standard",
    [
        {"alt": "json"},
        {"$.xgafv": "2"},
        {"$.xgafv": "1"},
        {"prettyPrint": "false"},
        {"prettyPrint": "true"},
        {"key": "AIzaSyEmulatorKey000000000000000000000"},
        {"quotaUser": "conformance-suite"},
        {"fields": "resourceName,etag,names"},
        {
            "alt": "json",
            "$.xgafv": "2",
            "prettyPrint": "false",
            "key": "AIzaSyEmulatorKey000000000000000000000",
            "quotaUser": "q",
        },
    ],
)
def test_standard_parameters_are_accepted(api: Api, standard: dict[str, str]) -> None:
    created = api.create(ada())
    got = api.call(
        "GET", f"/v1/{created['resourceName']}", params={"personFields": "names", **standard}
    )
    assert got["names"] == created["names"]


def test_pretty_print_is_the_default_and_can_be_turned_off(api: Api) -> None:
    created = api.create(ada())
    path = f"/v1/{created['resourceName']}"
    pretty = api.http.get(path, params={"personFields": "names"})
    compact = api.http.get(path, params={"personFields": "names", "prettyPrint": "false"})
    assert pretty.json() == compact.json()
    assert b"\n" in pretty.content
    assert b"\n" not in compact.content.strip()


def test_fields_selects_a_partial_response(api: Api) -> None:
    # Google applies the `fields` selector to every JSON response (system parameter).
    created = api.create(ada())
    got = api.call(
        "GET",
        f"/v1/{created['resourceName']}",
        params={"personFields": "names,emailAddresses", "fields": "resourceName,etag"},
    )
    assert got == {"resourceName": created["resourceName"], "etag": created["etag"]}
    page = api.call(
        "GET",
        "/v1/people/me/connections",
        params={"personFields": "names", "pageSize": 2, "fields": "connections(resourceName)"},
    )
    assert set(page) == {"connections"}
    assert all(set(p) == {"resourceName"} for p in page["connections"])


def test_an_unknown_query_parameter_is_rejected(api: Api) -> None:
    created = api.create(ada())
    error = api.error(
        "GET", f"/v1/{created['resourceName']}", 400, params={"personFeilds": "names"}
    )
    assert error["status"] == "INVALID_ARGUMENT"
    assert 'Unknown name "personFeilds"' in error["message"]


def test_an_unknown_body_field_is_rejected(api: Api) -> None:
    error = api.error(
        "POST",
        "/v1/people:createContact",
        400,
        params={"personFields": "names"},
        body={"names": [{"givenName": "Typo"}], "nickNames": [{"value": "x"}]},
    )
    assert error["status"] == "INVALID_ARGUMENT"
    assert 'Unknown name "nickNames"' in error["message"]


def test_a_body_that_is_not_json_is_rejected(api: Api) -> None:
    response = api.http.post(
        "/v1/people:createContact",
        params={"personFields": "names"},
        content=b"{names: [",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["status"] == "INVALID_ARGUMENT"


def _error(response: httpx.Response) -> dict[str, Any]:
    error: dict[str, Any] = response.json()["error"]
    return error


def test_a_request_without_a_token_is_unauthenticated(
    serve: Callable[..., Api], emulator: Emulator
) -> None:
    anonymous = serve(emulator, token="")
    response = anonymous.http.get("/v1/people/me/connections", params={"personFields": "names"})
    assert response.status_code == 401
    assert _error(response)["status"] == "UNAUTHENTICATED"
    assert _error(response)["message"] == MISSING_CREDENTIALS_MESSAGE
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_an_unknown_token_is_unauthenticated(serve: Callable[..., Api], emulator: Emulator) -> None:
    stranger = serve(emulator, token="ya29.not-a-token-the-emulator-issued")
    response = stranger.http.get("/v1/people/me/connections", params={"personFields": "names"})
    assert response.status_code == 401
    assert _error(response)["status"] == "UNAUTHENTICATED"
    assert _error(response)["message"] == UNAUTHENTICATED_MESSAGE


def test_a_minted_token_expires_with_the_emulator_clock(
    serve: Callable[..., Api], emulator: Emulator
) -> None:
    token = emulator.tokens.issue_access_token(emulator.account, ttl=60)
    client = serve(emulator, token=token)
    params = {"personFields": "names"}
    client.call("GET", "/v1/people/me/connections", params=params)
    emulator.clock.advance(59)
    client.call("GET", "/v1/people/me/connections", params=params)
    emulator.clock.advance(2)
    error = client.error("GET", "/v1/people/me/connections", 401, params=params)
    assert error["status"] == "UNAUTHENTICATED"
    reasons = [d.get("reason") for d in error.get("details", [])]
    assert reasons == ["ACCESS_TOKEN_EXPIRED"]


def test_every_error_is_json_even_for_a_raw_client(
    serve: Callable[..., Api], emulator: Emulator
) -> None:
    api = serve(emulator)
    with httpx.Client(base_url=api.base_url, event_hooks={"response": [check_response]}) as raw:
        response = raw.delete("/v1/people/c1:deleteContact")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/json")


# Google's JSON/query transcoder rejects a value that does not parse as the field's declared type
# with "Invalid value at '<proto field path>' (<type>), <value>" (a widely logged message, e.g.
# "Invalid value at 'page_size' (TYPE_INT32), \"undefined\"").
@pytest.mark.parametrize(
    ("params", "body", "message"),
    [
        ({"sortOrder": "BOGUS"}, None, "Invalid value at 'sort_order'"),
        ({"pageSize": "abc"}, None, "Invalid value at 'page_size' (TYPE_INT32)"),
        ({"requestSyncToken": "maybe"}, None, "Invalid value at 'request_sync_token' (TYPE_BOOL)"),
        (
            None,
            {"biographies": [{"value": "x", "contentType": "TEXT_MARKDOWN"}]},
            "Invalid value at 'person.biographies[0].content_type'",
        ),
        (None, {"names": [{"givenName": 5}]}, "Invalid value at 'person.names[0].given_name'"),
        (None, {"names": {"givenName": "x"}}, "Invalid value at 'person.names'"),
    ],
)
def test_values_of_the_wrong_type_are_rejected(
    api: Api, params: dict[str, str] | None, body: dict[str, Any] | None, message: str
) -> None:
    if body is None:
        error = api.error(
            "GET", "/v1/people/me/connections", 400, params={"personFields": "names", **params}
        )
    else:
        error = api.error(
            "POST", "/v1/people:createContact", 400, params={"personFields": "names"}, body=body
        )
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"].startswith(message)
