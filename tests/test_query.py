"""`peopletui query`: formats, matching, safe output and account selection, run in-process
through the real entry point (`peopletui.__main__.main`) against caches in a temporary folder
(conftest points XDG_CACHE_HOME there)."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from peopletui.__main__ import main
from peopletui.cache.store import CacheStore
from peopletui.paths import cache_dir

ACCOUNT = "ada@example.test"


def person(
    number: int,
    name: str | None = None,
    *,
    emails: Sequence[str | tuple[str, str]] = (),
    nicknames: Sequence[str] = (),
    organization: str | None = None,
) -> dict[str, Any]:
    """A person as the People API sends it (with the server's formattedType); an email given
    as (value, type) has that type."""
    found: dict[str, Any] = {"resourceName": f"people/c{number}", "etag": f"%E{number}"}
    if name is not None:
        found["names"] = [{"displayName": name, "metadata": {"primary": True}}]
    entries = []
    for index, email in enumerate(emails):
        value, kind = email if isinstance(email, tuple) else (email, "home")
        entry = {"value": value, "type": kind, "formattedType": kind.capitalize()}
        entries.append({**entry, "metadata": {"primary": index == 0}})
    if entries:
        found["emailAddresses"] = entries
    if nicknames:
        found["nicknames"] = [{"value": nickname} for nickname in nicknames]
    if organization is not None:
        found["organizations"] = [{"name": organization}]
    return found


BOOK = [
    person(1, "Ada Lovelace", emails=["ada@example.org", ("ada@work.example", "work")]),
    person(2, "Zoë Müller", emails=["zoe@example.org"], organization="Acme"),
    person(3, "Grace Hopper", emails=["grace@navy.example"], nicknames=["Amazing Grace"]),
    person(4, "Charles Babbage", emails=["charles@engines.example"], organization="Analytical"),
    person(5, "No Address"),
]


def fill(account: str, people: Sequence[dict[str, Any]]) -> None:
    with CacheStore.open_for_account(cache_dir(), account) as cache:
        cache.replace_all(people, "token")


@pytest.fixture
def book() -> None:
    fill(ACCOUNT, BOOK)


class Result:
    def __init__(self, status: int, out: str, err: str) -> None:
        self.status, self.out, self.err = status, out, err

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


@pytest.fixture
def query() -> Iterator[Any]:
    """Run `peopletui query ARGS` in-process; returns its status, stdout and stderr."""

    def run(*args: str) -> Result:
        out, err = io.TextIOWrapper(io.BytesIO(), "utf-8"), io.StringIO()
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        try:
            status = main(["query", *args])
        finally:
            sys.stdout, sys.stderr = saved
        out.flush()
        buffer = out.buffer
        assert isinstance(buffer, io.BytesIO)
        return Result(status, buffer.getvalue().decode("utf-8"), err.getvalue())

    yield run


# -- formats ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("book")
def test_mutt_format_starts_with_a_status_line(query: Any) -> None:
    result = query("--format", "mutt", "grace")
    assert result.status == 0
    assert result.lines == ["peopletui: 1 match", "grace@navy.example\tGrace Hopper\tHome"]


@pytest.mark.usefixtures("book")
def test_mutt_is_the_default_format(query: Any) -> None:
    assert query("grace").lines[0] == "peopletui: 1 match"


@pytest.mark.usefixtures("book")
def test_aerc_and_tsv_formats_have_no_header(query: Any) -> None:
    for output_format in ("aerc", "tsv"):
        result = query("--format", output_format, "charles")
        assert result.status == 0
        assert result.lines == ["charles@engines.example\tCharles Babbage\tAnalytical (Home)"]


@pytest.mark.usefixtures("book")
def test_json_format_is_an_array_of_objects(query: Any) -> None:
    result = query("--format=json", "zoe")
    assert result.status == 0
    assert json.loads(result.out) == [
        {
            "address": "zoe@example.org",
            "name": "Zoë Müller",
            "extra": "Acme (Home)",
            "resource_name": "people/c2",
        }
    ]


@pytest.mark.usefixtures("book")
def test_every_address_of_a_multi_email_contact_is_a_line_primary_first(query: Any) -> None:
    result = query("--format", "tsv", "lovelace")
    assert result.lines == [
        "ada@example.org\tAda Lovelace\tHome",
        "ada@work.example\tAda Lovelace\tWork",
    ]


@pytest.mark.usefixtures("book")
def test_a_query_on_one_address_lists_that_address_alone(query: Any) -> None:
    assert query("--format", "tsv", "ada@work").lines == ["ada@work.example\tAda Lovelace\tWork"]


@pytest.mark.usefixtures("book")
def test_no_match_exits_1_with_a_status_line_for_mutt(query: Any) -> None:
    result = query("--format", "mutt", "nobody-here")
    assert result.status == 1
    assert result.lines == ["peopletui: no match"]
    assert query("--format", "aerc", "nobody-here").out == ""
    assert json.loads(query("--format", "json", "nobody-here").out) == []


# -- matching --------------------------------------------------------------------------------


@pytest.mark.usefixtures("book")
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("MULLER", "zoe@example.org"),  # case and accents ignored
        ("müll", "zoe@example.org"),
        ("amazing", "grace@navy.example"),  # nickname
        ("acme", "zoe@example.org"),  # organization
        ("navy.ex", "grace@navy.example"),  # address
        ("hopper grace", "grace@navy.example"),  # every word, in any order
        ("engines babb", "charles@engines.example"),  # words from the address and the name
    ],
)
def test_matches_names_nicknames_organizations_and_addresses(
    query: Any, typed: str, expected: str
) -> None:
    result = query("--format", "tsv", typed)
    assert [line.split("\t")[0] for line in result.lines] == [expected]


@pytest.mark.usefixtures("book")
def test_query_words_in_several_arguments_are_joined(query: Any) -> None:
    # mutt quotes %s itself, so a query_command that quotes it too splits the words.
    assert query("--format", "tsv", "grace", "hopper").lines[0].startswith("grace@navy")


@pytest.mark.usefixtures("book")
def test_an_empty_query_lists_every_address(query: Any) -> None:
    assert len(query("--format", "tsv", "").lines) == 5


def test_word_starts_rank_first(query: Any) -> None:
    fill(
        ACCOUNT,
        [
            person(1, "Anna Bell", emails=["a@x.example"]),
            person(2, "Joanna", emails=["j@x.example"]),
        ],
    )
    names = [line.split("\t")[1] for line in query("--format", "tsv", "anna").lines]
    assert names == ["Anna Bell", "Joanna"]


# -- safe output -----------------------------------------------------------------------------


def test_commas_quotes_and_tabs_in_names_never_break_columns(query: Any) -> None:
    fill(
        ACCOUNT,
        [
            person(1, 'Weber, Anna "Annie"', emails=["anna@example.org"]),
            person(2, "Tab\tIn\tName", emails=["tab@example.org"], organization="Org\tX"),
        ],
    )
    result = query("--format", "mutt", "")
    assert result.lines[1:] == [
        "tab@example.org\tTab In Name\tOrg X (Home)",
        'anna@example.org\tWeber, Anna "Annie"\tHome',
    ]
    assert all(line.count("\t") == 2 for line in result.lines[1:])


def test_untrusted_characters_are_stripped_from_the_output(query: Any) -> None:
    evil = "\x1b[31mEve\x1b[0m \u202eliam\u202c\x9b2J\x07 \x1b]8;;http://x\x07link\x1b]8;;\x07"
    fill(
        ACCOUNT,
        [
            person(1, evil, emails=["eve@example.org"], organization="Line\nBreak\rCo"),
            person(2, "Bad Addresses", emails=["x\x1b[2J@example.org", "two@a, three@b"]),
        ],
    )
    result = query("--format", "tsv", "")
    assert result.lines == ["eve@example.org\tEve liam link\tLine Break Co (Home)"]
    for line in result.lines:
        assert all(char.isprintable() or char == "\t" for char in line)


def test_addresses_a_mail_client_would_misread_are_left_out(query: Any) -> None:
    fill(
        ACCOUNT,
        [
            person(
                1,
                "Several",
                emails=["Ann <ann@example.org>", "a@b, c@d", "no-at-sign", "ok@example.org"],
            )
        ],
    )
    assert query("--format", "tsv", "several").lines == ["ok@example.org\tSeveral\tHome"]


def test_a_nameless_contact_is_named_by_its_organization_and_never_shifts_columns(
    query: Any,
) -> None:
    fill(
        ACCOUNT,
        [
            person(1, emails=["desk@acme.example"], organization="Acme Support"),
            person(2, emails=[("anon@example.org", "work")]),
        ],
    )
    assert query("--format", "tsv", "").lines == [
        "desk@acme.example\tAcme Support\tHome",
        "anon@example.org\t\t",  # no extra after an empty name: mutt's strtok would shift it
    ]


# -- accounts --------------------------------------------------------------------------------


def test_the_last_opened_account_is_the_default(query: Any) -> None:
    fill("first@example.test", [person(1, "First Person", emails=["one@example.org"])])
    fill("second@example.test", [person(1, "Second Person", emails=["two@example.org"])])
    assert (cache_dir() / "last-account").read_text() == "second@example.test\n"
    assert query("--format", "tsv", "person").lines == ["two@example.org\tSecond Person\tHome"]
    assert query("--account", "first@example.test", "--format", "tsv", "person").lines == [
        "one@example.org\tFirst Person\tHome"
    ]


def test_the_only_cache_is_used_when_no_account_was_remembered(query: Any) -> None:
    fill("demo@example.org", [person(1, "Demo Person", emails=["demo@example.org"])])
    (cache_dir() / "last-account").unlink()
    assert query("--format", "tsv", "demo").lines == ["demo@example.org\tDemo Person\tHome"]


def test_several_caches_and_no_remembered_account_ask_for_one(query: Any) -> None:
    fill("first@example.test", [person(1, "A", emails=["a@example.org"])])
    fill("second@example.test", [person(1, "B", emails=["b@example.org"])])
    (cache_dir() / "last-account").unlink()
    result = query("--format", "mutt", "a")
    assert result.status == 2
    message = "several accounts have contacts here. Choose one with --account: "
    assert message + "first@example.test, second@example.test." in result.err
    assert result.lines[0].startswith("peopletui: several accounts")  # mutt shows line one


def test_an_unknown_account_is_named_in_the_error(query: Any) -> None:
    fill(ACCOUNT, BOOK)
    result = query("--account", "who@example.test", "ada")
    assert result.status == 2
    assert "no contacts of who@example.test are cached here" in result.err
    assert ACCOUNT in result.err


def test_no_cache_at_all_says_to_open_the_app_once(query: Any) -> None:
    result = query("--format", "aerc", "ada")
    assert result.status == 2
    assert "open peopletui once" in result.err
    assert result.out == ""


def test_an_older_cache_is_upgraded_on_first_query(query: Any, tmp_path: Path) -> None:
    import sqlite3

    fill(ACCOUNT, BOOK)
    path = next(cache_dir().glob("people-*.sqlite3"))
    with sqlite3.connect(path) as old:  # back to version 2: no addresses table
        old.execute("DROP TABLE addresses_fts")
        old.execute("DROP TABLE addresses")
        old.execute("DROP INDEX people_display_order")  # v4
        old.execute("PRAGMA user_version = 2")
    assert query("--format", "tsv", "grace").lines == ["grace@navy.example\tGrace Hopper\tHome"]


# -- command line ----------------------------------------------------------------------------


def test_usage_errors_exit_2(query: Any) -> None:
    assert query("--format", "xml", "a").status == 2
    assert query("--colour", "a").status == 2
    assert query().status == 2
    assert query("--account").status == 2
    help_result = query("--help")
    assert help_result.status == 0
    assert help_result.out.startswith("usage: peopletui query")


@pytest.mark.usefixtures("book")
@pytest.mark.parametrize("typed", ['a"b', "*", "ada*", "%_%", "o'", "NEAR(x)", "-", "@"])
def test_query_syntax_characters_are_plain_text(query: Any, typed: str) -> None:
    result = query("--format", "tsv", typed)
    assert result.status in (0, 1)
    assert result.err == ""
