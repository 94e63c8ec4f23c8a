"""``peopletui emulator``: the People API emulator on loopback, for curl, scripts and the app.

It prints its base URL, the bearer token it accepts and a ready-to-paste example on stdout, logs
one line per request on stderr, and stops cleanly on Ctrl-C or SIGTERM (saving the state file).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import shlex
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

from .core import DEFAULT_ACCOUNT, Emulator
from .http import LoopbackServer
from .persist import StateFileError

FAULTS_HELP = (
    "inject faults into API requests (off by default): comma-separated key=value pairs. "
    "rate=0.3 (fraction of API requests that fail), "
    "kinds=429+500+503+drop+drop_after (which failures, chosen uniformly; default all; drop_after "
    "applies the request, then hangs up), seed=7 (same seed and requests, same faults), "
    "latency=20ms or latency=10ms..50ms (added to every request), "
    "quota=120/min (per account and People API quota bucket; beyond it 429 RESOURCE_EXHAUSTED). "
    "Example: rate=0.2,kinds=503+drop_after,seed=7,latency=5ms..30ms"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1; loopback only unless --allow-remote)",
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=0,
        help="port to listen on (default: 0, any free port; the URL is printed)",
    )
    parser.add_argument(
        "--contacts",
        type=_count,
        default=60,
        metavar="N",
        help="how many demo contacts to seed (default: 60; up to 25000)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, metavar="N", help="seed of the demo data (default: 0)"
    )
    parser.add_argument(
        "--state",
        type=Path,
        metavar="FILE",
        help="keep the book in this JSON file, so changes survive restarts (default: memory only)",
    )
    parser.add_argument("--faults", default="", metavar="SPEC", help=FAULTS_HELP)
    parser.add_argument(
        "--token",
        metavar="TOKEN",
        help="the bearer token to accept (default: a new random one, printed at start)",
    )
    parser.add_argument(
        "--account",
        default=DEFAULT_ACCOUNT,
        metavar="EMAIL",
        help=f"the signed-in account (default: {DEFAULT_ACCOUNT})",
    )
    parser.add_argument(
        "--consumer",
        action="store_true",
        help="a consumer account with no Workspace directory (directory calls answer 400)",
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow --host to be a non-loopback address (anyone who reaches it gets the book)",
    )


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; 0 after a clean stop, 2 when it cannot start."""
    with _request_log_on_stderr():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        emulator = Emulator(
            contacts=args.contacts,
            seed=args.seed,
            account=args.account,
            workspace=not args.consumer,
            faults=args.faults,
            state_file=args.state,
            token=args.token,
        )
    except (StateFileError, ValueError) as error:
        print(f"peopletui emulator: {error}", file=sys.stderr)
        return 2
    try:
        return asyncio.run(_serve(emulator, args))
    except KeyboardInterrupt:  # platforms without loop signal handlers (Windows)
        return 0
    finally:
        try:
            emulator.close()
        except OSError as error:
            print(f"peopletui emulator: could not save {args.state}: {error}", file=sys.stderr)


async def _serve(emulator: Emulator, args: argparse.Namespace) -> int:
    try:
        server = LoopbackServer(emulator, args.host, args.port, allow_remote=args.allow_remote)
        await server.start()
    except ValueError as error:
        print(f"peopletui emulator: {error}; pass --allow-remote to do so", file=sys.stderr)
        return 2
    except OSError as error:
        print(
            f"peopletui emulator: cannot listen on {args.host}:{args.port}: {error.strerror}",
            file=sys.stderr,
        )
        return 2
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    print(_banner(emulator, server.base_url, args), flush=True)
    try:
        await stop.wait()
    finally:
        await server.close()
    print("peopletui emulator: stopped", file=sys.stderr, flush=True)
    return 0


def _banner(emulator: Emulator, base_url: str, args: argparse.Namespace) -> str:
    kind = "consumer account" if args.consumer else "Workspace account with a directory"
    example_url = f"{base_url}/v1/people/me/connections?personFields=names"
    header = f"Authorization: Bearer {emulator.token}"
    return "\n".join(
        [
            f"People API emulator listening on {base_url}",
            f"  account: {args.account} ({kind})",
            f"  token:   {emulator.token}",
            f"  faults:  {emulator.faults.spec}",
            f"  state:   {args.state or 'in memory only'}",
            "Try:",
            f"  curl -H {shlex.quote(header)} {shlex.quote(example_url)}",
            "Or point the app at it:",
            f"  peopletui --endpoint {base_url}",
            "Ctrl-C stops it.",
        ]
    )


@contextlib.contextmanager
def _request_log_on_stderr() -> Iterator[None]:
    """One line per request on stderr while serving; undone afterwards (run may be called from
    a process that goes on, such as a test)."""
    logger = logging.getLogger("peopletui.emulator")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _port(text: str) -> int:
    port = int(text)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0-65535)")
    return port


def _count(text: str) -> int:
    count = int(text)
    if count < 0:
        raise argparse.ArgumentTypeError("the number of contacts cannot be negative")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="peopletui emulator",
        description="Run the People API emulator on loopback, for curl, scripts and the app.",
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
