"""The undo journal from the services' side: what a confirmed change records, and the drafts
that reverse a recorded change.

Each confirmed draft that belongs to a journal group (`GROUP_KEY` in its changes) is recorded
with the person before and after it; a change over many contacts shares one group and is undone
as one step. Drafts made by undo carry no group, so undoing twice goes further back instead of
redoing.

Reversals: an update is reverted field by field (only the fields it changed, merged three ways
against whatever the server holds now); a deletion is re-created from its before-image, with
its photo when one was kept; a creation is deleted; a photo change puts the old photo back (or
removes the new one when there was none).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from peopletui.cache.journal import Change
from peopletui.cache.records import ChangeKind, JournalEntry
from peopletui.cache.store import CacheStore
from peopletui.services.fields import (
    PHOTO_KEY,
    PersonJson,
    custom_photo_url,
    fields_differing,
    writable_copy,
)

GROUP_KEY = "$group"
"""In a draft's changes: the journal group it is recorded under (absent: not journaled)."""
BATCH_KEY = "$batch"
"""In a draft's changes: drafts with the same value may travel in one batch request."""


def new_group_id() -> str:
    return uuid.uuid4().hex


Confirmed = tuple[ChangeKind, PersonJson, str, PersonJson | None, PersonJson | None]
"""A confirmed write: (kind, the draft's changes, resource name, person after, person before)."""


def record(cache: CacheStore, confirmed: list[Confirmed]) -> None:
    """Journal confirmed writes that belong to a group."""
    groups: dict[str, list[Change]] = {}
    for kind, changes, name, after, before in confirmed:
        group = changes.get(GROUP_KEY)
        if not isinstance(group, str):
            continue
        if kind is ChangeKind.CREATE:
            entry: Change = (kind, name, None, after)
        elif kind is ChangeKind.DELETE:
            entry = (kind, name, before, None)
        else:
            entry = (kind, name, before, after)
        groups.setdefault(group, []).append(entry)
    for group, entries in groups.items():
        cache.journal_append_group(group, entries)


@dataclass(frozen=True, slots=True)
class ReverseDraft:
    kind: ChangeKind
    resource_name: str | None
    base: PersonJson | None
    changes: PersonJson
    reverses: str
    """The resource name of the contact the journal entry was about."""


@dataclass(frozen=True, slots=True)
class Reversal:
    drafts: list[ReverseDraft] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def reverse(
    entries: list[JournalEntry],
    current: Callable[[str], PersonJson | None],
    renamed: Mapping[str, str],
) -> Reversal:
    """The drafts that undo one journal group (`entries` newest first). `current` looks a
    contact up in the book; `renamed` maps contacts re-created by an earlier undo to their new
    resource names."""
    batch = {BATCH_KEY: uuid.uuid4().hex}
    reversal = Reversal()
    for entry in entries:
        name = _follow(entry.resource_name, renamed)
        now = current(name)
        if entry.kind is ChangeKind.CREATE:
            reversal.drafts.append(
                ReverseDraft(ChangeKind.DELETE, name, now or entry.after, dict(batch), name)
            )
        elif entry.kind is ChangeKind.DELETE:
            before = entry.before or {}
            changes = {**writable_copy(before), **batch}
            if PHOTO_KEY in before:
                changes[PHOTO_KEY] = before[PHOTO_KEY]
            reversal.drafts.append(
                ReverseDraft(ChangeKind.CREATE, None, None, changes, entry.resource_name)
            )
        elif now is None:
            reversal.skipped.append(f"{name} no longer exists")
        elif entry.kind is ChangeKind.UPDATE:
            before, after = entry.before or {}, entry.after or {}
            changes = {f: before.get(f) or [] for f in fields_differing(before, after)}
            if changes:
                # Base is the version this change produced: the merge then reverts only these
                # fields, and reports a conflict where someone changed them since.
                reversal.drafts.append(
                    ReverseDraft(ChangeKind.UPDATE, name, after, {**changes, **batch}, name)
                )
        else:
            _reverse_photo(entry, name, now, reversal)
    return reversal


def _reverse_photo(entry: JournalEntry, name: str, now: PersonJson, reversal: Reversal) -> None:
    before = entry.before or {}
    photo = before.get(PHOTO_KEY)
    if isinstance(photo, str):
        reversal.drafts.append(
            ReverseDraft(ChangeKind.PHOTO_UPDATE, name, now, {PHOTO_KEY: photo}, name)
        )
    elif entry.kind is ChangeKind.PHOTO_UPDATE and custom_photo_url(before) is None:
        reversal.drafts.append(ReverseDraft(ChangeKind.PHOTO_DELETE, name, now, {}, name))
    else:
        reversal.skipped.append(f"the earlier photo of {name} was not kept")


def _follow(name: str, renamed: Mapping[str, str]) -> str:
    seen: set[str] = set()
    while name in renamed and name not in seen:
        seen.add(name)
        name = renamed[name]
    return name
