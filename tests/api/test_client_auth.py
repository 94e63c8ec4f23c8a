"""Authentication through httpx.Auth: a static token, and one refresh after a 401."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from peopletui.api import PeopleClient, RefreshingTokenAuth, StaticTokenAuth, Unauthenticated

if TYPE_CHECKING:
    from api.conftest import RecordingTransport

    from peopletui.emulator import Emulator


class EmulatorGrantAuth(RefreshingTokenAuth):
    """A refreshing auth whose new tokens are minted by the emulator's own token registry."""

    def __init__(self, emulator: Emulator, token: str) -> None:
        self.emulator = emulator
        self.token = token
        self.refreshes: list[str] = []

    async def current_token(self) -> str:
        return self.token

    async def refreshed_token(self, rejected: str) -> str | None:
        self.refreshes.append(rejected)
        if rejected == self.token:
            self.token = self.emulator.tokens.issue_access_token(self.emulator.account)
        return self.token


async def test_an_expired_token_is_refreshed_once_and_the_request_retried(
    emulator: Emulator, connect: Callable[..., tuple[PeopleClient, RecordingTransport]]
) -> None:
    first = emulator.tokens.issue_access_token(emulator.account)
    auth = EmulatorGrantAuth(emulator, first)
    client, transport = connect(emulator, auth=auth)
    await client.get_person("people/me", person_fields={"names"})
    emulator.tokens.expire(first)
    me = await client.get_person("people/me", person_fields={"names"})
    assert me.resource_name
    assert auth.refreshes == [first] and auth.token != first
    sent = [r.headers["authorization"] for r in transport.api_requests()]
    assert sent == [f"Bearer {first}", f"Bearer {first}", f"Bearer {auth.token}"]


async def test_a_second_401_is_unauthenticated_and_no_error_text_holds_the_token(
    emulator: Emulator, connect: Callable[..., tuple[PeopleClient, RecordingTransport]]
) -> None:
    token = emulator.tokens.issue_access_token(emulator.account)
    client, transport = connect(emulator, auth=StaticTokenAuth(token))
    emulator.tokens.expire(token)
    with pytest.raises(Unauthenticated) as caught:
        await client.get_person("people/me", person_fields={"names"})
    error = caught.value
    assert error.status_code == 401 and error.status == "UNAUTHENTICATED"
    assert len(transport.api_requests()) == 1  # a static token is never refreshed
    for text in (str(error), repr(error), repr(error.request), repr(error.details)):
        assert token not in text
    assert error.request is not None
    assert dict(error.request.headers)["authorization"] == "REDACTED"
    assert token not in repr(StaticTokenAuth(token))
