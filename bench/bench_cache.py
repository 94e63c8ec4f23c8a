"""Benchmark of the local cache and the search index with 25,000 people (design §5).

Run: .venv/bin/python bench/bench_cache.py [--count 25000] [--runs 5] [--queries 200]

The people are what a full sync stores: the emulator's seeded demo book, fetched page by page
from `people/me/connections` with every person field, through its in-process transport (so each
person is Google's proto3 JSON with field metadata and computed display names). Prints the time
to store and load the book from SQLite, to build the search index, and to answer keystrokes
typed one letter at a time, plus the memory of the loaded book and of the index. Figures are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from peopletui.cache.search import SearchIndex
from peopletui.cache.store import CacheStore
from peopletui.emulator import IN_PROCESS_URL, Emulator, EmulatorTransport

PERSON_FIELDS = (
    "addresses,biographies,birthdays,calendarUrls,clientData,emailAddresses,events,externalIds,"
    "genders,imClients,interests,locales,locations,memberships,metadata,miscKeywords,names,"
    "nicknames,occupations,organizations,phoneNumbers,photos,relations,sipAddresses,skills,"
    "urls,userDefined"
)


def fetch_book(count: int, seed: int = 1) -> list[dict[str, Any]]:
    """A full sync against the emulator: pages of 1,000 until the last one."""
    emulator = Emulator(contacts=count, seed=seed, workspace=False)
    headers = {"Authorization": f"Bearer {emulator.token}"}
    people: list[dict[str, Any]] = []
    with httpx.Client(
        transport=EmulatorTransport(emulator), base_url=IN_PROCESS_URL, headers=headers
    ) as client:
        page_token = ""
        while True:
            params = {"personFields": PERSON_FIELDS, "pageSize": "1000"}
            if page_token:
                params["pageToken"] = page_token
            page = client.get("/v1/people/me/connections", params=params)
            page.raise_for_status()
            body = page.json()
            people += body.get("connections", [])
            page_token = body.get("nextPageToken", "")
            if not page_token:
                return people


def keystrokes(people: list[dict[str, Any]], total: int, seed: int = 11) -> list[str]:
    """Queries as typed: beginnings of names, emails and phone numbers, a letter at a time."""
    rng = random.Random(seed)
    typed: list[str] = []
    while len(typed) < total:
        person = rng.choice(people)
        choices = [name.get("displayName", "") for name in person.get("names", [])]
        choices += [email["value"] for email in person.get("emailAddresses", [])]
        choices += [
            "".join(filter(str.isdigit, phone["value"])) for phone in person.get("phoneNumbers", [])
        ]
        choices = [choice for choice in choices if choice]
        if not choices:
            continue
        target = rng.choice(choices)[: rng.randrange(3, 9)]
        typed.extend(target[:length] for length in range(1, len(target) + 1))
    return typed[:total]


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def traced_mb(action: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    tracemalloc.start()
    result = action()
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return current / 1e6, result


def percentiles(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[max(0, round(len(ordered) * 0.95) - 1)]
    return (
        f"median {statistics.median(ordered) * 1000:6.2f} ms, p95 {p95 * 1000:6.2f} ms, "
        f"max {ordered[-1] * 1000:6.2f} ms"
    )


def bench_store(people: list[dict[str, Any]], runs: int) -> SearchIndex:
    """Write the book, then time what start-up does: open, read the rows, index them."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        with CacheStore.open(path, "bench@example.test") as store:
            seconds, _ = timed(lambda: store.replace_all(people, "sync-token-1"))
        print(f"replace_all (full sync write)  {seconds * 1000:8.1f} ms")
        print(f"cache file                     {path.stat().st_size / 1e6:8.1f} MB")
        opens, rows, indexes = [], [], []
        for _ in range(runs):
            seconds, store = timed(lambda: CacheStore.open(path, "bench@example.test"))
            opens.append(seconds)
            seconds, index_rows = timed(store.index_rows)
            rows.append(seconds)
            seconds, index = timed(lambda index_rows=index_rows: SearchIndex.from_rows(index_rows))
            indexes.append(seconds)
            del index_rows
            store.close()
        # The index of the last run is what the keystrokes are timed on: made, like the app's,
        # before 200 MB of person dicts come and go and leave the heap full of holes.
        loads = []
        for _ in range(runs):
            with CacheStore.open(path, "bench@example.test") as store:
                seconds, loaded = timed(store.load_all)
                loads.append(seconds)
                del loaded
        print(f"open (with quick_check)        {statistics.median(opens) * 1000:8.1f} ms median")
        print(f"index_rows (list + haystacks)  {statistics.median(rows) * 1000:8.1f} ms median")
        print(f"SearchIndex.from_rows          {statistics.median(indexes) * 1000:8.1f} ms median")
        print(f"load_all (every person dict)   {statistics.median(loads) * 1000:8.1f} ms median")
        with CacheStore.open(path, "bench@example.test") as store:
            rows_mb, _rows = traced_mb(store.index_rows)
            del _rows
            # The index with its strings, the rows it was made from gone.
            index_mb, traced_index = traced_mb(lambda: SearchIndex.from_rows(store.index_rows()))
            del traced_index
            book_mb, book = traced_mb(store.load_all)
            del book
        print(
            f"memory: index_rows {rows_mb:.1f} MB (transient), index {index_mb:.1f} MB, "
            f"every person dict {book_mb:.1f} MB (traced)"
        )
    return index


def bench_build(people: list[dict[str, Any]], runs: int) -> None:
    builds = [timed(lambda: SearchIndex.build(people))[0] for _ in range(runs)]
    print(f"SearchIndex.build from dicts   {statistics.median(builds) * 1000:8.1f} ms median")


def bench_keystrokes(index: SearchIndex, queries: list[str], runs: int) -> None:
    """Each figure is a query's best of `runs` passes over the whole sequence: the machine is
    shared, and its other work only ever adds time."""
    for label, limit in (("full ranked list", None), ("first 100 rows", 100)):
        typing = [float("inf")] * len(queries)
        cold = [float("inf")] * len(queries)
        for _ in range(runs):
            index._recent.clear()
            for number, query in enumerate(queries):
                seconds = timed(lambda q=query, n=limit: index.search(q, n))[0]
                typing[number] = min(typing[number], seconds)
            for number, query in enumerate(queries):
                index._recent.clear()  # as if every keystroke were the first one
                seconds = timed(lambda q=query, n=limit: index.search(q, n))[0]
                cold[number] = min(cold[number], seconds)
        print(f"keystroke, {label:16}    typing on:  {percentiles(typing)}")
        print(f"keystroke, {label:16}    no reuse:   {percentiles(cold)}")
    for letter in "aem0":
        tries = []
        for _ in range(runs):
            index._recent.clear()
            seconds, result = timed(lambda letter=letter: index.search(letter))
            tries.append(seconds)
        print(
            f"first letter {letter!r}, full list  {min(tries) * 1000:8.2f} ms best, "
            f"{statistics.median(tries) * 1000:.2f} ms median ({result.total} matches)"
        )
    seconds, _ = timed(index.all_in_display_order)
    print(f"all in display order           {seconds * 1000:8.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description="Cache and search index benchmark")
    parser.add_argument("--count", type=int, default=25_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()

    seconds, people = timed(lambda: fetch_book(args.count))
    average = sum(len(json.dumps(p, ensure_ascii=False)) for p in people) / len(people)
    print(
        f"{len(people)} people fetched from the emulator in {seconds:.1f} s "
        f"({average:.0f} bytes of JSON each); python {sys.version.split()[0]}"
    )
    # The machine is shared: the load says how much the figures below may be inflated.
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    bench_build(people, args.runs)
    queries = keystrokes(people, args.queries)
    index = bench_store(people, args.runs)
    # What the app holds from here on: the index (and rows), not 25,000 person dicts.
    del people
    gc.collect()
    bench_keystrokes(index, queries, args.runs)


if __name__ == "__main__":
    main()
