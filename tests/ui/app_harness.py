"""The whole app on the in-process emulator, for Pilot tests: a demo `Session` (real SQLite cache
in the tmp dirs the root conftest sets), helpers that wait for the app to settle instead of
sleeping, a second client that reads what the server holds, and (`recorded_session`) a session
whose requests are recorded, to see which People API method each flow calls."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from support.recording import RecordingTransport
from textual.pilot import Pilot
from textual.screen import Screen

from peopletui.api import ALL_PERSON_FIELDS, NotFound, PeopleClient, StaticTokenAuth
from peopletui.app import PeopleApp
from peopletui.config import Settings
from peopletui.emulator import IN_PROCESS_URL, Emulator
from peopletui.services.session import Session
from peopletui.services.sign_in import SignInStarter
from peopletui.ui.bridge import ServiceEvent
from peopletui.ui.connection import ReadyConnector
from peopletui.ui.screens.main import MainScreen

SIZE = (120, 36)
CONTACTS = 60
SEED = 7
# Generous: a settle normally takes a few dozen loop turns; this only stops a broken test.
DEADLINE = 20.0


def demo_session(contacts: int = CONTACTS, seed: int = SEED) -> Session:
    return Session.demo(contacts=contacts, seed=seed)


@dataclass
class RecordedSession(Session):
    """A demo session whose client's requests are all recorded in `transport`."""

    transport: RecordingTransport | None = None

    @property
    def sent(self) -> RecordingTransport:
        assert self.transport is not None
        return self.transport


def recorded_session(contacts: int = CONTACTS, seed: int = SEED) -> RecordedSession:
    """What `Session.demo` builds (the same emulator, client, cache and services), with the
    client's transport wrapped in the service tests' `RecordingTransport`. The cache goes to
    the temporary cache dir the root conftest sets."""
    emulator = Emulator(contacts=contacts, seed=seed)
    transport = RecordingTransport(emulator.transport())
    built = Session.for_google(
        StaticTokenAuth(emulator.token),
        f"demo:{emulator.account}",
        base_url=IN_PROCESS_URL,
        transport=transport,
    )
    return RecordedSession(
        built.account,
        built.client,
        built.cache,
        built.book,
        built.directory,
        emulator=emulator,
        transport=transport,
    )


class Recorder:
    """Every `ServiceEvent` message the app's screens received, in order (via message_hook)."""

    def __init__(self) -> None:
        self.events: list[Any] = []

    def __call__(self, message: object) -> None:
        if isinstance(message, ServiceEvent):
            self.events.append(message.event)

    def of(self, kind: type) -> list[Any]:
        return [event for event in self.events if isinstance(event, kind)]


@asynccontextmanager
async def running(
    session: Session | None = None,
    *,
    size: tuple[int, int] = SIZE,
    settings: Settings | None = None,
    sign_in: SignInStarter | None = None,
) -> AsyncIterator[tuple[PeopleApp, Pilot[None], Session, Recorder]]:
    """The app on `session` (a fresh demo by default), started and synced."""
    session = session or demo_session()
    app = PeopleApp(ReadyConnector(session, sign_in=sign_in), settings=settings)
    recorder = Recorder()
    async with app.run_test(size=size, message_hook=recorder) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        yield app, pilot, session, recorder


def main_screen(app: PeopleApp) -> MainScreen:
    for screen in app.screen_stack:
        if isinstance(screen, MainScreen):
            return screen
    raise AssertionError("the main screen is not open")


async def settle(pilot: Pilot[None]) -> None:
    """Until every worker has finished and the messages they posted are handled. Only for
    moments without an open dialog (a worker waiting on a dialog never finishes)."""
    app = pilot.app
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot: Pilot[None], condition: Callable[[], object]) -> None:
    """Let the app run until `condition()` holds (a dialog opened, a worker reached a point)."""
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the app never reached the expected state")
        await pilot.pause(0.01)


async def screen_of(pilot: Pilot[None], kind: type[Screen[Any]]) -> Any:
    """Wait for a screen of `kind` to be on top, and return it."""
    await until(pilot, lambda: isinstance(pilot.app.screen, kind))
    return pilot.app.screen


def screen_text(app: PeopleApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notices(app: PeopleApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def first_with(session: Session, field: str) -> str:
    """The first contact in display order that has `field`."""
    book = session.book
    return next(name for name in book.names_in_order() if (book.get(name) or {}).get(field))


def side_client(session: Session) -> PeopleClient:
    """Another app on the same account, with a token of its own (the app's may be revoked)."""
    emulator = session.emulator
    assert emulator is not None
    token = emulator.tokens.issue_access_token(emulator.account, ttl=None)
    return PeopleClient(IN_PROCESS_URL, auth=StaticTokenAuth(token), transport=emulator.transport())


async def server_person(session: Session, resource_name: str) -> dict[str, Any] | None:
    """What the server holds now, read by a second client (None: no such contact)."""
    async with side_client(session) as client:
        try:
            person = await client.get_person(resource_name, person_fields=ALL_PERSON_FIELDS)
        except NotFound:
            return None
    return person.to_api()


async def server_names(session: Session) -> set[str]:
    async with side_client(session) as client:
        people = await client.iter_connections(person_fields=["names"]).all_people()
    return {str(person.resource_name) for person in people}
