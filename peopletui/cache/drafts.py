"""Drafts: writes the server has not confirmed yet, kept on disk so that a crash or a lost
connection never loses an edit. Each draft carries an op id that stays the same across
restarts, so the sender can tell whether an interrupted attempt already reached the server."""

from __future__ import annotations

import sqlite3
import time
import uuid
from typing import Any

from peopletui.cache.journal import decode, encode
from peopletui.cache.records import ChangeKind, Draft, DraftStatus, PersonJson

_COLUMNS = (
    "id, op_id, kind, resource_name, base_json, changes_json, created, attempts, status, last_error"
)


class _Unset:
    """Marks an argument that was not given (None is a meaningful value for several)."""


UNSET: Any = _Unset()


def _draft(row: tuple[Any, ...]) -> Draft:
    changes = decode(row[5])
    return Draft(
        id=row[0],
        op_id=row[1],
        kind=ChangeKind(row[2]),
        resource_name=row[3],
        base=decode(row[4]),
        changes=changes if changes is not None else {},
        created=row[6],
        attempts=row[7],
        status=DraftStatus(row[8]),
        last_error=row[9],
    )


def add(
    connection: sqlite3.Connection,
    kind: ChangeKind,
    resource_name: str | None,
    base: PersonJson | None,
    changes: PersonJson,
    op_id: str | None = None,
) -> Draft:
    cursor = connection.execute(
        "INSERT INTO drafts (op_id, kind, resource_name, base_json, changes_json, created)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            op_id or uuid.uuid4().hex,
            kind.value,
            resource_name,
            encode(base),
            encode(changes),
            time.time(),
        ),
    )
    assert cursor.lastrowid is not None
    added = get(connection, cursor.lastrowid)
    assert added is not None
    return added


def get(connection: sqlite3.Connection, draft_id: int) -> Draft | None:
    row = connection.execute(f"SELECT {_COLUMNS} FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    return None if row is None else _draft(row)


def update(
    connection: sqlite3.Connection,
    draft_id: int,
    *,
    status: DraftStatus = UNSET,
    changes: PersonJson = UNSET,
    base: PersonJson | None = UNSET,
    resource_name: str | None = UNSET,
    last_error: str | None = UNSET,
    count_attempt: bool = False,
) -> Draft:
    """Change the given fields of a draft; `count_attempt` adds one to its attempts."""
    assignments: list[str] = []
    values: list[Any] = []
    for column, value in (
        ("status", status if status is UNSET else DraftStatus(status).value),
        ("changes_json", changes if changes is UNSET else encode(changes)),
        ("base_json", base if base is UNSET else encode(base)),
        ("resource_name", resource_name),
        ("last_error", last_error),
    ):
        if value is not UNSET:
            assignments.append(f"{column} = ?")
            values.append(value)
    if count_attempt:
        assignments.append("attempts = attempts + 1")
    if assignments:
        connection.execute(
            f"UPDATE drafts SET {', '.join(assignments)} WHERE id = ?", (*values, draft_id)
        )
    updated = get(connection, draft_id)
    if updated is None:
        raise KeyError(f"no draft with id {draft_id}")
    return updated


def remove(connection: sqlite3.Connection, draft_id: int) -> None:
    connection.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))


def unconfirmed(connection: sqlite3.Connection) -> list[Draft]:
    """Every draft, oldest first: the order they must reach the server in."""
    rows = connection.execute(f"SELECT {_COLUMNS} FROM drafts ORDER BY id").fetchall()
    return [_draft(row) for row in rows]
