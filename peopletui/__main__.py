"""Command line: `peopletui [--demo | --endpoint URL]` opens the app; subcommands do the rest.

Each subcommand imports only what it needs, so `peopletui query` (called by mail clients on every
lookup) never pays for the UI.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _build_parser() -> argparse.ArgumentParser:
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
    parser = _build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args) or 0)
    from peopletui.launch import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
