"""A deterministic Workspace directory: the domain's staff (profiles) and its shared contacts.

Profiles have `@domain` addresses, titles in an org chart (a chief executive, one head per
department, staff who report to their head), desks in offices around the world and employee IDs.
About a fifth of the directory are domain contacts: the shared address book an administrator keeps
for the whole domain, mostly outside suppliers and partners, so their addresses are at those
partners' (reserved `.example`) domains.
"""

from __future__ import annotations

import random
import string
from typing import Any

from .seed_common import (
    EmailBook,
    SeedDirectoryPerson,
    email_local_part,
    generate_address,
    generate_name,
    generate_phone,
    person_rng,
    pick_culture,
)
from .seed_cultures import CULTURE_BY_KEY
from .seed_photos import AVATAR_COUNT, avatar
from .seed_tables import COMPANIES, DEPARTMENT_TITLES, DEPARTMENTS, DIRECTORY_BUILDINGS, JOB_TITLES

_DIRECTORY_STREAM = 2
DOMAIN_CONTACT_SHARE = 0.20
_PROFILE_PHOTO_SHARE = 0.30


def directory_people(domain: str, count: int, seed: int) -> list[SeedDirectoryPerson]:
    """`count` directory people of `domain`: mostly profiles, about 20% domain contacts."""
    if count < 0:
        raise ValueError(f"count must be >= 0, got {count}")
    domain = domain.lower()
    emails = EmailBook()
    department_heads: dict[str, str] = {}
    people: list[SeedDirectoryPerson] = []
    for index in range(count):
        rng = person_rng(seed, _DIRECTORY_STREAM, index)
        # The chief executive and the department heads come first, so every org chart has a top.
        leader = index <= len(DEPARTMENTS)
        if not leader and rng.random() < DOMAIN_CONTACT_SHARE:
            people.append(SeedDirectoryPerson(_domain_contact(rng, emails), "domain_contact", None))
            continue
        if index == 0:
            department, title, manager = "Executive", "Chief Executive Officer", None
        elif leader:
            department = DEPARTMENTS[index - 1]
            title, manager = f"Head of {department}", department_heads.get("Executive")
        else:
            department = rng.choice(DEPARTMENTS)
            title, manager = (
                rng.choice(DEPARTMENT_TITLES[department]),
                department_heads.get(department),
            )
        person = _profile(rng, domain, emails, index, department, title, manager)
        if leader:
            department_heads[department] = person["emailAddresses"][0]["value"]
        photo = avatar(rng.randrange(AVATAR_COUNT)) if rng.random() < _PROFILE_PHOTO_SHARE else None
        people.append(SeedDirectoryPerson(person, "profile", photo))
    return people


def organization_name(domain: str) -> str:
    """`example.org` → `Example`, `acme-labs.example` → `Acme Labs`."""
    label = domain.split(".")[0] or domain
    return string.capwords(label.replace("-", " "))


def _department_number(department: str) -> int:
    """1 for the executive office, then 2, 3… in `DEPARTMENTS` order (cost centres CC-1x0…)."""
    return DEPARTMENTS.index(department) + 2 if department in DEPARTMENTS else 1


def _profile(
    rng: random.Random,
    domain: str,
    emails: EmailBook,
    index: int,
    department: str,
    title: str,
    manager: str | None,
) -> dict[str, Any]:
    building, city, _, floors, culture_keys = rng.choice(DIRECTORY_BUILDINGS)
    culture = CULTURE_BY_KEY[rng.choice(culture_keys)]
    generated = generate_name(rng, culture)
    local = f"{generated.given.latin}.{generated.family.latin}"
    floor = str(rng.randint(1, floors))
    section = rng.choice("ABCD")
    desk = f"{floor}{section}-{rng.randint(1, 60):02d}"
    organization: dict[str, Any] = {
        "name": organization_name(domain),
        "title": title,
        "department": department,
        "costCenter": f"CC-{100 * _department_number(department) + 10 * rng.randrange(4)}",
        "location": city,
        "type": "work",
        "current": True,
        "startDate": {"year": rng.randint(2008, 2025), "month": rng.randint(1, 12), "day": 1},
    }
    if rng.random() < 0.05:
        organization["fullTimeEquivalentMillipercent"] = rng.choice((50000, 60000, 80000))
    person: dict[str, Any] = {
        "names": [generated.name],
        "emailAddresses": [{"value": emails.claim(local, domain), "type": "work"}],
        "phoneNumbers": [{"value": generate_phone(rng, culture), "type": "work"}],
        "organizations": [organization],
        "locations": [
            {
                "type": "desk",
                "current": True,
                "buildingId": building,
                "floor": floor,
                "floorSection": section,
                "deskCode": desk,
                "value": f"{building} {desk}",
            }
        ],
        "externalIds": [{"value": f"E{10000 + index}", "type": "organization"}],
    }
    if rng.random() < 0.5:
        person["phoneNumbers"].append({"value": generate_phone(rng, culture), "type": "mobile"})
    if manager is not None:
        person["relations"] = [{"person": manager, "type": "manager"}]
    return person


def _domain_contact(rng: random.Random, emails: EmailBook) -> dict[str, Any]:
    culture = pick_culture(rng)
    generated = generate_name(rng, culture)
    company, slug = rng.choice(COMPANIES)
    local = email_local_part(rng, generated.given.latin, generated.family.latin)
    person: dict[str, Any] = {
        "names": [generated.name],
        "emailAddresses": [{"value": emails.claim(local, f"{slug}.example"), "type": "work"}],
        "phoneNumbers": [{"value": generate_phone(rng, culture), "type": "work"}],
        "organizations": [{"name": company, "title": rng.choice(JOB_TITLES), "type": "work"}],
    }
    if rng.random() < 0.4:
        person["addresses"] = [generate_address(rng, culture, "work")]
    return person
