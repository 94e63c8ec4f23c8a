"""Google's error envelope becomes typed errors; no credential survives in an error's text.

The responses here are built from the envelopes Google sends (tests/reference/recorded/*/error/
and Google's documented shapes); the same mapping is exercised against the emulator in the
client tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from peopletui.api.errors import (
    BadRequest,
    EtagConflict,
    NotFound,
    NotWorkspaceAccount,
    PeopleApiError,
    PermissionDenied,
    RateLimited,
    ServerError,
    SyncTokenExpired,
    TransportError,
    Unauthenticated,
    error_from_response,
    error_from_transport,
)

RECORDED_ERRORS = Path(__file__).resolve().parents[1] / "reference" / "recorded"
TOKEN = "ya29.a0AfH6SMBx-secret-token-value"
URL = "https://people.googleapis.com/v1/people/c1:updateContact?updatePersonFields=names"


def _response(
    status_code: int,
    envelope: dict | None,
    *,
    url: str = URL,
    method: str = "PATCH",
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    request = httpx.Request(method, url, headers={"Authorization": f"Bearer {TOKEN}"})
    content = json.dumps(envelope).encode() if envelope is not None else b"<html>oops</html>"
    return httpx.Response(status_code, content=content, request=request, headers=headers)


def _recorded(name: str) -> dict:
    path = next(RECORDED_ERRORS.glob(f"*/error/{name}"))
    return json.loads(path.read_text(encoding="utf-8"))


def _error_info(reason: str) -> dict:
    return {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": reason}


def test_recorded_stale_etag_is_an_etag_conflict() -> None:
    error = error_from_response(
        _response(400, _recorded("contacts_stale_etag.json")), method_id="updateContact"
    )
    assert type(error) is EtagConflict
    assert isinstance(error, BadRequest)
    assert error.status_code == 400 and error.status == "FAILED_PRECONDITION"
    assert error.message.startswith("Request person.etag is different")


def test_missing_etag_on_update_is_an_etag_conflict() -> None:
    envelope = {
        "error": {
            "code": 400,
            "message": "Request must set person.etag or person.metadata.sources.etag for the "
            "source that is being updated.",
            "status": "INVALID_ARGUMENT",
        }
    }
    response = _response(400, envelope)
    assert type(error_from_response(response, method_id="updateContact")) is EtagConflict
    # The same status on another method is an ordinary bad request.
    assert type(error_from_response(response, method_id="createContact")) is BadRequest


def test_recorded_directory_precondition_is_not_a_workspace_account() -> None:
    response = _response(400, _recorded("contacts_directory_precondition.json"), method="GET")
    error = error_from_response(response, method_id="listDirectoryPeople")
    assert type(error) is NotWorkspaceAccount


def test_recorded_malformed_sync_token_is_a_bad_request() -> None:
    response = _response(400, _recorded("contacts_sync_token_invalid.json"), method="GET")
    assert type(error_from_response(response, method_id="connections.list")) is BadRequest


def test_expired_sync_token_is_recognised_by_its_reason() -> None:
    envelope = {
        "error": {
            "code": 400,
            "message": "Sync token is expired. Clear local cache and retry call without the "
            "sync token.",
            "status": "FAILED_PRECONDITION",
            "details": [_error_info("EXPIRED_SYNC_TOKEN")],
        }
    }
    error = error_from_response(_response(400, envelope), method_id="connections.list")
    assert type(error) is SyncTokenExpired
    assert error.reason == "EXPIRED_SYNC_TOKEN" and error.details == envelope["error"]["details"]


@pytest.mark.parametrize(
    ("status_code", "status", "expected"),
    [
        (401, "UNAUTHENTICATED", Unauthenticated),
        (403, "PERMISSION_DENIED", PermissionDenied),
        (404, "NOT_FOUND", NotFound),
        (429, "RESOURCE_EXHAUSTED", RateLimited),
        (500, "INTERNAL", ServerError),
        (503, "UNAVAILABLE", ServerError),
        (409, "ABORTED", PeopleApiError),
    ],
)
def test_status_codes_map_to_types(
    status_code: int, status: str, expected: type[PeopleApiError]
) -> None:
    envelope = {"error": {"code": status_code, "message": "m", "status": status}}
    error = error_from_response(_response(status_code, envelope), method_id="get")
    assert type(error) is expected


def test_rate_limited_carries_retry_after_from_header_or_retry_info() -> None:
    envelope = {"error": {"code": 429, "message": "slow", "status": "RESOURCE_EXHAUSTED"}}
    error = error_from_response(
        _response(429, envelope, headers={"Retry-After": "3"}), method_id="get"
    )
    assert isinstance(error, RateLimited) and error.retry_after == 3.0
    envelope["error"]["details"] = [
        {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "1.5s"}
    ]
    error = error_from_response(_response(429, envelope), method_id="get")
    assert isinstance(error, RateLimited) and error.retry_after == 1.5
    no_hint = {"error": {"code": 429, "message": "slow", "status": "RESOURCE_EXHAUSTED"}}
    error = error_from_response(_response(429, no_hint), method_id="get")
    assert isinstance(error, RateLimited) and error.retry_after is None


def test_403_quota_reason_is_rate_limited() -> None:
    envelope = {
        "error": {
            "code": 403,
            "message": "quota",
            "status": "PERMISSION_DENIED",
            "details": [_error_info("RATE_LIMIT_EXCEEDED")],
        }
    }
    assert type(error_from_response(_response(403, envelope), method_id="get")) is RateLimited


def test_a_non_json_error_body_still_gives_a_typed_error() -> None:
    error = error_from_response(_response(502, None), method_id="get")
    assert type(error) is ServerError and error.status_code == 502


def test_error_text_never_contains_the_token() -> None:
    leaky = {
        "error": {
            "code": 401,
            "message": f"Request had invalid authentication credentials: {TOKEN}",
            "status": "UNAUTHENTICATED",
            "details": [{"@type": "x", "echo": f"Bearer {TOKEN}"}],
        }
    }
    url = f"https://people.googleapis.com/v1/people/me?personFields=names&access_token={TOKEN}"
    error = error_from_response(_response(401, leaky, url=url, method="GET"), method_id="get")
    assert type(error) is Unauthenticated
    for text in (str(error), repr(error), repr(error.details), repr(error.request)):
        assert TOKEN not in text
    assert error.request is not None
    assert ("authorization", "REDACTED") in error.request.headers
    assert (
        "personFields=names" in error.request.url and "access_token=REDACTED" in error.request.url
    )


def test_transport_errors_say_whether_the_server_may_have_seen_the_request() -> None:
    request = httpx.Request("POST", "https://people.googleapis.com/v1/people:createContact")
    refused = error_from_transport(httpx.ConnectError("refused"), request)
    dropped = error_from_transport(httpx.RemoteProtocolError("disconnected"), request)
    timed_out = error_from_transport(httpx.ReadTimeout("slow"), request)
    assert isinstance(refused, TransportError) and not refused.maybe_processed
    assert dropped.maybe_processed and not dropped.timed_out
    assert timed_out.maybe_processed and timed_out.timed_out
