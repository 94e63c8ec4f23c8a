"""The installed-app sign-in, end to end: emulator OAuth server + the real loopback listener.

The test plays the browser (there is none here): it follows the flow's authorization URL at the
emulator, which consents and redirects, and then calls the flow's loopback listener on
127.0.0.1 with that redirect — after a few stray and forged requests that must be refused.
"""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from auth_helpers import CLIENT_ID, CountingTransport, MemoryKeyring, consent, with_param

from peopletui.auth import (
    KeyringTokenStore,
    OAuthClient,
    OpenUrl,
    RequestRefused,
    SignedIn,
    SignInEvent,
    SignInFailed,
    SignInFailedEvent,
    SignInFlow,
    StoredToken,
    TokenClient,
    WaitingForRedirect,
    requested_scopes,
)
from peopletui.auth.endpoints import CONTACTS_SCOPE, DIRECTORY_READONLY_SCOPE
from peopletui.emulator import DEFAULT_ACCOUNT, Emulator

CLIENT = OAuthClient(CLIENT_ID, "GOCSPX-test-client-secret")


class Browser:
    """Records the flow's events; `url` is set once the flow asks for the consent page."""

    def __init__(self) -> None:
        self.events: list[SignInEvent] = []
        self.waiting = asyncio.Event()

    def on_event(self, event: SignInEvent) -> None:
        self.events.append(event)
        if isinstance(event, WaitingForRedirect):
            self.waiting.set()

    @property
    def url(self) -> str:
        return next(e.url for e in self.events if isinstance(e, OpenUrl))

    def refusals(self) -> list[str]:
        return [e.reason for e in self.events if isinstance(e, RequestRefused)]


def start_flow(
    token_client: TokenClient, store: KeyringTokenStore, browser: Browser, **options: str
) -> asyncio.Task[StoredToken]:
    flow = SignInFlow(
        CLIENT,
        token_client=token_client,
        store=store,
        scopes=requested_scopes(),
        on_event=browser.on_event,
        **options,  # type: ignore[arg-type]
    )
    return asyncio.create_task(flow.with_browser(open_browser=None))


async def test_sign_in_through_the_loopback_listener_refusing_strays_first(
    token_client: TokenClient,
    store: KeyringTokenStore,
    memory_keyring: MemoryKeyring,
    emulator: Emulator,
    counting_transport: CountingTransport,
) -> None:
    browser = Browser()
    task = start_flow(token_client, store, browser)
    await browser.waiting.wait()

    query = parse_qs(urlsplit(browser.url).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["access_type"] == ["offline"]
    assert query["client_id"] == [CLIENT_ID]
    assert set(query["scope"][0].split()) == set(requested_scopes())
    redirect_uri = query["redirect_uri"][0]
    assert redirect_uri.startswith("http://127.0.0.1:")
    assert urlsplit(redirect_uri).port not in (None, 0)

    async with httpx.AsyncClient(transport=emulator.transport()) as at_emulator:
        redirect = await consent(at_emulator, browser.url)
    assert redirect.startswith(redirect_uri)

    async with httpx.AsyncClient() as loopback:
        stray = [
            await loopback.get(f"{redirect_uri}favicon.ico"),  # another path
            await loopback.get(redirect_uri),  # the right path, nothing in it
            await loopback.get(with_param(redirect, state="forged-state")),  # wrong state
            await loopback.post(redirect, content=b"code=x"),  # not how a browser arrives
        ]
        assert [response.status_code for response in stray] == [400, 400, 400, 400]
        assert "state does not match" in stray[2].text
        assert not task.done()

        accepted = await loopback.get(redirect)
        assert accepted.status_code == 200
        assert "Signed in" in accepted.text

    token = await task
    assert token.account == DEFAULT_ACCOUNT
    assert {CONTACTS_SCOPE, DIRECTORY_READONLY_SCOPE} <= token.scopes
    assert len(browser.refusals()) == 4
    signed_in = [e for e in browser.events if isinstance(e, SignedIn)]
    assert signed_in == [SignedIn(DEFAULT_ACCOUNT, token.scopes, frozenset())]
    assert counting_transport.calls["/token"] == 1

    # The token landed in the keyring, under the account, with the account marked last used.
    stored = await store.current()
    assert stored == token
    assert ("peopletui", DEFAULT_ACCOUNT) in memory_keyring.entries
    # …and it works against the API.
    async with httpx.AsyncClient(transport=emulator.transport()) as api:
        me = await api.get(
            "https://people.emulator.invalid/v1/people/me/connections",
            params={"personFields": "names"},
            headers={"Authorization": f"Bearer {token.access_token}"},
        )
    assert me.status_code == 200


async def test_the_listener_closes_after_the_one_accepted_callback(
    token_client: TokenClient, store: KeyringTokenStore, emulator: Emulator
) -> None:
    browser = Browser()
    task = start_flow(token_client, store, browser)
    await browser.waiting.wait()
    async with httpx.AsyncClient(transport=emulator.transport()) as at_emulator:
        redirect = await consent(at_emulator, browser.url)
    async with httpx.AsyncClient() as loopback:
        assert (await loopback.get(redirect)).status_code == 200
        await task
        with pytest.raises(httpx.ConnectError):
            await loopback.get(redirect)


async def test_login_hint_picks_the_account(
    token_client: TokenClient, store: KeyringTokenStore, emulator: Emulator
) -> None:
    browser = Browser()
    task = start_flow(token_client, store, browser, login_hint="second@example.org")
    await browser.waiting.wait()
    assert parse_qs(urlsplit(browser.url).query)["login_hint"] == ["second@example.org"]
    async with httpx.AsyncClient(transport=emulator.transport()) as at_emulator:
        redirect = await consent(at_emulator, browser.url)
    async with httpx.AsyncClient() as loopback:
        await loopback.get(redirect)
    token = await task
    assert token.account == "second@example.org"
    assert (await store.index()).accounts == ("second@example.org",)


async def test_consent_denied_in_the_browser_fails_the_sign_in(
    token_client: TokenClient, store: KeyringTokenStore, emulator: Emulator
) -> None:
    browser = Browser()
    task = start_flow(token_client, store, browser)
    await browser.waiting.wait()
    async with httpx.AsyncClient(transport=emulator.transport()) as at_emulator:
        redirect = await consent(at_emulator, browser.url)
    denied = with_param(redirect, error="access_denied")
    async with httpx.AsyncClient() as loopback:
        page = await loopback.get(denied.replace("code=", "unused="))
    assert page.status_code == 200
    with pytest.raises(SignInFailed, match="cancelled in the browser"):
        await task
    assert isinstance(browser.events[-1], SignInFailedEvent)
    assert (await store.index()).accounts == ()


async def test_a_readonly_sign_in_asks_for_the_readonly_scope(
    token_client: TokenClient, store: KeyringTokenStore, emulator: Emulator
) -> None:
    browser = Browser()
    flow = SignInFlow(
        CLIENT,
        token_client=token_client,
        store=store,
        scopes=requested_scopes(readonly=True),
        on_event=browser.on_event,
    )
    task = asyncio.create_task(flow.with_browser(open_browser=None))
    await browser.waiting.wait()
    async with httpx.AsyncClient(transport=emulator.transport()) as at_emulator:
        redirect = await consent(at_emulator, browser.url)
    async with httpx.AsyncClient() as loopback:
        await loopback.get(redirect)
    token = await task
    assert "https://www.googleapis.com/auth/contacts.readonly" in token.scopes
    assert CONTACTS_SCOPE not in token.scopes


async def test_cancelling_the_sign_in_closes_the_listener(
    token_client: TokenClient, store: KeyringTokenStore
) -> None:
    browser = Browser()
    task = start_flow(token_client, store, browser)
    await browser.waiting.wait()
    redirect_uri = parse_qs(urlsplit(browser.url).query)["redirect_uri"][0]
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with httpx.AsyncClient() as loopback:
        with pytest.raises(httpx.ConnectError):
            await loopback.get(redirect_uri)
