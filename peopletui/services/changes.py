"""The writing side of the contact book: edits, creates, deletes, photos, changes over many
contacts, conflict resolution and undo. Every change becomes drafts in the write queue (kept on
disk until the server confirms them); each call returns once the server answered, or with
`QUEUED` when the change has to wait (it is kept and sent later).

An edit is a draft against the version it started from: `begin_edit` copies the person, the UI
sets new values for the fields the user touched, and `save` sends only the fields that differ,
with the etag of that version.
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from peopletui.api import ALL_PERSON_FIELDS, NotFound, PeopleClient
from peopletui.cache.records import ChangeKind, Draft, DraftStatus
from peopletui.services import journaling
from peopletui.services.errors import ContactNotFound, DraftNotFound
from peopletui.services.events import EventBus, UndoDone
from peopletui.services.fields import (
    PHOTO_KEY,
    WRITABLE_FIELDS,
    PersonJson,
    changed_fields,
    encode_photo,
    without_private,
)
from peopletui.services.journaling import BATCH_KEY, GROUP_KEY
from peopletui.services.local import LocalBook
from peopletui.services.merge import Choice, resolve
from peopletui.services.photos import with_photo, with_photos
from peopletui.services.remote_search import ServerSearch
from peopletui.services.results import (
    BatchResult,
    SaveOutcome,
    SaveStatus,
    UndoOutcome,
    batch,
)
from peopletui.services.writes import DraftSpec, WriteQueue


@dataclass
class Edit:
    """An edit in progress: the version it started from (with its etag) and the new values of
    the fields the user touched (whole field values, as Person JSON). A value is sent as given:
    when the user changes a name's parts, leave out the old `unstructuredName` (the server
    derives it), or it would contradict them."""

    resource_name: str
    base: PersonJson
    values: PersonJson = field(default_factory=dict)

    @property
    def changes(self) -> PersonJson:
        """The fields whose new values differ from the base."""
        return changed_fields(self.base, self.values)


def _group() -> dict[str, str]:
    """Journal one change as one undo step."""
    return {GROUP_KEY: journaling.new_group_id()}


def _batch_group() -> dict[str, str]:
    """Journal many changes as one undo step, and let them share batch requests."""
    group = journaling.new_group_id()
    return {GROUP_KEY: group, BATCH_KEY: group}


def _new_contact(values: Mapping[str, object]) -> PersonJson:
    return {name: value for name, value in values.items() if name in WRITABLE_FIELDS and value}


class BookChanges:
    def __init__(
        self,
        client: PeopleClient,
        local: LocalBook,
        queue: WriteQueue,
        server_search: ServerSearch,
        events: EventBus,
    ) -> None:
        self.events = events
        self._client = client
        self._local = local
        self._queue = queue
        self._server_search = server_search
        self._renamed: dict[str, str] = {}  # contacts re-created by undo: old name -> new
        self._undoing = asyncio.Lock()

    # -- one contact --------------------------------------------------------------------------

    def begin_edit(self, resource_name: str) -> Edit:
        person = self._local.get(resource_name)
        if person is None:
            raise ContactNotFound(resource_name)
        return Edit(resource_name, copy.deepcopy(person))

    async def save(self, edit: Edit) -> SaveOutcome:
        """Send the fields the edit changed, against the version it started from."""
        changes = edit.changes
        if not changes:
            return SaveOutcome(
                SaveStatus.SAVED,
                0,
                ChangeKind.UPDATE.value,
                edit.resource_name,
                edit.base,
                message="Nothing to save: no field changed.",
            )
        spec = DraftSpec(ChangeKind.UPDATE, edit.resource_name, edit.base, {**changes, **_group()})
        return (await self._submit([spec]))[0]

    async def create(self, values: Mapping[str, object]) -> SaveOutcome:
        spec = DraftSpec(ChangeKind.CREATE, None, None, {**_new_contact(values), **_group()})
        return (await self._submit([spec]))[0]

    async def delete(self, resource_name: str) -> SaveOutcome:
        return (await self.delete_many([resource_name])).outcomes[0]

    async def set_photo(self, resource_name: str, image: bytes) -> SaveOutcome:
        """Upload a JPEG or PNG as the contact's photo (the old one is kept for undo)."""
        before = await with_photo(self._client, await self._current(resource_name))
        changes = {PHOTO_KEY: encode_photo(image), **_group()}
        spec = DraftSpec(ChangeKind.PHOTO_UPDATE, resource_name, before, changes)
        return (await self._submit([spec]))[0]

    async def delete_photo(self, resource_name: str) -> SaveOutcome:
        before = await with_photo(self._client, await self._current(resource_name))
        spec = DraftSpec(ChangeKind.PHOTO_DELETE, resource_name, before, _group())
        return (await self._submit([spec]))[0]

    # -- many contacts (one undo step; cut into the API's batch limits) -----------------------

    async def create_many(self, people: Sequence[Mapping[str, object]]) -> BatchResult:
        group = _batch_group()
        specs = [
            DraftSpec(ChangeKind.CREATE, None, None, {**_new_contact(values), **group})
            for values in people
        ]
        return batch(await self._submit(specs))

    async def update_many(self, values_by_name: Mapping[str, Mapping[str, object]]) -> BatchResult:
        """Set new field values on many contacts (say, one organization for a selection).
        Contacts with the same changed fields share batch requests."""
        group = _batch_group()
        specs: list[DraftSpec] = []
        unchanged: dict[int, SaveOutcome] = {}
        for position, (name, values) in enumerate(values_by_name.items()):
            base = await self._current(name)
            changes = changed_fields(base, values)
            if changes:
                specs.append(DraftSpec(ChangeKind.UPDATE, name, base, {**changes, **group}))
            else:
                unchanged[position] = SaveOutcome(
                    SaveStatus.SAVED, 0, ChangeKind.UPDATE.value, name, base
                )
        sent = iter(await self._submit(specs))
        return batch([unchanged.get(i) or next(sent) for i in range(len(values_by_name))])

    async def delete_many(self, resource_names: Iterable[str]) -> BatchResult:
        """Delete contacts (500 per request). Each one's data and photo are kept for undo."""
        names = list(dict.fromkeys(resource_names))
        people = [await self._current(name) for name in names]
        befores = await with_photos(self._client, people)
        group = _batch_group()
        specs = [
            DraftSpec(ChangeKind.DELETE, name, before, dict(group))
            for name, before in zip(names, befores, strict=True)
        ]
        return batch(await self._submit(specs))

    # -- drafts waiting for the user ----------------------------------------------------------

    async def waiting_drafts(self) -> list[Draft]:
        """Drafts in conflict or refused by the server, oldest first."""
        drafts = await asyncio.to_thread(self._local.cache.drafts_list_pending)
        return [d for d in drafts if d.status in (DraftStatus.CONFLICT, DraftStatus.FAILED)]

    async def resolve_conflict(self, draft_id: int, choices: Mapping[str, Choice]) -> SaveOutcome:
        """Settle a conflict field by field ("mine" or "theirs") against the latest version,
        and save again with its etag."""
        draft = await self._waiting(draft_id, DraftStatus.CONFLICT)
        name = draft.resource_name or ""
        try:
            latest = await self._client.get_person(name, person_fields=ALL_PERSON_FIELDS)
        except NotFound:
            raise ContactNotFound(name) from None
        theirs = latest.to_api()
        merged = resolve(draft.base or {}, without_private(draft.changes), theirs, choices)
        kind = draft.kind.value
        if merged.conflicts:  # the contact changed again meanwhile
            return SaveOutcome(
                SaveStatus.CONFLICT,
                draft.id,
                kind,
                name,
                theirs,
                merged.conflicts,
                "The contact changed again; choose again for these fields.",
            )
        cache = self._local.cache
        if not merged.to_send:
            await asyncio.to_thread(cache.drafts_remove, draft.id)
            await self._local.store([theirs])
            return SaveOutcome(SaveStatus.SAVED, draft.id, kind, name, theirs)
        private = {key: value for key, value in draft.changes.items() if key.startswith("$")}
        updated = await asyncio.to_thread(
            cache.drafts_update,
            draft.id,
            base=theirs,
            changes={**merged.to_send, **private},
            status=DraftStatus.PENDING,
            last_error=None,
        )
        return await (await self._queue.requeue(updated))

    async def retry_draft(self, draft_id: int) -> SaveOutcome:
        """Send a refused draft again (after the cause was fixed, e.g. a new sign-in)."""
        draft = await self._waiting(draft_id, DraftStatus.FAILED)
        cache = self._local.cache
        updated = await asyncio.to_thread(
            cache.drafts_update, draft.id, status=DraftStatus.PENDING, last_error=None
        )
        return await (await self._queue.requeue(updated))

    async def discard_draft(self, draft_id: int) -> None:
        """Give up a waiting change for good."""
        draft = await self._waiting(draft_id, None)
        await asyncio.to_thread(self._local.cache.drafts_remove, draft.id)

    async def _waiting(self, draft_id: int, status: DraftStatus | None) -> Draft:
        for draft in await self.waiting_drafts():
            if draft.id == draft_id and (status is None or draft.status is status):
                return draft
        raise DraftNotFound(draft_id)

    # -- undo ---------------------------------------------------------------------------------

    async def can_undo(self) -> bool:
        return bool(await asyncio.to_thread(self._local.cache.journal_peek))

    async def undo(self) -> UndoOutcome:
        """Reverse the last change (a change over many contacts as a whole); repeatable."""
        cache = self._local.cache
        async with self._undoing:
            entries = await asyncio.to_thread(cache.journal_peek)
            if not entries:
                return UndoOutcome()
            reversal = journaling.reverse(entries, self._local.get, self._renamed)
            specs = [DraftSpec(d.kind, d.resource_name, d.base, d.changes) for d in reversal.drafts]
            futures = await self._queue.add(specs)
            # The reversing drafts now carry the intent; the group leaves the journal.
            await asyncio.to_thread(cache.journal_pop_last, entries[0].group_id)
            outcomes = list(await asyncio.gather(*futures))
            self._server_search.invalidate()
        for draft, outcome in zip(reversal.drafts, outcomes, strict=True):
            if draft.kind is ChangeKind.CREATE and outcome.saved and outcome.resource_name:
                self._renamed[draft.reverses] = outcome.resource_name
        problems = len(reversal.skipped) + sum(not outcome.saved for outcome in outcomes)
        self.events.emit(UndoDone(tuple(entry.kind.value for entry in entries), problems))
        contacts = tuple(draft.base or draft.changes for draft in reversal.drafts)
        return UndoOutcome(tuple(outcomes), tuple(reversal.skipped), contacts)

    # -- the queue ----------------------------------------------------------------------------

    async def wait_idle(self) -> None:
        """Until every sendable draft has been sent (tests, and the app before quitting)."""
        await self._queue.wait_idle()

    def resume_writes(self) -> None:
        """After the user signed in again: send the drafts that waited."""
        self._queue.resume()

    @property
    def pending_writes(self) -> int:
        return self._queue.pending

    async def _submit(self, specs: list[DraftSpec]) -> list[SaveOutcome]:
        if not specs:
            return []
        futures = await self._queue.add(specs)
        outcomes = list(await asyncio.gather(*futures))
        self._server_search.invalidate()
        return outcomes

    async def _current(self, resource_name: str) -> PersonJson:
        """The contact from the book, or from the server while the book is incomplete."""
        person = self._local.get(resource_name)
        if person is not None:
            return person
        try:
            found = await self._client.get_person(resource_name, person_fields=ALL_PERSON_FIELDS)
        except NotFound:
            raise ContactNotFound(resource_name) from None
        return found.to_api()
