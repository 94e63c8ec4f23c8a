"""people.searchContacts, with the cache Google documents.

"Before searching, clients should send a warmup request with an empty query to update the
cache." The emulator keeps that cache per account: a snapshot of every contact's searchable terms,
taken only when a warmup request (``query=""``) arrives (and when the emulator starts). A client
that writes and then searches without a warmup finds what the snapshot holds: a new contact is
not found, a renamed one is found by its old name. Results show the contacts as they are now; a
contact deleted since the snapshot is left out.

``pageSize`` defaults to 10; values above 30 are capped at 30; negative values are refused.
There is no paging. The warmup answers ``{}``.
"""

from __future__ import annotations

from typing import Any

from .call import Call, page_size
from .matching import matches
from .rules import READABLE_FIELDS, parse_mask
from .store import terms_of

DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 30


def search_contacts(call: Call) -> dict[str, Any]:
    mask = parse_mask(call.params.text("readMask"), "readMask", READABLE_FIELDS, required=True)
    assert mask is not None
    sources = call.read_sources(frozenset({"READ_SOURCE_TYPE_CONTACT"}))
    size = page_size(call.params, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE, cap=True)
    query = (call.params.text("query") or "").strip()
    account = call.account
    if not query:
        account.refresh_search_index()
        return {}
    if "READ_SOURCE_TYPE_CONTACT" not in sources:
        return {}
    results = []
    records = account.contacts.records
    for cached in account.search_index:
        current = records.get(cached.resource_id)
        if current is not None and matches(terms_of(cached, account.region), query):
            results.append({"person": call.render(current, mask)})
            if len(results) == size:
                break
    return {"results": results} if results else {}
