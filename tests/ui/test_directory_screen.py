"""DirectoryScreen against the real `Directory` service over the in-process emulator: search as
you type (and its stale-result guard), paging to the end, the details pane, adding one and several
people to My Contacts, and a personal account's explanation."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, ClassVar

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from peopletui.api import PeopleApiError, RetryPolicy
from peopletui.paths import styles_dir
from peopletui.services.directory import DirectoryPage
from peopletui.services.session import Session
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.screens.directory import DirectoryScreen
from peopletui.ui.screens.directory_details import photo_url
from peopletui.ui.widgets import ContactList, PhotoView

SIZE = (120, 40)


class Host(App[None]):
    CSS_PATH: ClassVar[list[Any]] = [styles_dir() / "app.tcss", styles_dir() / "widgets.tcss"]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.pushed = screen
        self.results: list[Any] = []

        self.worker_errors: list[BaseException] = []

    def on_mount(self) -> None:
        self.push_screen(self.pushed, self.results.append)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # What the app's one error handler would receive.
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            self.worker_errors.append(event.worker.error)


@pytest.fixture
async def session() -> AsyncIterator[Session]:
    demo = Session.demo(contacts=5)
    async with demo:
        await demo.book.wait_synced()
        yield demo


def directory_screen(session: Session, page_size: int = 100) -> DirectoryScreen:
    return DirectoryScreen(
        session.directory,
        session.book,
        account="ada@example.org",
        load_photo=session.client.download_photo,
        page_size=page_size,
    )


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until no worker runs and every message they posted has been handled."""
    while True:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            return


def results(app: App[Any]) -> ContactList:
    return app.screen.query_one(ContactList)


def status(app: App[Any]) -> str:
    return str(app.screen.query_one("#directory-status", Static).content)


def details(app: App[Any]) -> str:
    return str(app.screen.query_one("#directory-person", Static).content)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*["space" if char == " " else char for char in text])


def paste_query(app: App[Any], text: str) -> None:
    """The whole query at once, as a paste into the box does (one change, one search)."""
    app.screen.query_one("#directory-query", Input).value = text


def emails_of(person: dict[str, Any]) -> set[str]:
    return {entry["value"].lower() for entry in person.get("emailAddresses", [])}


def book_emails(session: Session) -> set[str]:
    """Every email address in My Contacts, as the emulator holds them."""
    assert session.emulator is not None
    account = session.emulator.state.account(session.emulator.account)
    return {
        entry["value"].lower()
        for record in account.contacts.records.values()
        for entry in record.data.get("emailAddresses", [])
    }


async def everyone(session: Session) -> list[dict[str, Any]]:
    await session.directory.sync()
    return session.directory.people()


async def test_browsing_pages_through_the_whole_directory(session: Session) -> None:
    total = len(await everyone(session))
    app = Host(directory_screen(session, page_size=50))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert results(app).row_count == 50
        assert status(app) == "50 people · more below (m)"
        await pilot.press("down")  # from the search box to the results
        assert app.focused is results(app)
        while results(app).row_count < total:
            before = results(app).row_count
            await pilot.press("G")  # to the end of what is loaded: the next page follows
            await settle(pilot)
            assert results(app).row_count > before
        assert status(app) == f"{total} of {total} people"
        keys = [row.key for row in results(app).rows]
        assert sorted(keys) == sorted(person["resourceName"] for person in await everyone(session))
        await pilot.press("m")  # nothing more to load
        await settle(pilot)
        assert results(app).row_count == total


async def test_more_loads_the_next_page_on_request(session: Session) -> None:
    app = Host(directory_screen(session, page_size=50))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "m")
        await settle(pilot)
        assert results(app).row_count == 100
        assert results(app).cursor == 0  # the cursor stayed where it was


async def test_search_as_you_type_shows_the_matches(session: Session) -> None:
    people = await everyone(session)
    target = next(p for p in people if p.get("organizations") and p.get("names"))
    given = target["names"][0]["givenName"]
    query = given[:4]
    expected = await session.directory.search(query, page_size=500)
    app = Host(directory_screen(session))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, query)
        await settle(pilot)
        keys = {row.key for row in results(app).rows}
        assert keys == {person["resourceName"] for person in expected.people}
        assert target["resourceName"] in keys
        assert status(app) == f"{len(keys)} of {expected.total} matches"


async def test_no_match_says_so(session: Session) -> None:
    app = Host(directory_screen(session))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "zzqx")
        await settle(pilot)
        assert results(app).row_count == 0
        assert status(app) == "No one in the directory matches “zzqx”."


async def test_only_the_last_query_typed_fast_is_shown() -> None:
    # Every request takes 50 ms: the first query is still on its way when the second is typed.
    async with Session.demo(contacts=5, faults="latency=50ms") as session:
        people = await everyone(session)
        names = sorted({p["names"][0]["givenName"] for p in people if p.get("names")})
        first, last = names[0], names[-1]
        expected = await session.directory.search(last, page_size=500)
        app = Host(directory_screen(session))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await type_text(pilot, first)
            await pilot.press(*["backspace"] * len(first))
            await type_text(pilot, last)
            await settle(pilot)
            keys = {row.key for row in results(app).rows}
            assert keys == {person["resourceName"] for person in expected.people}


async def test_a_late_answer_to_an_older_query_is_dropped(session: Session) -> None:
    people = await everyone(session)
    app = Host(directory_screen(session))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "zzqx")
        await settle(pilot)
        # The answer to "zz", arriving after "zzqx" was typed (a cancelled worker's last post).
        app.screen.post_message(DirectoryScreen.PageLoaded("zz", None, DirectoryPage(people, None)))
        await settle(pilot)
        assert results(app).row_count == 0
        assert status(app) == "No one in the directory matches “zzqx”."


async def test_clearing_the_search_goes_back_to_browsing(session: Session) -> None:
    app = Host(directory_screen(session, page_size=50))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        browsed = [row.key for row in results(app).rows]
        await type_text(pilot, "zzqx")
        await settle(pilot)
        await pilot.press("escape")  # the first escape clears the box
        await settle(pilot)
        assert [row.key for row in results(app).rows] == browsed
        assert isinstance(app.screen, DirectoryScreen)
        await pilot.press("escape")  # the second one leaves
        await pilot.pause()
        assert not isinstance(app.screen, DirectoryScreen)
        assert app.results == [None]


async def test_details_pane_shows_the_highlighted_person(session: Session) -> None:
    people = await everyone(session)
    target = next(
        p for p in people if p.get("organizations") and p.get("locations") and p.get("phoneNumbers")
    )
    organization = target["organizations"][0]
    app = Host(directory_screen(session))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        paste_query(app, target["emailAddresses"][0]["value"])
        await settle(pilot)
        assert results(app).highlighted_key == target["resourceName"]
        shown = details(app)
        for expected in (
            target["names"][0]["displayName"],
            target["emailAddresses"][0]["value"],
            target["phoneNumbers"][0]["value"],
            organization["title"],
            organization["department"],
            f"desk {target['locations'][0]['deskCode']}",
            "Member of your organisation",
        ):
            assert expected in shown, expected


async def test_details_pane_shows_the_photo(session: Session) -> None:
    people = await everyone(session)
    target = next(p for p in people if photo_url(p))
    app = Host(directory_screen(session))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        paste_query(app, target["emailAddresses"][0]["value"])
        await settle(pilot)
        photo = app.screen.query_one(PhotoView)
        assert photo.display
        assert photo.image == await session.client.download_photo(photo_url(target) or "")


async def test_add_one_person_to_my_contacts(session: Session) -> None:
    people = await everyone(session)
    target = next(p for p in people if p.get("names") and emails_of(p) - book_emails(session))
    app = Host(directory_screen(session))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        paste_query(app, target["emailAddresses"][0]["value"])
        await settle(pilot)
        await pilot.press("down", "a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question", Static).content)
        assert question == f"Add {target['names'][0]['displayName']} to My Contacts?"
        await pilot.press("y")
        await settle(pilot)
        assert emails_of(target) <= book_emails(session)
        notices = [notice.message for notice in app._notifications]
        assert f"Added {target['names'][0]['displayName']} to My Contacts." in notices
        assert "Already in My Contacts" in details(app)


async def test_add_several_marked_people(session: Session) -> None:
    app = Host(directory_screen(session, page_size=50))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "j", "space", "space", "j", "space")
        assert len(results(app).selected_keys) == 3
        assert "3 marked" in status(app)
        marked = [
            person
            for person in await everyone(session)
            if person["resourceName"] in results(app).selected_keys
        ]
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question", Static).content)
        assert question.startswith("Add 3 people to My Contacts?")
        await pilot.press("y")
        await settle(pilot)
        added = book_emails(session)
        for person in marked:
            assert emails_of(person) <= added
        assert "Added 3 people to My Contacts." in [n.message for n in app._notifications]
        assert results(app).selected_keys == frozenset()


async def test_cancelled_confirmation_adds_nobody(session: Session) -> None:
    before = book_emails(session)
    app = Host(directory_screen(session))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "space", "a")
        await pilot.pause()
        await pilot.press("n")
        await settle(pilot)
        assert book_emails(session) == before
        assert results(app).selected_keys  # the marks stay for another try


async def test_a_personal_account_gets_an_explanation(session: Session) -> None:
    assert session.emulator is not None
    session.emulator.state.set_workspace(session.emulator.account, False)
    app = Host(directory_screen(session))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.has_class("-unavailable")
        text = str(screen.query_one("#directory-unavailable", Static).content)
        assert (
            "The directory is for Google Workspace accounts; ada@example.org is a personal "
            "Google account, so there is no directory to show. Your own contacts are unaffected."
        ) in text
        assert not screen.query_one("#directory-browser").display
        await pilot.press("a")  # nothing to add: the binding is off
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("q")
        await pilot.pause()
        assert app.results == [None]


async def test_a_failing_directory_says_so_and_tries_again() -> None:
    async with Session.demo(contacts=5, retry=RetryPolicy(max_attempts=1)) as session:
        await session.book.wait_synced()
        assert session.emulator is not None
        session.emulator.set_faults("rate=1,kinds=503")
        app = Host(directory_screen(session, page_size=50))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert status(app) == "Could not reach the directory (ctrl+r tries again)"
            # Forwarded once to the app's error handler, as the API client raised it.
            assert len(app.worker_errors) == 1
            assert isinstance(app.worker_errors[0], PeopleApiError)
            session.emulator.set_faults(None)
            await pilot.press("ctrl+r")  # from the search box, where "r" would be typed
            await settle(pilot)
            assert results(app).row_count == 50
