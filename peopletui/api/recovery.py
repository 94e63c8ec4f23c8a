"""Deciding whether a write whose answer was lost did take effect.

Creates: the lost create may have made the contact. `searchContacts` cannot find it (its index
lags writes until a warmup, and it never looks at clientData), `batchGet` needs a resource name we
never received, and a sync-token delta needs a token taken before the create (a full listing).
What always works in one request is `connections.list` sorted LAST_MODIFIED_DESCENDING: a contact
created a moment ago is at the top, so we read the newest page with `clientData,metadata` and look
for the create's operation id (see `optags.py`). We keep reading while the page still holds
contacts modified after the create was sent — judged from each contact's source `updateTime`
against the server's own clock (the `Date` header minus the local time elapsed since the create,
minus a margin) — so other writers touching many contacts in between cannot hide it. Without a
usable Date header we read a fixed number of pages. This assumes, as Google's documentation
implies, that connections.list reflects a write as soon as it is acknowledged internally.

Updates: an update sent again after an unknown outcome carries the etag the first attempt already
consumed, so Google answers with an etag conflict if the first attempt went through. The person is
then fetched and, if every field in the update mask already holds what was sent, the update counts
as done (`update_applied`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Iterable
from datetime import datetime, timedelta
from typing import Any

from .optags import op_id_of

# Date headers have one-second resolution and Google's frontends are not perfectly in step.
CLOCK_MARGIN = timedelta(minutes=2)
MAX_PAGES = 10
PAGES_WITHOUT_CLOCK = 2

JsonObject = dict[str, Any]
FetchPage = Callable[[str | None, int], Awaitable[tuple[JsonObject, datetime | None]]]
"""(page_token, page_size) -> (ListConnectionsResponse JSON, server time from the Date header)."""


def parse_timestamp(text: str) -> datetime | None:
    """An RFC 3339 timestamp as Google writes it (up to nanoseconds, `Z`), or None."""
    head, dot, fraction = text.removesuffix("Z").partition(".")
    if dot:
        head += "." + fraction[:6].ljust(6, "0")
    try:
        parsed = datetime.fromisoformat(head + "+00:00")
    except ValueError:
        return None
    return parsed


def _modified_at(person: JsonObject) -> datetime | None:
    sources = (person.get("metadata") or {}).get("sources") or []
    times = [
        parse_timestamp(s["updateTime"]) for s in sources if isinstance(s.get("updateTime"), str)
    ]
    known = [t for t in times if t is not None]
    return max(known) if known else None


async def find_created(
    fetch_page: FetchPage, op_ids: Collection[str], *, elapsed: float
) -> dict[str, str]:
    """Map each operation id found on a contact to that contact's resource name.

    `elapsed` is the local time in seconds since the create was first sent.
    """
    wanted = set(op_ids)
    found: dict[str, str] = {}
    page_size = min(1000, 100 + len(wanted))
    cutoff: datetime | None = None
    token: str | None = None
    for page_number in range(1, MAX_PAGES + 1):
        page, server_now = await fetch_page(token, page_size)
        if page_number == 1 and server_now is not None:
            cutoff = server_now - timedelta(seconds=elapsed) - CLOCK_MARGIN
        reached_older = False
        for person in page.get("connections") or []:
            op_id = op_id_of(person)
            if op_id in wanted and isinstance(person.get("resourceName"), str):
                found[op_id] = person["resourceName"]
            modified = _modified_at(person)
            if cutoff is not None and modified is not None and modified < cutoff:
                reached_older = True
        token = page.get("nextPageToken") or None
        if wanted <= found.keys() or token is None or reached_older:
            break
        if cutoff is None and page_number >= PAGES_WITHOUT_CLOCK:
            break
    return found


def _covers(current: Any, sent: Any) -> bool:
    """Whether the server's value holds everything that was sent (the server may add more)."""
    if isinstance(sent, dict):
        if not isinstance(current, dict):
            return False
        # Field metadata is the server's own (source, primary flags): not part of what we asked.
        return all(_covers(current.get(k), v) for k, v in sent.items() if k != "metadata")
    if isinstance(sent, list):
        return (
            isinstance(current, list)
            and len(current) == len(sent)
            and all(_covers(c, s) for c, s in zip(current, sent, strict=True))
        )
    return bool(current == sent)


def update_applied(sent: JsonObject, current: JsonObject, fields: Iterable[str]) -> bool:
    """Whether `current` (the person now on the server) already carries the update `sent`."""
    for field in fields:
        sent_value = sent.get(field) or None
        current_value = current.get(field) or None
        if sent_value is None or current_value is None:
            if sent_value is not current_value:
                return False
        elif not _covers(current_value, sent_value):
            return False
    return True
