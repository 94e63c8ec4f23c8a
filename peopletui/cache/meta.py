"""The meta table (sync tokens, account, format versions) and the one way to write: a
transaction that commits whole or not at all."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

SYNC_TOKEN = "sync_token"
DIRECTORY_SYNC_TOKEN = "directory_sync_token"
ACCOUNT = "account"
SCHEMA_VERSION_KEY = "schema_version"  # mirrors PRAGMA user_version, for people reading the file
SEARCH_FORMAT_KEY = "search_format"  # haystack.SEARCH_FORMAT the derived columns were made with


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception (the connection is in
    autocommit mode, so nothing else opens transactions behind our back)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def get_meta(connection: sqlite3.Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(connection: sqlite3.Connection, key: str, value: str | None) -> None:
    if value is None:
        connection.execute("DELETE FROM meta WHERE key = ?", (key,))
    else:
        connection.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
