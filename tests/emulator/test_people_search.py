"""searchContacts (prefix phrases, page sizes, the warmup-refreshed cache) and the Workspace
directory (listDirectoryPeople, searchDirectoryPeople, consumer accounts, mergeSources)."""

from __future__ import annotations

from typing import Any

import pytest
from support.people_kit import ACCOUNT, Kit

DIRECTORY = {"readMask": "names,emailAddresses,metadata"}
PROFILES = "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"
DOMAIN_CONTACTS = "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT"


@pytest.fixture
def kit() -> Kit:
    kit = Kit()
    kit.add(
        "Zebulon",
        "Quixote",
        nicknames=[{"value": "Windrider"}],
        emailAddresses=[{"value": "zq@lamancha.example"}],
        phoneNumbers=[{"value": "+34 915 550 123"}],
        organizations=[{"name": "Molinos de Viento SL", "title": "Knight"}],
        biographies=[{"value": "Tilts at windmills."}],
    )
    kit.add("Ängela", "Ørsted")
    kit.search("")  # warm up
    return kit


def found(answer: dict[str, Any]) -> list[str]:
    return [r["person"]["names"][0]["givenName"] for r in answer.get("results", [])]


@pytest.mark.parametrize(
    "query",
    ["z", "Zeb", "ZEBULON", "zebulon q", "quixote zeb", "Windr", "zq@lam", "lamancha", "+34 915",
     "915 550", "Molinos de", "knight"],
)  # fmt: skip
def test_prefix_phrases_match(kit: Kit, query: str) -> None:
    assert found(kit.search(query)) == ["Zebulon"]


@pytest.mark.parametrize("query", ["ebulon", "zebulon x", "Tilts", "windmills", "de Molinos"])
def test_other_text_does_not_match(kit: Kit, query: str) -> None:
    assert kit.search(query) == {}


def test_matching_ignores_accents(kit: Kit) -> None:
    assert found(kit.search("angela")) == ["Ängela"]
    assert found(kit.search("ØRST")) == ["Ängela"]


def test_the_warmup_answers_empty(kit: Kit) -> None:
    assert kit.search("") == {}


def test_results_reflect_writes_only_after_a_warmup(kit: Kit) -> None:
    kit.add("Xavier")
    assert kit.search("Xav") == {}  # the cache predates Xavier
    kit.search("")
    assert found(kit.search("Xav")) == ["Xavier"]


def test_a_renamed_contact_is_found_by_its_old_name_until_a_warmup(kit: Kit) -> None:
    [result] = kit.search("Zeb")["results"]
    name = result["person"]["resourceName"]
    kit.state.edit_contact(ACCOUNT, name, {"names": [{"givenName": "Renamed"}]})
    assert found(kit.search("Zeb")) == ["Renamed"]  # found by the old name, shown as it is now
    kit.search("")
    assert kit.search("Zeb") == {}


def test_a_deleted_contact_is_left_out(kit: Kit) -> None:
    [result] = kit.search("Zeb")["results"]
    kit.state.delete_contact(ACCOUNT, result["person"]["resourceName"])
    assert kit.search("Zeb") == {}


def test_page_size_defaults_to_10_and_caps_at_30() -> None:
    kit = Kit()
    for i in range(40):
        kit.add(f"Sam{i}")
    kit.search("")
    assert len(kit.search("sam")["results"]) == 10
    assert len(kit.search("sam", pageSize=25)["results"]) == 25
    assert len(kit.search("sam", pageSize=31)["results"]) == 30
    kit.error(
        "GET", "/v1/people:searchContacts", 400, {"query": "s", "readMask": "names", "pageSize": -1}
    )


def test_search_needs_a_read_mask(kit: Kit) -> None:
    error = kit.error("GET", "/v1/people:searchContacts", 400, {"query": "z"})
    assert error["message"].startswith("readMask is required. Please specify")


def test_results_carry_the_read_mask(kit: Kit) -> None:
    [result] = kit.search("Zeb", readMask="emailAddresses")["results"]
    assert set(result["person"]) == {"resourceName", "etag", "emailAddresses"}


# --- the directory -------------------------------------------------------------------------


@pytest.fixture
def domain(kit: Kit) -> Kit:
    for i in range(6):
        kit.state.add_directory_person(
            "analytical.example",
            {
                "names": [{"givenName": f"Staff{i}", "familyName": "Member"}],
                "emailAddresses": [{"value": f"staff{i}@analytical.example"}],
            },
        )
    kit.state.add_directory_person(
        "analytical.example",
        {"names": [{"givenName": "Supplier"}], "emailAddresses": [{"value": "s@supply.example"}]},
        kind="domain_contact",
    )
    return kit


def directory(kit: Kit, method: str, **query: Any) -> Any:
    return kit.call("GET", f"/v1/people:{method}", DIRECTORY | query)


def test_directory_lists_profiles_and_domain_contacts_by_source(domain: Kit) -> None:
    profiles = directory(domain, "listDirectoryPeople", sources=PROFILES)["people"]
    assert len(profiles) == 7  # the six seeded plus the account's own profile
    for person in profiles:
        assert person["resourceName"][len("people/") :].isdigit()
        assert person["metadata"]["sources"][0]["type"] == "DOMAIN_PROFILE"
    [contact] = directory(domain, "listDirectoryPeople", sources=DOMAIN_CONTACTS)["people"]
    assert contact["metadata"]["sources"][0]["type"] == "DOMAIN_CONTACT"
    both = directory(domain, "listDirectoryPeople", sources=[PROFILES, DOMAIN_CONTACTS])
    assert len(both["people"]) == 8


def test_directory_sources_are_required(domain: Kit) -> None:
    domain.error("GET", "/v1/people:listDirectoryPeople", 400, DIRECTORY)
    query = DIRECTORY | {"sources": "DIRECTORY_SOURCE_TYPE_UNSPECIFIED"}
    domain.error("GET", "/v1/people:listDirectoryPeople", 400, query)
    error = domain.error("GET", "/v1/people:listDirectoryPeople", 400, {"sources": PROFILES})
    assert error["message"].startswith("readMask is required.")


def test_directory_pages_and_syncs(domain: Kit) -> None:
    pages = [
        directory(
            domain, "listDirectoryPeople", sources=PROFILES, pageSize=3, requestSyncToken=True
        )
    ]
    while "nextPageToken" in pages[-1]:
        token = pages[-1]["nextPageToken"]
        pages.append(
            directory(
                domain,
                "listDirectoryPeople",
                sources=PROFILES,
                pageSize=3,
                requestSyncToken=True,
                pageToken=token,
            )
        )
    assert [len(p["people"]) for p in pages] == [3, 3, 1]
    sync = pages[-1]["nextSyncToken"]
    assert set(directory(domain, "listDirectoryPeople", sources=PROFILES, syncToken=sync)) == {
        "nextSyncToken"
    }
    gone = pages[0]["people"][1]["resourceName"]
    domain.state.remove_directory_person("analytical.example", gone)
    delta = directory(domain, "listDirectoryPeople", sources=PROFILES, syncToken=sync)
    [tombstone] = delta["people"]
    assert tombstone["resourceName"] == gone and tombstone["metadata"]["deleted"] is True


@pytest.mark.parametrize("size", [-1, 1001])
def test_directory_list_page_size_bounds(domain: Kit, size: int) -> None:
    query = DIRECTORY | {"sources": PROFILES, "pageSize": size}
    domain.error("GET", "/v1/people:listDirectoryPeople", 400, query)


def test_directory_search(domain: Kit) -> None:
    first = directory(domain, "searchDirectoryPeople", sources=PROFILES, query="staff", pageSize=4)
    assert first["totalSize"] == 6 and len(first["people"]) == 4
    rest = directory(
        domain,
        "searchDirectoryPeople",
        sources=PROFILES,
        query="staff",
        pageSize=4,
        pageToken=first["nextPageToken"],
    )
    assert len(rest["people"]) == 2 and "nextPageToken" not in rest
    by_email = directory(domain, "searchDirectoryPeople", sources=PROFILES, query="staff3@")
    assert [p["names"][0]["givenName"] for p in by_email["people"]] == ["Staff3"]
    none = directory(domain, "searchDirectoryPeople", sources=PROFILES, query="nobody")
    assert none == {}


@pytest.mark.parametrize("size", [-1, 501])
def test_directory_search_page_size_bounds(domain: Kit, size: int) -> None:
    query = DIRECTORY | {"sources": PROFILES, "query": "s", "pageSize": size}
    domain.error("GET", "/v1/people:searchDirectoryPeople", 400, query)
    ok = DIRECTORY | {"sources": PROFILES, "query": "s", "pageSize": 500}
    assert domain.call("GET", "/v1/people:searchDirectoryPeople", ok)["totalSize"] == 6


def test_directory_search_needs_a_query(domain: Kit) -> None:
    query = DIRECTORY | {"sources": PROFILES}
    domain.error("GET", "/v1/people:searchDirectoryPeople", 400, query)


def test_merge_sources_adds_the_users_own_contact(domain: Kit) -> None:
    domain.add(
        "Staffy",
        emailAddresses=[{"value": "STAFF2@analytical.example"}],
        nicknames=[{"value": "S2"}],
    )
    query = {
        "sources": PROFILES,
        "query": "staff2",
        "mergeSources": "DIRECTORY_MERGE_SOURCE_TYPE_CONTACT",
        "readMask": "names,nicknames,metadata",
    }
    [person] = domain.call("GET", "/v1/people:searchDirectoryPeople", query)["people"]
    assert [s["type"] for s in person["metadata"]["sources"]] == ["DOMAIN_PROFILE", "CONTACT"]
    assert person["nicknames"][0]["value"] == "S2"
    assert "primary" not in person["nicknames"][0]["metadata"]
    assert person["names"][0]["metadata"]["primary"] is True


def test_a_consumer_account_gets_the_recorded_error() -> None:
    kit = Kit(account="someone@gmail.com")
    for method in ("listDirectoryPeople", "searchDirectoryPeople"):
        query = DIRECTORY | {"sources": PROFILES, "query": "a"}
        if method == "listDirectoryPeople":
            query.pop("query")
        error = kit.error("GET", f"/v1/people:{method}", 400, query)
        assert error == {
            "code": 400,
            "message": "Must be a G Suite domain user.",
            "status": "FAILED_PRECONDITION",
        }


def test_a_workspace_account_can_be_switched_to_consumer_mode(domain: Kit) -> None:
    domain.state.set_workspace(ACCOUNT, False)
    query = DIRECTORY | {"sources": PROFILES}
    domain.error("GET", "/v1/people:listDirectoryPeople", 400, query)


def test_a_directory_profile_can_be_read_with_get(domain: Kit) -> None:
    [person] = directory(domain, "searchDirectoryPeople", sources=PROFILES, query="staff4")[
        "people"
    ]
    got = domain.get(person["resourceName"], "names")
    assert got["names"][0]["givenName"] == "Staff4"
