"""The changes that "batch edit" can make to every marked contact, and how each one computes a
contact's new field value from its current one.

Each change touches one field, so the whole selection shares one `updatePersonFields` mask and
travels in batchUpdateContacts requests of 200. Values start from the field as the server sent
it, cleaned of what the server adds on its own (metadata, formatted types), so only the one
thing the user asked for changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from peopletui.services.fields import clean_field

NewValue = Callable[[Mapping[str, Any], str], list[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class BatchChange:
    id: str
    title: str
    """How the change is offered ("Company")."""
    field: str
    """The Person field it sets (the update mask)."""
    placeholder: str
    question: str
    """Completed with the value and the count: 'Set the company to “{value}” on {count}?'."""
    new_value: NewValue


def _items(person: Mapping[str, Any], field: str) -> list[dict[str, Any]]:
    value = clean_field(field, person.get(field))
    return [dict(item) for item in value if isinstance(item, dict)] if value else []


def _set_in_first_organization(key: str) -> NewValue:
    def new_value(person: Mapping[str, Any], value: str) -> list[dict[str, Any]]:
        organizations = _items(person, "organizations")
        if organizations:
            organizations[0][key] = value
        else:
            organizations = [{key: value}]
        return organizations

    return new_value


def _add_nickname(person: Mapping[str, Any], value: str) -> list[dict[str, Any]]:
    nicknames = _items(person, "nicknames")
    if not any(item.get("value") == value for item in nicknames):
        nicknames.append({"value": value})
    return nicknames


def _set_email_type(person: Mapping[str, Any], value: str) -> list[dict[str, Any]]:
    emails = _items(person, "emailAddresses")
    for email in emails:
        email["type"] = value
    return emails


BATCH_CHANGES: Final = (
    BatchChange(
        "company",
        "Company",
        "organizations",
        "Company name",
        "Set the company to “{value}” on {count}?",
        _set_in_first_organization("name"),
    ),
    BatchChange(
        "job_title",
        "Job title",
        "organizations",
        "Job title",
        "Set the job title to “{value}” on {count}?",
        _set_in_first_organization("title"),
    ),
    BatchChange(
        "nickname",
        "Add a nickname",
        "nicknames",
        "Nickname",
        "Add the nickname “{value}” to {count}?",
        _add_nickname,
    ),
    BatchChange(
        "email_type",
        "Type of every email address",
        "emailAddresses",
        "home, work, other, or a label of your own",
        "Mark every email address of {count} as “{value}”?",
        _set_email_type,
    ),
)
CHANGES_BY_ID: Final = {change.id: change for change in BATCH_CHANGES}


def new_values(
    change: BatchChange, people: Mapping[str, Mapping[str, Any]], value: str
) -> dict[str, dict[str, Any]]:
    """resource name -> {field: new value}, as `update_many` takes them."""
    return {
        name: {change.field: change.new_value(person, value)} for name, person in people.items()
    }
