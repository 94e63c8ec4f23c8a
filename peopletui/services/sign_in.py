"""Signing in from the app: build a `SignInFlow` from the auth pieces and drive it for a screen.

The sign-in screen knows nothing of OAuth clients, keyrings or HTTP: it offers a `SignInUi` (show
this, ask for that) and calls a `SignInStarter`, which the app makes once from a `SignInSetup`:

    start = sign_in_starter(SignInSetup(open_store=partial(open_token_store, "keyring")),
                            login_hint=account)
    app.push_screen(SignInScreen(start, account=account, reason=reason), on_signed_in)

The flow's events become calls on the `SignInUi`, and every way it can fail becomes one
`SignInProblem` whose `kind` tells the screen which ways forward to offer. The token itself goes
straight into the token store; only the account's email comes back.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
import webbrowser
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Protocol

import httpx

from peopletui.auth import (
    AuthError,
    BrowserOpened,
    ClientSecretsError,
    KeyringProblem,
    OAuthClient,
    OAuthEndpoints,
    OpenUrl,
    RequestRefused,
    SignedIn,
    SignInEvent,
    SignInFlow,
    TokenClient,
    TokenEndpointUnreachable,
    TokenStore,
    WaitingForRedirect,
    find_client_secrets,
    load_client_secrets,
    open_token_store,
    requested_scopes,
)
from peopletui.auth.signin import BrowserOpener
from peopletui.auth.token_client import Clock
from peopletui.services.errors import ServiceError

# The token exchange is one small request; Google answers in well under a second, but a slow
# hotel network should not fail a sign-in the user just approved.
HTTP_TIMEOUT = httpx.Timeout(30.0)


class SignInMethod(StrEnum):
    BROWSER = "browser"
    """Open a browser here; the redirect comes back to a listener on 127.0.0.1."""
    PASTE = "paste"
    """Show the address only; the user pastes back the address the browser ended on (SSH)."""


def preferred_method(environ: Mapping[str, str] = os.environ) -> SignInMethod:
    """PASTE in an SSH session (a browser there would come back to the wrong machine's
    127.0.0.1), as `peopletui login` decides; BROWSER otherwise."""
    return SignInMethod.PASTE if environ.get("SSH_CONNECTION") else SignInMethod.BROWSER


class SignInUi(Protocol):
    """What the sign-in screen offers the flow. The show_* calls report progress; none blocks."""

    def show_url(self, url: str) -> None:
        """Google's consent page for this sign-in: show it so it can be opened or copied."""

    def show_browser_opened(self, opened: bool) -> None:
        """Whether a browser could be started on the URL."""

    def show_waiting(self, redirect_uri: str, *, paste: bool) -> None:
        """Waiting for the browser to come back to `redirect_uri` (or for a pasted address)."""

    def show_refused(self, reason: str) -> None:
        """A stray or wrong redirect (or pasted address) was turned away; still waiting."""

    def show_warning(self, text: str) -> None:
        """Something to tell the user that does not stop the sign-in."""

    async def read_redirect(self) -> str:
        """The address the user pasted (awaited again after each refused one)."""
        ...


class SignInProblemKind(StrEnum):
    KEYRING = "keyring"
    """No safe place to keep the token: the keyring is missing, locked or hung."""
    CLIENT_SECRETS = "client-secrets"
    """The user's OAuth client file is missing or unusable."""
    UNREACHABLE = "unreachable"
    """Google's sign-in servers could not be reached."""
    FAILED = "failed"
    """Google refused, consent was denied, or the Contacts permission was left unticked."""


class SignInProblem(ServiceError):
    """Why a sign-in stopped. `summary` is one sentence; `explanation` (may be empty) says more
    and names the ways forward. Neither holds a token."""

    def __init__(self, kind: SignInProblemKind, summary: str, explanation: str = "") -> None:
        super().__init__(summary)
        self.kind = kind
        self.summary = summary
        self.explanation = explanation


SignInStarter = Callable[[SignInUi, SignInMethod], Awaitable[str]]
"""Runs one sign-in for a screen and returns the signed-in account's email."""


def open_in_window(url: str) -> bool:
    """`webbrowser.open`, but never a text-mode browser (lynx, w3m…): one would take over the
    terminal the app is drawing on. False when there is no windowed browser to start: the screen
    then shows the address to open elsewhere."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return False
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    # Text-mode browsers (and a $BROWSER command) are GenericBrowsers that run in the terminal
    # and are waited for; windowed ones are BackgroundBrowsers or platform classes.
    if type(browser) is webbrowser.GenericBrowser:
        return False
    return bool(browser.open(url))


async def _keyring_store() -> TokenStore:
    return await open_token_store("keyring")


@dataclass(frozen=True)
class SignInSetup:
    """Where a sign-in goes and where its token is kept: built once by the app from its options
    (``--client-secrets``, ``--token-store``, ``--endpoint``, ``--readonly``)."""

    open_store: Callable[[], Awaitable[TokenStore]] = _keyring_store
    """Opens the token store (raises `KeyringProblem`); the app may hand in the one it has."""
    client_secrets: Path | None = None
    """The OAuth client file; None looks for ``client_secret*.json`` in the config folder."""
    endpoints: OAuthEndpoints = field(default_factory=OAuthEndpoints)
    transport: httpx.AsyncBaseTransport | None = None
    """For tests and ``--endpoint``: the emulator's transport instead of the network."""
    readonly: bool = False
    open_browser: BrowserOpener = open_in_window
    clock: Clock = time.time


def sign_in_starter(setup: SignInSetup, *, login_hint: str | None = None) -> SignInStarter:
    """The callable the sign-in screen runs, bound to `setup` and the expected account."""
    return partial(sign_in, setup, login_hint=login_hint)


async def sign_in(
    setup: SignInSetup,
    ui: SignInUi,
    method: SignInMethod,
    *,
    login_hint: str | None = None,
) -> str:
    """Sign in and store the token; return the account's email.

    Raises `SignInProblem` for every failure the user can act on. Cancel the task to give up:
    the loopback listener closes and nothing is stored.
    """
    try:
        client = await asyncio.to_thread(_load_client, setup.client_secrets)
        store = await setup.open_store()
        if store.warning:
            ui.show_warning(store.warning)
        async with httpx.AsyncClient(transport=setup.transport, timeout=HTTP_TIMEOUT) as http:
            flow = SignInFlow(
                client,
                token_client=TokenClient(http, setup.endpoints, clock=setup.clock),
                store=store,
                scopes=requested_scopes(readonly=setup.readonly),
                login_hint=login_hint,
                on_event=partial(_report, ui),
            )
            if method is SignInMethod.PASTE:
                token = await flow.with_pasted_redirect(ui.read_redirect)
            else:
                token = await flow.with_browser(setup.open_browser)
    except AuthError as error:
        raise _problem(error) from None
    return token.account


def _load_client(path: Path | None) -> OAuthClient:
    return load_client_secrets(path or find_client_secrets())


def _report(ui: SignInUi, event: SignInEvent) -> None:
    if isinstance(event, OpenUrl):
        ui.show_url(event.url)
    elif isinstance(event, BrowserOpened):
        ui.show_browser_opened(event.opened)
    elif isinstance(event, WaitingForRedirect):
        ui.show_waiting(event.redirect_uri, paste=event.paste)
    elif isinstance(event, RequestRefused):
        ui.show_refused(event.reason)
    elif isinstance(event, SignedIn) and event.missing_scopes:
        missing = ", ".join(sorted(event.missing_scopes))
        ui.show_warning(f"Not granted: {missing}. Features that need it stay off.")
    # SignInFailedEvent is followed by the exception itself, which `sign_in` turns into a problem.


def _problem(error: AuthError) -> SignInProblem:
    if isinstance(error, KeyringProblem):
        return SignInProblem(SignInProblemKind.KEYRING, error.summary, error.explanation)
    if isinstance(error, ClientSecretsError):
        return SignInProblem(SignInProblemKind.CLIENT_SECRETS, str(error))
    if isinstance(error, TokenEndpointUnreachable):
        return SignInProblem(
            SignInProblemKind.UNREACHABLE,
            "Google's sign-in server could not be reached.",
            "Check the network connection, then try again.",
        )
    return SignInProblem(SignInProblemKind.FAILED, str(error))
