"""`peopletui login` through its handler: the browser path, the paste-back path (``--no-browser``
and SSH), and the refusals — against the emulator, with the test playing browser and user."""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from auth_helpers import EMULATOR_URL, MemoryKeyring, consent_sync, url_after, with_param
from keyring.backends import fail

from peopletui.auth import KeyringTokenStore
from peopletui.auth.cli import CommandContext, add_arguments, login_command
from peopletui.emulator import DEFAULT_ACCOUNT, Emulator

URL_MARKER = "sign in with Google:"


def login_args(client_file: Path, *extra: str, endpoint: str = EMULATOR_URL) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="peopletui")
    add_arguments(parser.add_subparsers(dest="command"))
    return parser.parse_args(
        ["login", "--client-secrets", str(client_file), "--endpoint", endpoint, *extra]
    )


class Terminal:
    """What the user sees (out, err) and what they type (`lines`, one per prompt)."""

    def __init__(self) -> None:
        self.out, self.err = io.StringIO(), io.StringIO()
        self.typed: Iterator[str] = iter(())

    def read_line(self, prompt: str) -> str:
        try:
            return next(self.typed)
        except StopIteration:
            raise EOFError from None


def context(
    terminal: Terminal, backend: object, emulator: Emulator | None, **fields: object
) -> CommandContext:
    return CommandContext(
        out=terminal.out,
        err=terminal.err,
        read_line=terminal.read_line,
        keyring_backend=backend,  # type: ignore[arg-type]
        transport=emulator.transport() if emulator else None,
        **fields,  # type: ignore[arg-type]
    )


async def test_browser_login_refuses_strays_then_signs_in(
    emulator: Emulator, memory_keyring: MemoryKeyring, client_file: Path
) -> None:
    terminal = Terminal()
    statuses: list[int] = []

    def browser(url: str) -> bool:
        """Runs on a worker thread, as webbrowser.open does; the listener answers meanwhile."""
        with httpx.Client(transport=emulator.transport()) as at_emulator:
            redirect = consent_sync(at_emulator, url)
        port = urlsplit(redirect).port
        with httpx.Client() as loopback:
            statuses.append(loopback.get(f"http://127.0.0.1:{port}/robots.txt").status_code)
            statuses.append(loopback.get(with_param(redirect, state="old")).status_code)
            statuses.append(loopback.get(redirect).status_code)
        return True

    ctx = context(terminal, memory_keyring, emulator, open_browser=browser, environ={})
    assert await login_command(login_args(client_file), ctx) == 0
    assert statuses == [400, 400, 200]
    out = terminal.out.getvalue()
    assert "Your browser was opened on that page." in out
    assert f"Signed in as {DEFAULT_ACCOUNT}." in out
    assert terminal.err.getvalue().count("Ignored:") == 2
    token = await KeyringTokenStore(memory_keyring).current()
    assert token.account == DEFAULT_ACCOUNT


async def test_no_browser_login_takes_the_pasted_redirect(
    emulator: Emulator, memory_keyring: MemoryKeyring, client_file: Path
) -> None:
    terminal = Terminal()

    def user() -> Iterator[str]:
        url = url_after(URL_MARKER, terminal.out.getvalue())
        with httpx.Client(transport=emulator.transport()) as at_emulator:
            redirect = consent_sync(at_emulator, url)
        yield "the code is 4/abc"  # not an address at all
        yield with_param(redirect, state="stale")  # an address from another attempt
        yield f"  {redirect}  "

    terminal.typed = user()

    def no_browser(url: str) -> bool:
        raise AssertionError("--no-browser must not open a browser")

    ctx = context(terminal, memory_keyring, emulator, open_browser=no_browser, environ={})
    assert await login_command(login_args(client_file, "--no-browser", "--readonly"), ctx) == 0
    out, err = terminal.out.getvalue(), terminal.err.getvalue()
    assert "Copy that whole address" in out
    assert "Ignored: paste the whole address" in err
    assert "Ignored: the state does not match" in err
    token = await KeyringTokenStore(memory_keyring).current()
    assert "https://www.googleapis.com/auth/contacts.readonly" in token.scopes


async def test_an_ssh_session_uses_the_paste_path(
    emulator: Emulator, memory_keyring: MemoryKeyring, client_file: Path
) -> None:
    terminal = Terminal()

    def user() -> Iterator[str]:
        url = url_after(URL_MARKER, terminal.out.getvalue())
        with httpx.Client(transport=emulator.transport()) as at_emulator:
            yield consent_sync(at_emulator, url)

    terminal.typed = user()
    ctx = context(
        terminal,
        memory_keyring,
        emulator,
        open_browser=lambda url: pytest.fail("no browser over SSH"),
        environ={"SSH_CONNECTION": "10.0.0.2 50000 10.0.0.1 22"},
    )
    assert await login_command(login_args(client_file), ctx) == 0
    assert "This is an SSH session" in terminal.out.getvalue()


async def test_the_paste_path_reserves_its_port_without_listening(
    emulator: Emulator, memory_keyring: MemoryKeyring, client_file: Path
) -> None:
    terminal = Terminal()
    refused: list[bool] = []

    def user() -> Iterator[str]:
        url = url_after(URL_MARKER, terminal.out.getvalue())
        redirect_uri = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        with httpx.Client() as loopback:
            try:
                loopback.get(redirect_uri)
            except httpx.ConnectError:
                refused.append(True)
        return
        yield  # a generator that types nothing: the user gives up (EOF)

    terminal.typed = user()
    ctx = context(terminal, memory_keyring, emulator, environ={})
    assert await login_command(login_args(client_file, "--no-browser"), ctx) == 1
    assert refused == [True]
    assert "No address was pasted" in terminal.err.getvalue()
    assert (await KeyringTokenStore(memory_keyring).index()).accounts == ()


async def test_login_without_a_keyring_explains_before_any_browser(client_file: Path) -> None:
    terminal = Terminal()
    ctx = context(
        terminal, fail.Keyring(), None, open_browser=lambda url: pytest.fail("no browser")
    )
    assert await login_command(login_args(client_file), ctx) == 1
    assert "No keyring is available" in terminal.err.getvalue()
    assert "--token-store file" in terminal.err.getvalue()


async def test_login_with_a_broken_client_file_says_so(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    broken = tmp_path / "client_secret.json"
    broken.write_text('{"web": {}}')
    terminal = Terminal()
    assert await login_command(login_args(broken), context(terminal, memory_keyring, None)) == 1
    assert "Web application" in terminal.err.getvalue()


async def test_login_against_the_emulator_over_real_http(
    emulator: Emulator, memory_keyring: MemoryKeyring, client_file: Path
) -> None:
    """``--endpoint http://127.0.0.1:PORT``: plain http on loopback, real sockets both ways."""
    from peopletui.emulator.http import serve_in_thread

    terminal = Terminal()

    def browser(url: str) -> bool:
        with httpx.Client() as web:
            redirect = consent_sync(web, url)
            assert web.get(redirect).status_code == 200
        return True

    with serve_in_thread(emulator) as base_url:
        ctx = context(terminal, memory_keyring, None, open_browser=browser, environ={})
        assert await login_command(login_args(client_file, endpoint=base_url), ctx) == 0
    token = await KeyringTokenStore(memory_keyring).current()
    assert token.token_uri == f"{base_url}/token"
