"""The words of the notices that follow a change: what happened, what was kept, what to do.

Pure functions from the services' results to a `Notice`; the screen shows it with
`markup=False`, since a contact's name may appear in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from peopletui.cache.display import display_name
from peopletui.services.results import BatchResult, SaveOutcome, SaveStatus, UndoOutcome
from peopletui.ui.text import single_line

Severity = Literal["information", "warning", "error"]

WAITING_HINT: Final = "Press w to see waiting changes (retry or discard)."

# What an undo reversed, from the kind of the change that reversed it.
_UNDONE: Final = {
    "delete": "creation",
    "create": "deletion",
    "update": "edit",
    "photo_update": "photo change",
    "photo_delete": "photo change",
}


@dataclass(frozen=True, slots=True)
class Notice:
    text: str
    severity: Severity = "information"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def save_notice(outcome: SaveOutcome, done: str) -> Notice:
    """After one change: `done` says what succeeded ("Saved “Ada”")."""
    if outcome.status is SaveStatus.SAVED:
        note = f" {outcome.message}" if outcome.message else ""
        return Notice(f"{done}.{note}")
    if outcome.status is SaveStatus.QUEUED:
        why = f" ({outcome.message})" if outcome.message else ""
        return Notice(
            f"Saved as a draft; will retry{why}. Your change is kept until the server takes it.",
            "warning",
        )
    if outcome.status is SaveStatus.FAILED:
        why = outcome.message or "no reason given"
        return Notice(
            f"The server refused the change: {why}. It is kept as a waiting change. "
            + WAITING_HINT,
            "error",
        )
    return Notice(
        "Someone else changed the same fields; your version is kept as a waiting change. "
        + WAITING_HINT,
        "warning",
    )


def batch_notice(result: BatchResult, verb: str) -> Notice:
    """After a change over many contacts: `verb` in the past tense ("Deleted")."""
    total = len(result.outcomes)
    saved = result.saved
    queued = len(result.with_status(SaveStatus.QUEUED))
    refused = len(result.with_status(SaveStatus.FAILED))
    conflicts = len(result.with_status(SaveStatus.CONFLICT))
    if saved == total:
        return Notice(f"{verb} {plural(total, 'contact')}. Press u to undo.")
    parts = [f"{verb} {saved:,} of {plural(total, 'contact')}."]
    if queued:
        parts.append(f"{queued:,} kept as drafts; will retry.")
    if refused:
        parts.append(f"{refused:,} refused by the server and kept.")
    if conflicts:
        parts.append(f"{conflicts:,} changed elsewhere meanwhile and kept.")
    if refused or conflicts:
        parts.append(WAITING_HINT)
    return Notice(" ".join(parts), "error" if refused else "warning")


def undo_notice(outcome: UndoOutcome) -> Notice:
    if not outcome.outcomes and not outcome.skipped:
        return Notice("Nothing to undo.")
    kinds = {_UNDONE.get(o.kind, "change") for o in outcome.outcomes}
    what = " and ".join(sorted(kinds)) or "change"
    text = f"Undid the {what} of {_undone_whom(outcome)}."
    if outcome.done and not outcome.skipped:
        return Notice(text)
    failed = [o for o in outcome.outcomes if not o.saved]
    extra = []
    if failed:
        extra.append(f"{len(failed):,} could not be undone yet and are kept. {WAITING_HINT}")
    if outcome.skipped:
        extra.append("Not undone: " + "; ".join(outcome.skipped) + ".")
    return Notice(" ".join([text, *extra]), "warning")


def _undone_whom(outcome: UndoOutcome) -> str:
    """ "“Ada Lovelace”" for one contact (the server's version, else the book's), else "3
    contacts"."""
    if len(outcome.outcomes) != 1:
        return plural(len(outcome.outcomes), "contact")
    person = outcome.outcomes[0].person or next(iter(outcome.contacts), None)
    if person is None:
        return "1 contact"
    return f"“{single_line(display_name(person))}”"
