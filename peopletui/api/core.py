"""The plumbing every PeopleClient method shares: the HTTP client, retries, tag look-ups."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx

from . import optags
from .http import DEFAULT_LIMITS, DEFAULT_TIMEOUT, GOOGLE_BASE_URL, ApiResponse, exchange
from .params import Query
from .recovery import find_created
from .retry import Retrier, RetryPolicy, RetryStats

USER_AGENT = "peopletui/0.1 (+httpx)"
ME = "people/me"

JsonObject = dict[str, Any]
S = TypeVar("S", bound=str)


def as_names(fields: Iterable[S] | None) -> frozenset[S] | None:
    """Materialise a mask or list argument once (it may be a generator), refusing a string."""
    if fields is None:
        return None
    if isinstance(fields, str):
        raise TypeError("expected an iterable of names, not a string")
    return frozenset(fields)


class ClientCore:
    """The long-lived HTTP client of one account, and how requests are sent and retried.

    `base_url` is Google's by default; pass the emulator's for the demo and tests. `auth` adds
    the bearer token (see `auth.py`); `transport` replaces the network (the emulator's
    in-process transport in tests). `retry` sets the retry limits; `retry_stats` counts what was
    survived.
    """

    def __init__(
        self,
        base_url: str = GOOGLE_BASE_URL,
        *,
        auth: httpx.Auth | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        limits: httpx.Limits = DEFAULT_LIMITS,
        retry: RetryPolicy | None = None,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._http = httpx.AsyncClient(
            base_url=base_url,
            auth=auth,
            transport=transport,
            timeout=timeout,
            limits=limits,
            headers={"User-Agent": user_agent, "Accept": "application/json"},
        )
        self.retry_stats = RetryStats()
        self._retrier = Retrier(retry or RetryPolicy(), self.retry_stats, sleep=sleep)

    @property
    def base_url(self) -> str:
        return str(self._http.base_url)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    # -- plumbing ---------------------------------------------------------------------------

    async def _send(
        self, method_id: str, http_method: str, path: str, query: Query, body: JsonObject | None
    ) -> ApiResponse:
        return await exchange(
            self._http, method_id, http_method, path, params=query.items, body=body
        )

    async def _read(self, method_id: str, path: str, query: Query) -> JsonObject:
        async def attempt(_uncertain: bool) -> JsonObject:
            return (await self._send(method_id, "GET", path, query, None)).body

        return optags.strip_tags(await self._retrier.run(attempt, repeatable=True))

    async def _write(
        self, method_id: str, http_method: str, path: str, query: Query, body: JsonObject | None
    ) -> JsonObject:
        """A write that is safe to send twice as is (photo updates)."""

        async def attempt(_uncertain: bool) -> JsonObject:
            return (await self._send(method_id, http_method, path, query, body)).body

        return optags.strip_tags(await self._retrier.run(attempt, repeatable=True))

    async def _find_created(self, op_ids: Iterable[str], started: float) -> dict[str, str]:
        async def fetch_page(token: str | None, size: int) -> tuple[JsonObject, datetime | None]:
            query = (
                Query()
                .mask("personFields", ["clientData", "metadata"])
                .number("pageSize", size)
                .text("pageToken", token)
                .text("sortOrder", "LAST_MODIFIED_DESCENDING")
            )

            async def attempt(_uncertain: bool) -> ApiResponse:
                return await self._send(
                    "connections.list", "GET", f"/v1/{ME}/connections", query, None
                )

            response = await self._retrier.run(attempt, repeatable=True)
            return response.body, response.server_time

        return await find_created(fetch_page, list(op_ids), elapsed=time.monotonic() - started)
