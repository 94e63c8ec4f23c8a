"""Deciding whether a write whose answer was lost took effect (the pure parts of recovery.py).

Pages here are plain ListConnectionsResponse JSON, newest first, as connections.list sorted
LAST_MODIFIED_DESCENDING returns them; the end-to-end recovery runs in test_client_faults.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from peopletui.api.optags import OP_KEY
from peopletui.api.recovery import find_created, parse_timestamp, update_applied

NOW = datetime(2026, 7, 27, 12, 0, 0, tzinfo=UTC)


def _contact(number: int, modified: datetime, op_id: str | None = None) -> dict:
    person: dict = {
        "resourceName": f"people/c{number}",
        "metadata": {
            "sources": [
                {"type": "CONTACT", "updateTime": modified.isoformat().replace("+00:00", "Z")}
            ]
        },
    }
    if op_id:
        person["clientData"] = [{"key": OP_KEY, "value": op_id}]
    return person


def _book(pages: list[list[dict]], server_now: datetime | None):
    fetched: list[str | None] = []

    async def fetch_page(token: str | None, size: int) -> tuple[dict, datetime | None]:
        fetched.append(token)
        index = int(token or 0)
        page: dict = {"connections": pages[index]}
        if index + 1 < len(pages):
            page["nextPageToken"] = str(index + 1)
        return page, server_now

    return fetch_page, fetched


async def test_the_scan_goes_on_while_contacts_are_newer_than_the_create() -> None:
    busy = [_contact(i, NOW - timedelta(seconds=1)) for i in range(3)]
    ours = [_contact(99, NOW - timedelta(seconds=2), op_id="op-1")]
    old = [_contact(50, NOW - timedelta(days=3))]
    fetch, fetched = _book([busy, ours, old], server_now=NOW)
    assert await find_created(fetch, ["op-1"], elapsed=5.0) == {"op-1": "people/c99"}
    assert fetched == [None, "1"]


async def test_the_scan_stops_at_contacts_older_than_the_create() -> None:
    recent = [_contact(1, NOW - timedelta(seconds=1))]
    old = [_contact(2, NOW - timedelta(hours=1))]
    never = [_contact(3, NOW - timedelta(days=2), op_id="op-2")]
    fetch, fetched = _book([recent, old, never], server_now=NOW)
    assert await find_created(fetch, ["op-2"], elapsed=5.0) == {}
    assert fetched == [None, "1"]


async def test_without_a_server_clock_a_fixed_number_of_pages_is_read() -> None:
    pages = [[_contact(i, NOW)] for i in range(5)]
    fetch, fetched = _book(pages, server_now=None)
    assert await find_created(fetch, ["missing"], elapsed=1.0) == {}
    assert fetched == [None, "1"]


def test_timestamps_with_nanoseconds_parse() -> None:
    parsed = parse_timestamp("2026-07-27T12:14:10.615097123Z")
    assert parsed == datetime(2026, 7, 27, 12, 14, 10, 615097, tzinfo=UTC)
    assert parse_timestamp("2026-07-27T12:14:10Z") == datetime(2026, 7, 27, 12, 14, 10, tzinfo=UTC)
    assert parse_timestamp("yesterday") is None


def test_an_update_counts_as_applied_when_the_server_holds_what_was_sent() -> None:
    sent = {"etag": "%old", "names": [{"givenName": "Ada", "familyName": "L"}], "urls": []}
    current = {
        "etag": "%new",
        "names": [
            {
                "givenName": "Ada",
                "familyName": "L",
                "displayName": "Ada L",
                "metadata": {"primary": True, "source": {"type": "CONTACT", "id": "1"}},
            }
        ],
    }
    assert update_applied(sent, current, ["names", "urls"])
    assert update_applied(sent, current, ["names", "nicknames"])  # absent on both sides
    other = {"names": [{"givenName": "Ada", "familyName": "Someone else"}]}
    assert not update_applied(sent, other, ["names"])
    assert not update_applied({"names": []}, current, ["names"])  # a clear that did not happen
    extra = {"names": [current["names"][0], {"givenName": "Second"}]}
    assert not update_applied(sent, extra, ["names"])
