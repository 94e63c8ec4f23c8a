"""Google's `Date` (year, month, day; any of them 0 or absent) typed as short text.

Forms: "1815-12-10", "12-10" or "--12-10" (no year), "1815-12" (year and month), "1815" (a year).
Month and day are checked against the calendar; February 29 needs a leap year or no year.
"""

from __future__ import annotations

import calendar
import re
from typing import Any, Final

_FULL: Final = re.compile(r"(\d{1,4})-(\d{1,2})-(\d{1,2})")
_YEAR_MONTH: Final = re.compile(r"(\d{4})-(\d{1,2})")
_MONTH_DAY: Final = re.compile(r"(?:--)?(\d{1,2})-(\d{1,2})")
_YEAR: Final = re.compile(r"\d{4}")

FORMAT_HELP: Final = "use YYYY-MM-DD, or MM-DD without a year"


class DateError(ValueError):
    """The text is not a date; the message says what to fix."""


def parse_date(text: str) -> dict[str, int]:
    """The Date JSON for `text` (only the non-zero parts, as proto3 JSON writes it).

    Raises:
        DateError: the text is not a date, or not one on the calendar.
    """
    text = text.strip()
    if match := _FULL.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        _check_year(year)
        _check_day(year, month, day)
    elif match := _YEAR_MONTH.fullmatch(text):
        year, month, day = int(match[1]), int(match[2]), 0
        _check_year(year)
        _check_month(month)
    elif match := _MONTH_DAY.fullmatch(text):
        year, month, day = 0, int(match[1]), int(match[2])
        _check_day(year, month, day)
    elif _YEAR.fullmatch(text):
        year, month, day = int(text), 0, 0
        _check_year(year)
    else:
        raise DateError(f"Not a date: {FORMAT_HELP}")
    parts = {"year": year, "month": month, "day": day}
    return {key: value for key, value in parts.items() if value}


def _check_year(year: int) -> None:
    if not 1 <= year <= 9999:
        raise DateError("The year must be 1–9999")


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise DateError("The month must be 1–12")


def _check_day(year: int, month: int, day: int) -> None:
    _check_month(month)
    if day < 1:
        raise DateError("The day must be 1–31")
    # With no year, February 29 is allowed: a birthday on a leap day.
    longest = 29 if month == 2 and not year else calendar.monthrange(year, month)[1]
    if day > longest:
        if month == 2 and day == 29:
            raise DateError(f"{year} is not a leap year: February has 28 days")
        raise DateError(f"{calendar.month_name[month]} has {longest} days")


def format_date(date: Any) -> str:
    """The text form of a Date JSON object ("" when it has nothing this form can show)."""
    if not isinstance(date, dict):
        return ""
    year, month, day = (_int(date.get(key)) for key in ("year", "month", "day"))
    if year and month and day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if year and month:
        return f"{year:04d}-{month:02d}"
    if month and day:
        return f"{month:02d}-{day:02d}"
    if year and not day:
        return f"{year:04d}"
    return ""


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
