"""Helpers for the sign-in tests.

- Playing the browser: the emulator's authorization endpoint consents at once (there is no person
  to ask), so a browser is one GET that answers 302 to the app's loopback redirect URI.
- `MemoryKeyring`: the desktop keyring is the one thing mocked in these tests (it cannot run in
  most test environments; the real Secret Service has its own test in test_secret_service.py).
  It is a real `keyring` backend class that keeps entries in a dict, and can act locked or hung.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

from peopletui.auth import (
    OAuthClient,
    OpenUrl,
    SignInEvent,
    SignInFlow,
    StoredToken,
    TokenClient,
    TokenStore,
    WaitingForRedirect,
    requested_scopes,
)

if TYPE_CHECKING:
    from peopletui.emulator import Emulator

# The emulator's in-process base URL (peopletui.emulator.IN_PROCESS_URL).
EMULATOR_URL = "https://people.emulator.invalid"
CLIENT_ID = "1234567890-peopletui.apps.googleusercontent.com"
CLIENT_SECRET = "GOCSPX-test-client-secret"


class MemoryKeyring(KeyringBackend):
    """A keyring backend in a dict (stands in for the desktop keyring, which tests cannot use)."""

    priority = 5  # type: ignore[assignment]  # ranks like a real OS keyring

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.locked = False
        self.hang = threading.Event()
        """Set `hanging` to make every call block until `hang` is set (a stuck Secret Service)."""
        self.hanging = False

    def _gate(self) -> None:
        if self.hanging:
            self.hang.wait()
        if self.locked:
            raise KeyringLocked("Failed to unlock the collection!")

    def get_password(self, service: str, username: str) -> str | None:
        self._gate()
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._gate()
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._gate()
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password!")


class CountingTransport(httpx.AsyncBaseTransport):
    """The emulator's transport, counting requests per path (to count token-endpoint calls)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.calls: Counter[str] = Counter()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.calls[request.url.path] += 1
        return await self.inner.handle_async_request(request)


def write_client_file(folder: Path, document: object | None = None) -> Path:
    path = folder / "client_secret_test.apps.googleusercontent.com.json"
    installed = {
        "client_id": CLIENT_ID,
        "project_id": "peopletui-test",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        "client_secret": CLIENT_SECRET,
        "redirect_uris": ["http://localhost"],
    }
    path.write_text(json.dumps(document if document is not None else {"installed": installed}))
    return path


async def consent(emulator_http: httpx.AsyncClient, authorization_url: str) -> str:
    """The redirect (``http://127.0.0.1:PORT/?state=…&code=…``) the emulator answers with."""
    response = await emulator_http.get(authorization_url, follow_redirects=False)
    assert response.status_code == 302, response.text
    return response.headers["location"]


def consent_sync(emulator_http: httpx.Client, authorization_url: str) -> str:
    response = emulator_http.get(authorization_url, follow_redirects=False)
    assert response.status_code == 302, response.text
    return response.headers["location"]


def with_param(url: str, **changes: str) -> str:
    """``url`` with query parameters replaced (a forged or stale redirect)."""
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    query.update(changes)
    return urlunsplit(parts._replace(query=urlencode(query)))


def url_after(marker: str, text: str) -> str:
    """The first URL printed after ``marker`` in a command's output."""
    tail = text.split(marker, 1)[1]
    return next(word for word in tail.split() if word.startswith("http"))


async def sign_in(
    emulator: Emulator,
    token_client: TokenClient,
    store: TokenStore,
    *,
    login_hint: str | None = None,
) -> StoredToken:
    """A whole real sign-in (loopback listener, emulator consent), the test playing the browser."""
    waiting = asyncio.Event()
    urls: list[str] = []

    def on_event(event: SignInEvent) -> None:
        if isinstance(event, OpenUrl):
            urls.append(event.url)
        elif isinstance(event, WaitingForRedirect):
            waiting.set()

    flow = SignInFlow(
        OAuthClient(CLIENT_ID, CLIENT_SECRET),
        token_client=token_client,
        store=store,
        scopes=requested_scopes(),
        login_hint=login_hint,
        on_event=on_event,
    )
    task = asyncio.create_task(flow.with_browser(open_browser=None))
    await waiting.wait()
    async with httpx.AsyncClient(transport=emulator.transport()) as at_emulator:
        redirect = await consent(at_emulator, urls[0])
    async with httpx.AsyncClient() as loopback:
        assert (await loopback.get(redirect)).status_code == 200
    return await task
