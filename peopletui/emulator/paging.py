"""Pages over a `Book` for full listings and sync deltas, shared by connections and directory.

Pages are keyset pages: a page token remembers the sort key of the last person sent, not an
offset, so a person modified or deleted while a client pages through a full sync can never make
the client skip another person (a modified person moves to the end, where the next delta finds it).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from . import cursors
from .errors import ApiError, error_info, invalid_argument
from .persons import sort_name
from .store import Book, Record, Tombstone

EXPIRED_SYNC_TOKEN_MESSAGE = (
    "Sync token is expired. Clear local cache and retry call without the sync token."
)
SortKey = int | str
"""Plain ints and strings: the garbage collector does not track them (see jsonout.py)."""


def _name_key(record: Record, first: str, second: str) -> str:
    # People without a name sort last; the resource id makes every key unique.
    flag = "1" if record.data.get("names") else "2"
    parts = (flag, sort_name(record, first), sort_name(record, second), record.resource_id)
    return "\x00".join(parts)


_SORT_KEYS: dict[str, Callable[[Record], SortKey]] = {
    "LAST_MODIFIED_ASCENDING": lambda r: r.seq,
    "LAST_MODIFIED_DESCENDING": lambda r: -r.seq,
    "FIRST_NAME_ASCENDING": lambda r: _name_key(r, "givenName", "familyName"),
    "LAST_NAME_ASCENDING": lambda r: _name_key(r, "familyName", "givenName"),
}


@dataclass
class Page:
    items: list[Record | Tombstone]
    after: SortKey | None
    """Where the next page starts (the last item's key), or None on the last page."""
    total: int


def ordered(book: Book, order: str) -> tuple[list[SortKey], list[Record]]:
    """The book's records in ``order`` with their sort keys (cached until the next write)."""
    cached = book.orders.get(order)
    if cached is not None and cached[0] == book.seq:
        return cached[1], cached[2]
    key = _SORT_KEYS[order]
    if order == "LAST_MODIFIED_ASCENDING":
        records = list(book.records.values())  # the book keeps modification order
    elif order == "LAST_MODIFIED_DESCENDING":
        records = list(reversed(book.records.values()))
    else:
        records = sorted(book.records.values(), key=key)
    keys = [key(r) for r in records]
    book.orders[order] = (book.seq, keys, records)
    return keys, records


def full_page(
    book: Book,
    order: str,
    after: SortKey | None,
    size: int,
    keep: Callable[[Record], bool] | None = None,
) -> Page:
    """Up to ``size`` records in ``order`` after the key ``after``; ``keep`` filters them."""
    keys, records = ordered(book, order)
    start = bisect_right(keys, after) if after is not None else 0
    indexes: Sequence[int] = range(start, len(records))
    total = len(records)
    if keep is not None:
        indexes = [i for i in indexes if keep(records[i])]
        total = sum(1 for r in records if keep(r))
    chosen = list(indexes[:size])
    more = len(indexes) > size
    return Page([records[i] for i in chosen], keys[chosen[-1]] if more else None, total)


def delta_page(
    book: Book,
    since: int,
    after: int,
    size: int,
    keep: Callable[[Record | Tombstone], bool] = lambda r: True,
) -> Page:
    """Changes made after write ``since``, oldest first, continuing after write ``after``."""
    changes = [c for c in book.changes_since(since) if keep(c)]
    remaining = [c for c in changes if c.seq > after]
    chosen = remaining[:size]
    more = len(remaining) > size
    return Page(chosen, chosen[-1].seq if more else None, len(changes))


def sync_token(account_key: str, binding: str, seq: int, now: float) -> str:
    return cursors.encode("sync", {"a": account_key, "b": binding, "s": seq, "t": now})


def read_sync_token(
    token: str, account_key: str, binding: str, book: Book, now: float, max_age: float
) -> int:
    """The write sequence a sync token continues from.

    Malformed, foreign, or bound to other parameters: 400 INVALID_ARGUMENT. Issued more than
    ``max_age`` seconds ago: 400 FAILED_PRECONDITION with ErrorInfo reason EXPIRED_SYNC_TOKEN.
    """
    payload = cursors.decode(token, "sync")
    seq, issued = payload.get("s"), payload.get("t")
    if (
        payload.get("a") != account_key
        or not isinstance(seq, int)
        or not isinstance(issued, int | float)
        or seq > book.seq
    ):
        raise invalid_argument()
    if payload.get("b") != binding:
        raise invalid_argument()
    if now - issued > max_age:
        raise ApiError(
            "FAILED_PRECONDITION",
            EXPIRED_SYNC_TOKEN_MESSAGE,
            details=[error_info("EXPIRED_SYNC_TOKEN", "people.googleapis.com")],
        )
    return seq


def page_token(account_key: str, binding: str, after: SortKey, snapshot: int) -> str:
    return cursors.encode("page", {"a": account_key, "b": binding, "k": after, "s": snapshot})


def read_page_token(token: str, account_key: str, binding: str) -> tuple[Any, int]:
    """(where the page starts, the write sequence the listing started at)."""
    payload = cursors.decode(token, "page")
    if payload.get("a") != account_key or payload.get("b") != binding:
        raise invalid_argument()
    snapshot = payload.get("s")
    if not isinstance(snapshot, int):
        raise invalid_argument()
    return payload.get("k"), snapshot
