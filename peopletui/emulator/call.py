"""What every method handler receives, and the request checks several of them share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .body import decode_message, parse_json, payload_error
from .clock import Clock
from .errors import ApiError
from .jsonout import RawJson
from .params import READ_SOURCE_TYPES, QueryParams
from .persons import PersonWriter
from .routing import Route
from .rules import READABLE_FIELDS, parse_mask
from .store import Account, EmulatorState, Record
from .tokens import AccessGrant
from .wire import WireRequest

DEFAULT_READ_SOURCES = frozenset({"READ_SOURCE_TYPE_CONTACT", "READ_SOURCE_TYPE_PROFILE"})


@dataclass
class Services:
    state: EmulatorState
    writer: PersonWriter
    clock: Clock
    sync_token_max_age: float


@dataclass
class Call:
    route: Route
    request: WireRequest
    params: QueryParams
    grant: AccessGrant
    account: Account
    services: Services

    def body(self, schema: str, path: str) -> dict[str, Any]:
        """The JSON body decoded as ``schema`` (``path`` names it in errors: ``person``/``""``)."""
        return decode_message(parse_json(self.request.body), schema, path)

    def person_mask(self, *, required: bool) -> tuple[str, ...] | None:
        """``personFields``, or the legacy ``requestMask.includeField`` (``person.names``)."""
        mask = parse_mask(
            self.params.text("personFields"), "personFields", READABLE_FIELDS, required=False
        )
        if mask is None:
            mask = parse_mask(
                self.params.text("requestMask.includeField"),
                "requestMask.includeField",
                READABLE_FIELDS,
                required=False,
                prefix="person.",
            )
        if mask is None and required:
            return parse_mask(None, "personFields", READABLE_FIELDS, required=True)
        return mask

    def read_sources(self, default: frozenset[str] = DEFAULT_READ_SOURCES) -> frozenset[str]:
        chosen = set(self.params.enums("sources", READ_SOURCE_TYPES))
        chosen.discard("READ_SOURCE_TYPE_UNSPECIFIED")
        return frozenset(chosen) or default

    def render(self, record: Record, mask: tuple[str, ...]) -> RawJson:
        return self.services.writer.person(record, mask, region=self.account.region)


def page_size(params: QueryParams, *, default: int, maximum: int, cap: bool = False) -> int:
    """``pageSize``: 0 or unset means ``default``; above ``maximum`` is refused, or capped when
    ``cap`` (searchContacts caps at 30 silently); negative is refused."""
    size = params.int32("pageSize")
    if size == 0:
        return default
    if size < 0 or (size > maximum and not cap):
        raise payload_error("Request contains an invalid argument.", "page_size")
    return min(size, maximum)


def contact_id(resource_name: str) -> str:
    """``people/c123`` → ``c123``; any other form of name is 400 INVALID_ARGUMENT."""
    rid = resource_name.removeprefix("people/")
    if resource_name.startswith("people/") and rid[:1] == "c" and rid[1:].isdigit():
        return rid
    raise payload_error("Request contains an invalid argument.", "resource_name")


def batch_limit(count: int, limit: int, field: str) -> None:
    if count == 0:
        raise payload_error("Request contains an invalid argument.", field)
    if count > limit:
        raise ApiError(
            "INVALID_ARGUMENT",
            f"Too many {field} in the request: {count}. The maximum is {limit}.",
        )
