"""The app's command line: its options, and the subcommands, each wired when it is used.

`LazyCommandParser` keeps ``peopletui --demo`` and ``peopletui --endpoint`` from importing the
emulator's server, httpx, the OAuth flow and keyring (some 300 ms before the first paint) just
to describe ``peopletui emulator`` and ``peopletui login``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from peopletui.auth.commands import COMMAND_HELP
from peopletui.auth.store_kinds import TOKEN_STORE_KINDS


class LazyCommandParser(argparse.ArgumentParser):
    """A subcommand whose options are added when it is used: parsed, or its help shown."""

    def __init__(
        self, *args: Any, wire: Callable[[argparse.ArgumentParser], None], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._wire: Callable[[argparse.ArgumentParser], None] | None = wire

    def _wired(self) -> None:
        if self._wire is not None:
            wire, self._wire = self._wire, None
            wire(self)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        self._wired()
        return super().parse_known_args(*args, **kwargs)

    def format_help(self) -> str:
        self._wired()
        return super().format_help()


def _contact_count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= count <= 25_000:
        raise argparse.ArgumentTypeError("the demo book holds 1 to 25,000 contacts")
    return count


def build_parser() -> argparse.ArgumentParser:
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
    parser.add_argument(
        "--token-store",
        choices=TOKEN_STORE_KINDS,
        default="keyring",
        help="where sign-in tokens are kept: the keyring (default) or, by explicit choice, "
        "a private file",
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=LazyCommandParser
    )
    subparsers.add_parser(
        "emulator",
        help="serve the People API emulator on loopback",
        description="Serve the People API emulator on loopback for any client to use.",
        wire=_wire_emulator,
    )
    for name, (help_text, description) in COMMAND_HELP.items():
        subparsers.add_parser(
            name, help=help_text, description=description, wire=_auth_wiring(name)
        )
    return parser


def _wire_emulator(parser: argparse.ArgumentParser) -> None:
    from peopletui.emulator import cli as emulator_cli

    emulator_cli.add_arguments(parser)
    parser.set_defaults(handler=emulator_cli.run)


def _auth_wiring(name: str) -> Callable[[argparse.ArgumentParser], None]:
    def wire(parser: argparse.ArgumentParser) -> None:
        from peopletui.auth import cli as auth_cli

        auth_cli.WIRING[name](parser)

    return wire
