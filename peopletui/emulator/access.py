"""OAuth scopes each method needs (the discovery document's ``scopes`` lists) and Google's 403."""

from __future__ import annotations

from typing import Final

from .errors import ApiError, error_info

_AUTH = "https://www.googleapis.com/auth/"
CONTACTS: Final = _AUTH + "contacts"
CONTACTS_READONLY: Final = _AUTH + "contacts.readonly"
DIRECTORY_READONLY: Final = _AUTH + "directory.readonly"

WRITE_SCOPES: Final = frozenset({CONTACTS})
CONTACT_READ_SCOPES: Final = frozenset({CONTACTS, CONTACTS_READONLY})
DIRECTORY_SCOPES: Final = frozenset({DIRECTORY_READONLY})
# people.get / getBatchGet: any of these lets a client read the signed-in user's profile.
PROFILE_READ_SCOPES: Final = frozenset(
    {
        CONTACTS,
        CONTACTS_READONLY,
        _AUTH + "contacts.other.readonly",
        DIRECTORY_READONLY,
        _AUTH + "user.addresses.read",
        _AUTH + "user.birthday.read",
        _AUTH + "user.emails.read",
        _AUTH + "user.gender.read",
        _AUTH + "user.organization.read",
        _AUTH + "user.phonenumbers.read",
        _AUTH + "userinfo.email",
        _AUTH + "userinfo.profile",
        "email",
        "profile",
    }
)

METHOD_SCOPES: Final[dict[str, frozenset[str]]] = {
    "get": PROFILE_READ_SCOPES,
    "getBatchGet": PROFILE_READ_SCOPES,
    "connections.list": CONTACT_READ_SCOPES,
    "searchContacts": CONTACT_READ_SCOPES,
    "listDirectoryPeople": DIRECTORY_SCOPES,
    "searchDirectoryPeople": DIRECTORY_SCOPES,
    "createContact": WRITE_SCOPES,
    "updateContact": WRITE_SCOPES,
    "deleteContact": WRITE_SCOPES,
    "updateContactPhoto": WRITE_SCOPES,
    "deleteContactPhoto": WRITE_SCOPES,
    "batchCreateContacts": WRITE_SCOPES,
    "batchUpdateContacts": WRITE_SCOPES,
    "batchDeleteContacts": WRITE_SCOPES,
}
RPC_NAMES: Final[dict[str, str]] = {
    "get": "GetPerson",
    "getBatchGet": "GetPeople",
    "connections.list": "ListConnections",
    "searchContacts": "SearchContacts",
    "listDirectoryPeople": "ListDirectoryPeople",
    "searchDirectoryPeople": "SearchDirectoryPeople",
    "createContact": "CreateContact",
    "updateContact": "UpdateContact",
    "deleteContact": "DeleteContact",
    "updateContactPhoto": "UpdateContactPhoto",
    "deleteContactPhoto": "DeleteContactPhoto",
    "batchCreateContacts": "BatchCreateContacts",
    "batchUpdateContacts": "BatchUpdateContacts",
    "batchDeleteContacts": "BatchDeleteContacts",
}


def require(granted: frozenset[str], needed: frozenset[str], method: str) -> None:
    """403 PERMISSION_DENIED unless the token carries one of ``needed``."""
    if granted & needed:
        return
    raise ApiError(
        "PERMISSION_DENIED",
        "Request had insufficient authentication scopes.",
        details=[
            error_info(
                "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
                "googleapis.com",
                service="people.googleapis.com",
                method=f"google.people.v1.PeopleService.{RPC_NAMES[method]}",
            )
        ],
        headers=[
            (
                "www-authenticate",
                'Bearer realm="https://accounts.google.com/", error="insufficient_scope", '
                f'scope="{" ".join(sorted(needed))}"',
            )
        ],
    )
