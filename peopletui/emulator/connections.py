"""people.connections.list: full listings, paging and incremental sync.

- ``pageSize`` 1–1000, 0 or unset meaning 100; ``sortOrder`` one of four, default
  LAST_MODIFIED_ASCENDING.
- ``requestSyncToken`` puts ``nextSyncToken`` on the last page only.
- ``syncToken`` returns only what changed since the token, deleted contacts as tombstones with
  ``metadata.deleted: true``; a delta with no changes is exactly ``{"nextSyncToken": …}``.
- Page tokens are bound to the parameters of the call that issued them ("all other request
  parameters must match the first call"); sync tokens to ``sources`` and ``sortOrder`` (a
  client may change ``personFields`` between syncs, as clients of Google do when they start
  reading one more field). A token used with other parameters, a malformed or foreign token:
  400 INVALID_ARGUMENT "Request contains an invalid argument.". A sync token older than the sync
  token lifetime (7 days by the emulator's clock): 400 FAILED_PRECONDITION, reason
  EXPIRED_SYNC_TOKEN.
- ``totalPeople`` / ``totalItems``: the size of the whole listing (or of the whole delta), as
  recorded from Google; omitted when zero.
"""

from __future__ import annotations

from typing import Any

from . import cursors, paging
from .body import payload_error
from .call import Call, page_size
from .params import SORT_ORDERS
from .store import Account, Record

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000


def account_key(account: Account) -> str:
    return cursors.fingerprint("contacts", account.email.lower(), account.contacts.salt)


def list_connections(call: Call) -> dict[str, Any]:
    if call.route.resource_name != "people/me":
        raise payload_error("Request contains an invalid argument.", "resource_name")
    mask = call.person_mask(required=True)
    assert mask is not None
    sources = call.read_sources()
    size = page_size(call.params, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
    order = call.params.enum("sortOrder", SORT_ORDERS) or "LAST_MODIFIED_ASCENDING"
    want_sync = call.params.flag("requestSyncToken")
    sync_text = call.params.text("syncToken") or ""
    page_text = call.params.text("pageToken") or ""

    book = call.account.contacts
    key = account_key(call.account)
    now = call.services.clock.now()
    sync_binding = cursors.fingerprint("connections", sorted(sources), order)
    page_binding = cursors.fingerprint(sync_binding, mask, want_sync, sync_text)
    since = None
    if sync_text:
        since = paging.read_sync_token(
            sync_text, key, sync_binding, book, now, call.services.sync_token_max_age
        )
    after: Any = None
    snapshot = book.seq
    if page_text:
        after, snapshot = paging.read_page_token(page_text, key, page_binding)
    elif since is None:
        _prune_tombstones(call, now)

    listed = "READ_SOURCE_TYPE_CONTACT" in sources
    if since is None:
        page = paging.full_page(book, order, after, size, None if listed else lambda r: False)
    else:
        page = paging.delta_page(book, since, after or since, size, lambda r: listed)

    writer, region = call.services.writer, call.account.region
    response: dict[str, Any] = {}
    if page.items:
        response["connections"] = [
            writer.person(item, mask, region=region)
            if isinstance(item, Record)
            else writer.tombstone(item, mask)
            for item in page.items
        ]
    if page.after is not None:
        response["nextPageToken"] = paging.page_token(key, page_binding, page.after, snapshot)
    elif want_sync or since is not None:
        response["nextSyncToken"] = paging.sync_token(key, sync_binding, snapshot, now)
    if page.total:
        response["totalPeople"] = page.total
        response["totalItems"] = page.total
    return response


def _prune_tombstones(call: Call, now: float) -> None:
    # A tombstone older than the sync-token lifetime can only be asked for by an expired token.
    book = call.account.contacts
    before = len(book.tombstones)
    book.prune_tombstones(now - call.services.sync_token_max_age)
    if len(book.tombstones) != before:
        call.services.state.dirty = True
