"""The values the cache hands out: what opening found, journal entries and drafts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

PersonJson = dict[str, Any]


class OpenOutcome(StrEnum):
    """What `CacheStore.open` found; everything but OPENED and MIGRATED starts empty, so the
    caller runs a full sync (and may tell the user why)."""

    CREATED = "created"  # no cache yet
    OPENED = "opened"
    MIGRATED = "migrated"  # written by an older peopletui, upgraded in place
    REBUILT_UNSUPPORTED = "rebuilt-unsupported"  # newer or unknown schema: set aside
    REBUILT_CORRUPT = "rebuilt-corrupt"  # not a database, or failed its check: set aside
    REBUILT_OTHER_ACCOUNT = "rebuilt-other-account"  # the file belonged to another account


@dataclass(frozen=True, slots=True)
class OpenReport:
    outcome: OpenOutcome
    found_version: int | None = None  # the schema version on disk before opening
    set_aside: Path | None = None  # where the unusable file was moved
    detail: str = ""  # why, in words (never contact data)

    @property
    def kept_data(self) -> bool:
        return self.outcome in (OpenOutcome.OPENED, OpenOutcome.MIGRATED)


class ChangeKind(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    PHOTO_UPDATE = "photo_update"
    PHOTO_DELETE = "photo_delete"


class DraftStatus(StrEnum):
    PENDING = "pending"  # not sent yet, or to be sent again
    SENDING = "sending"  # handed to the network: after a crash, ask the server before resending
    CONFLICT = "conflict"  # the server's version moved on; waits for the user's merge
    FAILED = "failed"  # rejected for good; kept so the user's edit is not lost


@dataclass(frozen=True, slots=True)
class JournalEntry:
    id: int
    group_id: str
    kind: ChangeKind
    resource_name: str
    before: PersonJson | None  # None for a create
    after: PersonJson | None  # None for a delete
    created: float  # Unix time


@dataclass(frozen=True, slots=True)
class Draft:
    id: int
    op_id: str  # stable across restarts: lets the sender recognise its own delivered write
    kind: ChangeKind
    resource_name: str | None  # None for a create the server has not answered yet
    base: PersonJson | None  # the person (with its etag) the edit started from
    changes: PersonJson  # the fields the user changed, as Person JSON
    created: float
    attempts: int
    status: DraftStatus
    last_error: str | None
