"""connections.list at unit level: page sizes, sort orders, keyset paging, sync tokens,
tombstones, expiry, and tokens that outlive a save and load of the state."""

from __future__ import annotations

import json
from typing import Any

import pytest
from support.people_kit import ACCOUNT, Kit, people_of

from peopletui.emulator.store import EmulatorState

DAY = 24 * 3600.0
EXPIRED = "Sync token is expired. Clear local cache and retry call without the sync token."


@pytest.fixture
def kit() -> Kit:
    kit = Kit()
    for i in range(12):
        kit.add(f"Person{i:02d}", f"Family{11 - i:02d}")
    return kit


def full_sync(kit: Kit, **query: object) -> str:
    pages = kit.all_pages(requestSyncToken=True, pageSize=1000, **query)
    token: str = pages[-1]["nextSyncToken"]
    return token


def test_pages_cover_the_book_and_the_sync_token_comes_last(kit: Kit) -> None:
    pages = kit.all_pages(pageSize=5, requestSyncToken=True)
    assert [len(p["connections"]) for p in pages] == [5, 5, 2]
    assert ["nextSyncToken" in p for p in pages] == [False, False, True]
    assert all(p["totalItems"] == p["totalPeople"] == 12 for p in pages)
    names = [p["resourceName"] for p in people_of(pages)]
    assert len(set(names)) == 12


@pytest.mark.parametrize("size", [-1, 1001])
def test_page_size_out_of_range_is_refused(kit: Kit, size: int) -> None:
    error = kit.error(
        "GET", "/v1/people/me/connections", 400, {"personFields": "names", "pageSize": size}
    )
    assert error["status"] == "INVALID_ARGUMENT"


def test_page_size_zero_means_the_default_of_100() -> None:
    kit = Kit()
    for i in range(101):
        kit.add(f"P{i}")
    page = kit.connections(pageSize=0)
    assert len(page["connections"]) == 100 and "nextPageToken" in page


def test_only_people_me_has_connections(kit: Kit) -> None:
    kit.error("GET", "/v1/people/c1/connections", 400, {"personFields": "names"})


def given(pages: list[Any]) -> list[str]:
    return [p["names"][0]["givenName"] for p in people_of(pages)]


def test_sort_orders(kit: Kit) -> None:
    first = given(kit.all_pages(pageSize=5, sortOrder="FIRST_NAME_ASCENDING"))
    assert first == sorted(first)
    last = given(kit.all_pages(pageSize=5, sortOrder="LAST_NAME_ASCENDING"))
    assert last == sorted(first, reverse=True)  # family names run the other way
    ascending = given(kit.all_pages(pageSize=5))
    descending = given(kit.all_pages(pageSize=5, sortOrder="LAST_MODIFIED_DESCENDING"))
    assert descending == ascending[::-1]
    assert ascending == [f"Person{i:02d}" for i in range(12)]


def test_a_modified_contact_moves_to_the_end(kit: Kit) -> None:
    first = kit.connections(pageSize=1)["connections"][0]
    current = kit.get(first["resourceName"], "names")
    kit.update({**current, "nicknames": [{"value": "moved"}]}, "nicknames")
    assert given(kit.all_pages())[-1] == "Person00"


def test_changes_while_paging_never_make_a_client_skip_anyone(kit: Kit) -> None:
    page = kit.connections(pageSize=4, requestSyncToken=True)
    seen = [p["resourceName"] for p in page["connections"]]
    # Someone already sent is modified: on offset paging everyone after them would shift left.
    kit.state.edit_contact(ACCOUNT, seen[0], {"nicknames": [{"value": "x"}]})
    while "nextPageToken" in page:
        page = kit.connections(pageSize=4, requestSyncToken=True, pageToken=page["nextPageToken"])
        seen += [p["resourceName"] for p in page["connections"]]
    assert len(set(seen)) == 12
    delta = kit.connections(syncToken=page["nextSyncToken"])
    assert [p["resourceName"] for p in delta["connections"]] == [seen[0]]


def test_a_page_token_must_come_back_with_the_same_parameters(kit: Kit) -> None:
    token = kit.connections(pageSize=3)["nextPageToken"]
    query = {"personFields": "names,metadata", "pageSize": 3, "pageToken": token}
    assert kit.call("GET", "/v1/people/me/connections", query)["connections"]
    for change in ({"sortOrder": "LAST_NAME_ASCENDING"}, {"personFields": "names"}):
        error = kit.error("GET", "/v1/people/me/connections", 400, query | change)
        assert error["message"] == "Request contains an invalid argument."


def test_a_delta_carries_changes_and_tombstones(kit: Kit) -> None:
    token = full_sync(kit)
    people = people_of(kit.all_pages())
    changed = kit.get(people[3]["resourceName"], "names")
    kit.update({**changed, "nicknames": [{"value": "new"}]}, "nicknames")
    kit.delete(people[5]["resourceName"])
    added = kit.add("Newcomer")
    delta = kit.connections(syncToken=token, personFields="names,nicknames,photos,metadata")
    by_name = {p["resourceName"]: p for p in delta["connections"]}
    assert list(by_name) == [changed["resourceName"], people[5]["resourceName"], added]
    assert delta["totalItems"] == delta["totalPeople"] == 3
    tombstone = by_name[people[5]["resourceName"]]
    assert set(tombstone) == {"resourceName", "etag", "metadata", "photos"}
    assert tombstone["metadata"]["deleted"] is True
    assert tombstone["metadata"]["objectType"] == "PERSON"
    [source] = tombstone["metadata"]["sources"]
    assert source["type"] == "CONTACT" and source["updateTime"] == "1970-01-01T00:00:00Z"
    assert tombstone["photos"][0]["default"] is True
    assert "deleted" not in by_name[added]["metadata"]


def test_a_quiet_delta_is_only_the_next_sync_token(kit: Kit) -> None:
    quiet = kit.connections(syncToken=full_sync(kit))
    assert set(quiet) == {"nextSyncToken"}
    assert set(kit.connections(syncToken=quiet["nextSyncToken"])) == {"nextSyncToken"}


def test_delta_pages_carry_the_sync_token_last(kit: Kit) -> None:
    token = full_sync(kit)
    for name in [p["resourceName"] for p in people_of(kit.all_pages())][:5]:
        kit.state.edit_contact(ACCOUNT, name, {"nicknames": [{"value": "paged"}]})
    pages = kit.all_pages(syncToken=token, pageSize=2)
    assert [len(p["connections"]) for p in pages] == [2, 2, 1]
    assert ["nextSyncToken" in p for p in pages] == [False, False, True]


def test_a_sync_token_survives_a_change_of_person_fields(kit: Kit) -> None:
    token = full_sync(kit, personFields="names")
    assert set(kit.connections(syncToken=token, personFields="names,emailAddresses")) == {
        "nextSyncToken"
    }


def test_a_sync_token_is_bound_to_the_sort_order_and_sources(kit: Kit) -> None:
    token = full_sync(kit)
    query = {"personFields": "names", "syncToken": token}
    for change in (
        {"sortOrder": "FIRST_NAME_ASCENDING"},
        {"sources": "READ_SOURCE_TYPE_CONTACT"},
    ):
        error = kit.error("GET", "/v1/people/me/connections", 400, query | change)
        assert error["status"] == "INVALID_ARGUMENT"
    same_order = {"sortOrder": "LAST_MODIFIED_ASCENDING"}
    assert set(kit.call("GET", "/v1/people/me/connections", query | same_order)) == {
        "nextSyncToken"
    }


def test_a_malformed_sync_token_gives_the_recorded_error(kit: Kit) -> None:
    token = full_sync(kit)
    flipped = token[:10] + ("B" if token[10] == "A" else "A") + token[11:]
    for bad in ("not-a-token", token[:-3], flipped):
        error = kit.error(
            "GET", "/v1/people/me/connections", 400, {"personFields": "names", "syncToken": bad}
        )
        assert error == {
            "code": 400,
            "message": "Request contains an invalid argument.",
            "status": "INVALID_ARGUMENT",
        }


def test_another_accounts_sync_token_is_refused(kit: Kit) -> None:
    token = full_sync(kit)
    query = {"personFields": "names,metadata", "syncToken": token}
    kit.error("GET", "/v1/people/me/connections", 400, query, account="eve@else.example")


def test_a_sync_token_expires_after_seven_days(kit: Kit) -> None:
    token = full_sync(kit)
    kit.clock.advance(7 * DAY - 60)
    assert set(kit.connections(syncToken=token)) == {"nextSyncToken"}
    kit.clock.advance(120)
    query = {"personFields": "names,metadata", "syncToken": token}
    error = kit.error("GET", "/v1/people/me/connections", 400, query)
    assert error["status"] == "FAILED_PRECONDITION"
    assert error["message"] == EXPIRED
    [info] = error["details"]
    assert info["@type"] == "type.googleapis.com/google.rpc.ErrorInfo"
    assert info["reason"] == "EXPIRED_SYNC_TOKEN"


def test_the_sync_token_lifetime_is_configurable() -> None:
    kit = Kit(sync_token_max_age=60)
    kit.add("Short")
    token = full_sync(kit)
    kit.clock.advance(61)
    query = {"personFields": "names,metadata", "syncToken": token}
    assert kit.error("GET", "/v1/people/me/connections", 400, query)["message"] == EXPIRED


def test_sync_tokens_survive_saving_and_loading_the_state(kit: Kit) -> None:
    token = full_sync(kit)
    people = people_of(kit.all_pages())
    kit.delete(people[0]["resourceName"])
    saved = json.loads(json.dumps(kit.state.to_json()))
    reloaded = Kit(state=EmulatorState.from_json(saved), clock=kit.clock)
    delta = reloaded.connections(syncToken=token)
    [tombstone] = delta["connections"]
    assert tombstone["resourceName"] == people[0]["resourceName"]
    assert tombstone["metadata"]["deleted"] is True
    next_token = delta["nextSyncToken"]
    reloaded.add("After reload")
    assert len(reloaded.connections(syncToken=next_token)["connections"]) == 1


def test_old_tombstones_are_pruned_by_a_full_sync(kit: Kit) -> None:
    kit.delete(people_of(kit.all_pages())[0]["resourceName"])
    book = kit.state.account(ACCOUNT).contacts
    assert len(book.tombstones) == 1
    kit.clock.advance(8 * DAY)
    kit.connections()
    assert book.tombstones == {}


def test_sources_without_contacts_list_nobody(kit: Kit) -> None:
    assert kit.connections(sources="READ_SOURCE_TYPE_PROFILE") == {}
