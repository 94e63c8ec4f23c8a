"""The people table: each person's JSON as the server sent it, plus what start-up needs without
parsing any JSON: its row title and subtitle (display.py) and its search haystack.

Deriving those columns happens once, when the server's data is written (a sync runs in the
background anyway), so opening a book of 25,000 people reads short strings instead of folding
every name again, and the app never has to hold 25,000 person dicts to show a list. The same
pass writes each person's rows of the addresses table (addresses.py), in the same transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from peopletui.cache import addresses
from peopletui.cache.addresses import AddressRow
from peopletui.cache.display import display_name, secondary_line
from peopletui.cache.haystack import Haystack, build_haystack
from peopletui.cache.order import DISPLAY_ORDER

# In the order of (display_name, secondary_line, *Haystack).
_DERIVED = ("title", "subtitle", "display", "named", "names", "labels", "search_text", "notes")
_COLUMNS = ("resource_name", "etag", "json", "updated", *_DERIVED)
_INSERT = f"INSERT INTO people ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
_UPSERT = (
    _INSERT
    + " ON CONFLICT (resource_name) DO UPDATE SET "
    + ", ".join(f"{column} = excluded.{column}" for column in _COLUMNS[1:])
)


class IndexRow(NamedTuple):
    """One person as the list and the search index need it (no JSON)."""

    resource_name: str
    title: str  # display.display_name
    subtitle: str  # display.secondary_line
    haystack: Haystack


def _encode(person: Mapping[str, Any]) -> str:
    return json.dumps(person, ensure_ascii=False, separators=(",", ":"))


def index_row(person: Mapping[str, Any]) -> IndexRow:
    """The row a person stores, for updating what the app holds after a write or a delta."""
    hay = build_haystack(person)
    return IndexRow(person["resourceName"], display_name(person), secondary_line(person), hay)


def _derived(person: Mapping[str, Any]) -> tuple[Any, ...]:
    return (display_name(person), secondary_line(person), *build_haystack(person))


def _row(person: Mapping[str, Any], sequence: int) -> tuple[Any, ...]:
    resource_name = person.get("resourceName")
    if not isinstance(resource_name, str) or not resource_name:
        raise ValueError("a cached person needs a resourceName")
    etag = person.get("etag")
    etag = etag if isinstance(etag, str) else None
    return (resource_name, etag, _encode(person), sequence, *_derived(person))


def _rows(
    people: Iterable[Mapping[str, Any]], first: int, address_rows: dict[str, list[AddressRow]]
) -> Iterator[tuple[Any, ...]]:
    """The people rows, collecting each person's address rows on the way (`people` may be a
    one-pass iterator, such as the pages of a sync; a person given twice keeps the last)."""
    for sequence, person in enumerate(people, start=first):
        row = _row(person, sequence)
        address_rows[row[0]] = addresses.address_rows(person)
        yield row


def _flat(address_rows: dict[str, list[AddressRow]]) -> list[AddressRow]:
    return [row for rows in address_rows.values() for row in rows]


def upsert(connection: sqlite3.Connection, people: Iterable[Mapping[str, Any]]) -> None:
    latest = connection.execute("SELECT coalesce(max(updated), 0) FROM people").fetchone()[0]
    address_rows: dict[str, list[AddressRow]] = {}
    connection.executemany(_UPSERT, _rows(people, latest + 1, address_rows))
    addresses.replace_people(connection, list(address_rows), _flat(address_rows))


def replace(connection: sqlite3.Connection, people: Iterable[Mapping[str, Any]]) -> None:
    connection.execute("DELETE FROM people")
    address_rows: dict[str, list[AddressRow]] = {}
    connection.executemany(_INSERT, _rows(people, 1, address_rows))
    addresses.replace_all(connection, _flat(address_rows))


def delete(connection: sqlite3.Connection, resource_names: Iterable[str]) -> None:
    names = list(resource_names)
    connection.executemany("DELETE FROM people WHERE resource_name = ?", ((n,) for n in names))
    addresses.replace_people(connection, names, [])


def rederive(connection: sqlite3.Connection) -> None:
    """Recompute every derived column, and the addresses table, from the stored JSON (after an
    upgrade, or when the search format changed)."""
    rows = connection.execute("SELECT resource_name, json FROM people").fetchall()
    assignments = ", ".join(f"{column} = ?" for column in _DERIVED)
    address_rows: list[AddressRow] = []

    def derived() -> Iterator[tuple[Any, ...]]:
        for name, text in rows:
            person = json.loads(text)
            address_rows.extend(addresses.address_rows(person))
            yield (*_derived(person), name)

    connection.executemany(f"UPDATE people SET {assignments} WHERE resource_name = ?", derived())
    addresses.replace_all(connection, address_rows)


def index_rows(connection: sqlite3.Connection, limit: int | None = None) -> list[IndexRow]:
    """Every person's row (or the first `limit`), in display order (the SearchIndex's: named
    first, by folded name, nameless last). Read in that order, the strings also lie in memory
    in the order a search scans them, which makes a keystroke a third faster than scattered
    strings would."""
    cursor = connection.execute(
        "SELECT resource_name, title, subtitle, display, named, names, labels, search_text,"
        f" notes FROM people ORDER BY {DISPLAY_ORDER} LIMIT ?",
        (-1 if limit is None else limit,),
    )
    return [
        IndexRow(row[0], row[1], row[2], Haystack(row[3], bool(row[4]), *row[5:])) for row in cursor
    ]
