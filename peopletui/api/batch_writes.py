"""The three batch write methods, each one request, each safe to retry.

- batchCreateContacts: every contact carries its own operation id; after a lost answer the ids
  are looked up (see `recovery.py`), the contacts already created are kept, and only the others
  are sent again.
- batchUpdateContacts: after a lost answer, an etag conflict is checked against the server; if
  every contact already holds what was sent, the batch counts as done.
- batchDeleteContacts: after a lost answer, a 404 means some names are gone already; the names
  that still exist are deleted and the others count as deleted.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from . import optags
from .errors import EtagConflict, NotFound
from .models import (
    BatchCreateContactsResponse,
    BatchUpdateContactsResponse,
    Person,
    PersonField,
    ReadSourceType,
    UpdatePersonField,
)
from .params import ALL_PERSON_FIELDS, Query
from .recovery import update_applied

if TYPE_CHECKING:
    from .reads import ReadMethods

JsonObject = dict[str, Any]
BATCH_GET_LIMIT = 200


def _read_body(read_mask: frozenset[PersonField] | None, sources: Any) -> JsonObject:
    body: JsonObject = {}
    if read_mask is not None:
        body["readMask"] = ",".join(sorted(read_mask))
    if sources is not None:
        body["sources"] = sorted(sources)
    return body


async def _fetch(
    client: ReadMethods,
    names: list[str],
    fields: frozenset[PersonField],
    sources: frozenset[ReadSourceType] | None,
) -> dict[str, JsonObject]:
    """The people now on the server, by resource name (missing ones left out)."""
    people: dict[str, JsonObject] = {}
    for start in range(0, len(names), BATCH_GET_LIMIT):
        chunk = names[start : start + BATCH_GET_LIMIT]
        answer = await client.get_people(chunk, person_fields=fields, sources=sources)
        for item in answer.responses or []:
            if item.person is not None and item.requested_resource_name:
                people[item.requested_resource_name] = item.person.to_api()
    return people


async def batch_create(
    client: ReadMethods,
    contacts: list[Person],
    read_mask: frozenset[PersonField] | None,
    sources: frozenset[ReadSourceType] | None,
    *,
    op_ids: list[str] | None = None,
    started: float | None = None,
    look_first: bool = False,
) -> BatchCreateContactsResponse:
    """`look_first`: an earlier delivery (since `started`, monotonic) may have created some of
    the contacts; look their op ids up before sending."""
    bodies = [person.to_api() for person in contacts]
    op_ids = op_ids or [optags.new_op_id() for _ in bodies]
    results: dict[int, JsonObject] = {}
    pending = list(range(len(bodies)))
    started = time.monotonic() if started is None else started

    def assemble() -> BatchCreateContactsResponse:
        if read_mask is None:
            return BatchCreateContactsResponse()
        created = [results[i] for i in sorted(results)]
        return BatchCreateContactsResponse.from_api({"createdPeople": created})

    async def attempt(_uncertain: bool) -> BatchCreateContactsResponse:
        body = _read_body(read_mask, sources)
        body["contacts"] = [{"contactPerson": optags.tagged(bodies[i], op_ids[i])} for i in pending]
        path = "/v1/people:batchCreateContacts"
        response = await client._send("batchCreateContacts", "POST", path, Query(), body)
        optags.strip_tags(response.body)
        for index, item in zip(pending, response.body.get("createdPeople") or [], strict=False):
            results[index] = item
        pending.clear()
        return assemble()

    async def before_resend() -> BatchCreateContactsResponse | None:
        found = await client._find_created([op_ids[i] for i in pending], started)
        if not found:
            return None
        client.retry_stats.recovered["create"] += len(found)
        done = [i for i in pending if op_ids[i] in found]
        names = [found[op_ids[i]] for i in done]
        people = await _fetch(client, names, read_mask or ALL_PERSON_FIELDS, sources)
        for index, name in zip(done, names, strict=True):
            if name in people:
                results[index] = {"person": people[name], "httpStatusCode": 200, "status": {}}
        pending[:] = [i for i in pending if op_ids[i] not in found]
        return assemble() if not pending else None

    if look_first:
        earlier = await before_resend()
        if earlier is not None:
            return earlier
    return await client._retrier.run(attempt, repeatable=False, before_resend=before_resend)


async def batch_update(
    client: ReadMethods,
    contacts: dict[str, Person],
    update_mask: frozenset[UpdatePersonField],
    read_mask: frozenset[PersonField] | None,
    sources: frozenset[ReadSourceType] | None,
) -> BatchUpdateContactsResponse:
    bodies = {name: person.to_api() for name, person in contacts.items()}
    body = _read_body(read_mask, sources)
    body["contacts"] = bodies
    body["updateMask"] = ",".join(sorted(update_mask))

    async def attempt(uncertain: bool) -> BatchUpdateContactsResponse:
        path = "/v1/people:batchUpdateContacts"
        try:
            response = await client._send("batchUpdateContacts", "POST", path, Query(), body)
        except EtagConflict:
            if not uncertain:
                raise
            fields = (read_mask or ALL_PERSON_FIELDS) | update_mask
            current = await _fetch(client, list(bodies), fields, sources)
            if not all(
                name in current and update_applied(sent, current[name], update_mask)
                for name, sent in bodies.items()
            ):
                raise
            client.retry_stats.recovered["update"] += len(bodies)
            if read_mask is None:
                return BatchUpdateContactsResponse()
            result = {name: {"person": current[name], "httpStatusCode": 200} for name in bodies}
            return BatchUpdateContactsResponse.from_api({"updateResult": result})
        return BatchUpdateContactsResponse.from_api(optags.strip_tags(response.body))

    return await client._retrier.run(attempt, repeatable=True)


async def batch_delete(client: ReadMethods, resource_names: list[str]) -> None:
    remaining = list(resource_names)

    async def attempt(uncertain: bool) -> None:
        path = "/v1/people:batchDeleteContacts"
        try:
            await client._send(
                "batchDeleteContacts", "POST", path, Query(), {"resourceNames": remaining}
            )
        except NotFound:
            if not uncertain:
                raise
            still_there = await _fetch(client, remaining, frozenset({"metadata"}), None)
            client.retry_stats.recovered["delete"] += len(remaining) - len(still_there)
            remaining[:] = [name for name in remaining if name in still_there]
            if remaining:
                await client._send(
                    "batchDeleteContacts", "POST", path, Query(), {"resourceNames": remaining}
                )

    await client._retrier.run(attempt, repeatable=True)
