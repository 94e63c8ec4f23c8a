"""Command line: `peopletui [--demo | --endpoint URL]` opens the app; subcommands do the rest.

Each subcommand imports only what it needs, so `peopletui query` (called by mail clients on every
lookup) never pays for the UI.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == ["query"]:
        # Before the parser (argparse and the app's options): mail clients run this on
        # every completion (see peopletui/query.py).
        from peopletui import query

        status = query.main(arguments[1:])
        if argv is None:  # this process is the command: end it without the slow teardown
            query.exit_now(status)
        return status
    from peopletui.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is not None:
        return int(handler(args) or 0)
    from peopletui.launch import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
