"""The undo journal: one row per change with the person before and after it, grouped so that
a batch (deleting 500 selected people) is undone as one step."""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Iterable
from typing import Any

from peopletui.cache.records import ChangeKind, JournalEntry, PersonJson

# Undo reaches this many steps back; older groups are dropped as new ones arrive.
GROUP_LIMIT = 100

# One change: (kind, resource name, person before, person after).
Change = tuple[ChangeKind, str, PersonJson | None, PersonJson | None]

_COLUMNS = "id, group_id, kind, resource_name, before_json, after_json, created"


def new_group_id() -> str:
    return uuid.uuid4().hex


def encode(person: PersonJson | None) -> str | None:
    if person is None:
        return None
    return json.dumps(person, ensure_ascii=False, separators=(",", ":"))


def decode(text: str | None) -> PersonJson | None:
    if text is None:
        return None
    value: PersonJson = json.loads(text)
    return value


def _entry(row: tuple[Any, ...]) -> JournalEntry:
    return JournalEntry(
        id=row[0],
        group_id=row[1],
        kind=ChangeKind(row[2]),
        resource_name=row[3],
        before=decode(row[4]),
        after=decode(row[5]),
        created=row[6],
    )


def append(
    connection: sqlite3.Connection,
    group_id: str,
    changes: Iterable[Change],
) -> list[JournalEntry]:
    """Record changes under one group id (a later `pop` undoes them together)."""
    created = time.time()
    entries: list[JournalEntry] = []
    for kind, resource_name, before, after in changes:
        cursor = connection.execute(
            "INSERT INTO journal"
            " (group_id, kind, resource_name, before_json, after_json, created)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (group_id, kind.value, resource_name, encode(before), encode(after), created),
        )
        assert cursor.lastrowid is not None
        entries.append(
            JournalEntry(cursor.lastrowid, group_id, kind, resource_name, before, after, created)
        )
    _prune(connection)
    return entries


def _prune(connection: sqlite3.Connection) -> None:
    connection.execute(
        "DELETE FROM journal WHERE id < (SELECT min(first_id) FROM ("
        " SELECT min(id) AS first_id FROM journal GROUP BY group_id"
        " ORDER BY first_id DESC LIMIT ?))",
        (GROUP_LIMIT,),
    )


def _last_group(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT group_id FROM journal ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else str(row[0])


def peek(connection: sqlite3.Connection, group_id: str | None = None) -> list[JournalEntry]:
    """The entries of a group (the newest group by default), newest first: the undo order."""
    group = group_id if group_id is not None else _last_group(connection)
    if group is None:
        return []
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM journal WHERE group_id = ? ORDER BY id DESC", (group,)
    ).fetchall()
    return [_entry(row) for row in rows]


def pop(connection: sqlite3.Connection, group_id: str | None = None) -> list[JournalEntry]:
    """Remove and return a group (the newest by default), newest first."""
    entries = peek(connection, group_id)
    if entries:
        connection.execute("DELETE FROM journal WHERE group_id = ?", (entries[0].group_id,))
    return entries
