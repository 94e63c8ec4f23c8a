"""`peopletui query QUERY [--format mutt|aerc|tsv|json] [--account EMAIL]`: email addresses for
mail clients, answered from the local cache.

    set query_command = "peopletui query --format mutt %s"            (mutt, neomutt)
    address-book-cmd = peopletui query --format aerc "%s"              (aerc)

It never touches the network, and imports nothing but the standard library and a few small
modules of its own (no Textual, httpx, pydantic, keyring nor platformdirs): a mail client runs it
on every completion. Several QUERY arguments are joined with spaces, so a query_command that
quotes %s itself (mutt already does) still searches for all the words.

Exit status: 0 with matches, 1 with none (mutt and aerc read that as "nothing found"), 2 when
the command cannot answer (no cache yet, an unknown account, a bad option).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from peopletui.query_search import Match

TYPE_CHECKING = False  # not typing's: importing typing costs some 2 ms
if TYPE_CHECKING:
    from typing import NoReturn

USAGE = """\
usage: peopletui query [--format mutt|aerc|tsv|json] [--account EMAIL] [--] QUERY...

Print the email addresses of the cached contacts whose name, nickname, organization or
address contains every word of QUERY (case and accents ignored), one per line as
address<TAB>name<TAB>extra. "mutt" (the default) starts with a status line. The account is
the one last opened in peopletui unless --account says otherwise.
Exit status: 0 found, 1 nothing found, 2 error.
"""

NO_MATCH = 1
FAILED = 2


class _UsageError(Exception):
    pass


def _parse(argv: Sequence[str]) -> tuple[str, str | None, str | None]:
    """(format, account, query) from the arguments after `query`; None query for --help."""
    from peopletui.query_output import FORMATS

    output_format: str = "mutt"
    account: str | None = None
    words: list[str] = []
    arguments = iter(argv)
    for argument in arguments:
        if argument in ("-h", "--help"):
            return output_format, account, None
        if argument == "--":
            words += arguments
            break
        option, equals, value = argument.partition("=")
        if option in ("--format", "--account"):
            if not equals:
                value = next(arguments, "")
                if not value:
                    raise _UsageError(f"{option} needs a value")
            if option == "--account":
                account = value
            elif value in FORMATS:
                output_format = value
            else:
                raise _UsageError(f"unknown format {value!r}: choose one of {', '.join(FORMATS)}")
        elif argument.startswith("--"):
            raise _UsageError(f"unknown option {argument}")
        else:
            words.append(argument)
    if not words:
        raise _UsageError('give a QUERY (an empty one, "", lists every address)')
    return output_format, account, " ".join(words)


def main(argv: Sequence[str]) -> int:
    """Run `peopletui query` with the arguments after the word `query`."""
    try:
        output_format, account, query = _parse(argv)
    except _UsageError as error:
        sys.stderr.write(f"peopletui query: {error}\n\n{USAGE}")
        return FAILED
    if query is None:
        sys.stdout.write(USAGE)
        return 0
    from peopletui.query_book import DatabaseError, QueryError

    try:
        matches = _run(query, account)
    except (QueryError, DatabaseError) as error:
        message = f"peopletui: {error}"
        if output_format == "mutt" and not sys.stdout.isatty():
            _write(message + "\n")  # mutt shows the first line of the output as the error
        sys.stderr.write(message + "\n")
        return FAILED
    from peopletui.query_output import render

    _write(render(matches, output_format))
    return 0 if matches else NO_MATCH


def exit_now(status: int) -> NoReturn:
    """End the process with `status` once the output is out, skipping the interpreter's
    teardown (some 2 ms of a command that answers in about 20; nothing is left to clean up:
    the cache was opened read-only and is closed). Only for a process that is the command."""
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):
            status = status or FAILED
    os._exit(status)


def _run(query: str, account: str | None) -> list[Match]:
    from peopletui.query_book import cache_folder, choose_cache, open_book
    from peopletui.query_search import search

    path, owner = choose_cache(cache_folder(), account)
    connection = open_book(path, owner)
    try:
        return list(search(connection, query))
    finally:
        connection.close()


def _write(text: str) -> None:
    try:
        sys.stdout.buffer.write(text.encode("utf-8", "replace"))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader has what it wanted (`| head`); keep the exit flush from complaining.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
