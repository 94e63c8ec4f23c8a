"""Batch helpers: larger sets cut into the API's limits, with a result for every item."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from peopletui.api import BadRequest, NotFound, PeopleClient, Person, batches
from peopletui.api.models import Name

if TYPE_CHECKING:
    from api.conftest import RecordingTransport

    from peopletui.emulator import Emulator


def _sizes(transport: RecordingTransport, verb: str, key: str) -> list[int]:
    return [len(json.loads(r.content)[key]) for r in transport.api_requests(verb)]


async def test_creates_and_updates_are_cut_into_chunks_of_200(
    wired: tuple[PeopleClient, RecordingTransport],
) -> None:
    client, transport = wired
    people = [Person(names=[Name(given_name="Bulk", family_name=f"{i:04d}")]) for i in range(450)]
    created = await batches.create_contacts(client, people, read_mask={"names"})
    assert created.ok and created.requests == 3
    assert _sizes(transport, "batchCreateContacts", "contacts") == [200, 200, 50]
    assert sorted(created.succeeded) == list(range(450))
    assert all(
        p.names and p.names[0].family_name == f"{i:04d}" for i, p in created.succeeded.items()
    )

    changes = {
        p.resource_name: Person(etag=p.etag, names=[Name(given_name="Bulk", family_name="Done")])
        for p in created.succeeded.values()
        if p.resource_name
    }
    updated = await batches.update_contacts(
        client, changes, update_mask={"names"}, read_mask={"names"}
    )
    assert updated.ok and updated.requests == 3 and set(updated.succeeded) == set(changes)
    assert _sizes(transport, "batchUpdateContacts", "contacts") == [200, 200, 50]


async def test_batch_get_is_cut_into_chunks_of_200_and_reports_missing_names(
    make_emulator: Callable[..., Emulator],
    connect: Callable[..., tuple[PeopleClient, RecordingTransport]],
) -> None:
    client, transport = connect(make_emulator(contacts=450, seed=5))
    everyone = await client.iter_connections(person_fields={"names"}).all_people()
    names = [p.resource_name for p in everyone if p.resource_name]
    missing = ["people/c111111111111", "people/c222222222222"]
    outcome = await batches.get_people(client, names + missing, person_fields={"names"})
    assert set(outcome.succeeded) == set(names)
    assert set(outcome.failed) == set(missing)
    assert all(isinstance(error, NotFound) for error in outcome.failed.values())
    expected_chunks = [200] * (len(names + missing) // 200) + [len(names + missing) % 200]
    sizes = [
        len(r.url.params.get_list("resourceNames")) for r in transport.api_requests("batchGet")
    ]
    assert sizes == [size for size in expected_chunks if size]


async def test_deletes_are_cut_into_chunks_of_500(
    make_emulator: Callable[..., Emulator],
    connect: Callable[..., tuple[PeopleClient, RecordingTransport]],
) -> None:
    client, transport = connect(make_emulator(contacts=1100, seed=6))
    everyone = await client.iter_connections(person_fields={"names"}).all_people()
    names = [p.resource_name for p in everyone if p.resource_name]
    assert len(names) >= 1100
    outcome = await batches.delete_contacts(client, names)
    assert outcome.ok and set(outcome.succeeded) == set(names)
    sizes = _sizes(transport, "batchDeleteContacts", "resourceNames")
    assert (
        sizes[:2] == [500, 500] and sum(sizes) == len(names) and len(sizes) == -(-len(names) // 500)
    )
    assert await client.iter_connections(person_fields={"names"}).all_people() == []


async def test_one_bad_contact_fails_alone_and_the_rest_are_created(client: PeopleClient) -> None:
    people = [Person(names=[Name(given_name=f"Good{i}")]) for i in range(10)]
    # names is a singleton for contacts: two names make Google refuse the contact (400).
    people[4] = Person(names=[Name(given_name="Bad"), Name(given_name="Twice")])
    outcome = await batches.create_contacts(client, people, read_mask={"names"})
    assert set(outcome.failed) == {4}
    assert isinstance(outcome.failed[4], BadRequest)
    assert sorted(outcome.succeeded) == [i for i in range(10) if i != 4]
    listed = await client.iter_connections(person_fields={"names"}).all_people()
    given = {p.names[0].given_name for p in listed if p.names}
    assert {f"Good{i}" for i in range(10) if i != 4} <= given and "Bad" not in given


async def test_a_missing_name_fails_alone_and_the_rest_are_deleted(client: PeopleClient) -> None:
    people = [Person(names=[Name(given_name=f"Gone{i}")]) for i in range(6)]
    created = await batches.create_contacts(client, people, read_mask={"names"})
    names = [p.resource_name for p in created.succeeded.values() if p.resource_name]
    ghost = "people/c333333333333"
    outcome = await batches.delete_contacts(client, [*names[:3], ghost, *names[3:]])
    assert set(outcome.succeeded) == set(names)
    assert set(outcome.failed) == {ghost}
    assert isinstance(outcome.failed[ghost], (NotFound, BadRequest))
    left = await batches.get_people(client, names, person_fields={"names"})
    assert not left.succeeded
