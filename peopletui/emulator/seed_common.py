"""Building blocks shared by the contact and directory generators: names, phones, addresses,
unique e-mail addresses and per-person random streams.
"""

from __future__ import annotations

import random
import re
import string
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any, Literal, TypeVar

from .seed_cultures import CULTURES, Culture, NamePart, Place

T = TypeVar("T")


@dataclass(frozen=True)
class SeedContact:
    """One contact of the demo book: a createContact body and an optional photo."""

    person: dict[str, Any]
    """A createContact request body: proto3 JSON, camelCase keys, writable fields only."""
    photo: bytes | None
    """JPEG or PNG bytes."""


@dataclass(frozen=True)
class SeedDirectoryPerson:
    """One person of the seeded Workspace directory."""

    person: dict[str, Any]
    kind: Literal["profile", "domain_contact"]
    photo: bytes | None


def person_rng(seed: int, stream: int, index: int) -> random.Random:
    """The random stream of one generated person.

    Each person has a stream of its own, so person N is the same whatever the total count, and the
    output does not depend on how many random numbers earlier people happened to draw.
    """
    return random.Random(((seed % 2**64) << 40) | (stream << 32) | index)


_CULTURE_WEIGHTS = list(accumulate(culture.weight for culture in CULTURES))


def pick_culture(rng: random.Random) -> Culture:
    return weighted_pick(rng, CULTURES, _CULTURE_WEIGHTS)


def weighted_pick(rng: random.Random, population: Sequence[T], cum_weights: Sequence[int]) -> T:
    """``rng.choices(population, cum_weights=cum_weights)[0]``: the same single draw and the same
    pick (the formula of `random.choices`), without its list and checks, which took a tenth of
    the generators' time in the 70,000 weighted picks of a 25,000-contact book."""
    total = cum_weights[-1] + 0.0
    return population[bisect(cum_weights, rng.random() * total, 0, len(population) - 1)]


def fill(template: str, rng: random.Random) -> str:
    """Replace each `#` in `template` with a random digit and each `@` with a capital letter."""
    pieces = []
    for literal, wildcards in _template_runs(template):
        pieces.append(literal)
        if wildcards.startswith("#"):  # one draw per run of digits: phones have eight or more
            pieces.append(f"{rng.randrange(10 ** len(wildcards)):0{len(wildcards)}d}")
        elif wildcards:
            pieces.append("".join(rng.choices(string.ascii_uppercase, k=len(wildcards))))
    return "".join(pieces)


@cache
def _template_runs(template: str) -> tuple[tuple[str, str], ...]:
    """`"+1 555-01##"` → `(("+1 555-01", "##"),)`: literal text, then a run of one wildcard."""
    return tuple(
        (match[1], match[2]) for match in re.finditer(r"([^#@]*)(#+|@+|$)", template) if match[0]
    )


@dataclass(frozen=True)
class GeneratedName:
    name: dict[str, str]
    """The `Person.names[0]` body."""
    given: NamePart
    family: NamePart
    female: bool
    culture: Culture


_PHONETIC_CHANCE = {"ja": 1.0, "zh": 0.6, "ko": 0.3}


def generate_name(rng: random.Random, culture: Culture) -> GeneratedName:
    female = rng.random() < 0.5
    given = rng.choice(culture.female if female else culture.male)
    family = rng.choice(culture.family)[1 if female else 0]
    latin = rng.random() < culture.latin_chance
    name = {
        "givenName": given.romanised if latin else given.native,
        "familyName": family.romanised if latin else family.native,
    }
    if culture.double_family and rng.random() < 0.4:
        second = rng.choice(culture.family)[1 if female else 0]
        if second is not family:
            name["familyName"] += " " + second.native
    middles = culture.middle_female if female else culture.middle_male
    if middles and rng.random() < 0.6:
        middle = rng.choice(middles)
        name["middleName"] = middle.romanised if latin else middle.native
    elif culture.key == "us" and rng.random() < 0.15:
        name["middleName"] = rng.choice(string.ascii_uppercase) + "."
    if (
        not latin
        and given.phonetic
        and family.phonetic
        and rng.random() < _PHONETIC_CHANCE.get(culture.key, 0.0)
    ):
        name["phoneticGivenName"] = given.phonetic
        name["phoneticFamilyName"] = family.phonetic
    if rng.random() < 0.03:
        name["honorificPrefix"] = rng.choice(("Dr.", "Prof."))
    return GeneratedName(name, given, family, female, culture)


def generate_phone(rng: random.Random, culture: Culture) -> str:
    return fill(rng.choice(culture.phones), rng)


def generate_address(rng: random.Random, culture: Culture, kind: str) -> dict[str, str]:
    place: Place = rng.choice(culture.places)
    street = place.street_format.format(
        s=rng.choice(place.streets), n=rng.randint(1, 199), m=rng.randint(1, 9)
    )
    address = {"type": kind, "streetAddress": street, "city": place.city}
    if place.po_box and rng.random() < 0.5:
        address["poBox"] = fill(place.po_box, rng)
    if place.region:
        address["region"] = place.region
    address["postalCode"] = fill(place.postal, rng)
    address["country"] = place.country
    address["countryCode"] = place.country_code
    return address


_LOCAL_ALLOWED = frozenset(string.ascii_lowercase + string.digits + "._-")


def email_local_part(rng: random.Random, given: str, family: str) -> str:
    """A mailbox name in one of the common shapes: `ana.silva`, `asilva`, `silva.ana84`…"""
    shape = rng.randrange(6)
    if shape == 0:
        local = f"{given}.{family}"
    elif shape == 1:
        local = f"{given}{family}"
    elif shape == 2:
        local = f"{given[:1]}{family}"
    elif shape == 3:
        local = f"{family}.{given}"
    elif shape == 4:
        local = f"{given}_{family}"
    else:
        local = f"{given}.{family}{rng.randint(1, 99)}"
    return "".join(char for char in local if char in _LOCAL_ALLOWED).strip(".") or "contact"


class EmailBook:
    """Hands out e-mail addresses, each at most once, numbering repeats (`ana.silva2@…`)."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken: set[str] = set(taken or ())
        self._next_suffix: dict[str, int] = {}

    def claim(self, local: str, domain: str) -> str:
        address = f"{local}@{domain}"
        if address not in self._taken:
            self._taken.add(address)
            return address
        suffix = self._next_suffix.get(address, 2)
        while (candidate := f"{local}{suffix}@{domain}") in self._taken:
            suffix += 1
        self._next_suffix[address] = suffix + 1
        self._taken.add(candidate)
        return candidate


def emails_in(person: dict[str, Any]) -> set[str]:
    return {email["value"] for email in person.get("emailAddresses", ())}


# Small constructors for hand-written createContact bodies (the showcase contacts).


def body_date(month: int, day: int, year: int | None = None) -> dict[str, int]:
    """A `Date`; proto3 JSON leaves out the year of a yearless date rather than sending 0."""
    date = {"month": month, "day": day}
    if year is not None:
        date["year"] = year
    return date


def body_note(text: str) -> list[dict[str, str]]:
    """`Person.biographies`: the single plain-text note."""
    return [{"value": text, "contentType": "TEXT_PLAIN"}]


def body_typed(key: str, *pairs: tuple[str, str]) -> list[dict[str, str]]:
    """`body_typed("value", ("a@x", "home"))` → `[{"value": "a@x", "type": "home"}]`."""
    return [{key: value, "type": kind} for value, kind in pairs]


def body_address(kind: str, code: str, country: str, city: str, **parts: str) -> dict[str, str]:
    return {"type": kind, "countryCode": code, "country": country, "city": city, **parts}
