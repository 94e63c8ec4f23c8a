"""With a third of requests failing (429, 500, 503, connections dropped before and after the
server acted), 500 mixed changes through the write queue end with the server holding exactly
the intended contacts, the cache equal to the server, and no duplicates.

Run with ``-s`` to see what was survived.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest
from book_harness import FAST_RETRIES, Books, OpenBook, book_view, cache_view, server_people

from peopletui.api import PeopleApiError, RetryPolicy
from peopletui.emulator import Emulator
from peopletui.services.events import WriteSaved
from peopletui.services.results import SaveOutcome, SaveStatus

FAULTS = "rate=0.33,kinds=429+500+503+drop+drop_after,seed=7"
OPERATIONS = 500
MARK = "Fault"


def _person(label: str, version: int) -> dict[str, Any]:
    return {"names": [{"givenName": f"{MARK}-{label}", "familyName": f"v{version}"}]}


class Intent:
    """What the server should hold: label -> (resource name, version)."""

    def __init__(self) -> None:
        self.versions: dict[str, int] = {}
        self.names: dict[str, str] = {}

    def created(self, label: str, outcome: SaveOutcome, opened: OpenBook) -> None:
        self.versions[label] = 0
        self.names[label] = _resource_name(outcome, opened)


def _resource_name(outcome: SaveOutcome, opened: OpenBook) -> str:
    if outcome.resource_name:
        return outcome.resource_name
    # Still queued when answered: the queue's later WriteSaved names the contact.
    saved = [e for e in opened.events_of(WriteSaved) if e.draft_id == outcome.draft_id]
    assert saved and saved[0].resource_name
    return str(saved[0].resource_name)


async def _settled(opened: OpenBook, outcome: SaveOutcome) -> None:
    assert outcome.status in (SaveStatus.SAVED, SaveStatus.QUEUED), outcome
    if outcome.status is SaveStatus.QUEUED:
        await opened.book.wait_idle()


async def _sync_through_faults(opened: OpenBook) -> None:
    """With two attempts per request a sync may give up (the book is kept): sync until one
    gets through, as a user would press the sync key again."""
    for _ in range(20):
        try:
            await opened.book.sync()
            return
        except PeopleApiError:
            continue
    raise AssertionError("no sync got through the faults")


async def _mixed_changes(opened: OpenBook, rng: random.Random) -> tuple[Intent, Counter[str]]:
    book = opened.book
    intent = Intent()
    done: Counter[str] = Counter()
    serial = 0
    for _ in range(OPERATIONS):
        roll = rng.random()
        labels = sorted(intent.versions)
        if roll < 0.35 or len(labels) < 6:
            serial += 1
            label = f"{serial:04d}"
            outcome = await book.create(_person(label, 0))
            await _settled(opened, outcome)
            intent.created(label, outcome, opened)
            done["create"] += 1
        elif roll < 0.42:
            new = [f"{serial + i:04d}" for i in range(1, 5)]
            serial += 4
            result = await book.create_many([_person(label, 0) for label in new])
            for label, outcome in zip(new, result.outcomes, strict=True):
                await _settled(opened, outcome)
                intent.created(label, outcome, opened)
            done["batch create"] += 1
        elif roll < 0.72:
            label = rng.choice(labels)
            edit = book.begin_edit(intent.names[label])
            edit.values["names"] = _person(label, intent.versions[label] + 1)["names"]
            await _settled(opened, await book.save(edit))
            intent.versions[label] += 1
            done["update"] += 1
        elif roll < 0.80:
            chosen = rng.sample(labels, 3)
            values = {
                intent.names[label]: _person(label, intent.versions[label] + 1) for label in chosen
            }
            result = await book.update_many(values)
            for outcome in result.outcomes:
                await _settled(opened, outcome)
            for label in chosen:
                intent.versions[label] += 1
            done["batch update"] += 1
        elif roll < 0.92:
            label = rng.choice(labels)
            await _settled(opened, await book.delete(intent.names.pop(label)))
            del intent.versions[label]
            done["delete"] += 1
        else:
            chosen = rng.sample(labels, 3)
            result = await book.delete_many([intent.names.pop(label) for label in chosen])
            for outcome in result.outcomes:
                await _settled(opened, outcome)
            for label in chosen:
                del intent.versions[label]
            done["batch delete"] += 1
    await book.wait_idle()
    return intent, done


@pytest.mark.parametrize(
    "retry",
    [
        pytest.param(FAST_RETRIES, id="client-retries"),
        # Two attempts per request: many changes come back QUEUED and the queue resends them.
        pytest.param(
            RetryPolicy(max_attempts=2, base_delay=0.0005, max_delay=0.001), id="queue-retries"
        ),
    ],
)
async def test_mixed_changes_under_faults_reach_the_intended_state(
    books: Books, retry: RetryPolicy
) -> None:
    emulator = Emulator(contacts=20, seed=31, faults=FAULTS)
    opened = await books.open(emulator, retry=retry)
    await _sync_through_faults(opened)
    assert len(opened.book) == 20

    intent, done = await _mixed_changes(opened, random.Random(5))

    server = await server_people(emulator)
    marked = [
        (p["names"][0]["givenName"].removeprefix(f"{MARK}-"), p["names"][0].get("familyName"))
        for p in server.values()
        if p.get("names") and p["names"][0].get("givenName", "").startswith(MARK)
    ]
    labels = [label for label, _ in marked]
    assert len(labels) == len(set(labels)), "a contact was created twice"
    assert dict(marked) == {label: f"v{v}" for label, v in intent.versions.items()}
    assert {intent.names[label] for label in intent.versions} <= set(server)
    # The book and its cache hold exactly what the server holds, version for version.
    expected = {name: person["etag"] for name, person in server.items()}
    assert book_view(opened.book) == expected
    assert cache_view(opened.cache) == expected
    assert opened.cache.drafts_list_pending() == []

    survived = opened.client.retry_stats
    print(f"\n{sum(done.values())} changes {dict(done)}; retries {dict(survived.causes)}")
    queued = len([e for e in opened.events if type(e).__name__ == "WriteFailed"])
    print(f"unknown outcomes {survived.unknown_outcomes}, recovered {dict(survived.recovered)}")
    print(f"writes the queue had to send again: {queued}")
    assert sum(done.values()) == OPERATIONS
    assert survived.retries > 100  # the faults really happened
