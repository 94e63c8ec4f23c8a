"""``peopletui login | logout | status``: argparse wiring and the three handlers.

``peopletui/cli.py`` wires each command (`WIRING`) when it is used and then calls
``args.handler(args)``, which returns the exit code; `add_arguments` adds all three at once.
The coroutines behind the handlers (`login_command`…) take a `CommandContext` so tests can hand
in an emulator transport, an in-memory keyring and a scripted browser or terminal. This is the
only module of `peopletui.auth` that prints.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import webbrowser
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import httpx
from keyring.backend import KeyringBackend

from .client_secrets import find_client_secrets, load_client_secrets
from .commands import COMMAND_HELP
from .endpoints import OAuthEndpoints, endpoints_for, requested_scopes
from .errors import AuthError, SignInCancelled, TokenEndpointError
from .events import (
    BrowserOpened,
    OpenUrl,
    RequestRefused,
    SignedIn,
    SignInEvent,
    WaitingForRedirect,
)
from .offloop import run_off_loop
from .open_store import open_token_store
from .signin import BrowserOpener, SignInFlow
from .status import collect_status, format_status
from .store import DEFAULT_TIMEOUT, TokenStore
from .store_kinds import TOKEN_STORE_KINDS
from .token import CorruptTokenBlob, StoredToken
from .token_client import Clock, TokenClient

MAX_PASTE_ATTEMPTS = 5
HTTP_TIMEOUT = httpx.Timeout(30.0)
Handler = Callable[[argparse.Namespace], int]


@dataclass
class CommandContext:
    """The outside world as the commands see it; the defaults are the real one."""

    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    open_browser: BrowserOpener = webbrowser.open
    read_line: Callable[[str], str] = input
    keyring_backend: KeyringBackend | None = None
    token_file: Path | None = None
    transport: httpx.AsyncBaseTransport | None = None
    clock: Clock = time.time
    keyring_timeout: float = DEFAULT_TIMEOUT

    def say(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def warn(self, text: str) -> None:
        print(text, file=self.err, flush=True)

    def http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=self.transport, timeout=HTTP_TIMEOUT)


def add_arguments(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """All three commands on `subparsers` (``peopletui/cli.py`` wires each one when used)."""
    for name, wire in WIRING.items():
        help_text, description = COMMAND_HELP[name]
        wire(subparsers.add_parser(name, help=help_text, description=description))


def add_login_arguments(login: argparse.ArgumentParser) -> None:
    login.add_argument(
        "--client-secrets",
        type=Path,
        metavar="FILE",
        help="the client_secret*.json of your Desktop-app OAuth client "
        "(default: client_secret*.json in the config folder)",
    )
    login.add_argument(
        "--account",
        metavar="EMAIL",
        default=argparse.SUPPRESS,
        help="the Google account to sign in as",
    )
    login.add_argument(
        "--no-browser",
        action="store_true",
        help="do not open a browser: show the URL and paste back the address it ends on "
        "(automatic over SSH)",
    )
    login.add_argument(
        "--readonly", action="store_true", help="ask only to read contacts, never to change them"
    )
    _add_shared(login)
    login.set_defaults(handler=run_login)


def add_logout_arguments(logout: argparse.ArgumentParser) -> None:
    logout.add_argument(
        "--account",
        metavar="EMAIL",
        default=argparse.SUPPRESS,
        help="the account (default: last used)",
    )
    _add_shared(logout)
    logout.set_defaults(handler=run_logout)


def add_status_arguments(status: argparse.ArgumentParser) -> None:
    _add_shared(status)
    status.set_defaults(handler=run_status)


def _add_shared(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS (here and on --account): when the main parser defines the same options, an unset
    # subcommand flag must not overwrite the value given before the subcommand.
    parser.add_argument(
        "--token-store",
        choices=TOKEN_STORE_KINDS,
        default=argparse.SUPPRESS,
        help="where to keep tokens: the keyring (default) or, by explicit choice, a private file",
    )
    parser.add_argument(
        "--endpoint",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="sign in at this server (the emulator) instead of Google",
    )


WIRING: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "login": add_login_arguments,
    "logout": add_logout_arguments,
    "status": add_status_arguments,
}


def _account_option(args: argparse.Namespace) -> str | None:
    """``--account``, given before the subcommand (the app's option) or after it."""
    account = getattr(args, "account", None)
    return account if isinstance(account, str) and account else None


def run_login(args: argparse.Namespace) -> int:
    return _run(login_command(args, CommandContext()))


def run_logout(args: argparse.Namespace) -> int:
    return _run(logout_command(args, CommandContext()))


def run_status(args: argparse.Namespace) -> int:
    return _run(status_command(args, CommandContext()))


def _run(command: Coroutine[Any, Any, int]) -> int:
    try:
        return asyncio.run(command)
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130


async def _open_store(
    args: argparse.Namespace, ctx: CommandContext, *, announce: bool = True
) -> TokenStore:
    store = await open_token_store(
        getattr(args, "token_store", "keyring"),
        backend=ctx.keyring_backend,
        path=ctx.token_file,
        keyring_timeout=ctx.keyring_timeout,
    )
    if announce and store.warning:
        ctx.warn(f"Warning: {store.warning}")
    return store


async def login_command(args: argparse.Namespace, ctx: CommandContext) -> int:
    endpoints = endpoints_for(getattr(args, "endpoint", None))
    try:
        client = load_client_secrets(args.client_secrets or find_client_secrets())
        store = await _open_store(args, ctx)
    except AuthError as error:
        ctx.warn(str(error))
        return 1
    wanted = _account_option(args)
    paste = args.no_browser or bool(ctx.environ.get("SSH_CONNECTION"))
    if paste and not args.no_browser:
        ctx.say("This is an SSH session: sign in with a browser on any machine, then paste back.")
    async with ctx.http() as http:
        flow = SignInFlow(
            client,
            token_client=TokenClient(http, endpoints, clock=ctx.clock),
            store=store,
            scopes=requested_scopes(readonly=args.readonly),
            login_hint=wanted,
            on_event=lambda event: _print_event(event, ctx),
        )
        try:
            if paste:
                token = await flow.with_pasted_redirect(_paste_reader(ctx))
            else:
                token = await flow.with_browser(ctx.open_browser)
        except AuthError as error:
            ctx.warn(f"Sign-in failed: {error}")
            return 1
    if wanted and token.account.lower() != wanted.lower():
        ctx.warn(f"Note: you signed in as {token.account}, not {wanted}.")
    return 0


def _print_event(event: SignInEvent, ctx: CommandContext) -> None:
    if isinstance(event, OpenUrl):
        ctx.say("Open this address in a browser to sign in with Google:")
        ctx.say()
        ctx.say(f"    {event.url}")
        ctx.say()
    elif isinstance(event, BrowserOpened):
        ctx.say(
            "Your browser was opened on that page."
            if event.opened
            else "No browser could be opened: open the address above yourself."
        )
    elif isinstance(event, WaitingForRedirect) and event.paste:
        ctx.say(
            f"After you approve, the browser goes to an address starting with "
            f"{event.redirect_uri} that does not load. Copy that whole address from the address "
            "bar and paste it here."
        )
    elif isinstance(event, WaitingForRedirect):
        ctx.say(f"Waiting for the browser to come back to {event.redirect_uri} (ctrl+c to stop)…")
    elif isinstance(event, RequestRefused):
        ctx.warn(f"Ignored: {event.reason}")
    elif isinstance(event, SignedIn):
        ctx.say(f"Signed in as {event.account}.")
        if event.missing_scopes:
            missing = ", ".join(sorted(event.missing_scopes))
            ctx.warn(f"Not granted: {missing}. Features that need it stay off.")


def _paste_reader(ctx: CommandContext) -> Callable[[], Coroutine[Any, Any, str]]:
    attempts = 0

    async def read_redirect() -> str:
        nonlocal attempts
        attempts += 1
        if attempts > MAX_PASTE_ATTEMPTS:
            raise SignInCancelled("Too many addresses that were not this sign-in's redirect.")
        try:
            # A daemon thread: an abandoned input() must not keep the process alive at exit.
            return await run_off_loop(
                lambda: ctx.read_line("Address: "), limit=None, name="peopletui-paste"
            )
        except EOFError:
            raise SignInCancelled("No address was pasted; sign-in stopped.") from None

    return read_redirect


async def logout_command(args: argparse.Namespace, ctx: CommandContext) -> int:
    endpoints = endpoints_for(getattr(args, "endpoint", None))
    try:
        store = await _open_store(args, ctx)
        index = await store.index()
        account = _account_option(args) or index.last_used
        if account is None or account not in index.accounts:
            who = f"{account} is not" if account else "No account is"
            ctx.warn(f"{who} signed in; nothing to sign out.")
            return 1
        try:
            token = await store.load(account)
        except CorruptTokenBlob:
            token = None  # nothing to revoke, but the entry still goes
        revoked = await _revoke(token, endpoints, ctx) if token else None
        await store.delete(account)
    except AuthError as error:
        ctx.warn(str(error))
        return 1
    if token is None:
        ctx.say(f"Removed the unreadable sign-in of {account}.")
        return 0
    if revoked is True:
        ctx.say(f"Signed out {account}: access revoked and the token removed.")
    elif revoked is False:
        ctx.say(f"Signed out {account}: the token was already dead and is now removed.")
    else:
        ctx.say(f"Removed the token of {account} from this machine.")
    return 0 if revoked is not None else 1


async def _revoke(
    token: StoredToken, endpoints: OAuthEndpoints, ctx: CommandContext
) -> bool | None:
    """True: revoked; False: the server no longer knew it; None: could not be revoked."""
    async with ctx.http() as http:
        try:
            return await TokenClient(http, endpoints, clock=ctx.clock).revoke(token.refresh_token)
        except TokenEndpointError as error:
            ctx.warn(
                f"Could not revoke the sign-in: {error}\nRemove peopletui's access by hand at "
                "https://myaccount.google.com/connections if you want it gone at Google too."
            )
            return None


async def status_command(args: argparse.Namespace, ctx: CommandContext) -> int:
    endpoints = endpoints_for(getattr(args, "endpoint", None))
    try:
        store = await _open_store(args, ctx, announce=False)  # status lists the warning itself
    except AuthError as error:
        ctx.say("Token store: unusable")
        ctx.say()
        ctx.say(str(error))
        return 1
    now = ctx.clock()
    status = await collect_status(store, endpoints=endpoints, now=now)
    for line in format_status(status, now=now):
        ctx.say(line)
    return 1 if status.keyring_problem else 0
