"""The output formats of `peopletui query`: what mutt, aerc and scripts read.

    mutt   a status line first (mutt shows it, or shows it as the error when the exit status
           is not 0), then address<TAB>name<TAB>extra lines
    aerc   the same lines without the status line
    tsv    the same lines, for scripts
    json   an array of {"address", "name", "extra", "resource_name"} objects

The cache stores every column as one safe line already (`peopletui.cache.untrusted`); anything
that is not plainly printable is cleaned again here, so no tab, line break, escape sequence or
bidi control from a contact can break a column or reach the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence

from peopletui.query_search import Match

FORMATS = ("mutt", "aerc", "tsv", "json")


def _safe(match: Match) -> Match:
    address, name, extra, resource_name = match
    if address.isprintable() and name.isprintable() and extra.isprintable():
        return match
    from peopletui.cache.untrusted import one_line

    return (one_line(address), one_line(name), one_line(extra), resource_name)


def status_line(count: int) -> str:
    if count == 0:
        return "peopletui: no match"
    return f"peopletui: {count} match" + ("" if count == 1 else "es")


def render(matches: Sequence[Match], output_format: str) -> str:
    safe = [_safe(match) for match in matches]
    if output_format == "json":
        import json

        keys = ("address", "name", "extra", "resource_name")
        objects = [dict(zip(keys, match, strict=True)) for match in safe]
        return json.dumps(objects, ensure_ascii=False, indent=1) + "\n"
    # mutt splits with strtok, which skips empty columns: an extra after an empty name would
    # be read as the name (the cache never stores that; this keeps it so).
    lines = [f"{address}\t{name}\t{extra if name else ''}" for address, name, extra, _ in safe]
    if output_format == "mutt":
        lines.insert(0, status_line(len(safe)))
    return "".join(line + "\n" for line in lines)
