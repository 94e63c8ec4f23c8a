"""Any number of creates, updates, deletes or reads, cut into the API's batch limits.

Limits: batchCreateContacts and batchUpdateContacts take 200 contacts, getBatchGet 200 names,
batchDeleteContacts 500 names. Chunks are sent one after another, as Google asks for mutations
of one user.

Every item gets its own result. A batch request is all-or-nothing, so when Google refuses a
chunk because of its content (400, an etag conflict, or a 404 for a contact deleted meanwhile)
the chunk is split in halves and sent again until the items at fault are isolated: the good
items go through and each bad one is reported with its own error. Any other failure (after the
client's retries) is reported against every item of that chunk, and the following chunks are
still sent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .client import PeopleClient
from .errors import BadRequest, NotFound, PeopleApiError
from .models import Person, PersonField, PersonResponse, ReadSourceType, UpdatePersonField

CREATE_LIMIT = 200
UPDATE_LIMIT = 200
GET_LIMIT = 200
DELETE_LIMIT = 500

K = TypeVar("K")
V = TypeVar("V")


@dataclass
class BatchOutcome(Generic[K, V]):
    """Per-item results: `succeeded` and `failed` by item key (input index, or resource name)."""

    succeeded: dict[K, V] = field(default_factory=dict)
    failed: dict[K, PeopleApiError] = field(default_factory=dict)
    requests: int = 0
    """Batch requests sent (retries of one request not counted)."""

    @property
    def ok(self) -> bool:
        return not self.failed


def _chunks(keys: Sequence[K], size: int) -> Iterable[list[K]]:
    if size < 1:
        raise ValueError("chunk size must be at least 1")
    for start in range(0, len(keys), size):
        yield list(keys[start : start + size])


async def _send_isolating(
    keys: list[K],
    send: Callable[[list[K]], Awaitable[dict[K, V]]],
    content_errors: tuple[type[PeopleApiError], ...],
    outcome: BatchOutcome[K, V],
) -> None:
    outcome.requests += 1
    try:
        outcome.succeeded.update(await send(keys))
    except content_errors as error:
        if len(keys) == 1:
            outcome.failed[keys[0]] = error
            return
        middle = len(keys) // 2
        await _send_isolating(keys[:middle], send, content_errors, outcome)
        await _send_isolating(keys[middle:], send, content_errors, outcome)
    except PeopleApiError as error:
        outcome.failed.update(dict.fromkeys(keys, error))


# google.rpc.Code numbers of the per-item statuses Google reports.
_RPC_CODES = {
    3: "INVALID_ARGUMENT",
    5: "NOT_FOUND",
    7: "PERMISSION_DENIED",
    9: "FAILED_PRECONDITION",
}


def _item_error(response: PersonResponse) -> PeopleApiError | None:
    """The error of one PersonResponse whose `status` is not OK."""
    status = response.status
    if status is None or not status.code:
        return None
    cls = NotFound if status.code == 5 else BadRequest
    return cls(
        status.message or "item failed",
        status_code=response.http_status_code,
        status=_RPC_CODES.get(status.code, str(status.code)),
        details=status.details,
    )


async def create_contacts(
    client: PeopleClient,
    people: Sequence[Person],
    *,
    read_mask: Iterable[PersonField],
    sources: Iterable[ReadSourceType] | None = None,
    chunk_size: int = CREATE_LIMIT,
    op_ids: Sequence[str] | None = None,
    maybe_sent_at: float | None = None,
) -> BatchOutcome[int, Person]:
    """Create every person; results are keyed by the person's index in `people`. `op_ids` and
    `maybe_sent_at`: see `PeopleClient.create_contact`."""
    fields, kinds = frozenset(read_mask), None if sources is None else list(sources)
    outcome: BatchOutcome[int, Person] = BatchOutcome()
    if op_ids is not None and len(op_ids) != len(people):
        raise ValueError("op_ids needs one id per person")

    async def send(indexes: list[int]) -> dict[int, Person]:
        answer = await client.batch_create_contacts(
            [people[i] for i in indexes],
            read_mask=fields,
            sources=kinds,
            op_ids=None if op_ids is None else [op_ids[i] for i in indexes],
            maybe_sent_at=maybe_sent_at,
        )
        created: dict[int, Person] = {}
        for index, item in zip(indexes, answer.created_people or [], strict=False):
            error = _item_error(item)
            if error is not None:
                outcome.failed[index] = error
            elif item.person is not None:
                created[index] = item.person
        return created

    for chunk in _chunks(range(len(people)), min(chunk_size, CREATE_LIMIT)):
        await _send_isolating(chunk, send, (BadRequest,), outcome)
    return outcome


async def update_contacts(
    client: PeopleClient,
    people: Mapping[str, Person],
    *,
    update_mask: Iterable[UpdatePersonField],
    read_mask: Iterable[PersonField] | None = None,
    sources: Iterable[ReadSourceType] | None = None,
    chunk_size: int = UPDATE_LIMIT,
) -> BatchOutcome[str, Person | None]:
    """Update every person (keyed by resource name, each carrying its etag)."""
    updated = frozenset(update_mask)
    fields = None if read_mask is None else frozenset(read_mask)
    kinds = None if sources is None else list(sources)
    outcome: BatchOutcome[str, Person | None] = BatchOutcome()

    async def send(names: list[str]) -> dict[str, Person | None]:
        answer = await client.batch_update_contacts(
            {name: people[name] for name in names},
            update_mask=updated,
            read_mask=fields,
            sources=kinds,
        )
        results = answer.update_result or {}
        done: dict[str, Person | None] = {}
        for name in names:
            item = results.get(name)
            error = _item_error(item) if item is not None else None
            if error is not None:
                outcome.failed[name] = error
            else:
                done[name] = item.person if item is not None else None
        return done

    for chunk in _chunks(list(people), min(chunk_size, UPDATE_LIMIT)):
        # A contact deleted meanwhile fails the whole request (404): isolate it as well.
        await _send_isolating(chunk, send, (BadRequest, NotFound), outcome)
    return outcome


async def delete_contacts(
    client: PeopleClient, resource_names: Iterable[str], *, chunk_size: int = DELETE_LIMIT
) -> BatchOutcome[str, None]:
    """Delete every contact named; a name that does not exist is reported as `NotFound`."""
    outcome: BatchOutcome[str, None] = BatchOutcome()

    async def send(names: list[str]) -> dict[str, None]:
        await client.batch_delete_contacts(names)
        return dict.fromkeys(names)

    names = list(dict.fromkeys(resource_names))  # a name twice would fail the whole chunk
    for chunk in _chunks(names, min(chunk_size, DELETE_LIMIT)):
        await _send_isolating(chunk, send, (BadRequest, NotFound), outcome)
    return outcome


async def get_people(
    client: PeopleClient,
    resource_names: Iterable[str],
    *,
    person_fields: Iterable[PersonField],
    sources: Iterable[ReadSourceType] | None = None,
    chunk_size: int = GET_LIMIT,
) -> BatchOutcome[str, Person]:
    """Read every person named; one that cannot be read is reported with its own error."""
    fields = frozenset(person_fields)
    kinds = None if sources is None else list(sources)
    outcome: BatchOutcome[str, Person] = BatchOutcome()

    async def send(names: list[str]) -> dict[str, Person]:
        answer = await client.get_people(names, person_fields=fields, sources=kinds)
        found: dict[str, Person] = {}
        for item in answer.responses or []:
            name = item.requested_resource_name or ""
            error = _item_error(item)
            if error is not None:
                outcome.failed[name] = error
            elif item.person is not None:
                found[name] = item.person
        return found

    names = list(dict.fromkeys(resource_names))
    for chunk in _chunks(names, min(chunk_size, GET_LIMIT)):
        await _send_isolating(chunk, send, (BadRequest,), outcome)
    return outcome
