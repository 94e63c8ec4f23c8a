"""The cache's tables, versioned with `PRAGMA user_version`.

A new cache is made the same way an old one is upgraded: the version 1 tables, then every
migration in turn. So the upgrade path runs on every fresh install and cannot rot unnoticed.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable

SCHEMA_VERSION = 4

# Version 1: the people as the server sent them, key-value meta, and the undo journal.
V1_TABLES = """
CREATE TABLE people (
    resource_name TEXT PRIMARY KEY,
    etag TEXT,
    json TEXT NOT NULL,
    updated INTEGER NOT NULL  -- write sequence: higher was stored later
);
CREATE INDEX people_updated ON people (updated);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE journal (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    resource_name TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    created REAL NOT NULL
);
CREATE INDEX journal_group ON journal (group_id);
"""


def _add_drafts_and_derived_columns(connection: sqlite3.Connection) -> None:
    """Version 2: unconfirmed writes survive a crash (drafts), and each person carries its
    list row and search haystack so that start-up needs no JSON (see people.py; the store
    fills the new columns in after the upgrade)."""
    for column in _V2_PEOPLE_COLUMNS:
        connection.execute(f"ALTER TABLE people ADD COLUMN {column}")
    connection.execute(
        """
        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            op_id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            resource_name TEXT,
            base_json TEXT,
            changes_json TEXT NOT NULL,
            created REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'pending',
            last_error TEXT
        )
        """
    )


# Written out, not imported: a migration is history and must not change with today's code.
_V2_PEOPLE_COLUMNS = (
    "title TEXT NOT NULL DEFAULT ''",
    "subtitle TEXT NOT NULL DEFAULT ''",
    "named INTEGER NOT NULL DEFAULT 0",
    "display TEXT NOT NULL DEFAULT ''",
    "names TEXT NOT NULL DEFAULT ''",
    "labels TEXT NOT NULL DEFAULT ''",
    "search_text TEXT NOT NULL DEFAULT ''",
    "notes TEXT NOT NULL DEFAULT ''",
)


def _add_addresses(connection: sqlite3.Connection) -> None:
    """Version 3: one row per email address for `peopletui query` (see addresses.py), and where
    SQLite has FTS5 with the trigram tokenizer, an index of their haystacks. The rows are filled
    in by the opener after the upgrade (`people.rederive`)."""
    connection.execute(
        """
        CREATE TABLE addresses (
            resource_name TEXT NOT NULL,
            position INTEGER NOT NULL,
            address TEXT NOT NULL,
            name TEXT NOT NULL,
            extra TEXT NOT NULL,
            sort_key TEXT NOT NULL,
            haystack TEXT NOT NULL
        )
        """
    )
    connection.execute("CREATE INDEX addresses_person ON addresses (resource_name)")
    # An SQLite without FTS5 or its trigram tokenizer (before 3.34) has no index: queries scan.
    with contextlib.suppress(sqlite3.OperationalError):
        # detail=none: the smallest index that still answers LIKE '%word%' (substring) queries.
        connection.execute(
            "CREATE VIRTUAL TABLE addresses_fts USING fts5(haystack, content='addresses',"
            " content_rowid='rowid', tokenize='trigram', detail='none')"
        )


def _add_display_order_index(connection: sqlite3.Connection) -> None:
    """Version 4: an index in the list's display order (`people.DISPLAY_ORDER`), so a warm
    start reads its first screen of 25,000 people in a millisecond instead of sorting them all
    (some 30 ms). Written out, like every migration: the ORDER BY must keep matching it."""
    connection.execute(
        "CREATE INDEX people_display_order ON people"
        " (named DESC, display = '', display, resource_name)"
    )


# MIGRATIONS[n] upgrades a version n cache to version n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _add_drafts_and_derived_columns,
    2: _add_addresses,
    3: _add_display_order_index,
}


def user_version(connection: sqlite3.Connection) -> int:
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def has_tables(connection: sqlite3.Connection) -> bool:
    row = connection.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").fetchone()
    return bool(row[0])


CURRENT_TABLES = frozenset({"people", "meta", "journal", "drafts", "addresses"})


def has_current_tables(connection: sqlite3.Connection) -> bool:
    rows = connection.execute("SELECT name FROM sqlite_schema WHERE type = 'table'").fetchall()
    return {row[0] for row in rows} >= CURRENT_TABLES


def can_migrate(version: int) -> bool:
    """True for an older version this peopletui knows how to upgrade (not for a newer one)."""
    steps = range(version, SCHEMA_VERSION)
    return 1 <= version < SCHEMA_VERSION and all(step in MIGRATIONS for step in steps)


def create_v1(connection: sqlite3.Connection) -> None:
    """The oldest schema, in the caller's transaction (tests also use it to make a v1 file)."""
    for statement in V1_TABLES.split(";"):
        if statement.strip():
            connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")


def migrate(connection: sqlite3.Connection, version: int) -> None:
    """Upgrade from `version` to SCHEMA_VERSION, in the caller's transaction."""
    for step in range(version, SCHEMA_VERSION):
        MIGRATIONS[step](connection)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
