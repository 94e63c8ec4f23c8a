"""Reading from the server: r reloads one contact (people.get), R the marked ones (getBatchGet),
s syncs what changed elsewhere, S and the filter ask the server's searchContacts while the book
is incomplete, and d opens the directory, whose people can be added to My Contacts."""

from __future__ import annotations

from app_harness import (
    CONTACTS,
    SEED,
    main_screen,
    notices,
    running,
    screen_of,
    screen_text,
    server_names,
    settle,
    until,
)

from peopletui.api import NO_RETRIES
from peopletui.services.events import SyncFailed, SyncStarted
from peopletui.services.session import Session
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.screens.directory import DirectoryScreen
from peopletui.ui.screens.edit import EditScreen
from peopletui.ui.screens.main import MainScreen
from peopletui.ui.widgets import ContactList


def nickname_of(session: Session, key: str) -> list[str]:
    return [n["value"] for n in (session.book.get(key) or {}).get("nicknames", [])]


async def test_r_reloads_the_highlighted_contact_and_shift_r_the_marked_ones() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        emulator = session.emulator
        assert emulator is not None
        names = session.book.names_in_order()
        for key in names[:3]:
            emulator.state.edit_contact(emulator.account, key, {"nicknames": [{"value": "New"}]})

        await pilot.press("r")
        await settle(pilot)
        assert nickname_of(session, names[0]) == ["New"]
        assert nickname_of(session, names[1]) != ["New"]
        assert any(n.startswith("Reloaded “") for n in notices(app))

        screen.contact_list.set_selection(names[1:3])
        await pilot.press("R")
        await settle(pilot)
        assert nickname_of(session, names[1]) == nickname_of(session, names[2]) == ["New"]
        assert "Reloaded 2 contacts from the server." in notices(app)


async def test_s_syncs_changes_made_elsewhere() -> None:
    async with running() as (app, pilot, session, recorder):
        emulator = session.emulator
        assert emulator is not None
        added = emulator.state.add_contact(
            emulator.account, {"names": [{"givenName": "Quentin", "familyName": "Elsewhere"}]}
        )
        await pilot.press("s")
        await settle(pilot)
        assert added in [row.key for row in main_screen(app).contact_list.rows]
        assert [e.full for e in recorder.of(SyncStarted)] == [True, False]


async def test_the_server_search_fills_in_while_the_book_is_incomplete() -> None:
    session = Session.demo(contacts=CONTACTS, seed=SEED, retry=NO_RETRIES)
    emulator = session.emulator
    assert emulator is not None
    emulator.set_faults("rate=1,kinds=503")  # the first sync fails: the book stays empty
    async with running(session) as (app, pilot, session, recorder):
        screen = main_screen(app)
        assert recorder.of(SyncFailed) and not session.book.complete
        assert len(session.book) == 0
        assert "sync failed" in screen_text(app)
        emulator.set_faults(None)
        person_name = "Abigail"

        await pilot.press("slash", *person_name)
        await until(pilot, lambda: screen.contact_list.row_count > 0)
        await settle(pilot)
        rows = screen.contact_list.rows
        assert rows and all(row.subtitle.startswith("server") for row in rows)
        assert all(key in screen.found_on_server for key in (row.key for row in rows))
        assert person_name in rows[0].title

        await pilot.press("enter")  # to the list
        await pilot.press("e")  # loads it into the book (people.get), then edits
        await screen_of(pilot, EditScreen)
        assert session.book.get(rows[0].key) is not None
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))


async def test_shift_s_asks_the_server_for_the_filter_text() -> None:
    async with running() as (app, pilot, session, _):
        screen = main_screen(app)
        emulator = session.emulator
        assert emulator is not None
        added = emulator.state.add_contact(
            emulator.account, {"names": [{"givenName": "Xanthippe", "familyName": "Unsynced"}]}
        )
        await pilot.press("slash", *"Xanthippe", "enter")  # filter, then back to the list
        await settle(pilot)
        assert screen.contact_list.row_count == 0  # not on this device
        assert app.focused is screen.contact_list

        await pilot.press("S")
        await settle(pilot)
        assert [row.key for row in screen.contact_list.rows] == [added]
        assert "The server found 1 contact; 1 not on this device yet." in notices(app)
        assert "not on this device yet" in screen_text(app)


async def test_d_opens_the_directory_and_adds_a_person_to_my_contacts() -> None:
    async with running() as (app, pilot, session, _):
        before = await server_names(session)
        await pilot.press("d")
        directory: DirectoryScreen = await screen_of(pilot, DirectoryScreen)
        await settle(pilot)
        results = directory.query_one("#directory-results", ContactList)
        assert results.row_count > 0
        results.focus()
        results.move_cursor(1)
        await pilot.press("a")
        await screen_of(pilot, ConfirmScreen)
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, DirectoryScreen))
        await settle(pilot)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)

        (added,) = (await server_names(session)) - before
        assert added in [row.key for row in main_screen(app).contact_list.rows]
