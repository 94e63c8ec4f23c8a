"""Sending drafts to the People API, and saying for each what came of it.

One `deliver` call takes a shipment: one draft, or several of the same kind that go in one
batch request (creates and updates by 200, deletes by 500). Every draft gets one result:

- `Done`: the server holds the change (`person` is its version afterwards, `before` the version
  the change replaced, for undo);
- `Conflicted`: someone else changed the same fields (three-way merge, see `merge.py`);
- `Refused`: the server will not take it as it is (kept for the user);
- `Retry`: failed for now after the client's own retries (the queue sends it again later).

A failed sign-in (401/403, or a refused refresh token) is raised instead: no draft can go until
the user signs in again.

Re-delivery is safe: a create carries the draft's op id and, if an earlier delivery may have
reached the server, is looked up first (never created twice); a repeated update meets an etag
conflict, and the merge finds the server already holds it; a repeated delete finds nothing left.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from peopletui.api import (
    ALL_PERSON_FIELDS,
    EtagConflict,
    NotFound,
    PeopleApiError,
    PeopleClient,
    PermissionDenied,
    Person,
    RateLimited,
    ServerError,
    TransportError,
    Unauthenticated,
)
from peopletui.api import batches as api_batches
from peopletui.cache.records import ChangeKind, Draft
from peopletui.services.fields import (
    PHOTO_KEY,
    PersonJson,
    decode_photo,
    update_mask,
    without_private,
)
from peopletui.services.merge import MergeResult, three_way_merge

TRANSIENT = (RateLimited, ServerError, TransportError)
# A refresh token the token endpoint refused comes as Unauthenticated too: the OAuth auth raises
# it so (peopletui/auth/session_auth.py), and every layer has this one sign-in path to handle.
SIGN_IN = (Unauthenticated, PermissionDenied)
# Each round is one update that met a newer version; more rounds mean a busy contact.
MERGE_ROUNDS = 4


@dataclass(frozen=True, slots=True)
class Done:
    draft: Draft
    resource_name: str
    person: PersonJson | None
    before: PersonJson | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Conflicted:
    draft: Draft
    merge: MergeResult


@dataclass(frozen=True, slots=True)
class Refused:
    draft: Draft
    message: str


@dataclass(frozen=True, slots=True)
class Retry:
    draft: Draft
    message: str


Result = Done | Conflicted | Refused | Retry
OnCreated = Callable[[Draft, str], Awaitable[None]]


def _message(error: PeopleApiError) -> str:
    return error.message or type(error).__name__


def classify(draft: Draft, error: PeopleApiError) -> Result:
    """A failure as a result; raises the sign-in failures that stop the whole queue."""
    if isinstance(error, SIGN_IN):
        raise error
    if isinstance(error, TRANSIENT):
        return Retry(draft, _message(error))
    if isinstance(error, NotFound):
        return Refused(draft, "The contact no longer exists on the server.")
    return Refused(draft, _message(error))


def may_have_been_sent(draft: Draft) -> bool:
    return draft.attempts > 0


def person_model(fields: dict[str, Any]) -> Person:
    return Person.from_api(without_private(fields))


class Delivery:
    def __init__(self, client: PeopleClient) -> None:
        self._client = client

    async def deliver(self, drafts: Sequence[Draft], on_created: OnCreated) -> list[Result]:
        """Send one shipment (drafts of one kind, in order); one result per draft."""
        kind = drafts[0].kind
        try:
            if kind is ChangeKind.CREATE:
                return await self._creates(list(drafts), on_created)
            if kind is ChangeKind.DELETE:
                return await self._deletes(list(drafts))
            if kind is ChangeKind.UPDATE:
                if len(drafts) == 1:
                    return [await self._update(drafts[0])]
                return await self._updates(list(drafts))
            return [await self._photo(draft) for draft in drafts]
        except ValidationError as error:
            # The draft holds values the API's models refuse: the user must fix them.
            message = f"Some values are not valid ({error.error_count()} problem(s))."
            return [Refused(draft, message) for draft in drafts]

    # -- creates ------------------------------------------------------------------------------

    async def _creates(self, drafts: list[Draft], on_created: OnCreated) -> list[Result]:
        fresh = [draft for draft in drafts if draft.resource_name is None]
        created: dict[int, PersonJson] = {}
        results: dict[int, Result] = {}
        if len(fresh) == 1:
            draft = fresh[0]
            try:
                answer = await self._client.create_contact(
                    person_model(draft.changes),
                    person_fields=ALL_PERSON_FIELDS,
                    op_id=draft.op_id,
                    maybe_sent_at=draft.created if may_have_been_sent(draft) else None,
                )
                created[draft.id] = answer.to_api()
            except PeopleApiError as error:
                results[draft.id] = classify(draft, error)
        elif fresh:
            sent_before = [draft.created for draft in fresh if may_have_been_sent(draft)]
            outcome = await api_batches.create_contacts(
                self._client,
                [person_model(draft.changes) for draft in fresh],
                read_mask=ALL_PERSON_FIELDS,
                op_ids=[draft.op_id for draft in fresh],
                maybe_sent_at=min(sent_before) if sent_before else None,
            )
            for index, draft in enumerate(fresh):
                if index in outcome.succeeded:
                    created[draft.id] = outcome.succeeded[index].to_api()
                else:
                    results[draft.id] = classify(draft, outcome.failed[index])
        for draft in drafts:
            if draft.id in results:
                continue
            made: PersonJson | None = created.get(draft.id)
            if made is not None:
                name = str(made["resourceName"])
                if PHOTO_KEY in draft.changes:
                    await on_created(draft, name)
            else:
                assert draft.resource_name is not None  # created by an earlier delivery
                name = draft.resource_name
            results[draft.id] = await self._with_photo(draft, name, made)
        return [results[draft.id] for draft in drafts]

    async def _with_photo(self, draft: Draft, name: str, person: PersonJson | None) -> Result:
        """A created contact, given the photo its draft carries (undoing a deletion)."""
        photo = draft.changes.get(PHOTO_KEY)
        if not isinstance(photo, str):
            if person is None:
                person = (await self._read(name)) or None
            return Done(draft, name, person, None)
        try:
            answer = await self._client.update_contact_photo(
                name, decode_photo(photo), person_fields=ALL_PERSON_FIELDS
            )
        except PeopleApiError as error:
            result = classify(draft, error)
            if isinstance(result, Retry):
                return result
            # The contact exists; only its photo could not be restored.
            kept = person or await self._read(name)
            note = f"The photo was not restored: {_message(error)}"
            return Done(draft, name, kept, None, note=note)
        updated = answer.person.to_api() if answer.person else await self._read(name)
        return Done(draft, name, updated, None)

    async def _read(self, name: str) -> PersonJson | None:
        try:
            return (await self._client.get_person(name, person_fields=ALL_PERSON_FIELDS)).to_api()
        except NotFound:
            return None

    # -- deletes ------------------------------------------------------------------------------

    async def _deletes(self, drafts: list[Draft]) -> list[Result]:
        names = [draft.resource_name or "" for draft in drafts]
        if len(drafts) == 1:
            try:
                await self._client.delete_contact(names[0])
            except NotFound:
                pass  # already gone: what the user asked for
            except PeopleApiError as error:
                return [classify(drafts[0], error)]
            return [Done(drafts[0], names[0], None, drafts[0].base)]
        outcome = await api_batches.delete_contacts(self._client, names)
        results: list[Result] = []
        for draft, name in zip(drafts, names, strict=True):
            failure = outcome.failed.get(name)
            if failure is None or isinstance(failure, NotFound):
                results.append(Done(draft, name, None, draft.base))
            else:
                results.append(classify(draft, failure))
        return results

    # -- updates ------------------------------------------------------------------------------

    async def _updates(self, drafts: list[Draft]) -> list[Result]:
        """Drafts with the same update mask, in one batchUpdateContacts per 200."""
        changes = {draft.resource_name or "": without_private(draft.changes) for draft in drafts}
        mask = update_mask(next(iter(changes.values())))
        people = {
            name: Person.from_api({**fields, "etag": _etag(draft.base)})
            for (name, fields), draft in zip(changes.items(), drafts, strict=True)
        }
        outcome = await api_batches.update_contacts(
            self._client, people, update_mask=mask, read_mask=ALL_PERSON_FIELDS
        )
        results: list[Result] = []
        for draft in drafts:
            name = draft.resource_name or ""
            failure = outcome.failed.get(name)
            if failure is None:
                answer = outcome.succeeded.get(name)
                person = answer.to_api() if answer is not None else await self._read(name)
                results.append(Done(draft, name, person, draft.base))
            elif isinstance(failure, EtagConflict):
                results.append(await self._update(draft, stale=True))
            else:
                results.append(classify(draft, failure))
        return results

    async def _update(self, draft: Draft, *, stale: bool = False) -> Result:
        """One update; on an etag conflict, merge with the latest version and try again."""
        name = draft.resource_name or ""
        base: PersonJson = draft.base or {}
        to_send = without_private(draft.changes)
        if not to_send:
            return Done(draft, name, base, base)
        for _ in range(MERGE_ROUNDS):
            try:
                if not stale:
                    person = await self._client.update_contact(
                        name,
                        Person.from_api({**to_send, "etag": _etag(base)}),
                        update_person_fields=update_mask(to_send),
                        person_fields=ALL_PERSON_FIELDS,
                    )
                    return Done(draft, name, person.to_api(), base)
                theirs = (
                    await self._client.get_person(name, person_fields=ALL_PERSON_FIELDS)
                ).to_api()
            except EtagConflict:
                stale = True
                continue
            except PeopleApiError as error:
                return classify(draft, error)
            merged = three_way_merge(base, to_send, theirs)
            if merged.conflicts:
                return Conflicted(draft, merged)
            if not merged.to_send:
                return Done(draft, name, theirs, base)  # the server already holds it all
            base, to_send, stale = theirs, merged.to_send, False
        return Retry(draft, "The contact kept changing on the server while saving.")

    # -- photos -------------------------------------------------------------------------------

    async def _photo(self, draft: Draft) -> Result:
        name = draft.resource_name or ""
        try:
            if draft.kind is ChangeKind.PHOTO_UPDATE:
                photo = draft.changes.get(PHOTO_KEY)
                if not isinstance(photo, str):
                    return Refused(draft, "No photo to upload.")
                updated = await self._client.update_contact_photo(
                    name, decode_photo(photo), person_fields=ALL_PERSON_FIELDS
                )
                answer = updated.person
            else:
                deleted = await self._client.delete_contact_photo(
                    name, person_fields=ALL_PERSON_FIELDS
                )
                answer = deleted.person
        except PeopleApiError as error:
            return classify(draft, error)
        person = answer.to_api() if answer is not None else await self._read(name)
        return Done(draft, name, person, draft.base)


def _etag(person: PersonJson | None) -> str | None:
    etag = (person or {}).get("etag")
    return etag if isinstance(etag, str) else None
