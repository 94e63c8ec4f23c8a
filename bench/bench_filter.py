"""One filter keystroke over the data set's book (design §5: under 16 ms, one frame), median and
95th percentile, measured twice:

Run: .venv/bin/python bench/bench_filter.py [--data bench/data] [--keystrokes 300] [--no-app]

1. the index: the data set's cache opened as the app opens it (`ContactBook.start` loads the
   cache's index rows into the search index), then each keystroke is one `ContactBook.search`
   call with the text typed so far, with the app's first-page limit and without it (beginnings
   of names and emails, a letter at a time, so typing on narrows the previous answer);
2. the running app: `PeopleApp` with `App.run_test` (120×40, headless) against
   `peopletui emulator` serving the book on loopback, its cache filled; once the start's sync
   is over, words are typed into the filter box a key every 100 ms (a fast typist) and erased
   again, with a pause after each word (the full list shows then). Printed: the screen's
   filter handler (search, rows, `set_rows`), the time from the key event to the first frame
   Textual paints after the handler (Textual paints at most 60 times a second, so this
   includes up to 16.7 ms of waiting for its update timer), and the full list at a pause.
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
from peopletui.ui.screens.main import FIRST_PAGE  # noqa: E402

APP_WORDS = ("mar", "jones", "ann", "a", "e", "s", "jo", "mia", "0", "smith", "l")
KEY_INTERVAL = 0.1


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


async def measure(data: Path, keystrokes: int) -> tuple[dict[int | None, list[float]], float, int]:
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
        timings: dict[int | None, list[float]] = {FIRST_PAGE: [], None: []}
        for limit, spent in timings.items():
            for query in typed_queries(people, keystrokes):
                began = time.perf_counter()
                book.search(query, limit)
                spent.append(time.perf_counter() - began)
        await book.close()
        return timings, load_seconds, len(book)
    finally:
        cache.close()
        await client.aclose()


def _figures(timings: list[float]) -> str:
    ms = [t * 1000 for t in timings]
    return (
        f"median {median(ms):.1f} ms   p95 {percentile(ms, 0.95):.1f} ms   max {max(ms):.1f} ms"
        f"   ({len(ms)})"
    )


async def measure_app(url: str, token: str, account: str, rounds: int) -> dict[str, list[float]]:
    from textual import events

    from peopletui.app import PeopleApp
    from peopletui.connectors import TokenConnector
    from peopletui.ui.screens.main import MainScreen

    app = PeopleApp(TokenConnector(url, token, account=account))
    spent: dict[str, list[float]] = {"handler": [], "paint": [], "full": []}
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3000):
            shown = app.screen
            # Pushed is not yet mounted: the main screen comes over the cached rows' screen.
            if isinstance(shown, MainScreen) and shown.is_mounted and shown.contact_list.row_count:
                break
            await asyncio.sleep(0.02)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await asyncio.sleep(1)
        for _ in range(3000):  # the start's sync is not what a keystroke costs
            if not screen._syncing:
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)
        handled = [0.0]
        paints: list[float] = []
        apply_filter, show_all, display = screen.apply_filter, screen._show_all, app._display

        def timed_filter(query: str) -> None:
            began = time.perf_counter()
            apply_filter(query)
            handled[0] = time.perf_counter()
            spent["handler"].append(handled[0] - began)

        def timed_show_all(query: str) -> None:
            began = time.perf_counter()
            show_all(query)
            spent["full"].append(time.perf_counter() - began)

        def timed_display(*args: Any) -> None:
            display(*args)
            paints.append(time.perf_counter())

        # The bench wraps the screen's handlers and the app's display to time them.
        screen.apply_filter = timed_filter  # type: ignore[method-assign]
        screen._show_all = timed_show_all  # type: ignore[method-assign]
        app._display = timed_display  # type: ignore[method-assign]
        await pilot.press("slash")
        await asyncio.sleep(0.3)
        for _ in range(rounds):
            for word in APP_WORDS:
                for char in [*word, *[None] * len(word)]:
                    handled[0] = 0.0
                    paints.clear()
                    began = time.perf_counter()
                    key = events.Key(char, char) if char else events.Key("backspace", None)
                    app.post_message(key)
                    await asyncio.sleep(KEY_INTERVAL)
                    after = [paint for paint in paints if handled[0] and paint >= handled[0]]
                    if after:
                        spent["paint"].append(after[0] - began)
                await asyncio.sleep(0.4)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=BENCH / "data")
    parser.add_argument("--keystrokes", type=int, default=300)
    parser.add_argument("--app-rounds", type=int, default=2)
    parser.add_argument("--no-app", action="store_true", help="time the index only")
    args = parser.parse_args()
    data = args.data.resolve()
    timings, load_seconds, count = asyncio.run(measure(data, args.keystrokes))
    print(f"filter keystrokes over {count} contacts ({args.keystrokes} typed)")
    for limit, spent in timings.items():
        label = f"first {limit}" if limit else "every match"
        print(f"  ContactBook.search, {label:<11} {_figures(spent)}")
    print(f"  loading the book from the cache first: {load_seconds * 1000:.0f} ms")
    if args.no_app:
        return
    from bench_app import served_book

    summary = load(data)
    with served_book(data, summary) as url:
        token, account = str(summary["token"]), str(summary["account"])
        spent = asyncio.run(measure_app(url, token, account, args.app_rounds))
    print("in the running app (run_test 120x40, a key every 100 ms):")
    print(f"  filter handler (search, rows, set_rows)   {_figures(spent['handler'])}")
    print(f"  key event to the next painted frame       {_figures(spent['paint'])}")
    print(f"  full list once typing pauses              {_figures(spent['full'])}")


if __name__ == "__main__":
    main()
