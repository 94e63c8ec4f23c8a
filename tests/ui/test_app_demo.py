"""`peopletui --demo` end to end: the real `DemoConnector` seeds the built-in emulator, the app
opens that book and shows its rows and details, the directory has people, and leaving the app
leaves no cache behind in the user's cache dir."""

from __future__ import annotations

from app_harness import SIZE, main_screen, screen_of, screen_text, settle, until

from peopletui import paths
from peopletui.app import PeopleApp
from peopletui.cache.display import display_name
from peopletui.connectors import DemoConnector
from peopletui.ui.screens.directory import DirectoryScreen
from peopletui.ui.screens.main import MainScreen
from peopletui.ui.widgets import ContactList

CONTACTS = 150


async def test_the_demo_connector_opens_the_demo_book_and_shows_its_rows() -> None:
    connector = DemoConnector(contacts=CONTACTS, seed=4)
    app = PeopleApp(connector)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        screen = main_screen(app)
        await until(pilot, lambda: screen.book.complete)
        await settle(pilot)

        assert app.opened is not None and app.opened.account.startswith("demo:")
        book = screen.book
        assert len(book) == CONTACTS
        contacts = screen.contact_list
        assert contacts.row_count == CONTACTS
        assert [row.key for row in contacts.rows] == book.names_in_order()
        first = contacts.rows[0]
        assert first.title == display_name(book.get(first.key) or {})
        text = screen_text(app)
        assert first.title in text
        assert f"{CONTACTS} contacts" in text
        assert app.opened.account in text

        # Moving down shows the next contact's details.
        await pilot.press("j")
        await pilot.pause()
        second = contacts.rows[1]
        assert contacts.highlighted_key == second.key
        assert screen.detail.person is book.get(second.key)

        # The demo account has a Workspace directory.
        await pilot.press("d")
        directory: DirectoryScreen = await screen_of(pilot, DirectoryScreen)
        await settle(pilot)
        assert directory.query_one("#directory-results", ContactList).row_count > 0
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))

    # The demo's cache lived in a temporary folder, gone with the app.
    cache = paths.cache_dir()
    assert not cache.exists() or not any(cache.iterdir())
