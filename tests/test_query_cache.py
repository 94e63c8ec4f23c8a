"""The cache's addresses table (schema v3) that `peopletui query` reads: kept in step with the
people by every write, in the same transaction, with its trigram index; filled on upgrade; and
the query module's stdlib copies of the cache's naming and folding rules."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from test_query import person

from peopletui import query_book, query_search
from peopletui.cache import files, schema
from peopletui.cache.store import CacheStore
from peopletui.cache.text import fold
from peopletui.paths import cache_dir

ACCOUNT = "ada@example.test"
GIVEN = ("Ada", "Zoë", "Jean-Luc", "Søren", "Anna", "José", "Mia")
FAMILY = ("Lovelace", "Müller", "O'Brien", "Weber", "García", "Nowak")


def random_person(rng: random.Random, number: int) -> dict[str, Any]:
    name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    emails = [
        f"{name.split()[0].lower()}.{number}.{k}@example.org" for k in range(rng.randrange(3))
    ]
    organization = rng.choice([None, "Acme", "Globex Corp"])
    return person(number, name, emails=emails, organization=organization)


def address_table(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return sorted(connection.execute("SELECT * FROM addresses").fetchall())


def assert_index_in_step(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO addresses_fts (addresses_fts) VALUES ('integrity-check')")
        haystacks = [row[0] for row in connection.execute("SELECT haystack FROM addresses")]
        for word in ("ada", "mül", "globex", "o'b", "example.org", ".1.", "zzz"):
            indexed = query_search.search(connection, word)
            expected = sum(fold(word) in haystack for haystack in haystacks)
            assert len(indexed) == expected, word


def expected_rows(people: dict[str, dict[str, Any]], path: Path) -> list[tuple[Any, ...]]:
    """What a cache rebuilt from scratch with these people holds."""
    fresh = path.with_name("fresh.sqlite3")
    fresh.unlink(missing_ok=True)
    with CacheStore.open(fresh, ACCOUNT) as cache:
        cache.replace_all(people.values(), None)
    return [row[1:] for row in _with_ids(fresh)]


def _with_ids(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return sorted(connection.execute("SELECT 0, * FROM addresses").fetchall())


def test_every_kind_of_write_keeps_addresses_and_their_index_in_step(tmp_path: Path) -> None:
    rng = random.Random(7)
    path = tmp_path / "book.sqlite3"
    people = {p["resourceName"]: p for p in (random_person(rng, n) for n in range(60))}
    with CacheStore.open(path, ACCOUNT) as cache:
        cache.replace_all(people.values(), "t0")
        for step in range(12):
            changed = [random_person(rng, rng.randrange(80)) for _ in range(rng.randrange(1, 6))]
            fresh = {p["resourceName"] for p in changed}
            gone = rng.sample(sorted(set(people) - fresh), 2)
            if step % 3 == 0:
                cache.put_many(changed)
                cache.delete_many(gone)
            else:  # a sync delta: upserts and tombstones together
                tombstones = [
                    {"resourceName": name, "metadata": {"deleted": True}} for name in gone
                ]
                cache.apply_delta([*changed, *tombstones], f"t{step}")
            people.update({p["resourceName"]: p for p in changed})
            for name in gone:
                people.pop(name, None)
            assert [row[1:] for row in _with_ids(path)] == expected_rows(people, path)
            assert_index_in_step(path)


def test_a_large_change_rebuilds_the_index_and_stays_in_step(tmp_path: Path) -> None:
    rng = random.Random(3)
    path = tmp_path / "book.sqlite3"
    with CacheStore.open(path, ACCOUNT) as cache:
        cache.replace_all([random_person(rng, n) for n in range(1500)], None)
        cache.put_many([random_person(rng, n) for n in range(200, 1400)])  # over the bulk limit
        cache.delete_many([f"people/c{n}" for n in range(0, 1200)])
    assert_index_in_step(path)


def test_a_failed_write_leaves_the_addresses_as_they_were(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite3"
    with CacheStore.open(path, ACCOUNT) as cache:
        cache.replace_all([person(1, "Ada", emails=["ada@example.org"])], None)
        before = address_table(path)
        with pytest.raises(ValueError):
            cache.put_many([person(2, "Bob", emails=["bob@example.org"]), {"names": []}])
    assert address_table(path) == before
    assert_index_in_step(path)


def test_a_version_2_cache_gets_its_addresses_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite3"
    with CacheStore.open(path, ACCOUNT) as cache:
        cache.replace_all([person(1, "Grace Hopper", emails=["grace@navy.example"])], None)
    with sqlite3.connect(path) as old:
        old.execute("DROP TABLE addresses_fts")
        old.execute("DROP TABLE addresses")
        old.execute("DROP INDEX people_display_order")  # v4
        old.execute("PRAGMA user_version = 2")
    with CacheStore.open(path, ACCOUNT) as cache:
        assert cache.open_report.found_version == 2
    assert [row[2:5] for row in address_table(path)] == [
        ("grace@navy.example", "Grace Hopper", "Home")
    ]
    assert_index_in_step(path)
    with sqlite3.connect(path) as upgraded:
        assert upgraded.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_without_the_trigram_index_the_search_scans_to_the_same_answer(tmp_path: Path) -> None:
    rng = random.Random(5)
    path = tmp_path / "book.sqlite3"
    with CacheStore.open(path, ACCOUNT) as cache:
        cache.replace_all([random_person(rng, n) for n in range(200)], None)
    with sqlite3.connect(path) as connection:
        indexed = {word: query_search.search(connection, word) for word in ("müller", "acme 1")}
        connection.execute("DROP TABLE addresses_fts")
        for word, matches in indexed.items():
            assert matches and query_search.search(connection, word) == matches


@pytest.mark.parametrize(
    "account",
    [
        "ada@example.test",
        "Ada.Lovelace+Tag@Example.ORG",
        "weird name!!@x",
        "ÉLODIE@exemple.fr",
        ".",
    ],
)
def test_query_names_cache_files_as_the_cache_does(account: str) -> None:
    assert query_book.cache_file_name(account) == files.cache_file_name(account)


@pytest.mark.parametrize("xdg", [None, "", "relative/path", "/absolute/cache"])
def test_query_finds_the_cache_folder_as_the_app_does(
    xdg: str | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME")
    else:
        monkeypatch.setenv(
            "XDG_CACHE_HOME", xdg if not xdg.startswith("/") else str(tmp_path) + xdg
        )
    assert query_book.cache_folder() == str(cache_dir())


@pytest.mark.parametrize(
    "text", ["  Ada  LOVELACE ", "tab\there", "ctl\x01\x1fx\x7fy", "", "a-b_c.d@e", "UPPER lower"]
)
def test_query_folds_ascii_as_the_cache_does(text: str) -> None:
    assert query_search.fold(text) == fold(text)


def test_query_folds_other_text_with_the_cache_rules() -> None:
    assert query_search.fold("ZOË Müller") == fold("ZOË Müller") == "zoe muller"


def test_opening_a_book_remembers_it_as_the_last_account() -> None:
    with CacheStore.open_for_account(cache_dir(), "one@example.test"):
        pass
    with CacheStore.open_for_account(cache_dir(), "two@example.test"):
        pass
    remembered = cache_dir() / files.LAST_ACCOUNT_FILE
    assert remembered.read_text(encoding="utf-8") == "two@example.test\n"
    assert remembered.stat().st_mode & 0o777 == 0o600
    assert query_book.last_account(str(cache_dir())) == "two@example.test"
