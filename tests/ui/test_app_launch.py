"""Starting the app: which connector each target gets, the log file (tokens redacted), and the
real connectors against a loopback `peopletui emulator` — a fixed token, a stored sign-in (the
file token store), no sign-in at all, and a new sign-in replacing the credentials in place."""

from __future__ import annotations

import argparse
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_harness import main_screen, settle, until

from peopletui import paths
from peopletui.app import PeopleApp
from peopletui.auth import FileTokenStore, SignInRequired, StoredToken
from peopletui.cli import build_parser
from peopletui.connectors import DemoConnector, OAuthConnector, TokenConnector
from peopletui.emulator import Emulator, serve_in_thread
from peopletui.launch import LOG_FILE, build_connector, setup_logging
from peopletui.ui.screens.main import MainScreen

TOKEN = "launch-test-token"


def parse(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


@pytest.fixture
def emulator_url() -> Iterator[tuple[Emulator, str]]:
    emulator = Emulator(contacts=12, seed=3, token=TOKEN)
    with serve_in_thread(emulator) as url:
        yield emulator, url


def test_each_target_gets_its_connector(monkeypatch: pytest.MonkeyPatch) -> None:
    demo = build_connector(parse("--demo", "--demo-contacts", "25000"))
    assert isinstance(demo, DemoConnector) and "25,000" in demo.label
    assert isinstance(build_connector(parse("--endpoint", "http://127.0.0.1:9")), OAuthConnector)
    monkeypatch.setenv("PEOPLETUI_TOKEN", TOKEN)
    assert isinstance(build_connector(parse("--endpoint", "http://127.0.0.1:9/")), TokenConnector)
    assert isinstance(build_connector(parse()), OAuthConnector)
    with pytest.raises(SystemExit):
        parse("--demo", "--demo-contacts", "30000")


def test_the_log_goes_to_the_log_dir_with_tokens_redacted() -> None:
    root = logging.getLogger()
    level = root.level
    path = setup_logging()
    handler = root.handlers[-1]
    try:
        logging.getLogger("peopletui.test").warning(
            "sending Authorization: Bearer ya29.a0AfH6SMBsecretsecretsecret"
        )
        handler.flush()
        assert path == paths.log_dir() / LOG_FILE
        text = path.read_text(encoding="utf-8")
        assert "sending Authorization" in text
        assert "ya29.a0AfH6SMBsecretsecretsecret" not in text
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        logging.getLogger("httpx").setLevel(logging.NOTSET)
        handler.close()


async def test_a_fixed_token_opens_the_endpoint(emulator_url: tuple[Emulator, str]) -> None:
    _emulator, url = emulator_url
    app = PeopleApp(TokenConnector(url, TOKEN))
    async with app.run_test() as pilot:
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
        await settle(pilot)
        screen = main_screen(app)
        assert screen.account == f"endpoint:{url}"
        assert screen.contact_list.row_count == 12


async def test_a_stored_sign_in_opens_the_account_and_none_asks_for_one(
    emulator_url: tuple[Emulator, str],
) -> None:
    emulator, url = emulator_url
    connector = OAuthConnector(endpoint=url, token_store="file")
    with pytest.raises(SignInRequired):
        await connector.open()

    access = emulator.tokens.issue_access_token(emulator.account, ttl=3600)
    stored = StoredToken(
        account=emulator.account,
        refresh_token="1//unused-here",
        client_id="test-client",
        client_secret="test-secret",
        scopes=frozenset({"https://www.googleapis.com/auth/contacts"}),
        access_token=access,
        expires_at=time.time() + 3600,
        token_uri=f"{url}/token",
    )
    await FileTokenStore().save(stored)
    session = await connector.open()
    try:
        assert session.account == emulator.account
        await session.book.start(sync=False)
        await session.book.sync()
        assert len(session.book) == 12

        # A new sign-in for the same account: the open session takes its token in place.
        emulator.tokens.revoke(access)
        fresh = emulator.tokens.issue_access_token(emulator.account, ttl=3600)
        await FileTokenStore().save(stored.with_access_token(fresh, time.time() + 3600))
        assert await connector.signed_in(emulator.account) is False
        report = await session.book.refresh(session.book.names_in_order()[:1])
        assert len(report.refreshed) == 1
        assert await connector.signed_in("someone.else@example.org") is True
    finally:
        await session.close()
        await connector.close()


def test_the_app_is_given_the_client_secrets_option(tmp_path: Path) -> None:
    secrets = tmp_path / "client_secret.json"
    connector = build_connector(parse("--client-secrets", str(secrets)))
    assert isinstance(connector, OAuthConnector)
    assert connector.sign_in(None) is not None
