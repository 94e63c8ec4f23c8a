"""Under injected faults (429, 500, 503, dropped connections before and after processing), a run
of mixed writes ends with exactly the intended contacts: none lost, none duplicated.

How many faults each run survived shows in the summary of every run (``report_figure``, see
tests/conftest.py), with ``-n 2`` too.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peopletui.api import PeopleClient, Person
from peopletui.api.models import Name

if TYPE_CHECKING:
    from api.conftest import RecordingTransport

    from peopletui.emulator import Emulator

FAULTS = "rate=0.3,kinds=429+500+503+drop+drop_after,seed=7"
OPERATIONS = 500
MARK = "Fault"


@dataclass
class Intended:
    resource_name: str
    etag: str
    version: int


async def _mixed_writes(client: PeopleClient, operations: int, seed: int) -> tuple[dict, Counter]:
    """Run `operations` random creates, updates and deletes (single and batch); return what the
    server should hold afterwards (label -> Intended) and how many of each kind ran."""
    rng = random.Random(seed)
    intended: dict[str, Intended] = {}
    done: Counter[str] = Counter()
    serial = 0

    def new_person(label: str) -> Person:
        return Person(names=[Name(given_name=f"{MARK}-{label}", family_name="v0")])

    for _ in range(operations):
        roll = rng.random()
        if roll < 0.45 or len(intended) < 3:
            serial += 1
            label = f"{serial:04d}"
            created = await client.create_contact(new_person(label), person_fields={"names"})
            assert created.resource_name and created.etag
            intended[label] = Intended(created.resource_name, created.etag, 0)
            done["create"] += 1
        elif roll < 0.50:
            labels = [f"{serial + i:04d}" for i in range(1, 4)]
            serial += 3
            answer = await client.batch_create_contacts(
                [new_person(label) for label in labels], read_mask={"names"}
            )
            created_people = [r.person for r in answer.created_people or []]
            assert len(created_people) == 3
            for label, person in zip(labels, created_people, strict=True):
                assert person and person.resource_name and person.etag
                assert person.names and person.names[0].given_name == f"{MARK}-{label}"
                intended[label] = Intended(person.resource_name, person.etag, 0)
            done["batch create"] += 1
        elif roll < 0.80:
            label = rng.choice(sorted(intended))
            target = intended[label]
            version = target.version + 1
            change = Person(
                etag=target.etag,
                names=[Name(given_name=f"{MARK}-{label}", family_name=f"v{version}")],
            )
            updated = await client.update_contact(
                target.resource_name,
                change,
                update_person_fields={"names"},
                person_fields={"names"},
            )
            assert updated.etag
            intended[label] = Intended(target.resource_name, updated.etag, version)
            done["update"] += 1
        elif roll < 0.95:
            label = rng.choice(sorted(intended))
            await client.delete_contact(intended.pop(label).resource_name)
            done["delete"] += 1
        else:
            labels = rng.sample(sorted(intended), 2)
            await client.batch_delete_contacts(
                [intended.pop(label).resource_name for label in labels]
            )
            done["batch delete"] += 1
    return intended, done


async def _assert_server_holds(client: PeopleClient, intended: dict[str, Intended]) -> None:
    everyone = await client.iter_connections(person_fields={"names"}).all_people()
    ours = Counter(
        (p.names[0].given_name.removeprefix(f"{MARK}-"), p.names[0].family_name)
        for p in everyone
        if p.names and p.names[0].given_name and p.names[0].given_name.startswith(f"{MARK}-")
    )
    expected = Counter((label, f"v{item.version}") for label, item in intended.items())
    assert ours == expected  # none lost, none duplicated, every update landed once
    assert {p.resource_name for p in everyone} >= {i.resource_name for i in intended.values()}


def _report(
    report_figure: Callable[[str], None],
    emulator: Emulator,
    client: PeopleClient,
    done: Counter,
    intended: dict,
) -> dict:
    faults = {kind: count for kind, count in emulator.faults.counts.items() if count}
    stats = client.retry_stats
    report_figure(
        f"{sum(done.values())} operations ({dict(done)}) survived {sum(faults.values())} "
        f"injected faults {faults}; client retries {stats.retries} {dict(stats.causes)}, "
        f"unknown outcomes {stats.unknown_outcomes}, writes found already applied "
        f"{dict(stats.recovered)}; {len(intended)} contacts intended and present"
    )
    return faults


async def test_500_mixed_writes_under_faults_leave_exactly_the_intended_contacts(
    make_emulator: Callable[..., Emulator],
    connect: Callable[..., tuple[PeopleClient, RecordingTransport]],
    report_figure: Callable[[str], None],
) -> None:
    emulator = make_emulator(contacts=5, seed=9, faults=FAULTS)
    client, _ = connect(emulator)
    intended, done = await _mixed_writes(client, OPERATIONS, seed=2024)
    await _assert_server_holds(client, intended)
    faults = _report(report_figure, emulator, client, done, intended)
    stats = client.retry_stats
    assert faults.get("drop_after", 0) > 0 and stats.recovered["create"] > 0
    assert stats.recovered["update"] > 0 and stats.recovered["delete"] > 0


async def test_mixed_writes_under_faults_over_real_sockets(
    make_emulator: Callable[..., Emulator],
    connect: Callable[..., tuple[PeopleClient, RecordingTransport]],
    report_figure: Callable[[str], None],
) -> None:
    """The same over the loopback server: real dropped connections, real Date headers."""
    from peopletui.emulator import serve_in_thread

    emulator = make_emulator(contacts=5, seed=10, faults=FAULTS)
    with serve_in_thread(emulator) as base_url:
        client, transport = connect(emulator, base_url=base_url)
        intended, done = await _mixed_writes(client, 150, seed=77)
        await _assert_server_holds(client, intended)
        faults = _report(report_figure, emulator, client, done, intended)
        await client.aclose()
    assert faults.get("drop", 0) > 0 and faults.get("drop_after", 0) > 0
    assert client.retry_stats.recovered["create"] > 0
    assert all(r.url.host == "127.0.0.1" for r in transport.requests)
