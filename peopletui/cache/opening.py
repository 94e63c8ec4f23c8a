"""Opening a cache file whatever state it is in: new, current, older (migrated), newer or
foreign (set aside), corrupt (set aside). Never fatal for a bad file; a busy or unreachable
one (locked by another peopletui, a full disk) still raises, since rebuilding would not help."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peopletui.cache import files, people, schema
from peopletui.cache.haystack import SEARCH_FORMAT
from peopletui.cache.meta import (
    ACCOUNT,
    SCHEMA_VERSION_KEY,
    SEARCH_FORMAT_KEY,
    get_meta,
    set_meta,
    transaction,
)
from peopletui.cache.records import OpenOutcome, OpenReport


class _Unusable(Exception):
    """The file on disk cannot be used as it is; carries what the report will say."""

    def __init__(self, outcome: OpenOutcome, reason: str, detail: str, version: int | None):
        super().__init__(detail)
        self.outcome, self.reason, self.detail, self.version = outcome, reason, detail, version


def open_connection(path: Path, account: str) -> tuple[sqlite3.Connection, OpenReport]:
    files.make_private_dir(path.parent)
    created = files.make_private_file(path)
    try:
        connection = _connect(path)
        try:
            report = _prepare(connection, account, created)
        except BaseException:
            connection.close()
            raise
    except (_Unusable, sqlite3.DatabaseError) as problem:
        unusable = _unusable(problem)
        moved = files.set_aside(path, unusable.reason)
        files.make_private_file(path)
        connection = _connect(path)
        _prepare(connection, account, created=True)
        report = OpenReport(unusable.outcome, unusable.version, moved, unusable.detail)
    return connection, report


def _unusable(problem: Exception) -> _Unusable:
    if isinstance(problem, _Unusable):
        return problem
    code = getattr(problem, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return _Unusable(OpenOutcome.REBUILT_CORRUPT, "corrupt", str(problem), None)
    raise problem


def _connect(path: Path) -> sqlite3.Connection:
    with files.restrictive_umask():
        # Autocommit mode: the store opens its own transactions (BEGIN IMMEDIATE).
        return sqlite3.connect(path, isolation_level=None, check_same_thread=False)


def _prepare(connection: sqlite3.Connection, account: str, created: bool) -> OpenReport:
    """Check the file, bring its schema up to date, and say what was found."""
    with files.restrictive_umask():
        # The first read parses the header: a file of garbage fails right here.
        version = schema.user_version(connection)
        connection.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed draft must survive a power cut too, not only a crash of the app.
        connection.execute("PRAGMA synchronous = FULL")
        if created or (version == 0 and not schema.has_tables(connection)):
            with transaction(connection):
                schema.create_v1(connection)
                schema.migrate(connection, 1)
                set_meta(connection, ACCOUNT, account)
                _mark_current(connection)
            return OpenReport(OpenOutcome.CREATED)
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise _Unusable(OpenOutcome.REBUILT_CORRUPT, "corrupt", "failed its check", version)
        outcome = _upgrade(connection, version)
        stored_account = get_meta(connection, ACCOUNT)
        if stored_account is not None and stored_account != account:
            raise _Unusable(
                OpenOutcome.REBUILT_OTHER_ACCOUNT, "other-account", "another account", version
            )
        # A migration may add derived data (v3: the addresses table), and a new search
        # format changes it: either way it is derived again from the stored JSON.
        migrated = outcome is OpenOutcome.MIGRATED
        if migrated or get_meta(connection, SEARCH_FORMAT_KEY) != str(SEARCH_FORMAT):
            with transaction(connection):
                people.rederive(connection)
                _mark_current(connection)
        return OpenReport(outcome, found_version=version)


def _upgrade(connection: sqlite3.Connection, version: int) -> OpenOutcome:
    if version == schema.SCHEMA_VERSION:
        if not schema.has_current_tables(connection):
            raise _Unusable(OpenOutcome.REBUILT_CORRUPT, "corrupt", "tables missing", version)
        return OpenOutcome.OPENED
    if schema.can_migrate(version):
        with transaction(connection):
            schema.migrate(connection, version)
            set_meta(connection, SCHEMA_VERSION_KEY, str(schema.SCHEMA_VERSION))
        return OpenOutcome.MIGRATED
    raise _Unusable(
        OpenOutcome.REBUILT_UNSUPPORTED,
        f"unsupported-v{version}",
        f"schema version {version}; this peopletui reads {schema.SCHEMA_VERSION}",
        version,
    )


def _mark_current(connection: sqlite3.Connection) -> None:
    set_meta(connection, SCHEMA_VERSION_KEY, str(schema.SCHEMA_VERSION))
    set_meta(connection, SEARCH_FORMAT_KEY, str(SEARCH_FORMAT))
