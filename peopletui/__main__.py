"""Command line: `peopletui [--demo | --endpoint URL]` opens the app; subcommands do the rest.

Each subcommand imports only what it needs, so `peopletui query` (called by mail clients on every
lookup) never pays for the UI.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Not `typing.TYPE_CHECKING`: importing typing (or argparse) here would slow `peopletui query`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse


def _contact_count(text: str) -> int:
    import argparse

    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= count <= 25_000:
        raise argparse.ArgumentTypeError("the demo book holds 1 to 25,000 contacts")
    return count


def _build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="peopletui",
        description="A keyboard-driven terminal contact manager for Google Contacts.",
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "--demo",
        action="store_true",
        help="run on the built-in People API emulator with demo contacts (no Google account)",
    )
    target.add_argument(
        "--endpoint",
        metavar="URL",
        help="use a People API at URL instead of Google's (for example a `peopletui emulator`)",
    )
    parser.add_argument("--account", metavar="EMAIL", help="which signed-in account to open")
    # Hidden: a bigger demo book, to feel the app at scale (e.g. --demo-contacts 25000).
    parser.add_argument("--demo-contacts", type=_contact_count, default=200, help=argparse.SUPPRESS)
    parser.add_argument(
        "--client-secrets",
        metavar="FILE",
        help="the client_secret*.json of your Desktop-app OAuth client, for signing in from the "
        "app (default: client_secret*.json in the config folder)",
    )
    from peopletui.auth.open_store import TOKEN_STORE_KINDS

    parser.add_argument(
        "--token-store",
        choices=TOKEN_STORE_KINDS,
        default="keyring",
        help="where sign-in tokens are kept: the keyring (default) or, by explicit choice, "
        "a private file",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")

    emulator = subparsers.add_parser(
        "emulator",
        help="serve the People API emulator on loopback",
        description="Serve the People API emulator on loopback for any client to use.",
    )
    from peopletui.emulator import cli as emulator_cli

    emulator_cli.add_arguments(emulator)
    emulator.set_defaults(handler=emulator_cli.run)

    from peopletui.auth import cli as auth_cli

    auth_cli.add_arguments(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == ["query"]:
        # Before the parser, which imports the emulator and auth CLIs: mail clients run this on
        # every completion (see peopletui/query.py).
        from peopletui import query

        status = query.main(arguments[1:])
        if argv is None:  # this process is the command: end it without the slow teardown
            query.exit_now(status)
        return status
    parser = _build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args) or 0)
    from peopletui.launch import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
