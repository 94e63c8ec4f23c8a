"""Sync and batch-write figures of the services layer against design §5, on the in-process
emulator: requests sent and wall time.

Run: .venv/bin/python bench/bench_sync.py [--count 25000] [--runs 3] [--seed 1]

Each run seeds a fresh emulator (not timed), opens a `ContactBook` on an empty cache in a
temporary folder, and measures:

- full sync: `ContactBook.sync()` with no sync token (connections.list, pageSize 1000,
  requestSyncToken), into the SQLite cache and the search index — target 25 requests; and when
  the first page of rows was in the book (shown while the rest arrives);
- incremental sync after one change made by another client — target 1 request;
- deleting 500 selected contacts with `ContactBook.delete_many` — target 1 request. Keeping
  each deleted contact's photo for undo costs one download from the photo host per contact with
  a photo of its own; those are counted apart, as they are not People API requests;
- undoing that deletion (500 re-creations in batches of 200, plus the kept photos uploaded);
- the next start: the book opened again from its cache (no request), then its sync.

Wall times are medians over the runs; request counts are the same in every run.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from peopletui.api import PeopleClient, StaticTokenAuth
from peopletui.api.models import Person
from peopletui.cache.store import CacheStore
from peopletui.emulator import IN_PROCESS_URL, Emulator
from peopletui.services.contacts import ContactBook
from peopletui.services.events import Event, SyncProgress


class CountingTransport(httpx.AsyncBaseTransport):
    """Counts requests by kind: People API verbs, and photo downloads."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.counts: Counter[str] = Counter()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.startswith("/v1/"):
            verb = path.rsplit(":", 1)[1] if ":" in path.rsplit("/", 1)[-1] else "connections"
            self.counts[verb] += 1
        else:
            self.counts["photo download"] += 1
        return await self.inner.handle_async_request(request)

    def api(self) -> int:
        return sum(n for verb, n in self.counts.items() if verb != "photo download")

    def take(self) -> Counter[str]:
        counts, self.counts = self.counts, Counter()
        return counts


@dataclass
class Figures:
    full_seconds: list[float] = field(default_factory=list)
    first_page_seconds: list[float] = field(default_factory=list)
    delta_seconds: list[float] = field(default_factory=list)
    delete_seconds: list[float] = field(default_factory=list)
    undo_seconds: list[float] = field(default_factory=list)
    reopen_seconds: list[float] = field(default_factory=list)
    reopen_sync_seconds: list[float] = field(default_factory=list)
    requests: dict[str, Counter[str]] = field(default_factory=dict)


async def one_run(count: int, seed: int, figures: Figures) -> None:
    emulator = Emulator(contacts=count, seed=seed)
    transport = CountingTransport(emulator.transport())
    auth = StaticTokenAuth(emulator.token)
    with tempfile.TemporaryDirectory(prefix="peopletui-bench-") as folder:
        async with PeopleClient(IN_PROCESS_URL, auth=auth, transport=transport) as client:
            cache = CacheStore.open_for_account(Path(folder), "bench@example.org")
            book = ContactBook(client, cache)
            try:
                await book.start(sync=False)
                shown: list[float] = []

                def first_rows(event: Event) -> None:
                    if isinstance(event, SyncProgress) and not shown:
                        shown.append(time.perf_counter())

                book.events.subscribe(first_rows)
                started = time.perf_counter()
                report = await book.sync()
                figures.full_seconds.append(time.perf_counter() - started)
                figures.first_page_seconds.append(shown[0] - started)
                assert report.full and len(book) == count, report
                figures.requests["full sync"] = transport.take()

                await change_one_contact(emulator, book.names_in_order()[0])
                started = time.perf_counter()
                report = await book.sync()
                figures.delta_seconds.append(time.perf_counter() - started)
                assert not report.full and report.changed == 1, report
                figures.requests["incremental sync after one change"] = transport.take()

                chosen = book.names_in_order()[:500]
                started = time.perf_counter()
                deleted = await book.delete_many(chosen)
                figures.delete_seconds.append(time.perf_counter() - started)
                assert deleted.all_saved
                figures.requests["deleting 500 selected contacts"] = transport.take()

                started = time.perf_counter()
                undone = await book.undo()
                figures.undo_seconds.append(time.perf_counter() - started)
                assert undone.done and len(book) == count
                figures.requests["undoing that deletion"] = transport.take()
            finally:
                await book.close()
                cache.close()

            cache = CacheStore.open_for_account(Path(folder), "bench@example.org")
            book = ContactBook(client, cache)
            try:
                started = time.perf_counter()
                await book.start(sync=False)
                figures.reopen_seconds.append(time.perf_counter() - started)
                assert len(book) == count and transport.api() == 0
                started = time.perf_counter()
                await book.sync()
                figures.reopen_sync_seconds.append(time.perf_counter() - started)
                figures.requests["sync on the next start"] = transport.take()
            finally:
                await book.close()
                cache.close()


async def change_one_contact(emulator: Emulator, name: str) -> None:
    """Another client (a phone, the web) renames one contact."""
    async with PeopleClient(
        IN_PROCESS_URL, auth=StaticTokenAuth(emulator.token), transport=emulator.transport()
    ) as other:
        current = await other.get_person(name, person_fields={"metadata"})
        body = Person.from_api({"etag": current.etag, "nicknames": [{"value": "Changed"}]})
        await other.update_contact(name, body, update_person_fields={"nicknames"})


def describe(counts: Counter[str]) -> str:
    api = sum(n for verb, n in counts.items() if verb != "photo download")
    parts = ", ".join(f"{verb} {n}" for verb, n in sorted(counts.items()))
    return f"{api} API request(s)  [{parts}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=25_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    figures = Figures()
    for run in range(args.runs):
        asyncio.run(one_run(args.count, args.seed + run, figures))
    print(f"sync and batch writes, {args.count} contacts, in-process emulator, {args.runs} run(s)")
    timings = {
        "full sync": figures.full_seconds,
        "incremental sync after one change": figures.delta_seconds,
        "deleting 500 selected contacts": figures.delete_seconds,
        "undoing that deletion": figures.undo_seconds,
        "sync on the next start": figures.reopen_sync_seconds,
    }
    for what, counts in figures.requests.items():
        seconds = timings[what]
        spread = f"{min(seconds):.2f}–{max(seconds):.2f} s"
        print(f"  {what}: {describe(counts)}")
        print(f"      wall time median {statistics.median(seconds):.3f} s ({spread})")
        if what == "full sync":
            first = statistics.median(figures.first_page_seconds)
            print(f"      first page of rows shown after {first:.3f} s (median)")
        if what == "sync on the next start":
            opened = statistics.median(figures.reopen_seconds)
            print(f"      before it: book readable from the cache after {opened:.3f} s (median),")
            print("      no request sent")


if __name__ == "__main__":
    main()
