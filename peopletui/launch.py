"""Start the app: logging to a file, the user's settings, the connector for the chosen target
(the demo, an endpoint, or Google), then `PeopleApp`.

- ``peopletui --demo``: the in-process emulator with seeded contacts (``--demo-contacts N``, a
  hidden option, for a bigger book, up to 25,000).
- ``peopletui --endpoint URL``: a running ``peopletui emulator`` (or any People API); the bearer
  token comes from ``PEOPLETUI_TOKEN``, or else from a sign-in through that server's OAuth
  endpoints (``peopletui login --endpoint URL``, or the sign-in screen).
- ``peopletui``: Google, with the stored account (``--account`` to choose); the sign-in screen
  appears when none is stored.
"""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from peopletui import config, paths
from peopletui.auth import install_redaction

if TYPE_CHECKING:
    from peopletui.auth import TokenStoreKind
    from peopletui.ui.connection import Connector

LOG_FILE = "peopletui.log"
TOKEN_VARIABLE = "PEOPLETUI_TOKEN"


def setup_logging() -> Path:
    """Log to a file in the user's log dir, with tokens redacted from every record."""
    path = paths.log_dir() / LOG_FILE
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    install_redaction(handler)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # One line per request is the client's own debug log; httpx's copy would double it.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # httpcore logs raw headers at debug level: never wanted in the user's log, whatever the level.
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return path


def load_settings() -> tuple[config.Settings, tuple[str, ...]]:
    """The user's settings; a broken config file gives the defaults and a note to show."""
    try:
        return config.load_settings(), ()
    except config.ConfigError as error:
        return config.Settings(), (f"The config file was not used: {error}",)


def build_connector(args: argparse.Namespace) -> Connector:
    from peopletui.connectors import DemoConnector, OAuthConnector, TokenConnector

    account = getattr(args, "account", None)
    token_store: TokenStoreKind = "file" if args.token_store == "file" else "keyring"
    secrets = Path(args.client_secrets).expanduser() if args.client_secrets else None
    if args.demo:
        return DemoConnector(contacts=args.demo_contacts, seed=0)
    if args.endpoint:
        url = args.endpoint.rstrip("/")
        token = os.environ.get(TOKEN_VARIABLE)
        if token:
            return TokenConnector(url, token, account=account)
        return OAuthConnector(
            account=account, endpoint=url, token_store=token_store, client_secrets=secrets
        )
    return OAuthConnector(account=account, token_store=token_store, client_secrets=secrets)


def run_app(args: argparse.Namespace) -> int:
    setup_logging()
    settings, notes = load_settings()
    connector = build_connector(args)

    from peopletui.app import PeopleApp

    app = PeopleApp(connector, settings=settings, notes=notes)
    app.run()
    return app.return_code or 0
