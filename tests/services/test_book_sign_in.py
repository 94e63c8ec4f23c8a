"""An expired sign-in never loses an edit: writes pause with their drafts kept, the UI is told
to ask for a sign-in, and everything is sent once the book has a valid token again."""

from __future__ import annotations

from collections.abc import Generator

import httpx
import pytest
from book_harness import ACCOUNT, Books, server_people

from peopletui.api import Unauthenticated
from peopletui.emulator import Emulator
from peopletui.services.events import SignInRequired, WriteSaved
from peopletui.services.fields import comparable
from peopletui.services.results import SaveStatus


class SwappableTokenAuth(httpx.Auth):
    """Stands in for the auth helper's refreshing auth: the test swaps the token in, as a new
    sign-in would (the real sign-in needs a browser)."""

    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


async def test_writes_wait_for_a_new_sign_in_and_then_go_through(books: Books) -> None:
    emulator = Emulator(contacts=6, seed=81)
    auth = SwappableTokenAuth(emulator.tokens.issue_access_token(ACCOUNT, ttl=600))
    opened = await books.open(emulator, auth=auth)
    name = opened.book.names_in_order()[0]
    emulator.clock.advance(3600)  # the access token expired; no refresh is possible

    edit = opened.book.begin_edit(name)
    edit.values["nicknames"] = [{"value": "Kept"}]
    outcome = await opened.book.save(edit)

    assert outcome.status is SaveStatus.QUEUED
    assert "sign in" in outcome.message
    assert len(opened.events_of(SignInRequired)) == 1
    [draft] = opened.cache.drafts_list_pending()
    assert draft.changes["nicknames"] == [{"value": "Kept"}]
    created = await opened.book.create({"names": [{"givenName": "Waiting"}]})
    assert created.status is SaveStatus.QUEUED  # queued behind the paused edit
    with pytest.raises(Unauthenticated):
        await opened.book.sync()
    assert len(opened.events_of(SignInRequired)) == 2
    assert len(opened.book) == 6  # the book is kept

    auth.token = emulator.tokens.issue_access_token(ACCOUNT, ttl=None)
    opened.book.resume_writes()
    await opened.book.wait_idle()

    server = (await server_people(emulator))[name]
    assert comparable("nicknames", server["nicknames"]) == [{"value": "Kept"}]
    assert len(opened.events_of(WriteSaved)) == 2
    assert opened.cache.drafts_list_pending() == []


async def test_drafts_left_by_a_closed_book_are_sent_on_the_next_start(books: Books) -> None:
    emulator = Emulator(contacts=6, seed=82)
    auth = SwappableTokenAuth(emulator.tokens.issue_access_token(ACCOUNT, ttl=600))
    opened = await books.open(emulator, auth=auth)
    name = opened.book.names_in_order()[0]
    emulator.clock.advance(3600)
    edit = opened.book.begin_edit(name)
    edit.values["nicknames"] = [{"value": "Next time"}]
    assert (await opened.book.save(edit)).status is SaveStatus.QUEUED
    await books.close(opened)  # the user quits without signing in again

    reopened = await books.open(emulator)  # a valid sign-in this time
    await reopened.book.wait_idle()

    server = (await server_people(emulator))[name]
    assert comparable("nicknames", server["nicknames"]) == [{"value": "Next time"}]
    assert len(reopened.transport.api(":updateContact")) == 1
    assert reopened.cache.drafts_list_pending() == []
