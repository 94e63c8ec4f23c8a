"""A big book's start: its first rows in display order are readable (and announced) before the
whole cache is loaded, so the list paints them at once; a small book loads in one step."""

from __future__ import annotations

from book_harness import Books

from peopletui.emulator import Emulator
from peopletui.services.events import BookChanged, Event
from peopletui.services.local import FIRST_ROWS, FIRST_ROWS_ABOVE


async def _start_seeing_loads(books: Books, emulator: Emulator) -> list[list[str]]:
    """Start a second time on a filled cache; each full reload's names, as the event saw them."""
    await books.close(await books.open(emulator))
    opened = await books.open(emulator, start=False)
    seen: list[list[str]] = []

    def record(event: Event) -> None:
        if isinstance(event, BookChanged) and event.everything:
            seen.append(opened.book.names_in_order())

    opened.book.events.subscribe(record)
    await opened.book.start(sync=False)
    return seen


async def test_a_big_book_shows_its_first_rows_before_the_rest(books: Books) -> None:
    emulator = Emulator(contacts=FIRST_ROWS_ABOVE + 100, seed=31)
    seen = await _start_seeing_loads(books, emulator)
    assert len(seen) == 2
    first, whole = seen
    assert len(whole) == FIRST_ROWS_ABOVE + 100
    assert first == whole[:FIRST_ROWS]


async def test_a_small_book_loads_in_one_step(books: Books) -> None:
    seen = await _start_seeing_loads(books, Emulator(contacts=50, seed=32))
    assert [len(names) for names in seen] == [50]
