"""A whole run of the app — login, sync, an edit, quit, logout — leaves no credential in any file
under the config, cache, state or log dirs, in any log line or in any printed line.

Everything is real: the ``peopletui login`` and ``logout`` handlers, a loopback `peopletui
emulator` (its OAuth server and People API), the app under Textual's Pilot with its real
connector, cache and log file. The test plays the browser (one GET at the emulator's consent
page, whose redirect it pastes back, as ``--no-browser`` asks). The one thing mocked is the
desktop keyring, which cannot run here: `MemoryKeyring` is installed as keyring's backend.
"""

from __future__ import annotations

import argparse
import io
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import httpx
import keyring
import pytest
from app_harness import main_screen, screen_of, settle, until
from auth.auth_helpers import (
    CLIENT_SECRET,
    MemoryKeyring,
    consent_sync,
    url_after,
    write_client_file,
)

from peopletui.api import ALL_PERSON_FIELDS, PeopleClient, StaticTokenAuth
from peopletui.app import PeopleApp
from peopletui.auth import KeyringTokenStore, StoredToken
from peopletui.auth.cli import CommandContext, add_arguments, login_command, logout_command
from peopletui.connectors import OAuthConnector
from peopletui.emulator import Emulator, serve_in_thread
from peopletui.launch import setup_logging
from peopletui.ui.forms.widgets import ColumnInput, FieldSection, RowEditor
from peopletui.ui.screens.edit import EditScreen
from peopletui.ui.screens.main import MainScreen

CONTACTS = 40
NEW_EMAIL = "after.refresh@example.net"


@pytest.fixture
def keyring_in_memory() -> Iterator[MemoryKeyring]:
    """keyring's default backend is a dict for this test (the desktop keyring cannot run here)."""
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)
    memory.hang.set()


@pytest.fixture
def served() -> Iterator[tuple[Emulator, str]]:
    emulator = Emulator(contacts=CONTACTS, seed=11)
    with serve_in_thread(emulator) as url:
        yield emulator, url


class UnredactedLines(logging.Handler):
    """Every log line as its code wrote it. The file handler's redaction filter rewrites the
    shared record in place, so this handler is added before it: it shows whether any code tried
    to log a credential at all, not only whether the filter caught it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.browser_threads: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        # The test's own browser is not the app: httpcore's debug lines of its GET show the
        # redirect's Location header, code and all (a browser keeps that in its history too).
        if record.thread not in self.browser_threads:
            self.lines.append(self.format(record))

    @contextmanager
    def not_the_app(self) -> Iterator[None]:
        """Lines logged by this thread meanwhile are the test's, not the app's."""
        thread = threading.get_ident()
        self.browser_threads.add(thread)
        try:
            yield
        finally:
            self.browser_threads.discard(thread)


@pytest.fixture
def unredacted(caplog: pytest.LogCaptureFixture) -> Iterator[UnredactedLines]:
    caplog.set_level(logging.DEBUG)  # first: caplog puts back the level from before the test
    handler = UnredactedLines()
    logging.getLogger().addHandler(handler)
    yield handler
    logging.getLogger().removeHandler(handler)


@pytest.fixture
def app_log(unredacted: UnredactedLines) -> Iterator[Path]:
    """The app's own log file (`launch.setup_logging`), at DEBUG so every request line is in it."""
    root = logging.getLogger()
    path = setup_logging()
    handler = root.handlers[-1]
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    handler.close()
    logging.getLogger("httpx").setLevel(logging.NOTSET)


def parse(url: str, *argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="peopletui")
    add_arguments(parser.add_subparsers(dest="command"))
    return parser.parse_args([*argv, "--endpoint", url])


async def test_a_full_run_leaves_no_token_in_files_logs_or_output(
    isolated_dirs: Path,
    tmp_path: Path,
    keyring_in_memory: MemoryKeyring,
    served: tuple[Emulator, str],
    app_log: Path,
    unredacted: UnredactedLines,
    caplog: pytest.LogCaptureFixture,
) -> None:
    emulator, url = served
    out, err = io.StringIO(), io.StringIO()
    codes: list[str] = []

    def browser(prompt: str) -> str:
        """The user: opens the printed address, approves, pastes back where the browser ends."""
        with unredacted.not_the_app(), httpx.Client() as at_emulator:
            redirect = consent_sync(at_emulator, url_after("sign in with Google:", out.getvalue()))
        codes.append(parse_qs(urlsplit(redirect).query)["code"][0])
        return redirect

    # The CLI and the app both take keyring's configured backend, as on a desktop.
    ctx = CommandContext(out=out, err=err, read_line=browser, environ={})
    client_file = write_client_file(tmp_path)
    login = parse(url, "login", "--client-secrets", str(client_file), "--no-browser")
    assert await login_command(login, ctx) == 0, err.getvalue()
    signed_in = await _stored(keyring_in_memory)
    assert signed_in.access_token is not None
    emulator.tokens.expire(signed_in.access_token)  # the app's first request must refresh it

    key = await _run_app_and_edit(OAuthConnector(endpoint=url, token_store="keyring"))
    assert await _server_email(emulator, url, key) == NEW_EMAIL

    refreshed = await _stored(keyring_in_memory)
    assert refreshed.access_token not in (None, signed_in.access_token)
    assert await logout_command(parse(url, "logout"), ctx) == 0, err.getvalue()
    assert keyring_in_memory.entries.keys() == {("peopletui", ":index")}

    token_calls = [r for r in caplog.records if r.getMessage().startswith("POST /token 200")]
    assert len(token_calls) == 2  # the code exchange at login, and the app's refresh
    places = _read_all(isolated_dirs)  # every Pilot task has ended: nothing writes any more
    log_text = places[str(app_log)].decode()
    assert "Refreshing the access token" in log_text
    assert "GET /v1/people/me/connections -> 200" in log_text  # the client's request lines
    assert f"PATCH /v1/{key}:updateContact -> 200" in log_text

    secrets = _secrets(signed_in, refreshed, *codes)
    assert len(secrets) == 6  # refresh token, two access tokens, client secret, code, its tail
    places |= {
        "captured log records": caplog.text.encode(),
        "log lines before redaction": "\n".join(unredacted.lines).encode(),
        "printed output": (out.getvalue() + err.getvalue()).encode(),
    }
    assert any(name.endswith(".sqlite3") for name in places)  # the cache is searched too
    for where, content in places.items():
        for secret in secrets:
            assert secret.encode() not in content, f"a credential leaked into {where}"


async def _run_app_and_edit(connector: OAuthConnector) -> str:
    """Sync the book, change one contact's email through the form, save, quit; its name."""
    app = PeopleApp(connector)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        screen = main_screen(app)
        assert screen.contact_list.row_count == CONTACTS
        assert app.opened is not None
        book = app.opened.book
        key = next(
            name for name in book.names_in_order() if (book.get(name) or {}).get("emailAddresses")
        )
        screen.contact_list.move_to_key(key)
        await pilot.press("e")
        form: EditScreen = await screen_of(pilot, EditScreen)
        await form.rows_mounted.wait()
        _email_input(form).value = NEW_EMAIL
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        await pilot.press("q")
        await until(pilot, lambda: not app.is_running)
    return key


def _email_input(form: EditScreen) -> ColumnInput:
    section = form.query_one("#section-emailAddresses", FieldSection)
    editor = next(iter(section.query_children(RowEditor))).editor_for("value")
    assert isinstance(editor, ColumnInput)
    return editor


async def _server_email(emulator: Emulator, url: str, key: str) -> Any:
    """What the server holds now, read by a second client with a token of its own."""
    token = emulator.tokens.issue_access_token(emulator.account, ttl=None)
    async with PeopleClient(url, auth=StaticTokenAuth(token)) as client:
        person = await client.get_person(key, person_fields=ALL_PERSON_FIELDS)
    return person.to_api()["emailAddresses"][0]["value"]


async def _stored(backend: MemoryKeyring) -> StoredToken:
    store = KeyringTokenStore(backend)
    index = await store.index()
    assert index.last_used is not None
    return await store.load(index.last_used)


def _secrets(signed_in: StoredToken, refreshed: StoredToken, *codes: str) -> set[str]:
    values = {
        signed_in.refresh_token,
        signed_in.access_token,
        refreshed.access_token,
        CLIENT_SECRET,
        *codes,
    }
    # The code ("4/0…") is percent-encoded in URLs; its distinctive tail is looked for as well.
    values |= {unquote(code).split("/")[-1] for code in codes}
    return {value for value in values if value}


def _read_all(folder: Path) -> dict[str, bytes]:
    """Every file under the temporary config/cache/state/data dirs (log dir included), as bytes:
    the SQLite cache and its journal are searched as they are on disk."""
    return {str(path): path.read_bytes() for path in folder.rglob("*") if path.is_file()}
