"""The search behind `peopletui query`: one SQL query over the cache's addresses table.

A query matches like the app's filter: it is folded (case, accents, width) and split into words,
and every word must occur somewhere in the person's names, nicknames or organizations, or in the
address itself. Each matching address is one result, so "ada@work" finds Ada's work address
alone while "ada" finds all of hers. Best first: rows where every word starts a word, then by
name (nameless people last), then the person's own order of addresses (primary first).

Where the cache has the trigram index (`addresses_fts`), the three-character pieces of the
words narrow the rows through it; `instr` then checks every word on those rows only.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: see query_book
if TYPE_CHECKING:
    import sqlite3

FTS_TABLE = "addresses_fts"  # = peopletui.cache.addresses.FTS_TABLE
_TRIGRAM = 3
_MOST_TRIGRAMS = 16  # enough to narrow any query to a handful of rows
_CONTROL_TO_SPACE = {code: " " for code in (*range(0x20), 0x7F)}


# (address, name, extra, resource_name): plain tuples, since importing `typing` for a
# NamedTuple would cost a tenth of the command's time.
Match = tuple[str, str, str, str]


def fold(text: str) -> str:
    """`peopletui.cache.text.fold`; ASCII (what people type into a mail client) without
    importing its regexes."""
    if text.isascii():
        return " ".join(text.translate(_CONTROL_TO_SPACE).lower().split())
    from peopletui.cache.text import fold as fold_unicode

    return fold_unicode(text)


def query_words(query: str) -> list[str]:
    """The folded words that narrow the search ("-" or "@" alone narrow nothing, as in the
    app's filter)."""
    words = dict.fromkeys(fold(query).split())
    return [word for word in words if any(char.isalnum() for char in word)]


def search(connection: sqlite3.Connection, query: str) -> list[Match]:
    words = query_words(query)
    conditions = ["instr(haystack, ?) > 0" for _ in words]
    parameters: list[str] = list(words)
    trigrams = _trigrams(words)
    if trigrams and _has_index(connection):
        conditions.append(f"rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)")
        parameters.append(trigrams)
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    # Rank: how many words start no word (0 first).
    rank = "".join("(instr(haystack, ' ' || ?) = 0) + " for _ in words)
    parameters += words
    order = f"{rank[:-3]}, " if rank else ""
    sql = (
        "SELECT address, name, extra, resource_name FROM addresses"
        f"{where} ORDER BY {order}sort_key = '', sort_key, resource_name, position"
    )
    matches: list[Match] = connection.execute(sql, parameters).fetchall()
    return matches


def _trigrams(words: list[str]) -> str:
    """An FTS5 query for the rows holding every three-character piece of the words: a
    superset of the matches (the index keeps no positions), which `instr` then narrows."""
    pieces = dict.fromkeys(word[i : i + _TRIGRAM] for word in words for i in range(len(word) - 2))
    # Each piece as an FTS5 string ("" escapes a quote); terms side by side mean AND.
    quoted = ['"' + piece.replace('"', '""') + '"' for piece in list(pieces)[:_MOST_TRIGRAMS]]
    return " ".join(quoted)


def _has_index(connection: sqlite3.Connection) -> bool:
    row = connection.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).fetchone()
    return row is not None
