"""What a write or an undo returns to its caller (the UI), as plain values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from peopletui.services.fields import PersonJson
from peopletui.services.merge import FieldConflict


class SaveStatus(StrEnum):
    SAVED = "saved"
    """The server confirmed the change."""
    CONFLICT = "conflict"
    """Someone else changed the same fields: see `conflicts`, then `resolve_conflict`."""
    FAILED = "failed"
    """The server refused the change; the draft is kept (retry after fixing, or discard)."""
    QUEUED = "queued"
    """Not confirmed yet (no connection, rate limits, sign-in needed): the draft is kept and
    the queue keeps trying; a `WriteSaved` event follows."""


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    status: SaveStatus
    draft_id: int
    kind: str
    resource_name: str | None
    person: PersonJson | None = None
    """The server's version after the change (None for a deletion)."""
    conflicts: tuple[FieldConflict, ...] = ()
    message: str = ""
    """Why it failed or waits, safe to show."""

    @property
    def saved(self) -> bool:
        return self.status is SaveStatus.SAVED


@dataclass(frozen=True, slots=True)
class BatchResult:
    """Per-item outcomes of a change over many contacts, in the order given."""

    outcomes: tuple[SaveOutcome, ...]

    def with_status(self, status: SaveStatus) -> list[SaveOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status is status]

    @property
    def saved(self) -> int:
        return len(self.with_status(SaveStatus.SAVED))

    @property
    def all_saved(self) -> bool:
        return all(outcome.saved for outcome in self.outcomes)


@dataclass(frozen=True, slots=True)
class UndoOutcome:
    """What undo did: nothing (`outcomes` empty: the journal is empty), or one outcome per
    contact of the change it reversed."""

    outcomes: tuple[SaveOutcome, ...] = ()
    skipped: tuple[str, ...] = field(default=())
    """Why parts could not be reversed (for example a photo that could not be kept)."""
    contacts: tuple[PersonJson, ...] = field(default=())
    """For each outcome, the contact it is about as the book knew it before the undo (the
    contact an undone creation deleted; the deleted one an undone deletion brings back), so
    that what was undone can be named even when the server returns no person."""

    @property
    def done(self) -> bool:
        return bool(self.outcomes) and all(outcome.saved for outcome in self.outcomes)


def batch(outcomes: Sequence[SaveOutcome]) -> BatchResult:
    return BatchResult(tuple(outcomes))
