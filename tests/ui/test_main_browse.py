"""Browsing: the list paints the book, vim keys and the mouse move, the detail pane shows every
field with its type and the contact's photo, the filter narrows as you type (and escape brings
everyone back), and the status line says who, how many and how the sync went."""

from __future__ import annotations

from app_harness import first_with, main_screen, running, screen_text, settle, until

from peopletui.services.events import BookChanged, SyncFinished, SyncProgress, SyncStarted
from peopletui.services.refresh import shown_photo_url
from peopletui.ui.widgets import ContactList
from peopletui.ui.widgets.detail import DetailPane
from peopletui.ui.widgets.filter import FilterInput
from peopletui.ui.widgets.photo import PhotoState
from peopletui.ui.widgets.status import StatusBar


async def test_the_book_is_painted_and_the_status_line_says_who_and_how_many() -> None:
    async with running() as (app, _pilot, session, recorder):
        screen = main_screen(app)
        contacts = screen.contact_list
        assert [row.key for row in contacts.rows] == session.book.names_in_order()
        assert contacts.row_count == len(session.book) > 0
        assert any(isinstance(e, BookChanged) and e.everything for e in recorder.events)
        assert recorder.of(SyncStarted) and recorder.of(SyncProgress)
        assert recorder.of(SyncFinished)
        status = screen.query_one(StatusBar)
        text = screen_text(app)
        assert session.account in text
        assert f"{len(session.book)} contacts" in text
        assert "synced" in text
        assert not status.query_one("#status-progress").display  # only while syncing


async def test_vim_keys_and_the_mouse_move_the_cursor_and_the_details_follow() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        contacts = screen.contact_list
        names = session.book.names_in_order()
        await pilot.press("j", "j")
        assert contacts.highlighted_key == names[2]
        await pilot.press("k")
        assert contacts.highlighted_key == names[1]
        await pilot.press("G")
        assert contacts.highlighted_key == names[-1]
        await pilot.press("g")
        assert contacts.highlighted_key == names[0]
        await pilot.click(ContactList, offset=(10, 4))
        await pilot.pause()
        assert contacts.highlighted_key == names[4]
        assert screen.query_one(DetailPane).person is session.book.get(names[4])


async def test_the_detail_pane_shows_every_field_with_its_type() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        key = first_with(session, "addresses")
        screen.contact_list.move_to_key(key)
        await pilot.pause()
        person = session.book.get(key) or {}
        text = screen_text(app)
        email = person["emailAddresses"][0]
        assert email["value"] in text
        assert email["formattedType"] in text  # its type, "Home" or "Work"
        assert person["addresses"][0]["city"] in text
        for title in ("Email addresses", "Addresses", "Groups"):
            assert title in text


async def test_the_photo_is_fetched_through_the_book_and_shown() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        key = next(
            n for n in session.book.names_in_order() if shown_photo_url(session.book.get(n) or {})
        )
        screen.contact_list.move_to_key(key)
        await settle(pilot)
        view = screen.detail.photo
        assert view.display and view.image is not None
        await until(pilot, lambda: view.state is PhotoState.READY)
        without = next(
            n
            for n in session.book.names_in_order()
            if not shown_photo_url(session.book.get(n) or {})
        )
        screen.contact_list.move_to_key(without)
        await settle(pilot)
        assert not view.display


async def test_the_filter_narrows_as_you_type_and_escape_shows_everyone() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        target = session.book.get(first_with(session, "emailAddresses")) or {}
        word = target["emailAddresses"][0]["value"].split("@")[0][:6]
        await pilot.press("slash")
        assert isinstance(app.focused, FilterInput)
        await pilot.press(*word)
        await settle(pilot)
        shown = [row.key for row in screen.contact_list.rows]
        assert target["resourceName"] in shown
        assert shown == session.book.search(word).resource_names
        assert len(shown) < len(session.book)
        assert f"{len(shown)} of {len(session.book)} contacts" in screen_text(app)

        await pilot.press("enter")  # keep the filter, back to the list
        assert app.focused is screen.contact_list
        await pilot.press("escape")  # nothing marked: escape clears the filter
        await settle(pilot)
        assert screen.query_one(FilterInput).value == ""
        assert screen.contact_list.row_count == len(session.book)


async def test_a_result_for_an_older_query_is_not_shown() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        screen.apply_filter("a")
        screen.apply_filter("zz-nobody")
        # The full list for "a" was scheduled after the frame; the box says something else now.
        await settle(pilot)
        assert screen.contact_list.row_count == session.book.search("zz-nobody").total == 0
