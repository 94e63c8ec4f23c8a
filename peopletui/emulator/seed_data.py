"""Deterministic, international demo data for the emulator, as pure generators.

`demo_contacts(count, seed)` starts with the hand-written showcase (`seed_showcase`), which covers
every writable Person field, and continues with contacts generated from the tables in
`seed_cultures` and `seed_tables`. `directory_people` (in `seed_directory`) does the same for a
Workspace directory. Nothing here knows about the emulator's store: `seed.py` stores the results.

Person N depends only on (seed, N), so the first N contacts of a larger book equal a book of N.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from .seed_common import (
    EmailBook,
    SeedContact,
    SeedDirectoryPerson,
    email_local_part,
    emails_in,
    generate_address,
    generate_name,
    generate_phone,
    person_rng,
    pick_culture,
    weighted_pick,
)
from .seed_cultures import CULTURES, Culture
from .seed_directory import directory_people
from .seed_photos import AVATAR_COUNT, avatar
from .seed_showcase import showcase_contacts
from .seed_tables import (
    COMPANIES,
    CUSTOM_EMAIL_TYPES,
    CUSTOM_PHONE_TYPES,
    EVENT_LABELS,
    IM_PROTOCOLS,
    INTERESTS,
    JOB_TITLES,
    MISC_KEYWORD_TYPES,
    NICKNAMES,
    NOTES,
    OCCUPATIONS,
    PERSONAL_EMAIL_DOMAINS,
    RELATION_TYPES,
    URL_TYPES,
)

__all__ = [
    "SeedContact",
    "SeedDirectoryPerson",
    "demo_contacts",
    "directory_people",
    "iter_demo_contacts",
]

_CONTACT_STREAM = 1
PHOTO_SHARE = 0.10
# Cumulative weights of 0, 1, 2 or 3 addresses (8/55/30/7) and phone numbers (20/55/20/5).
_EMAIL_COUNT_CUM_WEIGHTS = tuple(accumulate((8, 55, 30, 7)))
_PHONE_COUNT_CUM_WEIGHTS = tuple(accumulate((20, 55, 20, 5)))
_EXTRA_EMAIL_TYPES = ("work", "other", "home", *CUSTOM_EMAIL_TYPES)
_PHONE_TYPES = ("mobile", "mobile", "home", "work", "other", "main", "workMobile",
                *CUSTOM_PHONE_TYPES)  # fmt: skip
_ROLE_MAILBOXES = ("hello", "info", "billing", "newsletter", "noreply", "support", "bookings")


def demo_contacts(count: int, seed: int) -> list[SeedContact]:
    """`count` contacts: the showcase first, then generated ones. Same arguments, same output."""
    return list(iter_demo_contacts(count, seed))


def iter_demo_contacts(count: int, seed: int) -> Iterator[SeedContact]:
    """The contacts of `demo_contacts`, one at a time: a caller that stores each one and lets
    its body go keeps a 25,000-contact book's bodies from piling up (and the collector from
    walking them again and again)."""
    if count < 0:
        raise ValueError(f"count must be >= 0, got {count}")
    showcase = showcase_contacts()[:count]
    for person, variant in showcase:
        yield SeedContact(person, None if variant is None else avatar(variant))
    emails = EmailBook(set().union(*(emails_in(person) for person, _ in showcase)))
    for index in range(len(showcase), count):
        yield _generated_contact(person_rng(seed, _CONTACT_STREAM, index), emails)


def _generated_contact(rng: random.Random, emails: EmailBook) -> SeedContact:
    roll = rng.random()
    if roll < 0.05:
        person = _company_only(rng, emails)
    elif roll < 0.08:
        person = _email_only(rng, emails)
    elif roll < 0.10:
        person = {"phoneNumbers": [{"value": generate_phone(rng, pick_culture(rng)),
                                    "type": rng.choice(("mobile", "other"))}]}  # fmt: skip
    else:
        person = _person(rng, emails)
    photo = avatar(rng.randrange(AVATAR_COUNT)) if rng.random() < PHOTO_SHARE else None
    return SeedContact(person, photo)


def _company_only(rng: random.Random, emails: EmailBook) -> dict[str, Any]:
    company, slug = rng.choice(COMPANIES)
    culture = pick_culture(rng)
    address = generate_address(rng, culture, "work")
    person: dict[str, Any] = {
        "organizations": [{"name": company, "type": "work", "location": address["city"]}],
        "emailAddresses": [{"value": emails.claim(rng.choice(_ROLE_MAILBOXES), f"{slug}.example"),
                            "type": "work"}],
        "phoneNumbers": [{"value": generate_phone(rng, culture), "type": "main"}],
    }  # fmt: skip
    if rng.random() < 0.6:
        person["addresses"] = [address]
    if rng.random() < 0.5:
        person["urls"] = [{"value": f"https://www.{slug}.example/", "type": "homePage"}]
    return person


def _email_only(rng: random.Random, emails: EmailBook) -> dict[str, Any]:
    domain = rng.choice(PERSONAL_EMAIL_DOMAINS)
    if rng.random() < 0.5:
        local = rng.choice(_ROLE_MAILBOXES)
    else:  # an address someone once wrote from, kept without a name
        name = generate_name(rng, pick_culture(rng))
        local = email_local_part(rng, name.given.latin, name.family.latin)
    return {"emailAddresses": [{"value": emails.claim(local, domain), "type": "other"}]}


def _person(rng: random.Random, emails: EmailBook) -> dict[str, Any]:
    culture = pick_culture(rng)
    generated = generate_name(rng, culture)
    given, family = generated.given.latin, generated.family.latin
    person: dict[str, Any] = {"names": [generated.name]}
    company: tuple[str, str] | None = None
    if rng.random() < 0.45:
        company = rng.choice(COMPANIES)
        person["organizations"] = [_organization(rng, company[0])]

    addresses: list[dict[str, str]] = []
    for index in range(weighted_pick(rng, range(4), _EMAIL_COUNT_CUM_WEIGHTS)):
        if index == 1 and company is not None:
            domain, kind = f"{company[1]}.example", "work"
        else:
            domain = rng.choice(PERSONAL_EMAIL_DOMAINS)
            kind = "home" if index == 0 else rng.choice(_EXTRA_EMAIL_TYPES)
        local = email_local_part(rng, given, family)
        addresses.append({"value": emails.claim(local, domain), "type": kind})
    if addresses:
        person["emailAddresses"] = addresses

    phone_count = weighted_pick(rng, range(4), _PHONE_COUNT_CUM_WEIGHTS)
    if phone_count:
        person["phoneNumbers"] = [
            {"value": generate_phone(rng, culture), "type": "mobile" if i == 0 else kind}
            for i, kind in enumerate(rng.choices(_PHONE_TYPES, k=phone_count))
        ]
    if rng.random() < 0.30:
        person["addresses"] = [generate_address(rng, culture, rng.choice(("home", "work")))]
        if rng.random() < 0.15:
            person["addresses"].append(generate_address(rng, culture, "other"))
    if rng.random() < 0.35:
        person["birthdays"] = [{"date": _random_date(rng, 1940, 2006, year_chance=0.75)}]
    _add_occasional_fields(rng, person, generated.female, culture, given, family)
    return person


def _organization(rng: random.Random, company: str) -> dict[str, Any]:
    organization: dict[str, Any] = {"name": company, "title": rng.choice(JOB_TITLES)}
    if rng.random() < 0.3:
        organization["department"] = rng.choice(("Sales", "Engineering", "Operations", "Finance"))
    if rng.random() < 0.8:
        organization["current"] = True
        organization["type"] = "work"
    return organization


def _random_date(rng: random.Random, first_year: int, last_year: int, *,
                 year_chance: float) -> dict[str, int]:  # fmt: skip
    date = {"month": rng.randint(1, 12), "day": rng.randint(1, 28)}
    if rng.random() < year_chance:
        date["year"] = rng.randint(first_year, last_year)
    return date


def _add_occasional_fields(
    rng: random.Random,
    person: dict[str, Any],
    female: bool,
    culture: Culture,
    given: str,
    family: str,
) -> None:
    """The fields few real contacts have, each at a realistic rate."""
    if rng.random() < 0.08:
        person["nicknames"] = [{"value": rng.choice(NICKNAMES)}]
    if rng.random() < 0.12:
        note = rng.choice(NOTES).format(
            city=rng.choice(culture.places).city, interest=rng.choice(INTERESTS)
        )
        person["biographies"] = [{"value": note, "contentType": "TEXT_PLAIN"}]
    if rng.random() < 0.08:
        value = rng.choice(("female" if female else "male", "unspecified", "non-binary"))
        person["genders"] = [{"value": value}]
    if rng.random() < 0.05:
        kind = rng.choice(("anniversary", "other", *EVENT_LABELS))
        person["events"] = [{"type": kind, "date": _random_date(rng, 1970, 2024, year_chance=0.8)}]
    if rng.random() < 0.06:
        relative = rng.choice(CULTURES if rng.random() < 0.2 else (culture,))
        other = rng.choice(relative.female + relative.male).native
        person["relations"] = [{"person": other, "type": rng.choice(RELATION_TYPES)}]
    if rng.random() < 0.06:
        person["urls"] = [{"value": f"https://{given}{family}.example.com/",
                           "type": rng.choice(URL_TYPES)}]  # fmt: skip
    if rng.random() < 0.05:
        person["interests"] = [{"value": v} for v in rng.sample(INTERESTS, rng.randint(1, 3))]
    if rng.random() < 0.03:
        person["occupations"] = [{"value": rng.choice(OCCUPATIONS)}]
    if rng.random() < 0.04:
        person["locales"] = [{"value": culture.locale}]
    if rng.random() < 0.02:
        protocol = rng.choice(IM_PROTOCOLS)
        person["imClients"] = [{"username": f"{given}.{family}", "protocol": protocol,
                                "type": rng.choice(("home", "work"))}]  # fmt: skip
    if rng.random() < 0.01:
        person["sipAddresses"] = [{"value": f"sip:{given}@voip.example.net", "type": "work"}]
    if rng.random() < 0.015:
        person["externalIds"] = [{"value": f"CUST-{rng.randint(1000, 99999)}", "type": "customer"}]
    if rng.random() < 0.02:
        person["userDefined"] = [{"key": "Table", "value": str(rng.randint(1, 24))}]
    if rng.random() < 0.01:
        person["clientData"] = [{"key": "crm.segment", "value": rng.choice(("gold", "silver"))}]
    if rng.random() < 0.01:
        person["miscKeywords"] = [{"type": rng.choice(MISC_KEYWORD_TYPES), "value": "Priority"}]
    if rng.random() < 0.01:
        person["calendarUrls"] = [{"url": f"https://calendar.example.com/{given}{family}.ics",
                                   "type": "home"}]  # fmt: skip
    if rng.random() < 0.01:
        person["locations"] = [{"value": rng.choice(culture.places).city, "type": "grewUp"}]
