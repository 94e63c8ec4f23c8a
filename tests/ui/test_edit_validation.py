"""Checks of typed values: dates on the calendar, email and phone shapes, URLs, required keys."""

from __future__ import annotations

import pytest

from peopletui.ui.forms import validation
from peopletui.ui.forms.dates import DateError, format_date, parse_date
from peopletui.ui.forms.fields import SPECS_BY_NAME
from peopletui.ui.forms.mapping import blank_row, form_values
from peopletui.ui.forms.problems import form_problems, row_problems


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("1815-12-10", {"year": 1815, "month": 12, "day": 10}),
        ("12-10", {"month": 12, "day": 10}),
        ("--12-10", {"month": 12, "day": 10}),
        ("02-29", {"month": 2, "day": 29}),  # a leap-day birthday, year unknown
        ("2024-02-29", {"year": 2024, "month": 2, "day": 29}),
        ("1815-12", {"year": 1815, "month": 12}),
        ("1815", {"year": 1815}),
        (" 1815-1-5 ", {"year": 1815, "month": 1, "day": 5}),
    ],
)
def test_dates_that_parse(text: str, date: dict[str, int]) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-02-29", "2023 is not a leap year: February has 28 days"),
        ("2023-04-31", "April has 30 days"),
        ("02-30", "February has 29 days"),
        ("13-01", "The month must be 1–12"),
        ("2024-00-10", "The month must be 1–12"),
        ("2024-13", "The month must be 1–12"),
        ("12-00", "The day must be 1–31"),
        ("0000-01-01", "The year must be 1–9999"),
        ("10/12/1815", "Not a date: use YYYY-MM-DD, or MM-DD without a year"),
        ("yesterday", "Not a date: use YYYY-MM-DD, or MM-DD without a year"),
    ],
)
def test_dates_that_do_not(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert str(caught.value) == message
    assert validation.date(text) == message


@pytest.mark.parametrize(
    ("date", "text"),
    [
        ({"year": 1815, "month": 12, "day": 10}, "1815-12-10"),
        ({"month": 2, "day": 9}, "02-09"),
        ({"year": 987, "month": 6}, "0987-06"),
        ({"year": 1815}, "1815"),
        ({"day": 4}, ""),  # nothing this form can show; kept as it was unless edited
        ("not a date", ""),
    ],
)
def test_dates_are_shown(date: object, text: str) -> None:
    assert format_date(date) == text


@pytest.mark.parametrize("good", ["ada@example.com", "a.b+tag@mail.example.co.uk", "Δ@例え.jp"])
def test_good_emails(good: str) -> None:
    assert validation.email(good) is None


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("ada.example.com", "Not an email address: it needs an @, as in name@example.com"),
        ("ada@example", "Not an email address: expected name@example.com"),
        ("ada@@example.com", "Not an email address: expected name@example.com"),
        ("ada lovelace@example.com", "Not an email address: expected name@example.com"),
        ("ada@example.", "Not an email address: expected name@example.com"),
    ],
)
def test_bad_emails(bad: str, message: str) -> None:
    assert validation.email(bad) == message


@pytest.mark.parametrize(
    "good",
    ["+44 20 7946 0000", "(020) 7946-0000", "1-800-FLOWERS", "555 0100 ext. 12", "*31#", "٠١٢٣"],
)
def test_good_phones(good: str) -> None:
    assert validation.phone(good) is None


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("ada@example.com", "A phone number cannot contain '@'"),
        ("020\x077946", "A phone number cannot contain U+0007"),
        ("call me", "A phone number needs digits"),
        ("020 +7946", "A + can only start the number"),
    ],
)
def test_bad_phones(bad: str, message: str) -> None:
    assert validation.phone(bad) == message


@pytest.mark.parametrize(
    "good", ["https://example.com", "http://a.example/x?y#z", "ftp://files.example", "ada.dev/x"]
)
def test_good_urls(good: str) -> None:
    assert validation.url(good) is None


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("https://", "Not a web address: expected https://example.com/…"),
        ("my site", "A web address cannot contain spaces"),
        ("localhost", "Not a web address: expected https://example.com/…"),
    ],
)
def test_bad_urls(bad: str, message: str) -> None:
    assert validation.url(bad) == message


def test_other_checks() -> None:
    assert validation.language_tag("zh-Hant-TW") is None
    assert validation.language_tag("english!") is not None
    assert validation.country_code("gb") is None
    assert validation.country_code("GBR") == "Use the two-letter ISO code, such as GB or NL"
    assert validation.whole_number("50000") is None
    assert validation.whole_number("50%") is not None
    assert validation.sip_address("sip:ada@example.com") is None
    assert validation.sip_address("ada") is not None


def test_user_defined_and_client_data_need_a_key() -> None:
    for field in ("userDefined", "clientData"):
        spec = SPECS_BY_NAME[field]
        row = blank_row(spec)
        assert row_problems(spec, row) == {}  # a blank row is simply not sent
        row.values["value"] = "something"
        (column, message), *_ = row_problems(spec, row).items()
        assert column == "key"
        assert message.endswith("is required, or remove the row")


def test_an_enum_column_accepts_only_its_values() -> None:
    spec = SPECS_BY_NAME["nicknames"]
    row = blank_row(spec)
    row.values.update(value="Ada", type="maiden name")
    assert row_problems(spec, row) == {}
    row.values["type"] = "favourite"
    assert row_problems(spec, row) == {
        "type": "Choose one of: maiden name, initials, gplus, other name, alternate name, "
        "short name"
    }


def test_problems_name_the_row_and_column() -> None:
    state = form_values(None)
    email = blank_row(SPECS_BY_NAME["emailAddresses"])
    email.values["value"] = "nope"
    state["emailAddresses"].append(email)
    state["birthdays"][0].values["date"] = "2023-02-29"
    problems = list(form_problems(state))
    assert [(p.field, p.row_key, p.column) for p in problems] == [
        ("emailAddresses", email.key, "value"),
        ("birthdays", state["birthdays"][0].key, "date"),
    ]
    assert problems[0].describe().startswith("Email: Not an email address")
    assert problems[1].describe() == "Birthday date: 2023 is not a leap year: February has 28 days"
