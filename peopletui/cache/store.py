"""`CacheStore`: one SQLite file per account holding the people as the server sent them (Person
JSON, keyed by resource name, with its etag), the sync tokens, the undo journal and the drafts.

Start-up reads `index_rows()` (each person's list row and search haystack, no JSON) and builds
the `SearchIndex` from them; the full person comes from `get()` when it is shown. Holding every
person dict (`load_all`) costs some 200 MB for 25,000 people, most of the app's memory budget.

Methods are synchronous; the service calls the slow ones (`index_rows`, `load_all`, the writes
of a sync) through `asyncio.to_thread`. One lock serialises them, so calls from several threads
are safe. Opening never fails on a bad file: a corrupt, unknown or newer cache is set aside and
rebuilt empty, and `open_report` says what happened so the caller can run a full sync and tell
the user.
"""

from __future__ import annotations

import contextlib
import gc
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from peopletui.cache import drafts, files, journal
from peopletui.cache import people as people_table
from peopletui.cache.haystack import is_tombstone
from peopletui.cache.meta import (
    ACCOUNT,
    DIRECTORY_SYNC_TOKEN,
    SYNC_TOKEN,
    get_meta,
    set_meta,
    transaction,
)
from peopletui.cache.opening import open_connection
from peopletui.cache.people import IndexRow
from peopletui.cache.records import (
    ChangeKind,
    Draft,
    DraftStatus,
    JournalEntry,
    OpenReport,
    PersonJson,
)


class CacheStore:
    def __init__(self, connection: sqlite3.Connection, path: Path, report: OpenReport) -> None:
        self._connection = connection
        self._lock = threading.RLock()
        self.path = path
        self.open_report = report

    # -- opening ------------------------------------------------------------------------------

    @classmethod
    def open_for_account(cls, folder: Path, account: str) -> CacheStore:
        """Open the account's cache in `folder` (the user cache dir), made private (0700), and
        remember the account as the last one opened (the default of `peopletui query`)."""
        store = cls.open(folder / files.cache_file_name(account), account)
        # Only a default for `peopletui query`: not worth failing the book for.
        with contextlib.suppress(OSError):
            files.remember_last_account(folder, account)
        return store

    @classmethod
    def open(cls, path: Path, account: str) -> CacheStore:
        """Open (or create) the cache file at `path`; `open_report` says what was found."""
        connection, report = open_connection(path, account)
        return cls(connection, path, report)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> CacheStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, transaction(self._connection) as connection:
            yield connection

    # -- people -------------------------------------------------------------------------------

    def index_rows(self, limit: int | None = None) -> list[IndexRow]:
        """Every person's list row and search haystack (or the first `limit` in display order),
        without parsing JSON: what start-up needs to paint the list and build the
        `SearchIndex` (`SearchIndex.from_rows`)."""
        with self._lock:
            return people_table.index_rows(self._connection, limit)

    def load_all(self) -> list[PersonJson]:
        """Every cached person, in the order they were stored. Costly for a big book (25,000
        people are some 200 MB of dicts): prefer `index_rows` plus `get` for the one shown."""
        with self._lock:
            rows = self._connection.execute("SELECT json FROM people ORDER BY rowid").fetchall()
        document = "[" + ",".join(row[0] for row in rows) + "]"
        del rows
        # One document instead of 25,000: faster, and the decoder shares each key string
        # across all people instead of allocating it per person. The cyclic collector is
        # paused meanwhile: the decoded dicts cannot form cycles, yet its passes over the
        # growing heap would triple the time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            people: list[PersonJson] = json.loads(document)
        finally:
            if collecting:
                gc.enable()
        return people

    def get(self, resource_name: str) -> PersonJson | None:
        with self._lock:
            row = self._connection.execute(
                "SELECT json FROM people WHERE resource_name = ?", (resource_name,)
            ).fetchone()
        if row is None:
            return None
        person: PersonJson = json.loads(row[0])
        return person

    def etag(self, resource_name: str) -> str | None:
        with self._lock:
            row = self._connection.execute(
                "SELECT etag FROM people WHERE resource_name = ?", (resource_name,)
            ).fetchone()
        return None if row is None else row[0]

    def count(self) -> int:
        with self._lock:
            return int(self._connection.execute("SELECT count(*) FROM people").fetchone()[0])

    def put_many(self, people: Iterable[Mapping[str, Any]]) -> None:
        """Store (insert or replace) people in one transaction."""
        with self._transaction() as connection:
            people_table.upsert(connection, people)

    def delete_many(self, resource_names: Iterable[str]) -> None:
        with self._transaction() as connection:
            people_table.delete(connection, resource_names)

    def apply_delta(self, people: Iterable[Mapping[str, Any]], sync_token: str | None) -> None:
        """An incremental sync page: upserts, tombstones (`metadata.deleted`) and the next
        sync token, all or nothing."""
        with self._transaction() as connection:
            changed: list[Mapping[str, Any]] = []
            gone: list[str] = []
            for person in people:
                if is_tombstone(person):
                    gone.append(person["resourceName"])
                else:
                    changed.append(person)
            people_table.delete(connection, gone)
            people_table.upsert(connection, changed)
            set_meta(connection, SYNC_TOKEN, sync_token)

    def replace_all(self, people: Iterable[Mapping[str, Any]], sync_token: str | None) -> None:
        """A full sync: the book becomes exactly `people`, atomically. If anything fails
        half-way (a bad person, an exception from the iterable) the old book stays."""
        with self._transaction() as connection:
            people_table.replace(connection, people)
            set_meta(connection, SYNC_TOKEN, sync_token)

    # -- meta ---------------------------------------------------------------------------------

    @property
    def sync_token(self) -> str | None:
        return self._meta(SYNC_TOKEN)

    @sync_token.setter
    def sync_token(self, token: str | None) -> None:
        with self._transaction() as connection:
            set_meta(connection, SYNC_TOKEN, token)

    @property
    def directory_sync_token(self) -> str | None:
        return self._meta(DIRECTORY_SYNC_TOKEN)

    @directory_sync_token.setter
    def directory_sync_token(self, token: str | None) -> None:
        with self._transaction() as connection:
            set_meta(connection, DIRECTORY_SYNC_TOKEN, token)

    @property
    def account(self) -> str | None:
        return self._meta(ACCOUNT)

    def _meta(self, key: str) -> str | None:
        with self._lock:
            return get_meta(self._connection, key)

    # -- journal ------------------------------------------------------------------------------

    def journal_append(
        self,
        group_id: str,
        kind: ChangeKind,
        resource_name: str,
        before: PersonJson | None,
        after: PersonJson | None,
    ) -> JournalEntry:
        return self.journal_append_group(group_id, [(kind, resource_name, before, after)])[0]

    def journal_append_group(
        self, group_id: str, changes: Iterable[journal.Change]
    ) -> list[JournalEntry]:
        """Record a batch of changes to be undone together (see `journal.new_group_id`)."""
        with self._transaction() as connection:
            return journal.append(connection, group_id, changes)

    def journal_peek(self, group_id: str | None = None) -> list[JournalEntry]:
        """The newest group (or the given one), newest change first, left in place."""
        with self._lock:
            return journal.peek(self._connection, group_id)

    def journal_pop_last(self, group_id: str | None = None) -> list[JournalEntry]:
        """Take the newest group (or the given one) off the journal, newest change first."""
        with self._transaction() as connection:
            return journal.pop(connection, group_id)

    # -- drafts -------------------------------------------------------------------------------

    def drafts_add(
        self,
        kind: ChangeKind,
        resource_name: str | None,
        base: PersonJson | None,
        changes: PersonJson,
        op_id: str | None = None,
    ) -> Draft:
        with self._transaction() as connection:
            return drafts.add(connection, kind, resource_name, base, changes, op_id)

    def drafts_update(
        self,
        draft_id: int,
        *,
        status: DraftStatus = drafts.UNSET,
        changes: PersonJson = drafts.UNSET,
        base: PersonJson | None = drafts.UNSET,
        resource_name: str | None = drafts.UNSET,
        last_error: str | None = drafts.UNSET,
        count_attempt: bool = False,
    ) -> Draft:
        """Change the given fields of a draft (KeyError if it is gone); `count_attempt` adds
        one to its attempts."""
        with self._transaction() as connection:
            return drafts.update(
                connection,
                draft_id,
                status=status,
                changes=changes,
                base=base,
                resource_name=resource_name,
                last_error=last_error,
                count_attempt=count_attempt,
            )

    def drafts_mark_sending(self, draft_id: int) -> Draft:
        """Call just before the request goes out: counts the attempt and, should the app die
        before the answer, tells the next start to check with the server (by op id) first."""
        return self.drafts_update(draft_id, status=DraftStatus.SENDING, count_attempt=True)

    def drafts_remove(self, draft_id: int) -> None:
        with self._transaction() as connection:
            drafts.remove(connection, draft_id)

    def drafts_list_pending(self) -> list[Draft]:
        """Every unconfirmed draft (all statuses), oldest first."""
        with self._lock:
            return drafts.unconfirmed(self._connection)
