"""`SignInFlow`: Google's installed-app sign-in (PKCE S256, checked state, loopback redirect).

Two ways to finish it: the browser is sent to 127.0.0.1 where `LoopbackRedirectServer` catches the
redirect, or (``--no-browser``, SSH) the user pastes the address the browser ended on. Either way
the code is exchanged over httpx, the account is read from the ID token (or userinfo), and the
token goes straight into the token store. Progress is reported through ``on_event``; nothing here
prints or blocks the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import socket
import webbrowser
from collections.abc import Awaitable, Callable, Iterator, Sequence

from .auth_url import authorization_request
from .client_secrets import OAuthClient
from .endpoints import IDENTITY_SCOPES, grants_contacts
from .errors import AuthError, SignInFailed, TokenEndpointError
from .events import (
    BrowserOpened,
    EventSink,
    OpenUrl,
    RequestRefused,
    SignedIn,
    SignInFailedEvent,
    WaitingForRedirect,
    ignore_events,
)
from .loopback import CALLBACK_PATH, LoopbackRedirectServer
from .redirect import AuthorizationCode, RedirectRefused, judge_pasted_url
from .store import TokenStore
from .token import StoredToken
from .token_client import TokenClient, email_from_id_token

BrowserOpener = Callable[[str], bool]
RedirectReader = Callable[[], Awaitable[str]]
LOOPBACK_HOST = "127.0.0.1"


class SignInFlow:
    def __init__(
        self,
        client: OAuthClient,
        *,
        token_client: TokenClient,
        store: TokenStore,
        scopes: Sequence[str],
        login_hint: str | None = None,
        on_event: EventSink = ignore_events,
    ) -> None:
        self.client = client
        self.token_client = token_client
        self.store = store
        self.scopes = tuple(scopes)
        self.login_hint = login_hint
        self.on_event = on_event

    async def with_browser(
        self,
        open_browser: BrowserOpener | None = webbrowser.open,
    ) -> StoredToken:
        """Sign in through a loopback redirect. ``open_browser=None`` only shows the URL.

        It waits for the browser as long as it takes: cancel the task (or wrap the call in
        ``asyncio.timeout``) to give up; the listener closes either way.
        """
        return await self._reporting(self._browser_flow(open_browser))

    async def with_pasted_redirect(self, read_redirect: RedirectReader) -> StoredToken:
        """Sign in by having the user paste the redirected ``http://127.0.0.1:…`` address.

        ``read_redirect`` is awaited once per attempt until a paste is accepted; a wrong one is
        reported as `RequestRefused`. It raises (e.g. `SignInCancelled`) to give up.
        """
        return await self._reporting(self._paste_flow(read_redirect))

    async def _reporting(self, flow: Awaitable[StoredToken]) -> StoredToken:
        try:
            return await flow
        except AuthError as error:
            self.on_event(SignInFailedEvent(error))
            raise

    async def _browser_flow(self, open_browser: BrowserOpener | None) -> StoredToken:
        state = secrets.token_urlsafe(32)

        def refused(reason: str) -> None:
            self.on_event(RequestRefused(reason))

        async with LoopbackRedirectServer(state, host=LOOPBACK_HOST, on_refused=refused) as server:
            url, verifier = await self._authorization(server.redirect_uri, state)
            self.on_event(OpenUrl(url, server.redirect_uri))
            if open_browser is not None:
                # webbrowser may start a process and wait on it: keep that off the loop.
                opened = await asyncio.to_thread(_try_open, open_browser, url)
                self.on_event(BrowserOpened(opened))
            self.on_event(WaitingForRedirect(server.redirect_uri, paste=False))
            code = await server.wait()
            return await self._finish(code, verifier, server.redirect_uri)

    async def _paste_flow(self, read_redirect: RedirectReader) -> StoredToken:
        state = secrets.token_urlsafe(32)
        with _reserved_loopback_port() as port:
            redirect_uri = f"http://{LOOPBACK_HOST}:{port}{CALLBACK_PATH}"
            url, verifier = await self._authorization(redirect_uri, state)
            self.on_event(OpenUrl(url, redirect_uri))
            self.on_event(WaitingForRedirect(redirect_uri, paste=True))
            while True:
                pasted = await read_redirect()
                try:
                    code = judge_pasted_url(pasted, redirect_uri=redirect_uri, expected_state=state)
                except RedirectRefused as refused:
                    self.on_event(RequestRefused(refused.reason))
                    continue
                return await self._finish(code, verifier, redirect_uri)

    async def _authorization(self, redirect_uri: str, state: str) -> tuple[str, str]:
        # Off the loop: the first call imports google-auth-oauthlib and requests (~0.1 s).
        return await asyncio.to_thread(
            authorization_request,
            self.client,
            auth_uri=self.token_client.endpoints.auth_uri,
            token_uri=self.token_client.endpoints.token_uri,
            scopes=self.scopes,
            redirect_uri=redirect_uri,
            state=state,
            login_hint=self.login_hint,
        )

    async def _finish(
        self, code: AuthorizationCode, verifier: str, redirect_uri: str
    ) -> StoredToken:
        grant = await self.token_client.exchange_code(
            client_id=self.client.client_id,
            client_secret=self.client.client_secret,
            code=code.code,
            code_verifier=verifier,
            redirect_uri=redirect_uri,
        )
        granted = grant.scopes or code.scopes or frozenset(self.scopes)
        if grant.refresh_token is None or not grants_contacts(granted):
            await self._revoke_quietly(grant.refresh_token or grant.access_token)
            if grant.refresh_token is None:
                raise SignInFailed("The server sent no refresh token, so the sign-in cannot last.")
            raise SignInFailed(
                "The Contacts permission was not granted (unticked on Google's consent screen?). "
                "Sign in again and leave “See, edit, download and permanently delete your "
                "contacts” ticked."
            )
        account = (
            email_from_id_token(grant.id_token, audience=self.client.client_id)
            if grant.id_token
            else None
        )
        if account is None:
            account = await self.token_client.userinfo_email(grant.access_token)
        token = StoredToken(
            account=account,
            refresh_token=grant.refresh_token,
            client_id=self.client.client_id,
            client_secret=self.client.client_secret,
            scopes=granted,
            access_token=grant.access_token,
            expires_at=grant.expires_at,
            token_uri=self.token_client.endpoints.token_uri,
            signed_in_at=self.token_client.clock(),
            refresh_expires_at=grant.refresh_expires_at,
        )
        await self.store.save(token)
        # The identity scopes come back under other names (email → userinfo.email): only the
        # API permissions can be "missing".
        missing = frozenset(s for s in self.scopes if s not in IDENTITY_SCOPES) - granted
        self.on_event(SignedIn(account, granted, missing))
        return token

    async def _revoke_quietly(self, token: str) -> None:
        with contextlib.suppress(TokenEndpointError):
            await self.token_client.revoke(token)


def _try_open(open_browser: BrowserOpener, url: str) -> bool:
    try:
        return bool(open_browser(url))
    except Exception:  # webbrowser raises for broken BROWSER settings; showing the URL suffices
        return False


@contextlib.contextmanager
def _reserved_loopback_port() -> Iterator[int]:
    """A port bound (not listening) for the whole paste flow, so the redirect URI stays ours.

    A browser on this machine that follows the redirect gets "connection refused" and keeps the
    address in its address bar, ready to be copied.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK_HOST, 0))
        yield int(sock.getsockname()[1])
