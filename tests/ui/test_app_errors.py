"""One error handler on the app: a failed worker becomes a notice that says what happened and
what was kept, and the app goes on."""

from __future__ import annotations

from app_harness import CONTACTS, SEED, main_screen, notices, running, settle

from peopletui.api import NO_RETRIES
from peopletui.services.session import Session
from peopletui.ui.screens.main import MainScreen


async def test_no_connection_is_explained_and_the_book_stays_readable() -> None:
    session = Session.demo(contacts=CONTACTS, seed=SEED, retry=NO_RETRIES)
    async with running(session) as (app, pilot, session, _):
        emulator = session.emulator
        assert emulator is not None
        emulator.set_faults("rate=1,kinds=drop")  # every connection drops
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert any(n.startswith("No connection to the server.") for n in notices(app))
        assert main_screen(app).contact_list.row_count == len(session.book) == CONTACTS
        await pilot.press("j")
        assert main_screen(app).contact_list.cursor == 1


async def test_an_unexpected_error_in_a_worker_is_a_notice_not_a_crash() -> None:
    async with running() as (app, pilot, _session, _):
        screen = main_screen(app)

        async def broken() -> None:
            raise RuntimeError("a bug")

        screen.run_read(broken(), "broken")
        await settle(pilot)
        assert app.is_running
        (text,) = [n for n in notices(app) if n.startswith("Something went wrong")]
        assert "RuntimeError" in text and "kept" in text
