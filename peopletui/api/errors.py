"""Typed errors built from Google's error envelope.

Google answers a failed call with ``{"error": {"code", "message", "status", "details": [...]}}``.
Callers branch on the exception type, never on message text. The mapping below looks at the HTTP
code, Google's canonical ``status`` and the ``ErrorInfo`` reason in ``details``; it falls back to
the message only where Google gives nothing else to go on:

- a stale etag is ``400 FAILED_PRECONDITION`` with no reason in ``details``, so on the two update
  methods that status means `EtagConflict` (the only precondition an update has);
- a missing etag is ``400 INVALID_ARGUMENT`` "Request must set person.etag ..." with no reason
  either, so on an update an INVALID_ARGUMENT whose message names the etag is `EtagConflict`;
- "Must be a G Suite domain user." (directory methods on a consumer account) is
  ``400 FAILED_PRECONDITION`` with no reason, so on the directory methods that status means
  `NotWorkspaceAccount`.

Every error keeps the request that failed with credentials redacted, and its text never contains
the bearer token (or any other credential the request carried).
"""

from __future__ import annotations

import email.utils
import json
import time
from dataclasses import dataclass
from typing import Any

import httpx

from .redact import redact_headers, redact_url, request_secrets, scrub

ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo"
RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo"

_UPDATE_METHODS = frozenset({"updateContact", "batchUpdateContacts"})
_DIRECTORY_METHODS = frozenset({"listDirectoryPeople", "searchDirectoryPeople"})


@dataclass(frozen=True)
class FailedRequest:
    """The request behind an error, safe to log: no credential survives in it."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...]

    @classmethod
    def from_httpx(cls, request: httpx.Request) -> FailedRequest:
        return cls(request.method, redact_url(request.url), redact_headers(request.headers))


class PeopleApiError(Exception):
    """A People API call failed.

    ``status_code`` is the HTTP status (None when no response arrived), ``status`` Google's
    canonical status such as ``"FAILED_PRECONDITION"``, ``reason`` the ``ErrorInfo`` reason if
    Google sent one, ``details`` the raw ``details`` list and ``request`` the redacted request.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        status: str = "",
        reason: str | None = None,
        details: list[dict[str, Any]] | None = None,
        request: FailedRequest | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.status = status
        self.reason = reason
        self.details = details or []
        self.request = request

    def __str__(self) -> str:
        parts = [str(self.status_code)] if self.status_code is not None else []
        parts += [self.status] if self.status else []
        where = f" [{self.request.method} {self.request.url}]" if self.request else ""
        prefix = " ".join(parts)
        return f"{prefix}: {self.message}{where}" if prefix else f"{self.message}{where}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code!r}, status={self.status!r}, "
            f"reason={self.reason!r}, message={self.message!r}, request={self.request!r})"
        )


class BadRequest(PeopleApiError):
    """400: the request was invalid (bad mask, bad field value, refused photo, ...)."""


class EtagConflict(BadRequest):
    """400 on an update: the etag sent was stale (someone changed the contact) or missing."""


class SyncTokenExpired(BadRequest):
    """400 with ErrorInfo reason EXPIRED_SYNC_TOKEN: drop the token and do a full sync."""


class NotWorkspaceAccount(BadRequest):
    """400 "Must be a G Suite domain user.": the directory needs a Google Workspace account."""


class Unauthenticated(PeopleApiError):
    """401: the access token is missing, expired or revoked (after one refresh was tried)."""


class PermissionDenied(PeopleApiError):
    """403: the token lacks the scope, or the API is disabled for the project."""


class NotFound(PeopleApiError):
    """404: no such person or contact."""


class RateLimited(PeopleApiError):
    """429: a quota was exceeded. ``retry_after`` is the wait Google asked for, in seconds."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(PeopleApiError):
    """5xx: Google failed; the request may or may not have been carried out."""


class TransportError(PeopleApiError):
    """No (complete) response: connection refused or dropped, or a timeout.

    ``maybe_processed`` is False only when the request certainly never reached the server
    (the connection could not be opened), so any request may be sent again. ``timed_out`` tells
    a timeout from a refused or dropped connection.
    """

    def __init__(
        self, message: str, *, maybe_processed: bool, timed_out: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(message, **kwargs)
        self.maybe_processed = maybe_processed
        self.timed_out = timed_out


_BY_STATUS_CODE: dict[int, type[PeopleApiError]] = {
    400: BadRequest,
    401: Unauthenticated,
    403: PermissionDenied,
    404: NotFound,
    429: RateLimited,
}


def _envelope(response: httpx.Response) -> dict[str, Any]:
    try:
        body = json.loads(response.content)
    except ValueError:
        return {}
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else {}


def _error_info_reason(details: list[dict[str, Any]]) -> str | None:
    for detail in details:
        if detail.get("@type") == ERROR_INFO and isinstance(detail.get("reason"), str):
            return str(detail["reason"])
    return None


def _seconds(text: str) -> float | None:
    try:
        return max(0.0, float(text))
    except ValueError:
        return None


def retry_after_seconds(response: httpx.Response, details: list[dict[str, Any]]) -> float | None:
    """The wait asked for by a Retry-After header (seconds or HTTP date) or a RetryInfo detail."""
    header = response.headers.get("retry-after")
    if header:
        seconds = _seconds(header)
        if seconds is not None:
            return seconds
        try:
            when = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError):
            when = None
        if when is not None:
            return max(0.0, when.timestamp() - time.time())
    for detail in details:
        delay = detail.get("retryDelay")
        if detail.get("@type") == RETRY_INFO and isinstance(delay, str):
            return _seconds(delay.removesuffix("s"))
    return None


def _error_class(
    status_code: int, status: str, reason: str | None, message: str, method_id: str
) -> type[PeopleApiError]:
    if reason == "EXPIRED_SYNC_TOKEN":
        return SyncTokenExpired
    if status_code == 400 and method_id in _UPDATE_METHODS:
        if status == "FAILED_PRECONDITION":
            return EtagConflict
        if status == "INVALID_ARGUMENT" and "etag" in message.lower():
            return EtagConflict
    if status_code == 400 and status == "FAILED_PRECONDITION" and method_id in _DIRECTORY_METHODS:
        return NotWorkspaceAccount
    if status_code == 403 and reason in {"RATE_LIMIT_EXCEEDED", "RESOURCE_EXHAUSTED"}:
        return RateLimited
    if status_code >= 500:
        return ServerError
    return _BY_STATUS_CODE.get(status_code, PeopleApiError)


def error_from_response(response: httpx.Response, *, method_id: str) -> PeopleApiError:
    """The typed error for a non-2xx response to the People API method `method_id`."""
    error = _envelope(response)
    secrets = request_secrets(response.request)
    status_code = response.status_code
    status = str(error.get("status") or "")
    raw_details = error.get("details")
    details = (
        [d for d in raw_details if isinstance(d, dict)] if isinstance(raw_details, list) else []
    )
    reason = _error_info_reason(details)
    message = scrub(str(error.get("message") or response.reason_phrase or "error"), secrets)
    cls = _error_class(status_code, status, reason, message, method_id)
    kwargs: dict[str, Any] = {
        "status_code": status_code,
        "status": status,
        "reason": reason,
        "details": json.loads(scrub(json.dumps(details), secrets)) if details else [],
        "request": FailedRequest.from_httpx(response.request),
    }
    if cls is RateLimited:
        return RateLimited(message, retry_after=retry_after_seconds(response, details), **kwargs)
    return cls(message, **kwargs)


def error_from_transport(exc: httpx.TransportError, request: httpx.Request) -> TransportError:
    """The typed error for a request that got no response."""
    # Only a connection that never opened proves the server never saw the request.
    never_sent = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return TransportError(
        scrub(text, request_secrets(request)),
        maybe_processed=not never_sent,
        timed_out=isinstance(exc, httpx.TimeoutException),
        request=FailedRequest.from_httpx(request),
    )
