"""The app through its real `OAuthConnector`: a refresh token the token endpoint refuses shows the
sign-in screen and keeps the edit as a draft, which reaches the server once the user has signed
in again; and the file token store's plaintext caveat is said once when the app opens with it.

Everything is real: a loopback `peopletui emulator` (People API and OAuth server, which really
revokes the refresh token), the file token store in the test's state dir, the sign-in screen's
own flow and loopback listener. The test plays the browser: it follows the address the screen
shows to the emulator's consent page, and on to the listener."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from app_harness import main_screen, notices, screen_of, settle, until
from auth.auth_helpers import write_client_file
from support.oauth_served import CountingServer, PastingUser, browser_redirect, served
from textual.css.query import NoMatches
from textual.pilot import Pilot
from textual.widgets import Static

from peopletui.api import ALL_PERSON_FIELDS, PeopleClient, StaticTokenAuth
from peopletui.app import PeopleApp
from peopletui.auth import FileTokenStore
from peopletui.cache.records import DraftStatus
from peopletui.connectors import OAuthConnector
from peopletui.emulator import Emulator
from peopletui.services.session import Session
from peopletui.services.sign_in import SignInMethod
from peopletui.ui.forms.widgets import ColumnInput, FieldSection, RowEditor
from peopletui.ui.screens.edit import EditScreen
from peopletui.ui.screens.main import MainScreen
from peopletui.ui.screens.sign_in import SignInScreen

CONTACTS = 20
NEW_EMAIL = "after.sign.in.again@example.org"
PLAINTEXT = "not encrypted"


@pytest.fixture(autouse=True)
def no_browser_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sign-in screen takes its browser mode, and no browser can start: it shows the
    address, which the test opens."""
    for name in ("SSH_CONNECTION", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> Iterator[tuple[Emulator, CountingServer, str]]:
    emulator = Emulator(contacts=CONTACTS, seed=23)
    with served(emulator) as (counting, url):
        yield emulator, counting, url


@pytest.fixture
def connector(server: tuple[Emulator, CountingServer, str], tmp_path: Path) -> OAuthConnector:
    _, _, url = server
    return OAuthConnector(
        endpoint=url, token_store="file", client_secrets=write_client_file(tmp_path)
    )


async def login(url: str, tmp_path: Path) -> None:
    """What ``peopletui login --token-store file`` leaves: a stored sign-in (another connector,
    as another process would be)."""
    before = OAuthConnector(
        endpoint=url, token_store="file", client_secrets=write_client_file(tmp_path)
    )
    start = before.sign_in(None)
    assert start is not None
    await start(PastingUser(), SignInMethod.PASTE)
    await before.close()


async def play_the_browser(pilot: Pilot[None]) -> None:
    """Open the address the sign-in screen shows; the consent page sends the browser on to the
    screen's loopback listener."""
    screen = pilot.app.screen
    await until(pilot, lambda: "Waiting for the browser" in shown(screen, "#sign-in-waiting"))
    redirect = await browser_redirect(shown(screen, "#sign-in-url"))
    async with httpx.AsyncClient() as browser:
        assert (await browser.get(redirect)).status_code == 200


def shown(screen: Any, selector: str) -> str:
    """What a Static shows ("" while the screen is still being composed)."""
    try:
        return str(screen.query_one(selector, Static).content)
    except NoMatches:
        return ""


def opened_session(app: PeopleApp) -> Session:
    assert isinstance(app.opened, Session)
    return app.opened


def email_input(form: EditScreen) -> ColumnInput:
    section = form.query_one("#section-emailAddresses", FieldSection)
    editor = next(iter(section.query_children(RowEditor))).editor_for("value")
    assert isinstance(editor, ColumnInput)
    return editor


async def server_email(emulator: Emulator, url: str, name: str) -> Any:
    async with PeopleClient(url, auth=StaticTokenAuth(emulator.token)) as client:
        person = await client.get_person(name, person_fields=ALL_PERSON_FIELDS)
    return person.to_api()["emailAddresses"][0]["value"]


async def test_a_refused_refresh_token_shows_sign_in_keeps_the_draft_then_sends_it(
    server: tuple[Emulator, CountingServer, str], connector: OAuthConnector, tmp_path: Path
) -> None:
    emulator, counting, url = server
    await login(url, tmp_path)
    app = PeopleApp(connector)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        session = opened_session(app)
        book = session.book
        key = next(n for n in book.names_in_order() if (book.get(n) or {}).get("emailAddresses"))
        before = await server_email(emulator, url, key)
        main_screen(app).contact_list.move_to_key(key)
        await pilot.press("e")
        form: EditScreen = await screen_of(pilot, EditScreen)
        await form.rows_mounted.wait()
        email_input(form).value = NEW_EMAIL
        # The consent screen's seven days are over: the grant and its tokens are gone.
        stored = await FileTokenStore().current()
        assert emulator.tokens.revoke(stored.refresh_token)

        await pilot.press("ctrl+s")
        await screen_of(pilot, SignInScreen)
        [draft] = session.cache.drafts_list_pending()
        assert (draft.resource_name, draft.status) == (key, DraftStatus.PENDING)
        assert book.pending_writes == 1
        assert counting.count("POST /token", status=400) == 1  # the refused refresh
        assert counting.count(":updateContact") == 0
        assert await server_email(emulator, url, key) == before

        await play_the_browser(pilot)
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await until(pilot, lambda: book.pending_writes == 0)
        await settle(pilot)

        assert await server_email(emulator, url, key) == NEW_EMAIL
        assert counting.count(":updateContact") == 1
        assert session.cache.drafts_list_pending() == []
        assert any("Signed in again" in text for text in notices(app))
        await pilot.press("q")
    await connector.close()


async def test_opening_with_the_file_store_says_it_is_not_encrypted_once(
    server: tuple[Emulator, CountingServer, str], connector: OAuthConnector, tmp_path: Path
) -> None:
    _, _, url = server
    await login(url, tmp_path)
    app = PeopleApp(connector)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        caveats = [text for text in notices(app) if PLAINTEXT in text]
        assert len(caveats) == 1
        assert str(FileTokenStore().path) in caveats[0]
        await pilot.press("q")
    await connector.close()


async def test_signing_in_from_the_app_says_the_caveat_only_once(
    connector: OAuthConnector,
) -> None:
    app = PeopleApp(connector)  # no sign-in stored: the sign-in screen comes first
    async with app.run_test(size=(120, 36)) as pilot:
        await screen_of(pilot, SignInScreen)
        await play_the_browser(pilot)
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        assert len([text for text in notices(app) if PLAINTEXT in text]) == 1
        await pilot.press("q")
    await connector.close()
