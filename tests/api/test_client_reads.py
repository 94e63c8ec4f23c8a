"""Every read method of PeopleClient against the emulator, and the wire format it sends."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from peopletui.api import (
    ALL_PERSON_FIELDS,
    NotFound,
    NotWorkspaceAccount,
    PeopleClient,
    Person,
    SyncTokenExpired,
)
from peopletui.api.models import Name

if TYPE_CHECKING:
    from api.conftest import RecordingTransport

    from peopletui.emulator import Emulator

EIGHT_DAYS = 8 * 24 * 3600


async def _first_contact(client: PeopleClient) -> Person:
    page = await client.list_connections(person_fields={"names", "emailAddresses"}, page_size=5)
    assert page.connections
    return page.connections[0]


async def test_get_person_reads_me_and_a_contact(client: PeopleClient) -> None:
    me = await client.get_person("people/me", person_fields={"names", "emailAddresses"})
    assert me.resource_name and me.resource_name.startswith("people/")
    contact = await _first_contact(client)
    assert contact.resource_name
    again = await client.get_person(contact.resource_name, person_fields=ALL_PERSON_FIELDS)
    assert again.resource_name == contact.resource_name
    assert again.etag


async def test_get_person_for_a_missing_contact_is_not_found(client: PeopleClient) -> None:
    with pytest.raises(NotFound) as caught:
        await client.get_person("people/c999999999999", person_fields={"names"})
    assert caught.value.status == "NOT_FOUND"


async def test_get_people_sends_repeated_names_and_reports_each(
    wired: tuple[PeopleClient, RecordingTransport],
) -> None:
    client, transport = wired
    contact = await _first_contact(client)
    assert contact.resource_name
    names = [contact.resource_name, "people/c999999999999"]
    answer = await client.get_people(
        names, person_fields={"names"}, sources=["READ_SOURCE_TYPE_CONTACT"]
    )
    assert answer.responses and len(answer.responses) == 2
    by_name = {r.requested_resource_name: r for r in answer.responses}
    assert by_name[contact.resource_name].person is not None
    missing = by_name["people/c999999999999"]
    assert missing.person is None and missing.status and missing.status.code == 5
    request = transport.api_requests("batchGet")[-1]
    assert request.url.params.get_list("resourceNames") == names
    assert request.url.params.get_list("sources") == ["READ_SOURCE_TYPE_CONTACT"]


async def test_paging_over_2500_contacts_takes_three_requests_and_sees_everyone(
    make_emulator: Callable[..., Emulator],
    connect: Callable[..., tuple[PeopleClient, RecordingTransport]],
) -> None:
    client, transport = connect(make_emulator(contacts=2500, seed=11))
    pages = client.iter_connections(person_fields={"names"}, page_size=1000)
    seen = [person.resource_name async for person in pages.people()]
    total = await client.list_connections(person_fields={"names"}, page_size=1)
    assert total.total_items is not None and total.total_items >= 2500
    assert len(seen) == len(set(seen)) == total.total_items
    assert pages.requests == -(-total.total_items // 1000) == 3
    assert pages.exhausted and pages.next_sync_token
    first = transport.api_requests("connections")[0]
    assert first.url.params["pageSize"] == "1000"
    assert first.url.params["requestSyncToken"] == "true"


async def test_sync_token_round_trip_with_a_deletion_tombstone(client: PeopleClient) -> None:
    full = client.iter_connections(person_fields={"names"})
    everyone = await full.all_people()
    token = full.next_sync_token
    assert token and everyone

    quiet = client.iter_connections(person_fields={"names"}, sync_token=token)
    assert await quiet.all_people() == []
    assert quiet.next_sync_token

    gone = everyone[0].resource_name
    assert gone
    await client.delete_contact(gone)
    added = await client.create_contact(Person(names=[Name(given_name="Delta", family_name="New")]))
    delta = client.iter_connections(person_fields={"names"}, sync_token=token)
    changes = {p.resource_name: p for p in await delta.all_people()}
    assert set(changes) == {gone, added.resource_name}
    tombstone = changes[gone]
    assert tombstone.metadata and tombstone.metadata.deleted is True
    assert delta.next_sync_token and delta.next_sync_token != token


async def test_an_expired_sync_token_raises_sync_token_expired(
    emulator: Emulator, client: PeopleClient
) -> None:
    full = client.iter_connections(person_fields={"names"})
    await full.all_people()
    assert full.next_sync_token
    emulator.clock.advance(EIGHT_DAYS)
    stale = client.iter_connections(person_fields={"names"}, sync_token=full.next_sync_token)
    with pytest.raises(SyncTokenExpired) as caught:
        await stale.all_people()
    assert caught.value.reason == "EXPIRED_SYNC_TOKEN"


async def test_sort_order_and_sources_are_sent(
    wired: tuple[PeopleClient, RecordingTransport],
) -> None:
    client, transport = wired
    page = await client.list_connections(
        person_fields={"names", "metadata"},
        sort_order="LAST_MODIFIED_DESCENDING",
        sources=["READ_SOURCE_TYPE_CONTACT"],
        page_size=3,
    )
    assert page.connections and len(page.connections) == 3
    params = transport.api_requests("connections")[-1].url.params
    assert params["sortOrder"] == "LAST_MODIFIED_DESCENDING"
    assert params["personFields"] == "metadata,names"


async def test_search_contacts_after_a_warmup_finds_a_new_contact(client: PeopleClient) -> None:
    created = await client.create_contact(
        Person(names=[Name(given_name="Zebulon", family_name="Quartz")])
    )
    await client.warm_up_search()
    found = await client.search_contacts("Zebul", read_mask={"names"})
    assert [r.person.resource_name for r in found.results or [] if r.person] == [
        created.resource_name
    ]


async def test_directory_list_pages_and_search(client: PeopleClient) -> None:
    sources = ["DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"]
    pages = client.iter_directory_people(
        read_mask={"names", "emailAddresses"}, sources=sources, page_size=5, request_sync_token=True
    )
    people = await pages.all_people()
    assert people and pages.requests == -(-len(people) // 5)
    assert pages.next_sync_token
    names = [p.names[0].given_name for p in people if p.names and p.names[0].given_name]
    assert names
    query = names[0][:3]
    hits = await client.iter_directory_search(
        query, read_mask={"names"}, sources=sources, page_size=2
    ).all_people()
    assert hits
    one_page = await client.search_directory_people(
        query, read_mask={"names"}, sources=sources, page_size=1
    )
    assert one_page.people and len(one_page.people) == 1


async def test_directory_on_a_consumer_account_is_not_workspace(
    make_emulator: Callable[..., Emulator],
    connect: Callable[..., tuple[PeopleClient, RecordingTransport]],
) -> None:
    client, _ = connect(make_emulator(workspace=False))
    with pytest.raises(NotWorkspaceAccount) as caught:
        await client.list_directory_people(
            read_mask={"names"}, sources=["DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"]
        )
    assert caught.value.message == "Must be a G Suite domain user."


async def test_debug_log_names_method_path_and_status_but_no_token_or_data(
    emulator: Emulator, client: PeopleClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="peopletui.api")
    await client.search_contacts("Secretquery", read_mask={"names"})
    await client.get_person("people/me", person_fields={"names"})
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "GET /v1/people:searchContacts -> 200" in text
    assert "GET /v1/people/me -> 200" in text
    assert emulator.token not in text
    assert "Secretquery" not in text
