"""A loopback `peopletui emulator` whose People API and OAuth server are both real, counted per
request, and a `SignInUi` that plays the user of a paste-mode sign-in (opens the address at the
emulator's consent page, pastes back where the browser ends).

For tests of what happens when the token endpoint refuses the refresh token, through the app's
own `OAuthConnector` with the real file token store (no keyring to replace)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from peopletui.emulator import Emulator, serve_in_thread
from peopletui.emulator.wire import WireRequest, WireResponse


class CountingServer:
    """What the loopback server serves: the emulator, with every answer counted by status and
    ``"METHOD /path"`` (``(200, "PATCH /v1/people%2Fc1:updateContact")``)."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        self.calls: Counter[tuple[int, str]] = Counter()

    @property
    def public_url(self) -> str:
        return self.emulator.public_url

    @public_url.setter
    def public_url(self, url: str) -> None:
        self.emulator.public_url = url

    def handle(self, request: WireRequest) -> WireResponse:
        response = self.emulator.handle(request)
        self.calls[response.status, f"{request.method} {request.raw_path}"] += 1
        return response

    def count(self, fragment: str, status: int | None = 200) -> int:
        """Answers with ``status`` (any, for None) to requests whose ``"METHOD /path"``
        contains ``fragment``."""
        return sum(
            n
            for (answered, call), n in self.calls.items()
            if fragment in call and status in (None, answered)
        )


@contextmanager
def served(emulator: Emulator) -> Iterator[tuple[CountingServer, str]]:
    counting = CountingServer(emulator)
    with serve_in_thread(counting) as url:
        yield counting, url


async def browser_redirect(authorization_url: str) -> str:
    """The browser: Google's (the emulator's) consent page answers with a redirect to the app's
    loopback listener; the address it ends on."""
    async with httpx.AsyncClient() as browser:
        response = await browser.get(authorization_url, follow_redirects=False)
    assert response.status_code == 302, response.text
    return response.headers["location"]


class PastingUser:
    """A `SignInUi` for a paste-mode sign-in: it consents in the "browser" and pastes back the
    address the browser ended on; writes down the warnings it was shown."""

    def __init__(self) -> None:
        self.url: str | None = None
        self.warnings: list[str] = []

    def show_url(self, url: str) -> None:
        self.url = url

    def show_browser_opened(self, opened: bool) -> None:
        pass

    def show_waiting(self, redirect_uri: str, *, paste: bool) -> None:
        pass

    def show_refused(self, reason: str) -> None:
        raise AssertionError(f"the sign-in refused the redirect: {reason}")

    def show_warning(self, text: str) -> None:
        self.warnings.append(text)

    async def read_redirect(self) -> str:
        assert self.url is not None, "the flow asked for the redirect before showing the address"
        return await browser_redirect(self.url)
