"""`peopletui status` and the argparse wiring of login/logout/status (handlers called directly)."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from auth_helpers import EMULATOR_URL, MemoryKeyring
from keyring.backends import fail

from peopletui.auth import KeyringTokenStore, StoredToken
from peopletui.auth.cli import (
    CommandContext,
    add_arguments,
    run_login,
    run_logout,
    run_status,
    status_command,
)
from peopletui.auth.endpoints import CONTACTS_READONLY_SCOPE, CONTACTS_SCOPE

NOW = 1_750_000_000.0


def parser() -> argparse.ArgumentParser:
    """Shaped like peopletui/__main__.py: --endpoint and --account also before the subcommand."""
    main = argparse.ArgumentParser(prog="peopletui")
    main.add_argument("--endpoint")
    main.add_argument("--account")
    add_arguments(main.add_subparsers(dest="command"))
    return main


def test_login_options_parse() -> None:
    args = parser().parse_args(
        ["login", "--client-secrets", "c.json", "--account", "a@b.c", "--no-browser", "--readonly"]
    )
    assert (args.client_secrets, args.account, args.no_browser, args.readonly) == (
        Path("c.json"),
        "a@b.c",
        True,
        True,
    )
    assert args.handler is run_login
    assert parser().parse_args(["logout"]).handler is run_logout
    assert parser().parse_args(["status"]).handler is run_status


def test_options_before_the_subcommand_are_not_overwritten() -> None:
    args = parser().parse_args(["--endpoint", "http://127.0.0.1:9", "status"])
    assert args.endpoint == "http://127.0.0.1:9"
    args = parser().parse_args(
        ["status", "--endpoint", "http://127.0.0.1:8", "--token-store", "file"]
    )
    assert (args.endpoint, args.token_store) == ("http://127.0.0.1:8", "file")
    assert not hasattr(parser().parse_args(["status"]), "token_store")
    assert parser().parse_args(["--account", "a@b.c", "logout"]).account == "a@b.c"
    assert parser().parse_args(["logout", "--account", "d@e.f"]).account == "d@e.f"


def context(backend: object, **fields: object) -> tuple[CommandContext, io.StringIO, io.StringIO]:
    out, err = io.StringIO(), io.StringIO()
    ctx = CommandContext(out=out, err=err, keyring_backend=backend, clock=lambda: NOW, **fields)  # type: ignore[arg-type]
    return ctx, out, err


def args(*argv: str) -> argparse.Namespace:
    return parser().parse_args(["status", *argv])


def stored(account: str, **changes: object) -> StoredToken:
    fields: dict[str, object] = {
        "account": account,
        "refresh_token": "1//refresh-secret",
        "client_id": "client",
        "client_secret": "GOCSPX-secret",
        "scopes": frozenset({CONTACTS_SCOPE, "openid"}),
        "access_token": "ya29.access-secret",
        "expires_at": NOW + 1800,
        "token_uri": "https://oauth2.googleapis.com/token",
        "signed_in_at": NOW - 3600,
    }
    fields.update(changes)
    return StoredToken(**fields)  # type: ignore[arg-type]


async def test_status_lists_accounts_without_any_token(memory_keyring: MemoryKeyring) -> None:
    store = KeyringTokenStore(memory_keyring)
    await store.save(stored("ann@example.org", expires_at=NOW - 60))
    await store.save(
        stored(
            "bob@example.org",
            scopes=frozenset({CONTACTS_READONLY_SCOPE}),
            refresh_expires_at=NOW - 3600 + 7 * 86400,
        )
    )
    ctx, out, _ = context(memory_keyring)
    assert await status_command(args(), ctx) == 0
    text = out.getvalue()
    assert "Token store: keyring: auth_helpers.MemoryKeyring" in text
    assert "ann@example.org\n" in text and "bob@example.org  (last used)" in text
    assert "scopes: contacts, openid" in text
    assert "access token: expired" in text and "(30 min left)" in text
    assert "7-day refresh tokens" in text and "Testing" in text
    assert "read-only" in text
    assert "directory permission was not granted" in text
    assert "If Google asks you to sign in again every 7 days" in text  # ann: expiry unknown
    for secret in ("1//refresh-secret", "ya29.access-secret", "GOCSPX-secret"):
        assert secret not in text


async def test_status_flags_a_sign_in_made_at_another_server(
    memory_keyring: MemoryKeyring,
) -> None:
    await KeyringTokenStore(memory_keyring).save(stored("ann@example.org"))
    ctx, out, _ = context(memory_keyring)
    assert await status_command(args("--endpoint", EMULATOR_URL), ctx) == 0
    assert "signed in at oauth2.googleapis.com, but this run uses people.emulator.invalid" in (
        out.getvalue()
    )


async def test_status_without_accounts(memory_keyring: MemoryKeyring) -> None:
    ctx, out, _ = context(memory_keyring)
    assert await status_command(args(), ctx) == 0
    assert "none signed in (run `peopletui login`)" in out.getvalue()
    assert "Known problems" not in out.getvalue()


async def test_status_explains_a_missing_keyring() -> None:
    ctx, out, _ = context(fail.Keyring())
    assert await status_command(args(), ctx) == 1
    text = out.getvalue()
    assert "No keyring is available" in text
    assert "gnome-keyring" in text and "--token-store file" in text


async def test_status_explains_a_locked_keyring(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.locked = True
    ctx, out, _ = context(memory_keyring)
    assert await status_command(args(), ctx) == 1
    assert "The keyring is locked." in out.getvalue()
    assert "Unlock it" in out.getvalue()


async def test_status_with_the_file_store_repeats_its_warning(tmp_path: Path) -> None:
    ctx, out, err = context(None, token_file=tmp_path / "tokens.json")
    assert await status_command(args("--token-store", "file"), ctx) == 0
    assert "Token store: file:" in out.getvalue()
    assert err.getvalue() == ""


def test_the_sync_handler_runs_its_own_event_loop(
    capsys: pytest.CaptureFixture[str], no_desktop_keyring: MemoryKeyring
) -> None:
    assert run_status(args()) == 0
    assert "none signed in" in capsys.readouterr().out


def test_the_app_command_line_reaches_the_handlers(
    capsys: pytest.CaptureFixture[str], no_desktop_keyring: MemoryKeyring
) -> None:
    from peopletui.__main__ import main

    assert main(["status"]) == 0
    assert "none signed in" in capsys.readouterr().out
    assert main(["--account", "zoe@example.org", "logout"]) == 1
    assert "zoe@example.org is not signed in" in capsys.readouterr().err
