"""`OAuthSessionAuth` plugged into the real `PeopleClient`, against the emulator."""

from __future__ import annotations

import socket

import httpx
import pytest
from auth_helpers import EMULATOR_URL, CountingTransport, sign_in

from peopletui.api import NO_RETRIES, PeopleClient, TransportError, Unauthenticated
from peopletui.auth import (
    KeyringTokenStore,
    OAuthEndpoints,
    OAuthSessionAuth,
    SignInRequired,
    TokenClient,
)
from peopletui.emulator import Emulator


async def test_the_client_lists_refreshes_and_asks_for_a_sign_in(
    emulator: Emulator,
    counting_transport: CountingTransport,
    token_client: TokenClient,
    store: KeyringTokenStore,
) -> None:
    token = await sign_in(emulator, token_client, store)
    auth = await OAuthSessionAuth.for_account(
        store, None, token_client=token_client, clock=emulator.clock.now
    )
    async with PeopleClient(EMULATOR_URL, auth=auth, transport=emulator.transport()) as client:
        first = await client.list_connections(person_fields={"names"})
        assert token.access_token is not None
        emulator.tokens.expire(token.access_token)
        again = await client.list_connections(person_fields={"names"})
        assert again.total_items == first.total_items
        assert counting_transport.calls["/token"] == 2
        emulator.tokens.revoke(token.refresh_token)
        # A refused refresh token fails the call as a 401 would (one path for every caller).
        with pytest.raises(Unauthenticated) as refused:
            await client.list_connections(person_fields={"names"})
        assert isinstance(refused.value.__cause__, SignInRequired)


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_an_unreachable_token_endpoint_is_a_transport_error_for_the_client(
    emulator: Emulator, token_client: TokenClient, store: KeyringTokenStore
) -> None:
    token = await sign_in(emulator, token_client, store)
    assert token.access_token is not None
    emulator.tokens.expire(token.access_token)
    async with httpx.AsyncClient() as offline_http:
        offline = TokenClient(offline_http, OAuthEndpoints.at(f"http://127.0.0.1:{closed_port()}"))
        auth = OAuthSessionAuth(token, token_client=offline, store=store, clock=emulator.clock.now)
        async with PeopleClient(
            EMULATOR_URL, auth=auth, transport=emulator.transport(), retry=NO_RETRIES
        ) as client:
            with pytest.raises(TransportError):
                await client.list_connections(person_fields={"names"})
