"""Google's JSON error envelope, as the emulator sends it.

``{"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT", "details": [...]}}``
(see tests/reference/recorded/*/error/). ``details`` is omitted when empty, as Google does.
"""

from __future__ import annotations

from typing import Any

from .wire import WireResponse

ERROR_INFO_TYPE = "type.googleapis.com/google.rpc.ErrorInfo"
BAD_REQUEST_TYPE = "type.googleapis.com/google.rpc.BadRequest"

_CODES = {
    "INVALID_ARGUMENT": 400,
    "FAILED_PRECONDITION": 400,
    "OUT_OF_RANGE": 400,
    "UNAUTHENTICATED": 401,
    "PERMISSION_DENIED": 403,
    "NOT_FOUND": 404,
    "ABORTED": 409,
    "ALREADY_EXISTS": 409,
    "RESOURCE_EXHAUSTED": 429,
    "INTERNAL": 500,
    "UNIMPLEMENTED": 501,
    "UNAVAILABLE": 503,
    "DEADLINE_EXCEEDED": 504,
}


class ApiError(Exception):
    """Raised anywhere inside the emulator core; the dispatcher turns it into the envelope."""

    def __init__(
        self,
        status: str,
        message: str,
        *,
        details: list[dict[str, Any]] | None = None,
        headers: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = _CODES[status]
        self.message = message
        self.details = details or []
        self.headers = headers or []

    def envelope(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message, "status": self.status}
        if self.details:
            error["details"] = self.details
        return {"error": error}

    def to_response(self, *, pretty: bool = True) -> WireResponse:
        response = WireResponse.json(self.code, self.envelope(), pretty=pretty)
        response.headers.extend(self.headers)
        return response


def error_info(reason: str, domain: str, **metadata: str) -> dict[str, Any]:
    detail: dict[str, Any] = {"@type": ERROR_INFO_TYPE, "reason": reason, "domain": domain}
    if metadata:
        detail["metadata"] = metadata
    return detail


def invalid_argument(message: str = "Request contains an invalid argument.") -> ApiError:
    return ApiError("INVALID_ARGUMENT", message)


def not_found(message: str = "Requested entity was not found.") -> ApiError:
    return ApiError("NOT_FOUND", message)
