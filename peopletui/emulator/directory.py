"""people.listDirectoryPeople and people.searchDirectoryPeople over a Workspace domain.

The directory holds domain profiles (source DOMAIN_PROFILE, resource names ``people/1…`` with 21
digits) and domain contacts (source DOMAIN_CONTACT). ``sources`` is required and picks which of the
two kinds are returned. ``mergeSources=DIRECTORY_MERGE_SOURCE_TYPE_CONTACT`` merges in the
caller's own contacts that share an email address with a directory person ("connected through
verified join keys such as email addresses"), adding their items and their CONTACT source.

A consumer account (gmail.com, or one switched with `EmulatorState.set_workspace`) gets 400
FAILED_PRECONDITION "Must be a G Suite domain user." (recorded from Google).

listDirectoryPeople: ``pageSize`` 1–1000 (default 100), page tokens, ``requestSyncToken`` and
``syncToken`` deltas with tombstones, as connections.list. searchDirectoryPeople: ``query`` prefix
match on names, nicknames, emails, phones and organizations, ``pageSize`` 1–500 (default 100),
page tokens, ``totalSize`` = all matches.
"""

from __future__ import annotations

from typing import Any

from . import cursors, paging
from .body import payload_error
from .call import Call, page_size
from .errors import ApiError
from .jsonout import RawJson
from .matching import matches
from .params import DIRECTORY_MERGE_SOURCE_TYPES, DIRECTORY_SOURCE_TYPES
from .render import fold
from .rules import READABLE_FIELDS, parse_mask
from .store import Book, Record, Tombstone, terms_of

NOT_WORKSPACE_MESSAGE = "Must be a G Suite domain user."
_KINDS = {
    "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE": "DOMAIN_PROFILE",
    "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT": "DOMAIN_CONTACT",
}


class _Request:
    """The parameters both directory methods share, checked in Google's order."""

    def __init__(self, call: Call) -> None:
        mask = parse_mask(call.params.text("readMask"), "readMask", READABLE_FIELDS, required=True)
        assert mask is not None
        self.mask = mask
        chosen = call.params.enums("sources", DIRECTORY_SOURCE_TYPES)
        self.kinds = frozenset(_KINDS[s] for s in chosen if s in _KINDS)
        if not self.kinds:
            raise payload_error("Request contains an invalid argument.", "sources")
        merge = call.params.enums("mergeSources", DIRECTORY_MERGE_SOURCE_TYPES)
        self.merge_contacts = "DIRECTORY_MERGE_SOURCE_TYPE_CONTACT" in merge
        if not call.account.workspace:
            raise ApiError("FAILED_PRECONDITION", NOT_WORKSPACE_MESSAGE)
        self.book: Book = call.services.state.directory(call.account.domain)
        self.key = cursors.fingerprint("directory", call.account.email.lower(), self.book.salt)
        # Sync tokens are bound to sources and mergeSources, page tokens also to readMask.
        self.binding = cursors.fingerprint(
            call.route.method, sorted(self.kinds), self.merge_contacts
        )
        self._by_email: dict[str, list[Record]] | None = None

    def keep(self, item: Record | Tombstone) -> bool:
        return item.source_type in self.kinds

    def render(self, call: Call, item: Record | Tombstone) -> RawJson:
        writer = call.services.writer
        if isinstance(item, Tombstone):
            return writer.tombstone(item, self.mask)
        merged = self._contacts_sharing_email(call, item) if self.merge_contacts else []
        return writer.person(item, self.mask, region=call.account.region, merged=merged)

    def _contacts_sharing_email(self, call: Call, person: Record) -> list[Record]:
        if self._by_email is None:
            self._by_email = {}
            for contact in call.account.contacts.records.values():
                for email in contact.data.get("emailAddresses", []):
                    if email.get("value"):
                        self._by_email.setdefault(fold(email["value"]), []).append(contact)
        merged: dict[str, Record] = {}
        for email in person.data.get("emailAddresses", []):
            for contact in self._by_email.get(fold(email.get("value", "")) or "-", []):
                merged[contact.resource_id] = contact
        return list(merged.values())


def list_directory_people(call: Call) -> dict[str, Any]:
    request = _Request(call)
    size = page_size(call.params, default=100, maximum=1000)
    want_sync = call.params.flag("requestSyncToken")
    sync_text = call.params.text("syncToken") or ""
    page_text = call.params.text("pageToken") or ""
    book, now = request.book, call.services.clock.now()
    page_binding = cursors.fingerprint(request.binding, request.mask, want_sync, sync_text)
    since = None
    if sync_text:
        since = paging.read_sync_token(
            sync_text, request.key, request.binding, book, now, call.services.sync_token_max_age
        )
    after: Any = None
    snapshot = book.seq
    if page_text:
        after, snapshot = paging.read_page_token(page_text, request.key, page_binding)
    if since is None:
        page = paging.full_page(book, "LAST_MODIFIED_ASCENDING", after, size, request.keep)
    else:
        page = paging.delta_page(book, since, after or since, size, request.keep)
    response: dict[str, Any] = {}
    if page.items:
        response["people"] = [request.render(call, item) for item in page.items]
    if page.after is not None:
        response["nextPageToken"] = paging.page_token(
            request.key, page_binding, page.after, snapshot
        )
    elif want_sync or since is not None:
        response["nextSyncToken"] = paging.sync_token(request.key, request.binding, snapshot, now)
    return response


def search_directory_people(call: Call) -> dict[str, Any]:
    request = _Request(call)
    size = page_size(call.params, default=100, maximum=500)
    query = (call.params.text("query") or "").strip()
    if not query:
        raise payload_error("Request contains an invalid argument.", "query")
    page_text = call.params.text("pageToken") or ""
    binding = cursors.fingerprint(request.binding, request.mask, fold(query))
    after: Any = None
    if page_text:
        after, _snapshot = paging.read_page_token(page_text, request.key, binding)
    region = call.account.region

    def found(record: Record) -> bool:
        return request.keep(record) and matches(terms_of(record, region), query)

    page = paging.full_page(request.book, "LAST_MODIFIED_ASCENDING", after, size, found)
    response: dict[str, Any] = {}
    if page.items:
        response["people"] = [request.render(call, item) for item in page.items]
    if page.after is not None:
        response["nextPageToken"] = paging.page_token(request.key, binding, page.after, 0)
    if page.total:
        response["totalSize"] = page.total
    return response
