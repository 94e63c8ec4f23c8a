"""The Workspace directory: listDirectoryPeople (paging, sync) and searchDirectoryPeople (paging).

Rules from the discovery document: list pageSize 1..1000 and search pageSize 1..500, both
"Defaults to 100 if not set or set to 0"; readMask and sources are required; the query is a
prefix query; list sync tokens come back on the last page when requested. A consumer (non
Workspace) account gets the recorded error/contacts_directory_precondition.json.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from support.conformance import READ_FIELDS, Api

from peopletui.emulator import Emulator

SOURCES = ["DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE", "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT"]
CONSUMER_ERROR = {
    "code": 400,
    "message": "Must be a G Suite domain user.",
    "status": "FAILED_PRECONDITION",
}


def list_page(api: Api, **params: Any) -> dict[str, Any]:
    params.setdefault("readMask", "names,emailAddresses")
    params.setdefault("sources", SOURCES)
    page: dict[str, Any] = api.call("GET", "/v1/people:listDirectoryPeople", params=params)
    return page


def list_all(api: Api, **params: Any) -> list[dict[str, Any]]:
    pages = [list_page(api, **params)]
    while "nextPageToken" in pages[-1]:
        assert "nextSyncToken" not in pages[-1]
        pages.append(list_page(api, **params, pageToken=pages[-1]["nextPageToken"]))
    return pages


def search_page(api: Api, query: str, **params: Any) -> dict[str, Any]:
    params.setdefault("readMask", "names,emailAddresses")
    params.setdefault("sources", SOURCES)
    page: dict[str, Any] = api.call(
        "GET", "/v1/people:searchDirectoryPeople", params={"query": query, **params}
    )
    return page


def people_of(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [person for page in pages for person in page.get("people", [])]


def test_list_pages_through_the_directory_with_a_sync_token_last(api: Api) -> None:
    whole = people_of([list_page(api, pageSize=1000)])
    assert len(whole) > 6, "the seeded Workspace directory should span several pages of 3"
    pages = list_all(api, pageSize=3, requestSyncToken="true")
    assert all(len(page["people"]) == 3 for page in pages[:-1])
    assert pages[-1]["nextSyncToken"]
    names = [p["resourceName"] for p in people_of(pages)]
    assert names == [p["resourceName"] for p in whole]
    assert len(set(names)) == len(names)


def test_every_directory_person_reads_back_with_every_field(api: Api) -> None:
    # The response hook validates every field of every directory person against the schema.
    people = people_of(list_all(api, pageSize=7, readMask=READ_FIELDS))
    assert people
    for person in people:
        assert person["metadata"]["sources"][0]["type"] in ("DOMAIN_PROFILE", "DOMAIN_CONTACT")


def test_list_sync_with_no_changes_is_only_the_next_token(api: Api) -> None:
    token = list_all(api, pageSize=1000, requestSyncToken="true")[-1]["nextSyncToken"]
    quiet = list_page(api, syncToken=token)
    assert set(quiet) == {"nextSyncToken"}


def test_list_page_size_bounds(api: Api) -> None:
    assert len(list_page(api, pageSize=0).get("people", [])) <= 100
    list_page(api, pageSize=1000)
    error = api.error(
        "GET",
        "/v1/people:listDirectoryPeople",
        400,
        params={"readMask": "names", "sources": SOURCES, "pageSize": 1001},
    )
    assert error["status"] == "INVALID_ARGUMENT"


def test_list_needs_a_read_mask(api: Api) -> None:
    error = api.error("GET", "/v1/people:listDirectoryPeople", 400, params={"sources": SOURCES})
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"].startswith("readMask is required.")


def test_search_pages_through_prefix_matches(api: Api) -> None:
    everyone = people_of([list_page(api, pageSize=1000)])
    named = [p for p in everyone if "names" in p and p["names"][0].get("givenName")]
    target = named[0]
    query = target["names"][0]["givenName"][:2]
    pages = [search_page(api, query, pageSize=1)]
    while "nextPageToken" in pages[-1]:
        pages.append(search_page(api, query, pageSize=1, pageToken=pages[-1]["nextPageToken"]))
    found = people_of(pages)
    assert all(len(page["people"]) == 1 for page in pages)
    assert target["resourceName"] in {p["resourceName"] for p in found}
    assert len(found) == len({p["resourceName"] for p in found})
    assert len(found) == len(people_of([search_page(api, query, pageSize=500)]))
    for page in pages:
        assert page.get("totalSize", len(found)) == len(found)


def test_search_matches_prefixes_only(api: Api) -> None:
    everyone = people_of([list_page(api, pageSize=1000)])
    target = next(p for p in everyone if "names" in p and len(p["names"][0]["displayName"]) > 4)
    display = target["names"][0]["displayName"]
    found = people_of([search_page(api, display[:4], pageSize=500)])
    assert target["resourceName"] in {p["resourceName"] for p in found}
    assert search_page(api, "Qzxjv-no-such-prefix") == {}


@pytest.mark.parametrize(("size", "ok"), [(0, True), (500, True), (501, False)])
def test_search_page_size_bounds(api: Api, size: int, ok: bool) -> None:
    params = {"query": "a", "readMask": "names", "sources": SOURCES, "pageSize": size}
    if ok:
        api.call("GET", "/v1/people:searchDirectoryPeople", params=params)
    else:
        error = api.error("GET", "/v1/people:searchDirectoryPeople", 400, params=params)
        assert error["status"] == "INVALID_ARGUMENT"


def test_consumer_accounts_have_no_directory(serve: Callable[..., Api]) -> None:
    api = serve(Emulator(contacts=5, seed=4, workspace=False))
    params = {"readMask": "names", "sources": SOURCES}
    assert api.error("GET", "/v1/people:listDirectoryPeople", 400, params=params) == CONSUMER_ERROR
    params["query"] = "a"
    assert (
        api.error("GET", "/v1/people:searchDirectoryPeople", 400, params=params) == CONSUMER_ERROR
    )
    # The account's own contacts still work.
    assert len(api.connections()["connections"]) == 5
