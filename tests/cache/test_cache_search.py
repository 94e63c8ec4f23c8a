"""SearchIndex: folding (case, accents, special letters), phones by digits, multi-word queries,
the ranking, incremental updates, scripts other than Latin, and the display order."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from cache_people import make_person, tombstone

from peopletui.cache.search import SearchIndex

RECORDED_PERSON = (
    Path(__file__).resolve().parent.parent
    / "reference/recorded/allodia-email-calendar-sync-engine/contacts/person.json"
)


def names(index: SearchIndex, query: str, limit: int | None = None) -> list[str]:
    return index.search(query, limit).resource_names


@pytest.mark.parametrize(
    ("query", "stored"),
    [
        ("zoe", "Zoë Kravitz"),
        ("ZOË", "Zoe Kravitz"),
        ("lukasz", "Łukasz Nowak"),
        ("muller", "Jürgen Müller"),
        ("MÜLLER", "Jurgen Muller"),
        ("strasse", "Anna Straße"),
        ("soren", "Søren Kierkegaard"),
        ("aeron", "Ærøn Dahl"),
        ("francois", "François Dubois"),
        ("dorte", "Dörte Ørsted"),
        ("orsted", "Dörte Ørsted"),
        ("istanbul", "İstanbul Tours"),
        ("ｔａｒｏ", "Taro Yamada"),  # full-width letters typed on a CJK keyboard
        ("o'brien", "Conan O’Brien"),  # a typographic apostrophe in the data
    ],
)
def test_case_and_accents_do_not_matter(query: str, stored: str) -> None:
    index = SearchIndex.build([make_person(1, stored), make_person(2, "Someone Else")])
    assert names(index, query) == ["people/c1"]


def test_phone_numbers_are_found_by_their_digits_and_national_form() -> None:
    index = SearchIndex.build(
        [
            make_person(1, "Ada", phones=[("+31 6 1234 5678", "+31612345678")]),
            make_person(2, "Bob", phones=["(415) 555-0164"]),
            make_person(3, "Cy", phones=["+44 20 7946 0123"]),
            make_person(4, "Dee", phones=["+1 212-555-0199"]),
        ]
    )
    assert names(index, "0612") == ["people/c1"]  # "+31 6 12…" as dialled at home
    assert names(index, "06-1234") == ["people/c1"]
    assert names(index, "3161234") == ["people/c1"]
    assert names(index, "4155550164") == ["people/c2"]
    assert names(index, "555-0164") == ["people/c2"]
    assert names(index, "020 7946") == ["people/c3"]  # two words, both digits of one number
    assert names(index, "0207946") == ["people/c3"]  # no canonicalForm: derived from "+44"
    assert names(index, "2125550199") == ["people/c4"]
    assert names(index, "555") == ["people/c2", "people/c4"]


def test_every_word_must_match_somewhere() -> None:
    index = SearchIndex.build(
        [
            make_person(1, "Ada Lovelace", organization="Analytical Engines"),
            make_person(2, "Ada Smith", organization="Initech"),
            make_person(3, "Grace Lovelace"),
        ]
    )
    assert names(index, "ada love") == ["people/c1"]
    assert names(index, "love ada") == ["people/c1"]
    assert names(index, "ada initech") == ["people/c2"]
    assert names(index, "lovelace") == ["people/c1", "people/c3"]
    assert names(index, "ada nobody") == []


def test_fields_that_are_searched() -> None:
    index = SearchIndex.build(
        [
            make_person(1, "Ada", nicknames=["Countess"]),
            make_person(2, "Bob", emails=["bob.builder@works.example"]),
            make_person(3, "Cy", organization="Globex", title="Chief Chef", department="Kitchens"),
            make_person(4, "Dee", notes="Met at the Lisbon conference"),
            make_person(5, "Eve", given="Eve", family="Yamada", phonetic="Yamada Ibu"),
        ]
    )
    for query, expected in [
        ("countess", "people/c1"),
        ("works.example", "people/c2"),
        ("globex", "people/c3"),
        ("chef", "people/c3"),
        ("kitchen", "people/c3"),
        ("lisbon", "people/c4"),
        ("ibu", "people/c5"),
    ]:
        assert names(index, query) == [expected], query


def test_ranking_from_exact_name_to_notes() -> None:
    people = [
        make_person(8, "Eve", notes="Met Anna at the station"),  # notes only
        make_person(7, "Dave", organization="Savannah Labs"),  # substring elsewhere
        make_person(6, "Joanna Smith"),  # substring in the name
        make_person(5, "Carl Jones", nicknames=["Annabelle"]),  # nickname prefix
        make_person(4, "Bob Stone", emails=["anna.stone@example.test"]),  # email prefix
        make_person(3, "Maria Annabel"),  # a later word of the name starts with it
        make_person(2, "Anna Karenina"),  # the name starts with it
        make_person(1, "Anna"),  # exact
    ]
    index = SearchIndex.build(people)

    result = index.search("anna")

    assert result.resource_names == [f"people/c{n}" for n in (1, 2, 3, 4, 5, 7, 6, 8)]
    assert result.total == 8
    limited = index.search("Anna", limit=3)
    assert (limited.resource_names, limited.total) == (["people/c1", "people/c2", "people/c3"], 8)


def test_multi_word_ranking_prefers_names() -> None:
    index = SearchIndex.build(
        [
            make_person(1, "Zed", emails=["ada@example.test"], organization="Lovelace Ltd"),
            make_person(2, "Ada Lovelace"),
            make_person(3, "Ada King", nicknames=["Lovelace"]),
        ]
    )
    assert names(index, "ada lovelace") == ["people/c2", "people/c3", "people/c1"]


def test_upsert_and_remove_update_the_index_and_forget_remembered_queries() -> None:
    index = SearchIndex.build([make_person(1, "Zoe Adams"), make_person(2, "Bob")])
    assert names(index, "zo") == ["people/c1"]  # remembered for narrowing

    index.upsert(make_person(3, "Zora Neale"))
    assert names(index, "zor") == ["people/c3"]
    assert names(index, "zo") == ["people/c1", "people/c3"]

    index.upsert(make_person(1, "Yolanda Adams"))  # renamed
    assert names(index, "zo") == ["people/c3"]
    assert names(index, "yol") == ["people/c1"]

    index.remove("people/c3")
    index.upsert(tombstone(2))
    index.remove("people/c404")  # unknown: nothing happens
    assert names(index, "zo") == []
    assert index.all_in_display_order() == ["people/c1"]
    assert len(index) == 1 and "people/c1" in index and "people/c2" not in index

    index.upsert(make_person(4, "Abe"))  # reuses a freed slot
    assert index.all_in_display_order() == ["people/c4", "people/c1"]


def test_the_same_person_twice_in_a_build_counts_once() -> None:
    index = SearchIndex.build([make_person(1, "Old Name"), make_person(1, "New Name")])
    assert index.all_in_display_order() == ["people/c1"]
    assert names(index, "old") == []
    assert names(index, "new") == ["people/c1"]


def test_typing_on_gives_the_same_answers_as_a_fresh_index() -> None:
    rng = random.Random(5)
    first = ["Ada", "Zoë", "Łukasz", "Anna", "Jean-Luc", "Bob", "Maria", "محمد", "山田"]
    last = ["Lovelace", "Müller", "Nowak", "Picard", "O'Connor", "Smith", "العلي", "太郎"]
    people = [
        make_person(
            n,
            f"{rng.choice(first)} {rng.choice(last)}",
            emails=[f"user{n}@example.test"],
            phones=[f"+31 6 {rng.randrange(10**7, 10**8)}"],
            notes=rng.choice(["", "anna's colleague", "met in Łódź"]),
        )
        for n in range(300)
    ]
    typing = SearchIndex.build(people)
    for phrase in ["anna lov", "jean-luc pic", "muller ada", "0612", "ada  x", "лод", "محمد ال"]:
        for end in range(1, len(phrase) + 1):
            query = phrase[:end]
            assert typing.search(query) == SearchIndex.build(people).search(query), query
        for end in range(len(phrase), 0, -1):  # and deleting back again
            query = phrase[:end]
            assert typing.search(query) == SearchIndex.build(people).search(query), query


def test_right_to_left_and_cjk_names_are_found_by_substring() -> None:
    index = SearchIndex.build(
        [
            make_person(1, "محمد العلي"),
            make_person(2, "דוד לוי"),
            make_person(3, "山田太郎"),
            make_person(4, "김민준"),
            make_person(5, "Ahmed Ali"),
            make_person(6, "مُحَمَّد"),  # with harakat, which users rarely type
        ]
    )
    assert names(index, "العلي") == ["people/c1"]
    assert names(index, "علي") == ["people/c1"]
    assert names(index, "לוי") == ["people/c2"]
    assert names(index, "太郎") == ["people/c3"]
    assert names(index, "田") == ["people/c3"]
    assert names(index, "민준") == ["people/c4"]
    # Without its harakat the name is exactly the query, so it ranks first.
    assert names(index, "محمد") == ["people/c6", "people/c1"]


def test_empty_query_returns_everyone_in_display_order() -> None:
    people = [
        make_person(1, None, emails=["zed@example.test"]),
        make_person(2, "fiona Apple"),
        make_person(3),  # nothing at all: "(no name)"
        make_person(4, "Émile Zola"),
        make_person(5, None, phones=["+1 555 0100"]),
        make_person(6, "Edgar Allan Poe"),
        make_person(7, None, emails=["anne@example.test"]),
        make_person(8, "Zoë"),
        make_person(9, "Zoe"),
    ]
    index = SearchIndex.build(people)
    # Named people by folded name (ties by resource name), then by email or phone, then nobody.
    everyone = [f"people/c{n}" for n in (6, 4, 2, 8, 9, 5, 7, 1, 3)]

    assert index.all_in_display_order() == everyone
    for blank in ("", "   ", " - "):
        result = index.search(blank)
        assert result.resource_names == index.all_in_display_order()
        assert result.total == 9
    assert index.search("", limit=2).resource_names == everyone[:2]


def test_hostile_text_neither_breaks_nor_fakes_matches() -> None:
    index = SearchIndex.build(
        [
            make_person(1, "Ada\x01Love\nlace\x1b[31m"),
            make_person(2, "x" * 10_000, notes="y" * 100_000),
        ]
    )
    assert names(index, "love") == ["people/c1"]
    assert names(index, "ada love") == ["people/c1"]
    assert names(index, "\x01") == names(index, "")
    assert names(index, "xxxx") == ["people/c2"]
    assert names(index, "yyyy") == ["people/c2"]


def test_a_recorded_google_person_is_indexed() -> None:
    person: dict[str, Any] = json.loads(RECORDED_PERSON.read_text(encoding="utf-8"))
    index = SearchIndex.build([person])
    for query in ("lovelace", "dr. ada", "byron", "0612", "analytical", "principal", "fixture"):
        assert names(index, query) == [person["resourceName"]], query
