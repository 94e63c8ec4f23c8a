"""Benchmark of the contact list widget with 25,000 rows (design §4: only visible rows render).

Run: .venv/bin/python bench/bench_list.py [--count 25000] [--runs 15]

Mounts a ContactList in a headless app (120×40) and times, as medians over several runs:
- mounting the app with the whole book, up to its first painted screen, beside the same app
  with an empty list (the ratio is what holds on a noisy machine);
- `set_rows` with a filtered subset (the filter itself is timed apart: it belongs to the search
  index, not the widget), and the paint of the new visible rows;
- a page-down: the action with the paint of the new rows, and the whole key press through Pilot
  (which adds Textual's own idle waits).
"Paint" here is the widget producing its visible lines (`render_lines`), each run with an empty
row cache so the figures are for rows never seen before. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
from collections.abc import Callable
from functools import partial

from textual.app import App, ComposeResult
from textual.geometry import Region

from peopletui.paths import styles_dir
from peopletui.ui.widgets.contact_list import ContactList, ContactRow

SIZE = (120, 40)

GIVEN = ("Ada", "Zoë", "Łukasz", "Jürgen", "Søren", "Ángel", "Chloé", "Noah", "Mia", "José")
FAMILY = ("Lovelace", "Müller", "Nowak", "García", "Dubois", "Nguyen", "O'Connor", "Yılmaz")
NATIVE = ("山田 太郎", "李 小龙", "김 민준", "محمد العلي", "דוד לוי", "Иван Петров", "Νίκος Παππάς")
FILTERS = ("er", "ia", "ov", "el", "os", "ar", "is", "on", "en", "no", "ga", "lo", "山", "김", "ch")


def make_rows(count: int) -> list[ContactRow]:
    rng = random.Random(25_000)
    rows = []
    for number in range(count):
        if number % 9 == 0:
            title = rng.choice(NATIVE)
        else:
            title = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        email = f"{title.split()[0].lower()}.{number}@example.com"
        rows.append(ContactRow(f"people/c{10**18 + number}", title, email))
    rows.sort(key=lambda row: row.title.casefold())
    return rows


class ListApp(App[None]):
    CSS_PATH = str(styles_dir() / "widgets.tcss")

    def __init__(self, rows: list[ContactRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield ContactList(self.rows)


def paint(contacts: ContactList) -> None:
    """Produce every visible line, as the compositor does on a refresh."""
    contacts.render_lines(Region(0, 0, contacts.size.width, contacts.size.height))


def cold(contacts: ContactList) -> None:
    # Bench-only: forget rendered rows, so each run lays out rows it has never seen.
    contacts._strips.clear()


def timed(*actions: Callable[[], object]) -> float:
    start = time.perf_counter()
    for action in actions:
        action()
    return time.perf_counter() - start


def matching(rows: list[ContactRow], needle: str) -> list[ContactRow]:
    return [row for row in rows if needle in row.title.casefold()]


def ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:8.2f} ms  (min {min(samples) * 1000:.2f})"


async def bench_mount(rows: list[ContactRow], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        async with ListApp(rows).run_test(size=SIZE) as pilot:
            await pilot.pause()
            samples.append(time.perf_counter() - start)
    return samples


async def bench_interactions(rows: list[ContactRow], runs: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {
        "filter (substring over titles)": [],
        "set_rows(filtered)": [],
        "set_rows(filtered) + paint": [],
        "set_rows(all 25,000) + paint": [],
        "page-down action + paint": [],
        "page-down key via Pilot": [],
    }
    async with ListApp(rows).run_test(size=SIZE) as pilot:
        contacts = pilot.app.query_one(ContactList)
        await pilot.pause()
        for run in range(runs):
            needle = FILTERS[run % len(FILTERS)]
            start = time.perf_counter()
            subset = matching(rows, needle)
            results["filter (substring over titles)"].append(time.perf_counter() - start)

            cold(contacts)
            replace = timed(partial(contacts.set_rows, subset))
            results["set_rows(filtered)"].append(replace)
            painted = timed(partial(paint, contacts))
            results["set_rows(filtered) + paint"].append(replace + painted)
            await pilot.pause()

            cold(contacts)
            results["set_rows(all 25,000) + paint"].append(
                timed(partial(contacts.set_rows, rows), partial(paint, contacts))
            )
            await pilot.pause()

            contacts.move_cursor(run * 997 % (len(rows) - 2 * SIZE[1]))  # room to page down
            await pilot.pause()
            cold(contacts)
            results["page-down action + paint"].append(
                timed(contacts.action_page_down, partial(paint, contacts))
            )
            await pilot.pause()

            cold(contacts)
            start = time.perf_counter()
            await pilot.press("pagedown")
            results["page-down key via Pilot"].append(time.perf_counter() - start)
    return results


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=25_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    rows = make_rows(args.count)
    print(f"ContactList with {len(rows):,} rows, headless {SIZE[0]}×{SIZE[1]}, {args.runs} runs")
    mount_runs = max(3, args.runs // 3)
    empty = await bench_mount([], mount_runs)
    mount = await bench_mount(rows, mount_runs)
    print(f"  {'mount to first paint, empty list':34} {ms(empty)}")
    print(f"  {'mount to first paint, all rows':34} {ms(mount)}")
    for name, samples in (await bench_interactions(rows, args.runs)).items():
        print(f"  {name:34} {ms(samples)}")


if __name__ == "__main__":
    asyncio.run(main())
