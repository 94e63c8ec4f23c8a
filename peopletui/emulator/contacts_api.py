"""people.get, getBatchGet, createContact, updateContact, deleteContact and the three batches.

Batch writes are all-or-nothing in the emulator: every item is checked before any is written,
and the first item that fails decides the error (Google documents per-item error details for
batches without their JSON shape, so the emulator answers with the single item's error).
"""

from __future__ import annotations

from typing import Any

from .access import CONTACT_READ_SCOPES, DIRECTORY_SCOPES, require
from .body import payload_error
from .call import Call, batch_limit, contact_id
from .errors import ApiError, not_found
from .jsonout import RawJson
from .rules import (
    READABLE_FIELDS,
    UPDATABLE_FIELDS,
    UPDATE_DOCS,
    PersonData,
    body_etag,
    clean_person,
    parse_mask,
)
from .store import Record

STALE_ETAG_MESSAGE = (
    "Request person.etag is different than the current person.etag. "
    "Clear local cache and get the latest person."
)
MISSING_ETAG_MESSAGE = (
    "Request must set person.etag or person.metadata.sources.etag for the source that is "
    "being updated."
)
NOT_FOUND_MESSAGE = "Requested entity was not found."
MAX_BATCH_GET = 200
MAX_BATCH_WRITE = 200
MAX_BATCH_DELETE = 500


def get(call: Call) -> RawJson:
    mask = call.person_mask(required=True)
    assert mask is not None and call.route.resource_name is not None
    record = find_person(call, call.route.resource_name)
    if record is None:
        raise not_found()
    return call.render(record, mask)


def get_batch(call: Call) -> dict[str, Any]:
    mask = call.person_mask(required=True)
    assert mask is not None
    names = call.params.values("resourceNames")
    batch_limit(len(names), MAX_BATCH_GET, "resource_names")
    responses = []
    for name in names:
        response: dict[str, Any] = {"requestedResourceName": name}
        try:
            record = find_person(call, name)
        except ApiError as error:
            record, status = None, (400, 3, error.message)
        else:
            status = (404, 5, NOT_FOUND_MESSAGE)
        if record is None:
            code, rpc, message = status
            response |= {"httpStatusCode": code, "status": {"code": rpc, "message": message}}
        else:
            response |= {"httpStatusCode": 200, "person": call.render(record, mask)}
        responses.append(response)
    return {"responses": responses}


def find_person(call: Call, name: str) -> Record | None:
    """The profile, contact or directory person ``name`` refers to; None if there is none."""
    account = call.account
    if name == "people/me":
        return account.profile
    rid = name.removeprefix("people/")
    if not name.startswith("people/") or not rid.removeprefix("c").isdigit():
        raise payload_error("Request contains an invalid argument.", "resource_name")
    if rid == account.profile.resource_id:
        return account.profile
    sources = call.read_sources()
    if rid.startswith("c"):
        require(call.grant.scopes, CONTACT_READ_SCOPES, call.route.method)
        contact = account.contacts.records.get(rid)
        if contact is not None and "READ_SOURCE_TYPE_CONTACT" in sources:
            return contact
        if "READ_SOURCE_TYPE_DOMAIN_CONTACT" not in sources:
            return None
    if not account.workspace:
        return None
    require(call.grant.scopes, DIRECTORY_SCOPES | CONTACT_READ_SCOPES, call.route.method)
    return call.services.state.directory(account.domain).records.get(rid)


def create(call: Call) -> RawJson:
    mask = call.person_mask(required=False) or READABLE_FIELDS
    call.read_sources()
    data = clean_person(call.body("Person", "person"), UPDATABLE_FIELDS)
    record = call.services.state.insert_contact(call.account.email, data)
    return call.render(record, mask)


def update(call: Call) -> RawJson:
    assert call.route.resource_name is not None
    rid = contact_id(call.route.resource_name)
    fields = update_mask(call.params.text("updatePersonFields"), "updatePersonFields")
    mask = call.person_mask(required=False) or READABLE_FIELDS
    call.read_sources()
    person = call.body("Person", "person")
    record = _existing(call, rid)
    data = _updated_data(record, person, fields, "person")
    updated = call.services.state.replace_contact(call.account.email, record, data)
    return call.render(updated, mask)


def update_mask(raw: str | None, param: str) -> tuple[str, ...]:
    mask = parse_mask(raw, param, UPDATABLE_FIELDS, required=True, docs=UPDATE_DOCS)
    assert mask is not None
    return mask


def _existing(call: Call, rid: str) -> Record:
    record = call.account.contacts.records.get(rid)
    if record is None:
        raise not_found()
    return record


def _updated_data(
    record: Record, person: dict[str, Any], fields: tuple[str, ...], path: str
) -> PersonData:
    """The contact's data after replacing ``fields`` with the request's values, once the
    request's etag has been checked against the contact's."""
    etag = body_etag(person)
    if etag is None:
        raise ApiError("INVALID_ARGUMENT", MISSING_ETAG_MESSAGE)
    if etag not in (record.etag, record.source_etag):
        raise ApiError("FAILED_PRECONDITION", STALE_ETAG_MESSAGE)
    data = {k: v for k, v in record.data.items() if k not in fields}
    data.update(clean_person(person, fields, path))
    if "memberships" in fields and not any(
        m.get("contactGroupMembership") for m in data.get("memberships", [])
    ):
        # Google: "a 400 error if memberships are being updated and there are no contact group
        # memberships specified on the person".
        raise payload_error("Request contains an invalid argument.", f"{path}.memberships")
    return data


def delete(call: Call) -> dict[str, Any]:
    assert call.route.resource_name is not None
    record = _existing(call, contact_id(call.route.resource_name))
    call.services.state.remove_contact(call.account.email, record)
    return {}


def batch_create(call: Call) -> dict[str, Any]:
    body = call.body("BatchCreateContactsRequest", "")
    contacts = body.get("contacts", [])
    batch_limit(len(contacts), MAX_BATCH_WRITE, "contacts")
    mask = parse_mask(body.get("readMask"), "readMask", READABLE_FIELDS, required=False)
    prepared = [
        clean_person(
            item.get("contactPerson", {}), UPDATABLE_FIELDS, f"contacts[{i}].contact_person"
        )
        for i, item in enumerate(contacts)
    ]
    state = call.services.state
    records = [state.insert_contact(call.account.email, data) for data in prepared]
    if not mask:
        return {}
    return {
        "createdPeople": [{"httpStatusCode": 200, "person": call.render(r, mask)} for r in records]
    }


def batch_update(call: Call) -> dict[str, Any]:
    body = call.body("BatchUpdateContactsRequest", "")
    contacts: dict[str, dict[str, Any]] = body.get("contacts", {})
    batch_limit(len(contacts), MAX_BATCH_WRITE, "contacts")
    fields = update_mask(body.get("updateMask"), "updateMask")
    mask = parse_mask(body.get("readMask"), "readMask", READABLE_FIELDS, required=False)
    planned = []
    for name, person in contacts.items():
        record = _existing(call, contact_id(name))
        planned.append((name, record, _updated_data(record, person, fields, f'contacts["{name}"]')))
    state = call.services.state
    results: dict[str, Any] = {}
    for name, record, data in planned:
        updated = state.replace_contact(call.account.email, record, data)
        if mask:
            results[name] = {
                "httpStatusCode": 200,
                "person": call.render(updated, mask),
                "requestedResourceName": name,
            }
    return {"updateResult": results} if results else {}


def batch_delete(call: Call) -> dict[str, Any]:
    body = call.body("BatchDeleteContactsRequest", "")
    names: list[str] = body.get("resourceNames", [])
    batch_limit(len(names), MAX_BATCH_DELETE, "resource_names")
    records = {}
    for name in names:
        rid = contact_id(name)
        records[rid] = _existing(call, rid)
    for record in records.values():
        call.services.state.remove_contact(call.account.email, record)
    return {}
