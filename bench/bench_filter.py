"""One filter keystroke over the data set's book (design §5: under 16 ms, one frame), median and
95th percentile.

Run: .venv/bin/python bench/bench_filter.py [--data bench/data] [--keystrokes 300]

The book is the data set's cache, opened as the app opens it: `ContactBook.start` loads the
cache's index rows into the search index, then each keystroke is one `ContactBook.search` call
with the text typed so far (beginnings of names, emails and phone numbers, a letter at a time,
so typing on narrows the previous answer as it does in the app). This times the search the
filter box calls, not the app's repaint: the app has no filter box yet (the list widget's paint
is bench/bench_list.py's).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from dataset import load  # noqa: E402
from measure import median, percentile  # noqa: E402

from peopletui.api import PeopleClient, StaticTokenAuth  # noqa: E402
from peopletui.cache.store import CacheStore  # noqa: E402
from peopletui.emulator import IN_PROCESS_URL, Emulator  # noqa: E402
from peopletui.services.contacts import ContactBook  # noqa: E402


def typed_queries(people: list[dict[str, Any]], total: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    typed: list[str] = []
    while len(typed) < total:
        person = rng.choice(people)
        choices = [str(name.get("displayName", "")) for name in person.get("names", [])]
        choices += [str(email.get("value", "")) for email in person.get("emailAddresses", [])]
        choices = [choice for choice in choices if choice]
        if choices:
            target = rng.choice(choices)[: rng.randrange(3, 9)]
            typed += [target[:length] for length in range(1, len(target) + 1)]
    return typed[:total]


async def measure(data: Path, keystrokes: int) -> tuple[list[float], float, int]:
    summary = load(data)
    os.environ["XDG_CACHE_HOME"] = str(summary["cache_home"])
    from peopletui.paths import cache_dir

    emulator = Emulator(contacts=0, workspace=False)  # never called: the book does not sync
    client = PeopleClient(
        IN_PROCESS_URL, transport=emulator.transport(), auth=StaticTokenAuth(emulator.token)
    )
    cache = CacheStore.open_for_account(cache_dir(), str(summary["account"]))
    try:
        book = ContactBook(client, cache)
        started = time.perf_counter()
        await book.start(sync=False)
        load_seconds = time.perf_counter() - started
        people = [book.get(name) or {} for name in book.names_in_order()]
        timings = []
        for query in typed_queries(people, keystrokes):
            began = time.perf_counter()
            book.search(query)
            timings.append(time.perf_counter() - began)
        await book.close()
        return timings, load_seconds, len(book)
    finally:
        cache.close()
        await client.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=BENCH / "data")
    parser.add_argument("--keystrokes", type=int, default=300)
    args = parser.parse_args()
    timings, load_seconds, count = asyncio.run(measure(args.data.resolve(), args.keystrokes))
    print(f"filter keystrokes over {count} contacts (ContactBook.search, {len(timings)} typed)")
    print(
        f"  median {median(timings) * 1000:.2f} ms   p95 {percentile(timings, 0.95) * 1000:.2f} ms"
    )
    print(f"  loading the book from the cache first: {load_seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
