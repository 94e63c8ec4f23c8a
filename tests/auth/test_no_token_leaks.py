"""After a login, a refresh and a logout, no credential is in any file, log or printed line."""

from __future__ import annotations

import argparse
import io
import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from auth_helpers import (
    CLIENT_SECRET,
    EMULATOR_URL,
    CountingTransport,
    MemoryKeyring,
    consent_sync,
    url_after,
)

from peopletui.auth import (
    KeyringTokenStore,
    OAuthSessionAuth,
    StoredToken,
    TokenClient,
    install_redaction,
)
from peopletui.auth.cli import CommandContext, add_arguments, login_command, logout_command
from peopletui.emulator import Emulator


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="peopletui")
    add_arguments(parser.add_subparsers(dest="command"))
    return parser.parse_args([*argv, "--endpoint", EMULATOR_URL])


async def test_login_refresh_logout_leave_no_token_anywhere(
    isolated_dirs: Path,
    tmp_path: Path,
    client_file: Path,
    emulator: Emulator,
    memory_keyring: MemoryKeyring,
    counting_transport: CountingTransport,
    token_client: TokenClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    # The app's log file, as the app will set it up: in the state dir, with the redaction filter.
    log_file = isolated_dirs / "state" / "peopletui" / "peopletui.log"
    log_file.parent.mkdir(parents=True)
    file_handler = logging.FileHandler(log_file)
    install_redaction(file_handler)
    logging.getLogger().addHandler(file_handler)
    out, err = io.StringIO(), io.StringIO()
    seen: list[str] = []

    def user() -> Iterator[str]:
        url = url_after("sign in with Google:", out.getvalue())
        with httpx.Client(transport=emulator.transport()) as at_emulator:
            redirect = consent_sync(at_emulator, url)
        seen.append(parse_qs(urlsplit(redirect).query)["code"][0])  # the authorization code
        yield redirect

    typed = user()
    ctx = CommandContext(
        out=out,
        err=err,
        read_line=lambda prompt: next(typed),
        keyring_backend=memory_keyring,
        transport=emulator.transport(),
        environ={},
    )
    try:
        assert (
            await login_command(
                parse("login", "--client-secrets", str(client_file), "--no-browser"), ctx
            )
            == 0
        )
        store = KeyringTokenStore(memory_keyring)
        signed_in = await store.current()
        assert signed_in.access_token is not None
        emulator.tokens.expire(signed_in.access_token)
        auth = OAuthSessionAuth(
            signed_in, token_client=token_client, store=store, clock=emulator.clock.now
        )
        async with httpx.AsyncClient(
            transport=counting_transport, base_url=EMULATOR_URL, auth=auth
        ) as api:
            response = await api.get("/v1/people/me/connections", params={"personFields": "names"})
        assert response.status_code == 200
        refreshed = auth.token
        assert counting_transport.calls["/token"] == 1  # the refresh (login used its own client)
        assert await logout_command(parse("logout"), ctx) == 0
    finally:
        logging.getLogger().removeHandler(file_handler)
        file_handler.close()

    secrets = _secrets(signed_in, refreshed, *seen)
    assert len(secrets) == 6
    assert memory_keyring.entries.keys() == {("peopletui", ":index")}
    places = {
        "captured log records": caplog.text,
        "printed output": out.getvalue() + err.getvalue(),
    }
    files = _read_all(isolated_dirs)
    assert "Refreshing the access token" in files[str(log_file)]
    places |= files
    for where, text in places.items():
        for secret in secrets:
            assert secret not in text, f"a credential leaked into {where}"


def _secrets(signed_in: StoredToken, refreshed: StoredToken, *more: str) -> set[str]:
    values = {
        signed_in.refresh_token,
        signed_in.access_token,
        refreshed.access_token,
        CLIENT_SECRET,
        *more,
    }
    # The code ("4/0…") is percent-encoded in URLs; check its distinctive tail as well.
    values |= {value.split("/")[-1] for value in more}
    return {value for value in values if value}


def _read_all(folder: Path) -> dict[str, str]:
    """Every file under the temporary config/cache/state/data dirs, as text."""
    return {
        str(path): path.read_text(errors="replace") for path in folder.rglob("*") if path.is_file()
    }
