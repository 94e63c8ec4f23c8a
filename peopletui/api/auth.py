"""What the client expects from authentication: an `httpx.Auth` that adds a bearer token.

`PeopleClient` takes any `httpx.Auth`. Two are provided here:

- `StaticTokenAuth(token)` for the demo and ``PEOPLETUI_TOKEN``: one token, never refreshed.
- `RefreshingTokenAuth`, the abstract base the real OAuth auth (peopletui/auth) implements: it
  adds the current token, and when the server answers 401 it asks once for a fresh token (passing
  the one that was refused) and sends the request once more. A second 401 reaches the client,
  which raises `Unauthenticated`. When no token can be had at all (the refresh token was
  refused), the subclass raises `Unauthenticated` itself: callers meet one error for a dead
  sign-in, whichever way it showed.

Only the asynchronous flow is supported: the client is an `httpx.AsyncClient`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncGenerator, Generator

import httpx


class RefreshingTokenAuth(httpx.Auth, ABC):
    """Bearer auth that refreshes once on a 401. Subclasses say where tokens come from."""

    @abstractmethod
    async def current_token(self) -> str:
        """The access token to send now (refresh it first if it is about to expire)."""

    @abstractmethod
    async def refreshed_token(self, rejected: str) -> str | None:
        """A new access token after the server refused `rejected`, or None if there is none.

        Implementations should refresh only if `rejected` is still their current token, so that
        concurrent requests refused with the same token trigger a single refresh.
        """

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        raise RuntimeError("PeopleClient authentication is asynchronous only")

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = await self.current_token()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code != 401:
            return
        fresh = await self.refreshed_token(token)
        if fresh is None or fresh == token:
            return
        request.headers["Authorization"] = f"Bearer {fresh}"
        yield request


class StaticTokenAuth(RefreshingTokenAuth):
    """A fixed bearer token (the demo emulator's, or ``PEOPLETUI_TOKEN``); a 401 is final."""

    def __init__(self, token: str) -> None:
        self._token = token

    async def current_token(self) -> str:
        return self._token

    async def refreshed_token(self, rejected: str) -> str | None:
        return None

    def __repr__(self) -> str:  # never show the token
        return "StaticTokenAuth(token=REDACTED)"
