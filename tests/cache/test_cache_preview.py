"""`cache.preview.first_rows`: the rows the app paints before opening the account, read from the
real SQLite cache the services write, in the same order the book loads them."""

from __future__ import annotations

from pathlib import Path

from cache_people import make_person

from peopletui import query_book
from peopletui.cache import schema
from peopletui.cache.order import DISPLAY_ORDER
from peopletui.cache.preview import PREVIEW_ROWS, endpoint_account, first_rows
from peopletui.cache.store import CacheStore
from peopletui.paths import cache_dir


def _filled(account: str, count: int = 300) -> CacheStore:
    store = CacheStore.open_for_account(cache_dir(), account)
    # Names out of order, some without a name: the order is the cache's, not insertion's.
    people = [
        make_person(
            n,
            None if n % 7 == 0 else f"{chr(65 + n * 11 % 26)}person {n}",
            emails=[f"p{n}@example.test"],
        )
        for n in range(1, count + 1)
    ]
    store.replace_all(people, "sync-token")
    return store


def test_the_first_rows_are_the_books_first_rows_in_display_order() -> None:
    with _filled("ada@example.org") as store:
        expected = [(row.resource_name, row.title, row.subtitle) for row in store.index_rows(50)]
        assert len(store.index_rows(None)) == 300
    assert [tuple(row) for row in first_rows("ada@example.org", limit=50)] == expected
    assert len(first_rows("ada@example.org")) == PREVIEW_ROWS


def test_without_an_account_the_last_opened_one_is_shown() -> None:
    _filled("first@example.org", 20).close()
    _filled("last@example.org", 30).close()  # opened last
    assert len(first_rows(None)) == 30
    assert len(first_rows("first@example.org")) == 20


def test_an_endpoint_cache_is_found_under_its_url() -> None:
    _filled(endpoint_account("http://127.0.0.1:8765"), 10).close()
    assert len(first_rows(endpoint_account("http://127.0.0.1:8765"))) == 10


def test_nothing_cached_gives_no_rows_and_creates_nothing() -> None:
    assert first_rows("nobody@example.org") == []
    assert first_rows(None) == []
    folder = cache_dir()
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_corrupt_or_foreign_file_gives_no_rows(tmp_path: Path) -> None:
    with _filled("ada@example.org") as store:
        path = store.path
    path.write_bytes(b"not a database at all" * 100)
    assert first_rows("ada@example.org") == []


def test_the_first_rows_come_from_the_display_order_index_without_a_sort() -> None:
    with _filled("ada@example.org") as store:
        plan = store._connection.execute(
            f"EXPLAIN QUERY PLAN SELECT resource_name FROM people ORDER BY {DISPLAY_ORDER} LIMIT 5"
        ).fetchall()
    details = " ".join(str(row[-1]) for row in plan)
    assert "people_display_order" in details
    assert "TEMP B-TREE" not in details


def test_the_query_command_reads_every_schema_the_app_writes() -> None:
    assert query_book.NEWEST_SCHEMA == schema.SCHEMA_VERSION
