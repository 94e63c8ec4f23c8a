"""people.searchContacts: prefix matching, page sizes and the warmup-refreshed cache.

Rules from the discovery document: the query "matches on a contact's names, nickNames,
emailAddresses, phoneNumbers, and organizations fields that are from the CONTACT source" and
"is used to match prefix phrases ... a person with name "foo name" matches queries such as "f",
"fo", "foo", "foo n", "nam", etc., but not "oo n""; pageSize "Defaults to 10 if field is not set,
or set to 0. Values greater than 30 will be capped to 30"; "Before searching, clients should send
a warmup request with an empty query to update the cache" (and Google's guide, "Search the user's
contacts", says results reflect writes only after that warmup).
"""

from __future__ import annotations

from typing import Any

import pytest
from support.conformance import Api

ZEB: dict[str, Any] = {
    "names": [{"givenName": "Zebulon", "familyName": "Quixote"}],
    "nicknames": [{"value": "Windrider"}],
    "emailAddresses": [{"value": "zq@lamancha.example"}],
    "phoneNumbers": [{"value": "+34 915 550 123"}],
    "organizations": [{"name": "Molinos de Viento SL"}],
    "biographies": [{"value": "Tilts at pineapples."}],
}


def names_of(people: list[dict[str, Any]]) -> set[str]:
    return {p["resourceName"] for p in people}


@pytest.fixture
def zeb(api: Api) -> dict[str, Any]:
    created = api.create(ZEB)
    api.warm_up_search()
    return created


@pytest.mark.parametrize(
    "query",
    [
        "Z",
        "Zeb",
        "zebulon",  # case does not matter
        "Zebulon Q",  # a prefix phrase across words
        "Quix",  # any word of the name
        "quixote zeb",
        "Windr",  # nickname
        "zq@lamancha",  # email
        "+34 915",  # phone as written
        "Molinos",  # organization
        "viento",
    ],
)
def test_prefix_matches(api: Api, zeb: dict[str, Any], query: str) -> None:
    assert zeb["resourceName"] in names_of(api.search(query, pageSize=30))


@pytest.mark.parametrize("query", ["ebulon", "oo", "ixote", "pineapple", "Zebulonx", "Tilts"])
def test_non_prefixes_and_unsearched_fields_do_not_match(
    api: Api, zeb: dict[str, Any], query: str
) -> None:
    assert zeb["resourceName"] not in names_of(api.search(query, pageSize=30))


def test_results_carry_the_read_mask_only(api: Api, zeb: dict[str, Any]) -> None:
    [person] = api.search("Zebulon", readMask="emailAddresses")
    assert set(person) == {"resourceName", "etag", "emailAddresses"}
    assert person["resourceName"] == zeb["resourceName"]


def test_an_unmatched_query_answers_an_empty_object(api: Api, zeb: dict[str, Any]) -> None:
    found = api.call(
        "GET", "/v1/people:searchContacts", params={"query": "Xylophonist", "readMask": "names"}
    )
    assert found == {}


def test_writes_show_only_after_a_warmup(api: Api, zeb: dict[str, Any]) -> None:
    created = api.create({"names": [{"givenName": "Belatedly", "familyName": "Visible"}]})
    assert api.search("Belatedly") == []  # the cache is stale until warmed up
    api.warm_up_search()
    assert names_of(api.search("Belatedly")) == {created["resourceName"]}

    # An update and a delete are just as invisible until the next warmup.
    renamed = api.update({**created, "names": [{"givenName": "Renamed"}]}, "names")
    assert names_of(api.search("Belatedly")) == {created["resourceName"]}
    assert api.search("Renamed") == []
    api.warm_up_search()
    assert api.search("Belatedly") == []
    assert names_of(api.search("Renamed")) == {renamed["resourceName"]}

    api.delete(created["resourceName"])
    api.warm_up_search()
    assert api.search("Renamed") == []


@pytest.fixture
def many(api: Api) -> list[str]:
    contacts = [
        {"contactPerson": {"names": [{"givenName": "Tessellate", "familyName": f"T{i:02d}"}]}}
        for i in range(35)
    ]
    answer = api.call(
        "POST", "/v1/people:batchCreateContacts", body={"contacts": contacts, "readMask": "names"}
    )
    api.warm_up_search()
    return [r["person"]["resourceName"] for r in answer["createdPeople"]]


@pytest.mark.parametrize(
    ("size", "expected"), [(None, 10), (0, 10), (5, 5), (30, 30), (31, 30), (500, 30)]
)
def test_page_size_defaults_to_10_and_is_capped_at_30(
    api: Api, many: list[str], size: int | None, expected: int
) -> None:
    params = {} if size is None else {"pageSize": size}
    found = api.search("Tessellate", **params)
    assert len(found) == expected
    assert names_of(found) <= set(many)


def test_read_mask_is_required(api: Api) -> None:
    error = api.error("GET", "/v1/people:searchContacts", 400, params={"query": "a"})
    assert error["status"] == "INVALID_ARGUMENT"
    assert error["message"].startswith("readMask is required.")
