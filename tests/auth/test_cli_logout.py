"""`peopletui logout`: revoke at the server, then forget the token locally."""

from __future__ import annotations

import argparse
import io

import httpx
import pytest
from auth_helpers import EMULATOR_URL, MemoryKeyring, sign_in

from peopletui.auth import KeyringTokenStore, SignInRequired, StoredToken, TokenClient
from peopletui.auth.cli import CommandContext, add_arguments, logout_command
from peopletui.emulator import Emulator


def logout_args(*extra: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="peopletui")
    add_arguments(parser.add_subparsers(dest="command"))
    return parser.parse_args(["logout", "--endpoint", EMULATOR_URL, *extra])


def context(emulator: Emulator, backend: MemoryKeyring) -> CommandContext:
    return CommandContext(
        out=io.StringIO(),
        err=io.StringIO(),
        keyring_backend=backend,
        transport=emulator.transport(),
    )


def printed(ctx: CommandContext) -> str:
    assert isinstance(ctx.out, io.StringIO) and isinstance(ctx.err, io.StringIO)
    return ctx.out.getvalue() + ctx.err.getvalue()


async def test_logout_revokes_at_the_server_and_forgets_the_token(
    emulator: Emulator,
    token_client: TokenClient,
    store: KeyringTokenStore,
    memory_keyring: MemoryKeyring,
) -> None:
    token = await sign_in(emulator, token_client, store)
    ctx = context(emulator, memory_keyring)
    assert await logout_command(logout_args(), ctx) == 0
    assert f"Signed out {token.account}: access revoked" in printed(ctx)
    assert ("peopletui", token.account) not in memory_keyring.entries
    assert (await store.index()).accounts == ()
    # Revoked for real: the refresh token is refused, and so is the access token.
    with pytest.raises(SignInRequired, match="invalid_grant"):
        await token_client.refresh(
            client_id=token.client_id,
            client_secret=token.client_secret,
            refresh_token=token.refresh_token,
            account=token.account,
        )
    async with httpx.AsyncClient(transport=emulator.transport()) as api:
        response = await api.get(
            f"{EMULATOR_URL}/v1/people/me/connections",
            params={"personFields": "names"},
            headers={"Authorization": f"Bearer {token.access_token}"},
        )
    assert response.status_code == 401
    for secret in (token.refresh_token, token.access_token or "?", token.client_secret):
        assert secret not in printed(ctx)


async def test_logout_of_one_account_keeps_the_others(
    emulator: Emulator,
    token_client: TokenClient,
    store: KeyringTokenStore,
    memory_keyring: MemoryKeyring,
) -> None:
    await sign_in(emulator, token_client, store, login_hint="ann@example.org")
    await sign_in(emulator, token_client, store, login_hint="bob@example.org")
    ctx = context(emulator, memory_keyring)
    assert await logout_command(logout_args("--account", "ann@example.org"), ctx) == 0
    index = await store.index()
    assert index.accounts == ("bob@example.org",) and index.last_used == "bob@example.org"


async def test_logout_of_an_already_revoked_sign_in_still_forgets_it(
    emulator: Emulator,
    token_client: TokenClient,
    store: KeyringTokenStore,
    memory_keyring: MemoryKeyring,
) -> None:
    token = await sign_in(emulator, token_client, store)
    emulator.tokens.revoke(token.refresh_token)
    ctx = context(emulator, memory_keyring)
    assert await logout_command(logout_args(), ctx) == 0
    assert "already dead" in printed(ctx)
    assert (await store.index()).accounts == ()


async def test_logout_with_nobody_signed_in(
    emulator: Emulator, memory_keyring: MemoryKeyring
) -> None:
    ctx = context(emulator, memory_keyring)
    assert await logout_command(logout_args(), ctx) == 1
    assert "No account is signed in; nothing to sign out." in printed(ctx)
    assert await logout_command(logout_args("--account", "zoe@example.org"), ctx) == 1
    assert "zoe@example.org is not signed in" in printed(ctx)


async def test_logout_removes_an_unreadable_sign_in(
    emulator: Emulator, store: KeyringTokenStore, memory_keyring: MemoryKeyring
) -> None:
    await store.save(
        StoredToken("ann@example.org", "1//r", "client", "secret", frozenset({"openid"}))
    )
    memory_keyring.entries[("peopletui", "ann@example.org")] = "{garbage"
    ctx = context(emulator, memory_keyring)
    assert await logout_command(logout_args(), ctx) == 0
    assert (await store.index()).accounts == ()
    assert ("peopletui", "ann@example.org") not in memory_keyring.entries
