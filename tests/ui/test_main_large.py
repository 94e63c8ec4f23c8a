"""A bigger book: rows are built off the UI thread and the list still ends up complete and in
order; a first-letter filter shows its best page at once and the full list after; the status
line's progress bar follows the sync's progress events and goes away when it ends."""

from __future__ import annotations

from app_harness import demo_session, main_screen, running, screen_text, settle
from textual.widgets import ProgressBar

from peopletui.services.events import SyncFinished, SyncProgress, SyncStarted
from peopletui.ui.bridge import ServiceEvent
from peopletui.ui.screens.main import BACKGROUND_ROWS, FIRST_PAGE
from peopletui.ui.widgets.status import StatusBar

CONTACTS = 2_000


async def test_a_large_book_is_listed_whole_and_filtered_a_page_first() -> None:
    assert CONTACTS > BACKGROUND_ROWS
    async with running(demo_session(contacts=CONTACTS)) as (app, pilot, session, _):
        screen = main_screen(app)
        assert len(session.book) == CONTACTS
        assert [row.key for row in screen.contact_list.rows] == session.book.names_in_order()

        screen.apply_filter("a")
        first = screen.contact_list.row_count
        expected = session.book.search("a")
        assert first == min(FIRST_PAGE, expected.total)
        assert expected.total > FIRST_PAGE
        await settle(pilot)
        assert [row.key for row in screen.contact_list.rows] == expected.resource_names
        assert f"{expected.total:,} of {CONTACTS:,} contacts" in screen_text(app)


async def test_the_progress_bar_follows_the_sync() -> None:
    async with running() as (app, pilot, _session, _):
        screen = main_screen(app)
        bar = screen.query_one(StatusBar).query_one(ProgressBar)
        assert not bar.display
        screen.post_message(ServiceEvent(SyncStarted(full=True, reason="requested")))
        screen.post_message(ServiceEvent(SyncProgress(pages=2, people=2000, total=5000)))
        await pilot.pause()
        assert bar.display
        assert (bar.progress, bar.total) == (2000, 5000)
        assert "syncing… 2,000 of 5,000" in screen_text(app)
        screen.post_message(
            ServiceEvent(SyncFinished(full=True, requests=5, changed=5000, removed=0, people=5000))
        )
        await pilot.pause()
        assert not bar.display
        assert "synced" in screen_text(app)
