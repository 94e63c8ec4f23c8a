"""The addresses table: one row per email address, what `peopletui query` answers from without
parsing any person JSON (mail clients call it on every completion, so it must start fast).

    address    a bare address a mail client can parse ("ada@example.org"); values that are not
               one (spaces, commas, angle brackets, no "@") are left out
    name       the person's name, else their organization, else ""
    extra      the organization and the address's type ("Acme (Work)"); "" when the name is
               "" (mutt reads the columns with strtok, so an empty name would let the extra
               slide into the name's place)
    sort_key   the folded name, for the order of the answer (nameless people last)
    haystack   " " + the folded words of the name, nicknames, this address and organizations,
               each after a space: a query word is a substring, a word start follows a space

Every text is made one safe line (`untrusted.one_line`) when it is written, so the query only
copies columns out. The rows are rewritten with their person, in the same transaction, by
people.py. Where SQLite has FTS5's trigram tokenizer, `addresses_fts` indexes the haystacks so
that a query word of three or more characters finds its rows without a scan.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from peopletui.cache.text import fold_many
from peopletui.cache.untrusted import one_line

FTS_TABLE = "addresses_fts"
# Characters that make an address something other than one bare addr-spec to mail clients
# (mutt parses the column as an address list, aerc with Go's net/mail).
_NOT_IN_ADDRESS = frozenset(' ,;:<>()[]"\\')
_NAME_KEYS = ("displayName", "unstructuredName")
_NAME_PARTS = ("honorificPrefix", "givenName", "middleName", "familyName", "honorificSuffix")
_ORGANIZATION_KEYS = ("name", "title", "department")
_WORD_PUNCTUATION = str.maketrans({"-": " ", "'": " ", ".": " ", "_": " "})
# Past this many people changed at once, re-indexing every haystack (some 0.1 s for 25,000
# people) is cheaper than deleting each changed person's old index entries one by one.
_BULK_CHANGE = 1000

_INSERT = (
    "INSERT INTO addresses (resource_name, position, address, name, extra, sort_key, haystack)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)


class AddressRow(NamedTuple):
    resource_name: str
    position: int
    address: str
    name: str
    extra: str
    sort_key: str
    haystack: str


def is_mailbox(address: str) -> bool:
    """A bare addr-spec: one "@" with something on both sides, nothing a mail client would
    read as a second address, a display name or a comment, and nothing unprintable."""
    if not address.isprintable() or not _NOT_IN_ADDRESS.isdisjoint(address):
        return False
    local, at, domain = address.rpartition("@")
    return bool(local and at and domain) and "@" not in local


def _entries(person: Mapping[str, Any], field: str) -> list[dict[str, Any]]:
    value = person.get(field)
    if not isinstance(value, list):
        return []
    entries = [entry for entry in value if isinstance(entry, dict)]
    # The primary address first, as the detail pane and the list row show it.
    return sorted(entries, key=lambda entry: not _is_primary(entry))


def _is_primary(entry: Mapping[str, Any]) -> bool:
    metadata = entry.get("metadata")
    return isinstance(metadata, dict) and metadata.get("primary") is True


def _texts(entries: Iterable[Mapping[str, Any]], *keys: str) -> list[str]:
    return [value for entry in entries for key in keys if isinstance(value := entry.get(key), str)]


def _first(values: Iterable[str]) -> str:
    return next((text for value in values if (text := one_line(value))), "")


def _name(person: Mapping[str, Any]) -> str:
    """The person's own name as `display.person_name` finds it, made safe from the raw value
    (so a whole escape sequence goes, not only its ESC)."""
    for entry in _entries(person, "names"):
        name = _first(_texts([entry], *_NAME_KEYS))
        if name:
            return name
        name = one_line(" ".join(part for part in _texts([entry], *_NAME_PARTS) if part.strip()))
        if name:
            return name
    return ""


def _words(folded: Iterable[str]) -> str:
    """Each word once after a space, plus the parts of hyphenated or dotted words, so that
    "luc" starts a word of "Jean-Luc"."""
    words: dict[str, None] = {}
    for word in " ".join(folded).split():
        words[word] = None
        if not word.isalnum():
            words.update(dict.fromkeys(word.translate(_WORD_PUNCTUATION).split()))
    return "".join(" " + word for word in words)


def address_rows(person: Mapping[str, Any]) -> list[AddressRow]:
    """The rows one person stores: one per distinct usable email address, primary first."""
    emails: dict[str, dict[str, Any]] = {}
    for entry in _entries(person, "emailAddresses"):
        value = entry.get("value")
        address = value.strip() if isinstance(value, str) else ""
        # An address with a control or format character in it is left out, not repaired:
        # mail sent to what remains could reach somebody else.
        if is_mailbox(address) and address.casefold() not in emails:
            emails[address.casefold()] = {**entry, "value": address}
    if not emails:
        return []
    own_name = _name(person)
    organization = _first(_texts(_entries(person, "organizations"), *_ORGANIZATION_KEYS))
    name = own_name or organization
    nicknames = _texts(_entries(person, "nicknames"), "value")
    organizations = _texts(_entries(person, "organizations"), *_ORGANIZATION_KEYS)
    folded = fold_many([name, *nicknames, *organizations, *emails])
    sort_key, words = folded[0], _words(folded[: -len(emails)])
    rows = []
    for position, entry in enumerate(emails.values()):
        extra = _extra(organization if own_name else "", entry) if name else ""
        haystack = f"{words} {folded[position - len(emails)]}"
        rows.append(
            AddressRow(
                person["resourceName"],
                position,
                entry["value"],
                name,
                extra,
                sort_key,
                haystack,
            )
        )
    return rows


def _extra(organization: str, entry: Mapping[str, Any]) -> str:
    kind = entry.get("formattedType") or entry.get("type")
    kind = one_line(kind) if isinstance(kind, str) else ""
    if organization and kind:
        return f"{organization} ({kind})"
    return organization or kind


def has_index(connection: sqlite3.Connection) -> bool:
    row = connection.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).fetchone()
    return row is not None


def replace_all(connection: sqlite3.Connection, rows: Iterable[AddressRow]) -> None:
    """The whole book's rows, in the caller's transaction."""
    connection.execute("DELETE FROM addresses")
    connection.executemany(_INSERT, rows)
    if has_index(connection):
        connection.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')")


def replace_people(
    connection: sqlite3.Connection, resource_names: list[str], rows: list[AddressRow]
) -> None:
    """Drop the rows of `resource_names` and add `rows` (theirs, if they still exist), in the
    caller's transaction, keeping the trigram index in step."""
    if not resource_names and not rows:
        return
    indexed = has_index(connection)
    bulk = len(resource_names) > _BULK_CHANGE
    names = [(name,) for name in resource_names]
    if indexed and not bulk:
        # External-content FTS5 forgets a row only when told its old text.
        connection.executemany(
            f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, haystack)"
            " SELECT 'delete', rowid, haystack FROM addresses WHERE resource_name = ?",
            names,
        )
    connection.executemany("DELETE FROM addresses WHERE resource_name = ?", names)
    latest = connection.execute("SELECT coalesce(max(rowid), 0) FROM addresses").fetchone()[0]
    connection.executemany(_INSERT, rows)
    if not indexed:
        return
    if bulk:
        connection.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')")
    else:
        # New rows get rowids above every existing one (no AUTOINCREMENT gaps to reuse).
        connection.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, haystack)"
            " SELECT rowid, haystack FROM addresses WHERE rowid > ?",
            (latest,),
        )
