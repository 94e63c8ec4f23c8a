"""Fixtures for the API client tests: a real emulator behind its in-process transport.

Retries use tiny delays so that fault runs take seconds, not minutes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from peopletui.api import PeopleClient, RetryPolicy, StaticTokenAuth

if TYPE_CHECKING:
    from peopletui.emulator import Emulator

FAST_RETRIES = RetryPolicy(max_attempts=12, base_delay=0.0005, max_delay=0.004, deadline=60.0)


class RecordingTransport(httpx.AsyncBaseTransport):
    """Passes requests to the emulator's transport and keeps them, to check the wire format."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        # A snapshot: the auth flow re-sends the same Request object with new headers.
        body = await request.aread()
        self.requests.append(
            httpx.Request(request.method, request.url, headers=request.headers.copy(), content=body)
        )
        return await self.inner.handle_async_request(request)

    def api_requests(self, verb: str | None = None) -> list[httpx.Request]:
        return [
            r
            for r in self.requests
            if r.url.path.startswith("/v1/") and (verb is None or verb in r.url.path)
        ]


@pytest.fixture
def make_emulator() -> Callable[..., Emulator]:
    from peopletui.emulator import Emulator

    def make(**options: Any) -> Emulator:
        options.setdefault("contacts", 12)
        options.setdefault("seed", 3)
        return Emulator(**options)

    return make


@pytest.fixture
def emulator(make_emulator: Callable[..., Emulator]) -> Emulator:
    return make_emulator()


@pytest.fixture
async def connect() -> AsyncIterator[Callable[..., tuple[PeopleClient, RecordingTransport]]]:
    """Open clients on emulators (closed after the test): `connect(emulator, token=..., ...)`."""
    from peopletui.emulator import IN_PROCESS_URL

    opened: list[PeopleClient] = []

    def open_client(
        emulator: Emulator,
        *,
        auth: httpx.Auth | None = None,
        retry: RetryPolicy = FAST_RETRIES,
        base_url: str | None = None,
    ) -> tuple[PeopleClient, RecordingTransport]:
        """In-process by default; with `base_url` (a loopback server) over real sockets."""
        inner = emulator.transport() if base_url is None else httpx.AsyncHTTPTransport()
        transport = RecordingTransport(inner)
        client = PeopleClient(
            base_url or IN_PROCESS_URL,
            auth=auth or StaticTokenAuth(emulator.token),
            transport=transport,
            retry=retry,
        )
        opened.append(client)
        return client, transport

    yield open_client
    for client in opened:
        await client.aclose()


@pytest.fixture
def wired(
    emulator: Emulator, connect: Callable[..., tuple[PeopleClient, RecordingTransport]]
) -> tuple[PeopleClient, RecordingTransport]:
    return connect(emulator)


@pytest.fixture
def client(wired: tuple[PeopleClient, RecordingTransport]) -> PeopleClient:
    return wired[0]
