"""Sign-in from the app's side: when the server stops accepting the token, the sign-in screen
appears and the change being saved is kept as a draft; once signed in again, the draft is sent.
With no sign-in stored at all, the sign-in screen comes first and the book opens after it.

The browser half of a sign-in cannot run here: the `SignInStarter` handed to the screen is a
stand-in that waits for the test, then gives the emulator its token back."""

from __future__ import annotations

import asyncio

from app_harness import (
    demo_session,
    first_with,
    main_screen,
    running,
    screen_of,
    server_person,
    settle,
    until,
)

from peopletui.app import PeopleApp
from peopletui.auth.errors import SignInRequired
from peopletui.cache.preview import PreviewRow
from peopletui.services.session import Session
from peopletui.services.sign_in import SignInMethod, SignInUi
from peopletui.ui.connection import OpenedAccount, ReadyConnector
from peopletui.ui.forms.widgets import ColumnInput, FieldSection, RowEditor
from peopletui.ui.screens.edit import EditScreen
from peopletui.ui.screens.main import MainScreen
from peopletui.ui.screens.sign_in import SignInScreen


class StandInSignIn:
    """Signs in when the test says so: the emulator accepts the session's token again."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.go = asyncio.Event()
        self.calls = 0

    async def __call__(self, ui: SignInUi, method: SignInMethod) -> str:
        self.calls += 1
        await self.go.wait()
        emulator = self.session.emulator
        assert emulator is not None
        emulator.tokens.issue_access_token(emulator.account, ttl=None, token=emulator.token)
        return emulator.account


async def test_a_refused_token_shows_sign_in_keeps_the_draft_then_sends_it() -> None:
    session = demo_session()
    stand_in = StandInSignIn(session)
    async with running(session, sign_in=stand_in) as (app, pilot, session, _):
        screen = main_screen(app)
        key = first_with(session, "emailAddresses")
        screen.contact_list.move_to_key(key)
        await pilot.press("e")
        form: EditScreen = await screen_of(pilot, EditScreen)
        await form.rows_mounted.wait()
        section = form.query_one("#section-emailAddresses", FieldSection)
        editor = next(iter(section.query_children(RowEditor))).editor_for("value")
        assert isinstance(editor, ColumnInput)
        editor.value = "after.sign.in@example.org"
        emulator = session.emulator
        assert emulator is not None
        emulator.tokens.revoke(emulator.token)  # the server stops accepting the token

        await pilot.press("ctrl+s")
        await screen_of(pilot, SignInScreen)
        drafts = session.cache.drafts_list_pending()
        assert [d.resource_name for d in drafts] == [key]
        assert session.book.pending_writes == 1
        before = await server_person(session, key)
        assert before is not None
        assert before["emailAddresses"][0]["value"] != "after.sign.in@example.org"

        stand_in.go.set()
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await until(pilot, lambda: session.book.pending_writes == 0)
        await settle(pilot)
        after = await server_person(session, key)
        assert after is not None
        assert after["emailAddresses"][0]["value"] == "after.sign.in@example.org"
        assert session.cache.drafts_list_pending() == []
        assert stand_in.calls == 1


class NotSignedInYet:
    """A connector with no stored sign-in until the sign-in screen has run."""

    def __init__(self, session: Session, stand_in: StandInSignIn) -> None:
        self._session = session
        self._stand_in = stand_in
        self.signed_in_as: str | None = None

    @property
    def label(self) -> str:
        return "a test account"

    def cached_rows(self) -> list[PreviewRow]:
        return []

    async def open(self) -> OpenedAccount:
        if self.signed_in_as is None:
            raise SignInRequired(None, "no account is signed in")
        return self._session

    def sign_in(self, account: str | None) -> StandInSignIn:
        return self._stand_in

    async def signed_in(self, account: str) -> bool:
        self.signed_in_as = account
        return True

    def notices(self) -> tuple[str, ...]:
        return ()

    async def close(self) -> None:
        return None


async def test_with_no_stored_sign_in_the_sign_in_screen_comes_first() -> None:
    session = demo_session()
    stand_in = StandInSignIn(session)
    connector = NotSignedInYet(session, stand_in)
    app = PeopleApp(connector)
    async with app.run_test() as pilot:
        await screen_of(pilot, SignInScreen)
        assert connector.signed_in_as is None
        stand_in.go.set()
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        assert connector.signed_in_as == session.emulator.account  # type: ignore[union-attr]
        assert main_screen(app).contact_list.row_count == len(session.book) > 0


async def test_without_a_way_to_sign_in_the_app_explains_and_keeps_going() -> None:
    session = demo_session()
    async with running(session) as (app, pilot, session, _):
        emulator = session.emulator
        assert emulator is not None
        emulator.tokens.revoke(emulator.token)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        texts = [n.message for n in app._notifications]
        assert any("Restart with a valid token" in t for t in texts)
        assert isinstance(app.connector, ReadyConnector)
