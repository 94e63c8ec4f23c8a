"""A warm start paints the cached rows before the account is open, and nothing typed meanwhile
is lost: the real app under Pilot, the in-process emulator, the real SQLite cache (written by a
first session, then read by `Connector.cached_rows` as the app does)."""

from __future__ import annotations

import asyncio

from app_harness import SIZE, screen_text, settle, until

from peopletui.api import StaticTokenAuth
from peopletui.app import PeopleApp
from peopletui.cache.preview import PreviewRow, first_rows
from peopletui.emulator import IN_PROCESS_URL, Emulator
from peopletui.services.session import Session
from peopletui.ui.connection import ReadyConnector
from peopletui.ui.screens.main import MainScreen
from peopletui.ui.screens.opening import OpeningScreen
from peopletui.ui.widgets import ContactList
from peopletui.ui.widgets.filter import FilterInput

ACCOUNT = "opening@example.org"


def _session(emulator: Emulator) -> Session:
    return Session.for_google(
        StaticTokenAuth(emulator.token),
        ACCOUNT,
        base_url=IN_PROCESS_URL,
        transport=emulator.transport(),
    )


class OpensWhenReleased(ReadyConnector):
    """A connector whose `open` waits until the test releases it: the time a real start
    spends importing and building the services, stretched so the test can look at it."""

    def __init__(self, session: Session) -> None:
        super().__init__(session, label=ACCOUNT)
        self.session = session
        self.release = asyncio.Event()

    def cached_rows(self) -> list[PreviewRow]:
        return first_rows(ACCOUNT)  # what the real connectors read: the account's cache

    async def open(self) -> Session:
        await self.release.wait()
        return self.session


async def _filled_cache(emulator: Emulator) -> None:
    async with _session(emulator) as first:  # the first start: a full sync into the cache
        await first.book.wait_synced()


async def test_the_cached_rows_show_before_the_account_opens_then_the_main_screen_follows() -> None:
    emulator = Emulator(contacts=40, seed=5)
    await _filled_cache(emulator)
    expected = first_rows(ACCOUNT)
    assert len(expected) == 40
    connector = OpensWhenReleased(_session(emulator))
    app = PeopleApp(connector)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: expected[0].title in screen_text(app))
        assert isinstance(app.screen, OpeningScreen)
        shown = app.screen.query_one(ContactList)
        assert [row.key for row in shown.rows] == [row.resource_name for row in expected]
        text = screen_text(app)
        assert expected[0].title in text
        assert f"Opening {ACCOUNT}" in text

        connector.release.set()
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        # The same rows in the same order: the list does not jump when the main screen comes.
        assert [row.key for row in main.contact_list.rows] == [r.resource_name for r in expected]


async def test_keys_typed_while_opening_reach_the_main_screen() -> None:
    emulator = Emulator(contacts=40, seed=5)
    await _filled_cache(emulator)
    wanted = first_rows(ACCOUNT)[3].title.split()[0]
    connector = OpensWhenReleased(_session(emulator))
    app = PeopleApp(connector)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        await pilot.press("slash", *wanted.lower())
        assert isinstance(app.screen, OpeningScreen)  # nothing opened yet: the keys wait
        connector.release.set()
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.query_one(FilterInput).value == wanted.lower()
        shown = [row.title for row in main.contact_list.rows]
        assert shown and all(wanted.lower() in title.lower() for title in shown[:1])


async def test_quit_works_while_the_account_is_still_opening() -> None:
    emulator = Emulator(contacts=10, seed=5)
    connector = OpensWhenReleased(_session(emulator))  # never released: opening hangs
    app = PeopleApp(connector)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Opening" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
