"""The write methods of PeopleClient, each safe to retry after a lost answer."""

from __future__ import annotations

import base64
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import optags
from .batch_writes import batch_create, batch_delete, batch_update
from .core import as_names
from .errors import EtagConflict, NotFound
from .models import (
    BatchCreateContactsResponse,
    BatchUpdateContactsResponse,
    DeleteContactPhotoResponse,
    Person,
    PersonField,
    ReadSourceType,
    UpdateContactPhotoResponse,
    UpdatePersonField,
)
from .params import ALL_PERSON_FIELDS, Query, mask, person_path
from .reads import ReadMethods
from .recovery import update_applied

JsonObject = dict[str, Any]


class WriteMethods(ReadMethods):
    """createContact, updateContact, deleteContact, the photo methods and the batch writes."""

    async def create_contact(
        self,
        person: Person,
        *,
        person_fields: Iterable[PersonField] | None = None,
        sources: Iterable[ReadSourceType] | None = None,
        op_id: str | None = None,
        maybe_sent_at: float | None = None,
    ) -> Person:
        """people.createContact. A retry after a lost answer never creates a second contact.

        A caller that keeps its writes across restarts passes its own `op_id` (the same on
        every delivery of one create) and, when an earlier delivery may have reached the server
        (a crash, or a failure after the client's retries), `maybe_sent_at`: the `time.time()`
        of that delivery. The client then looks for the contact before sending it again."""
        fields, kinds = as_names(person_fields), as_names(sources)
        op_id = op_id or optags.new_op_id()
        body = optags.tagged(person.to_api(), op_id)
        query = Query().mask("personFields", fields).repeated("sources", kinds)
        started = _monotonic_start(maybe_sent_at)

        async def attempt(_uncertain: bool) -> Person:
            response = await self._send(
                "createContact", "POST", "/v1/people:createContact", query, body
            )
            return Person.from_api(optags.strip_tag(response.body))

        async def before_resend() -> Person | None:
            found = await self._find_created([op_id], started)
            if op_id not in found:
                return None
            self.retry_stats.recovered["create"] += 1
            return await self.get_person(
                found[op_id],
                person_fields=(fields or ALL_PERSON_FIELDS),
                sources=kinds,
            )

        if maybe_sent_at is not None:
            earlier = await before_resend()
            if earlier is not None:
                return earlier
        return await self._retrier.run(attempt, repeatable=False, before_resend=before_resend)

    async def update_contact(
        self,
        resource_name: str,
        person: Person,
        *,
        update_person_fields: Iterable[UpdatePersonField],
        person_fields: Iterable[PersonField] | None = None,
        sources: Iterable[ReadSourceType] | None = None,
    ) -> Person:
        """people.updateContact: replace the `update_person_fields` of a contact. `person` must
        carry the etag it was read with; a stale one raises `EtagConflict`."""
        updated = as_names(update_person_fields) or frozenset()
        fields, kinds = as_names(person_fields), as_names(sources)
        path = person_path(resource_name, ":updateContact")
        body = person.to_api()
        query = (
            Query()
            .mask("updatePersonFields", updated)
            .mask("personFields", fields)
            .repeated("sources", kinds)
        )

        async def attempt(uncertain: bool) -> Person:
            try:
                response = await self._send("updateContact", "PATCH", path, query, body)
            except EtagConflict:
                if not uncertain:
                    raise
                # Our own earlier attempt may have consumed the etag: check before reporting.
                current = await self.get_person(
                    resource_name,
                    person_fields=((fields or ALL_PERSON_FIELDS) | updated),
                    sources=kinds,
                )
                if not update_applied(body, current.to_api(), updated):
                    raise
                self.retry_stats.recovered["update"] += 1
                return current
            return Person.from_api(optags.strip_tag(response.body))

        return await self._retrier.run(attempt, repeatable=True)

    async def delete_contact(self, resource_name: str) -> None:
        """people.deleteContact. A retry that finds the contact already gone succeeds."""
        path = person_path(resource_name, ":deleteContact")

        async def attempt(uncertain: bool) -> None:
            try:
                await self._send("deleteContact", "DELETE", path, Query(), None)
            except NotFound:
                if not uncertain:
                    raise
                self.retry_stats.recovered["delete"] += 1

        await self._retrier.run(attempt, repeatable=True)

    async def update_contact_photo(
        self,
        resource_name: str,
        photo_bytes: bytes,
        *,
        person_fields: Iterable[PersonField] | None = None,
        sources: Iterable[ReadSourceType] | None = None,
    ) -> UpdateContactPhotoResponse:
        """people.updateContactPhoto: set a JPEG or PNG photo (other formats: `BadRequest`)."""
        body: JsonObject = {"photoBytes": base64.b64encode(photo_bytes).decode("ascii")}
        if person_fields is not None:
            body["personFields"] = mask(person_fields)
        if sources is not None:
            body["sources"] = sorted(as_names(sources) or ())
        path = person_path(resource_name, ":updateContactPhoto")
        response = await self._write("updateContactPhoto", "PATCH", path, Query(), body)
        return UpdateContactPhotoResponse.from_api(response)

    async def delete_contact_photo(
        self,
        resource_name: str,
        *,
        person_fields: Iterable[PersonField] | None = None,
        sources: Iterable[ReadSourceType] | None = None,
    ) -> DeleteContactPhotoResponse:
        """people.deleteContactPhoto."""
        query = Query().mask("personFields", person_fields).repeated("sources", sources)
        path = person_path(resource_name, ":deleteContactPhoto")
        response = await self._write("deleteContactPhoto", "DELETE", path, query, None)
        return DeleteContactPhotoResponse.from_api(response)

    # -- batch writes (one request each; `batches.py` cuts larger sets into the limits) -----

    async def batch_create_contacts(
        self,
        contacts: Iterable[Person],
        *,
        read_mask: Iterable[PersonField] | None = None,
        sources: Iterable[ReadSourceType] | None = None,
        op_ids: Sequence[str] | None = None,
        maybe_sent_at: float | None = None,
    ) -> BatchCreateContactsResponse:
        """people.batchCreateContacts: up to 200 contacts. Without `read_mask` Google returns no
        people. A retry after a lost answer never creates a contact twice. `op_ids` (one per
        contact) and `maybe_sent_at` work as in `create_contact`."""
        people = list(contacts)
        if op_ids is not None and len(op_ids) != len(people):
            raise ValueError("op_ids needs one id per contact")
        return await batch_create(
            self,
            people,
            as_names(read_mask),
            as_names(sources),
            op_ids=None if op_ids is None else list(op_ids),
            started=_monotonic_start(maybe_sent_at),
            look_first=maybe_sent_at is not None,
        )

    async def batch_update_contacts(
        self,
        contacts: Mapping[str, Person],
        *,
        update_mask: Iterable[UpdatePersonField],
        read_mask: Iterable[PersonField] | None = None,
        sources: Iterable[ReadSourceType] | None = None,
    ) -> BatchUpdateContactsResponse:
        """people.batchUpdateContacts: up to 200 contacts by resource name, each with its etag."""
        updated = as_names(update_mask) or frozenset()
        return await batch_update(
            self, dict(contacts), updated, as_names(read_mask), as_names(sources)
        )

    async def batch_delete_contacts(self, resource_names: Iterable[str]) -> None:
        """people.batchDeleteContacts: up to 500 contacts. Names already gone after a lost answer
        count as deleted."""
        await batch_delete(self, list(resource_names))


def _monotonic_start(sent_at: float | None) -> float:
    """The `time.monotonic()` reading matching wall-clock `sent_at` (now when None): the
    look-up for a lost create reads back as far as the create may have been made."""
    now = time.monotonic()
    if sent_at is None:
        return now
    return now - max(0.0, time.time() - sent_at)
