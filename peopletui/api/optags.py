"""Operation ids in `clientData`, which make a retried create safe.

Every create is sent with one extra `clientData` entry ``{"key": "peopletui.op", "value": <id>}``.
If the connection drops (or Google answers 5xx) after the create may have been carried out, the
client looks the id up before sending the create again (see `lookup.py`), so a contact is never
created twice.

The entry stays on the server (clientData is per-application data that Google Contacts does not
show), but this client hides it: it is removed from every person the client returns, so the
services and the UI never see it, and the next update of `clientData` drops it from the server.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

OP_KEY = "peopletui.op"

JsonObject = dict[str, Any]


def new_op_id() -> str:
    return uuid.uuid4().hex


def tagged(person: JsonObject, op_id: str) -> JsonObject:
    """A copy of a person's JSON with the operation id added to its clientData."""
    client_data = [entry for entry in person.get("clientData") or [] if not _is_tag(entry)]
    return {**person, "clientData": [*client_data, {"key": OP_KEY, "value": op_id}]}


def op_id_of(person: JsonObject) -> str | None:
    """The operation id a person was created with, if it still carries one."""
    for entry in person.get("clientData") or []:
        if _is_tag(entry) and isinstance(entry.get("value"), str):
            return str(entry["value"])
    return None


def strip_tag(person: JsonObject) -> JsonObject:
    """Remove the operation id from a person's JSON (in place); returns the same object."""
    client_data = person.get("clientData")
    if isinstance(client_data, list) and any(_is_tag(entry) for entry in client_data):
        kept = [entry for entry in client_data if not _is_tag(entry)]
        if kept:
            person["clientData"] = kept
        else:
            del person["clientData"]
    return person


def persons_in(payload: JsonObject) -> Iterator[JsonObject]:
    """Every person object inside a People API response body."""
    for key in ("connections", "people"):
        for person in payload.get(key) or []:
            if isinstance(person, dict):
                yield person
    wrappers: list[Any] = [*(payload.get("results") or []), *(payload.get("responses") or [])]
    wrappers += payload.get("createdPeople") or []
    wrappers += list((payload.get("updateResult") or {}).values())
    wrappers.append(payload)
    for wrapper in wrappers:
        person = wrapper.get("person") if isinstance(wrapper, dict) else None
        if isinstance(person, dict):
            yield person


def strip_tags(payload: JsonObject, *, is_person: bool = False) -> JsonObject:
    """Remove operation ids from every person in a response body (in place)."""
    if is_person:
        strip_tag(payload)
    for person in persons_in(payload):
        strip_tag(person)
    return payload


def _is_tag(entry: Any) -> bool:
    return isinstance(entry, dict) and entry.get("key") == OP_KEY
