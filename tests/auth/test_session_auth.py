"""`OAuthSessionAuth` on an `httpx.AsyncClient` against the emulator: bearer, refresh, one refresh
at a time, and `Unauthenticated` (caused by `SignInRequired`) when the sign-in is gone."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from auth_helpers import EMULATOR_URL, CountingTransport, MemoryKeyring, sign_in

from peopletui.api import NO_RETRIES, PeopleClient, TransportError, Unauthenticated
from peopletui.auth import (
    KeyringTokenStore,
    OAuthSessionAuth,
    SignInRequired,
    StoredToken,
    TokenClient,
)
from peopletui.auth.endpoints import OAuthEndpoints
from peopletui.auth.errors import TokenEndpointError
from peopletui.emulator import Emulator

CONNECTIONS = "/v1/people/me/connections"


@pytest.fixture
async def signed_in(
    emulator: Emulator, token_client: TokenClient, store: KeyringTokenStore
) -> StoredToken:
    return await sign_in(emulator, token_client, store)


def session(
    emulator: Emulator,
    transport: CountingTransport,
    token: StoredToken,
    token_client: TokenClient,
    store: KeyringTokenStore,
) -> httpx.AsyncClient:
    auth = OAuthSessionAuth(token, token_client=token_client, store=store, clock=emulator.clock.now)
    return httpx.AsyncClient(transport=transport, base_url=EMULATOR_URL, auth=auth)


async def list_names(api: httpx.AsyncClient) -> httpx.Response:
    return await api.get(CONNECTIONS, params={"personFields": "names"})


async def test_a_valid_token_is_sent_as_is(
    emulator: Emulator,
    counting_transport: CountingTransport,
    signed_in: StoredToken,
    token_client: TokenClient,
    store: KeyringTokenStore,
) -> None:
    async with session(emulator, counting_transport, signed_in, token_client, store) as api:
        response = await list_names(api)
    assert response.status_code == 200
    assert response.request.headers["authorization"] == f"Bearer {signed_in.access_token}"
    assert counting_transport.calls["/token"] == 1  # the sign-in's exchange only


async def test_the_token_is_refreshed_shortly_before_it_expires(
    emulator: Emulator,
    counting_transport: CountingTransport,
    signed_in: StoredToken,
    token_client: TokenClient,
    store: KeyringTokenStore,
) -> None:
    assert signed_in.expires_at is not None
    emulator.clock.advance(signed_in.expires_at - emulator.clock.now() - 30)  # 30 s left
    async with session(emulator, counting_transport, signed_in, token_client, store) as api:
        response = await list_names(api)
    assert response.status_code == 200
    assert counting_transport.calls["/token"] == 2
    assert counting_transport.calls[CONNECTIONS] == 1  # refreshed before sending: no 401 first
    fresh = (await store.load(signed_in.account)) or signed_in
    assert fresh.access_token != signed_in.access_token
    assert response.request.headers["authorization"] == f"Bearer {fresh.access_token}"
    assert fresh.refresh_token == signed_in.refresh_token
    assert (await store.index()).last_used == signed_in.account


async def test_a_401_refreshes_once_and_retries_once(
    emulator: Emulator,
    counting_transport: CountingTransport,
    signed_in: StoredToken,
    token_client: TokenClient,
    store: KeyringTokenStore,
) -> None:
    assert signed_in.access_token is not None
    emulator.tokens.expire(signed_in.access_token)
    async with session(emulator, counting_transport, signed_in, token_client, store) as api:
        response = await list_names(api)
    assert response.status_code == 200
    assert counting_transport.calls[CONNECTIONS] == 2
    assert counting_transport.calls["/token"] == 2
    stored = await store.load(signed_in.account)
    assert stored is not None and stored.access_token != signed_in.access_token


async def test_a_refused_refresh_is_unauthenticated_caused_by_sign_in_required(
    emulator: Emulator,
    counting_transport: CountingTransport,
    signed_in: StoredToken,
    token_client: TokenClient,
    store: KeyringTokenStore,
) -> None:
    emulator.tokens.revoke(signed_in.refresh_token)
    async with session(emulator, counting_transport, signed_in, token_client, store) as api:
        with pytest.raises(Unauthenticated) as error:
            await list_names(api)
    # What the API client's callers already handle for a 401; the refused refresh is its cause.
    needed = error.value.__cause__
    assert isinstance(needed, SignInRequired)
    assert needed.account == signed_in.account
    assert "invalid_grant" in needed.reason
    assert signed_in.refresh_token not in str(error.value)
    assert signed_in.refresh_token not in str(needed)
    assert counting_transport.calls[CONNECTIONS] == 1  # no retry without a token


@pytest.mark.parametrize("how", ["revoked at the server (401s)", "expiring by the clock"])
async def test_concurrent_requests_share_a_single_refresh(
    how: str,
    emulator: Emulator,
    counting_transport: CountingTransport,
    signed_in: StoredToken,
    token_client: TokenClient,
    store: KeyringTokenStore,
) -> None:
    assert signed_in.access_token is not None and signed_in.expires_at is not None
    if how.startswith("revoked"):
        emulator.tokens.expire(signed_in.access_token)
    else:
        emulator.clock.advance(signed_in.expires_at - emulator.clock.now() + 5)
    async with session(emulator, counting_transport, signed_in, token_client, store) as api:
        responses = await asyncio.gather(*(list_names(api) for _ in range(20)))
    assert [r.status_code for r in responses] == [200] * 20
    assert counting_transport.calls["/token"] == 2  # the sign-in, then exactly one refresh
    assert len({r.request.headers["authorization"] for r in responses}) == 1


async def test_a_keyring_that_locks_after_sign_in_does_not_fail_the_request(
    emulator: Emulator,
    counting_transport: CountingTransport,
    signed_in: StoredToken,
    token_client: TokenClient,
    store: KeyringTokenStore,
    memory_keyring: MemoryKeyring,
) -> None:
    assert signed_in.access_token is not None
    emulator.tokens.expire(signed_in.access_token)
    memory_keyring.locked = True
    async with session(emulator, counting_transport, signed_in, token_client, store) as api:
        assert (await list_names(api)).status_code == 200


async def test_for_account_picks_the_last_used_sign_in(
    emulator: Emulator,
    counting_transport: CountingTransport,
    token_client: TokenClient,
    store: KeyringTokenStore,
) -> None:
    await sign_in(emulator, token_client, store, login_hint="first@example.org")
    await sign_in(emulator, token_client, store, login_hint="second@example.org")
    auth = await OAuthSessionAuth.for_account(store, None, token_client=token_client)
    assert auth.account == "second@example.org"
    chosen = await OAuthSessionAuth.for_account(
        store, "first@example.org", token_client=token_client
    )
    assert chosen.account == "first@example.org"


async def test_a_synchronous_client_is_refused(
    token_client: TokenClient, store: KeyringTokenStore
) -> None:
    token = StoredToken("a@example.org", "1//r", "client", "secret", frozenset())
    auth = OAuthSessionAuth(token, token_client=token_client, store=store)
    with pytest.raises(RuntimeError, match="asynchronous only"):
        next(auth.sync_auth_flow(httpx.Request("GET", "https://example.invalid/")))


class TokenServerDown(httpx.AsyncBaseTransport):
    """Google's token endpoint having an outage (it cannot be made to fail here, so this stands
    in for it): `/token` answers `answer` while `down`; everything else is the emulator."""

    def __init__(self, inner: httpx.AsyncBaseTransport, answer: httpx.Response) -> None:
        self.inner = inner
        self.answer = answer
        self.down = True

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.down and request.url.path == "/token":
            return httpx.Response(
                self.answer.status_code, headers=self.answer.headers, content=self.answer.content
            )
        return await self.inner.handle_async_request(request)


async def _client_with_expired_token(
    emulator: Emulator,
    transport: TokenServerDown,
    endpoints: OAuthEndpoints,
    store: KeyringTokenStore,
) -> tuple[PeopleClient, httpx.AsyncClient]:
    http = httpx.AsyncClient(transport=transport)
    token_client = TokenClient(http, endpoints, clock=emulator.clock.now)
    transport.down = False
    token = await sign_in(emulator, token_client, store)
    transport.down = True
    assert token.expires_at is not None
    emulator.clock.advance(token.expires_at - emulator.clock.now() + 1)  # expired: refresh first
    auth = OAuthSessionAuth(token, token_client=token_client, store=store, clock=emulator.clock.now)
    client = PeopleClient(EMULATOR_URL, auth=auth, transport=transport, retry=NO_RETRIES)
    return client, http


async def test_a_token_server_outage_is_a_connection_failure_that_may_be_retried(
    emulator: Emulator, endpoints: OAuthEndpoints, store: KeyringTokenStore
) -> None:
    down = TokenServerDown(
        emulator.transport(), httpx.Response(503, json={"error": "temporarily_unavailable"})
    )
    client, http = await _client_with_expired_token(emulator, down, endpoints, store)
    async with client:
        with pytest.raises(TransportError) as failed:
            await client.get_person("people/me", person_fields={"names"})
        # The People API request never went out: sending it again is always safe.
        assert failed.value.maybe_processed is False
        assert "sign-in server" in failed.value.message
        down.down = False
        person = await client.get_person("people/me", person_fields={"names"})
    await http.aclose()
    assert person.resource_name  # the request went through once the token server was back


async def test_a_refused_oauth_client_asks_for_a_new_sign_in(
    emulator: Emulator, endpoints: OAuthEndpoints, store: KeyringTokenStore
) -> None:
    refused = TokenServerDown(
        emulator.transport(),
        httpx.Response(401, json={"error": "invalid_client", "error_description": "Unauthorized"}),
    )
    client, http = await _client_with_expired_token(emulator, refused, endpoints, store)
    async with client:
        with pytest.raises(Unauthenticated) as failed:
            await client.get_person("people/me", person_fields={"names"})
    await http.aclose()
    assert "invalid_client" in failed.value.message
    assert isinstance(failed.value.__cause__, TokenEndpointError)
