"""A refresh token the token endpoint refuses (``invalid_grant``: revoked, or killed after seven
days by a consent screen in Google's Testing mode) in the middle of a session.

Writes pause with their drafts kept PENDING (never FAILED), the book asks for a sign-in exactly
as it does for a 401, and once the user signs in again the edit reaches the server once; a sync
reports the same and works again after the sign-in.

Everything is real: the app's `OAuthConnector` with the file token store (in the test's state
dir), a loopback `peopletui emulator` whose OAuth server really revokes the refresh token, and
two real sign-ins (the test plays the user of the paste mode)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from auth.auth_helpers import write_client_file
from support.oauth_served import CountingServer, PastingUser, served

from peopletui.api import ALL_PERSON_FIELDS, PeopleClient, StaticTokenAuth, Unauthenticated
from peopletui.auth import FileTokenStore
from peopletui.cache.records import DraftStatus
from peopletui.connectors import OAuthConnector
from peopletui.emulator import Emulator
from peopletui.services.events import (
    Event,
    SignInRequired,
    SyncFailed,
    SyncFinished,
    WriteFailed,
    WriteSaved,
)
from peopletui.services.fields import comparable
from peopletui.services.results import SaveStatus
from peopletui.services.session import Session
from peopletui.services.sign_in import SignInMethod

CONTACTS = 6


@pytest.fixture
def server() -> Iterator[tuple[Emulator, CountingServer, str]]:
    emulator = Emulator(contacts=CONTACTS, seed=91)
    with served(emulator) as (counting, url):
        yield emulator, counting, url


@pytest.fixture
async def connector(
    server: tuple[Emulator, CountingServer, str], tmp_path: Path
) -> AsyncIterator[OAuthConnector]:
    _, _, url = server
    connector = OAuthConnector(
        endpoint=url, token_store="file", client_secrets=write_client_file(tmp_path)
    )
    yield connector
    await connector.close()


async def sign_in(connector: OAuthConnector) -> str:
    """A whole sign-in through the connector's own starter (what the sign-in screen runs)."""
    start = connector.sign_in(None)
    assert start is not None
    return await start(PastingUser(), SignInMethod.PASTE)


async def refuse_the_refresh_token(emulator: Emulator) -> None:
    """The server forgets the grant: its refresh token (and the access tokens it gave) die."""
    stored = await FileTokenStore().current()
    assert emulator.tokens.revoke(stored.refresh_token)


def of(events: list[Event], kind: type[Event]) -> list[Any]:
    return [event for event in events if isinstance(event, kind)]


async def opened(connector: OAuthConnector, events: list[Event]) -> Session:
    session = await connector.open()
    session.book.events.subscribe(events.append)
    return session


async def server_person(emulator: Emulator, url: str, name: str) -> dict[str, Any]:
    async with PeopleClient(url, auth=StaticTokenAuth(emulator.token)) as client:
        return (await client.get_person(name, person_fields=ALL_PERSON_FIELDS)).to_api()


async def test_an_edit_waits_as_a_pending_draft_and_is_sent_once_after_a_new_sign_in(
    server: tuple[Emulator, CountingServer, str],
    connector: OAuthConnector,
    caplog: pytest.LogCaptureFixture,
) -> None:
    emulator, counting, url = server
    account = await sign_in(connector)
    events: list[Event] = []
    session = await opened(connector, events)
    try:
        await session.book.start()
        await session.book.wait_synced()
        name = session.book.names_in_order()[0]
        await refuse_the_refresh_token(emulator)

        edit = session.book.begin_edit(name)
        edit.values["nicknames"] = [{"value": "Kept"}]
        outcome = await session.book.save(edit)

        assert outcome.status is SaveStatus.QUEUED, outcome.message
        assert "sign in" in outcome.message
        assert counting.count("POST /token", status=400) == 1  # the refresh really was refused
        [draft] = session.cache.drafts_list_pending()
        assert draft.status is DraftStatus.PENDING
        assert draft.changes["nicknames"] == [{"value": "Kept"}]
        assert session.book.pending_writes == 1
        assert len(of(events, SignInRequired)) == 1
        assert of(events, WriteFailed) == []
        assert counting.count(":updateContact") == 0
        assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []

        assert await sign_in(connector) == account
        assert await connector.signed_in(account) is False  # the open session takes the token
        session.book.resume_writes()
        await session.book.wait_idle()

        assert counting.count(":updateContact") == 1
        person = await server_person(emulator, url, name)
        assert comparable("nicknames", person["nicknames"]) == [{"value": "Kept"}]
        assert session.cache.drafts_list_pending() == []
        assert len(of(events, WriteSaved)) == 1
        assert len(of(events, SignInRequired)) == 1
    finally:
        await session.close()


async def test_a_sync_asks_for_a_sign_in_and_syncs_after_it(
    server: tuple[Emulator, CountingServer, str], connector: OAuthConnector
) -> None:
    emulator, counting, _ = server
    account = await sign_in(connector)
    events: list[Event] = []
    session = await opened(connector, events)
    try:
        await refuse_the_refresh_token(emulator)
        await session.book.start()
        await session.book.wait_synced()  # the start-up sync fails, observed and reported

        assert len(of(events, SyncFailed)) == 1
        assert len(of(events, SignInRequired)) == 1
        assert len(session.book) == 0
        with pytest.raises(Unauthenticated):
            await session.book.sync()
        assert len(of(events, SignInRequired)) == 2
        assert counting.count("/v1/people/me/connections") == 0

        assert await sign_in(connector) == account
        assert await connector.signed_in(account) is False
        report = await session.book.sync()

        assert report.people == len(session.book) == CONTACTS
        assert counting.count("/v1/people/me/connections") == 1
        assert len(of(events, SyncFinished)) == 1
    finally:
        await session.close()
