"""One HTTP exchange with the People API: send, log, and turn failures into typed errors.

Logging is at debug level on the ``peopletui.api`` logger: the method, the URL path and the
status, never a query value (tokens, search text), a header or a body.
"""

from __future__ import annotations

import email.utils
import json
import logging
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from .errors import FailedRequest, PeopleApiError, error_from_response, error_from_transport
from .params import QueryParams

logger = logging.getLogger("peopletui.api")

GOOGLE_BASE_URL = "https://people.googleapis.com"
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=60.0, write=60.0, pool=30.0)
# Keep-alive: one account's requests are sequential writes plus a few concurrent reads.
DEFAULT_LIMITS = httpx.Limits(max_connections=8, max_keepalive_connections=4, keepalive_expiry=90)


@dataclass(frozen=True)
class ApiResponse:
    """A successful answer: the decoded JSON body and the server's clock, if it sent a Date."""

    body: dict[str, Any]
    server_time: datetime | None


def _server_time(response: httpx.Response) -> datetime | None:
    header = response.headers.get("date")
    if not header:
        return None
    try:
        return email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None


async def exchange(
    http: httpx.AsyncClient,
    method_id: str,
    http_method: str,
    path: str,
    *,
    params: QueryParams | None = None,
    body: dict[str, Any] | None = None,
) -> ApiResponse:
    """Send one request; return its JSON or raise the matching `PeopleApiError`."""
    # Google pretty-prints JSON unless told not to: compact bodies are a third smaller and parse
    # faster, which matters on a 25-page full sync.
    query = (*(params or ()), ("prettyPrint", "false"))
    request = http.build_request(http_method, path, params=query, json=body)
    started = time.perf_counter()
    try:
        response = await http.send(request)
    except httpx.TransportError as exc:
        logger.debug("%s %s -> %s", http_method, request.url.path, type(exc).__name__)
        raise error_from_transport(exc, request) from exc
    elapsed_ms = (time.perf_counter() - started) * 1000
    logger.debug(
        "%s %s -> %d (%.0f ms)", http_method, request.url.path, response.status_code, elapsed_ms
    )
    if not response.is_success:
        raise error_from_response(response, method_id=method_id)
    if not response.content:
        return ApiResponse({}, _server_time(response))
    try:
        decoded = json.loads(response.content)
    except ValueError:
        decoded = None
    if not isinstance(decoded, dict):
        raise PeopleApiError(
            "the server answered with something other than a JSON object",
            status_code=response.status_code,
            request=FailedRequest.from_httpx(response.request),
        )
    return ApiResponse(decoded, _server_time(response))
