"""The seed data generators: deterministic, international, and true to the discovery schemas.

These test the pure generators only (no emulator): `seed.py` stores what they return, and the
conformance tests check what the emulator then serves.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from PIL import Image
from support.discovery_validator import discovery, empty_values, validate

from peopletui.emulator.seed_data import (
    SeedContact,
    SeedDirectoryPerson,
    demo_contacts,
    directory_people,
)
from peopletui.emulator.seed_showcase import showcase_contacts
from peopletui.emulator.seed_tables import RESERVED_EMAIL_SUFFIXES

SINGLETONS = ("names", "birthdays", "genders", "biographies")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
# Memberships are writable, but the server manages them (contact groups), so seeds leave them out.
SERVER_MANAGED = {"memberships"}
HOSTILE_CONTROLS = re.compile("[\x1b\u202a-\u202e\u2066-\u2069]")


def writable_person_fields() -> set[str]:
    """The fields `updatePersonFields` accepts, as the discovery document lists them."""
    method = discovery().document["resources"]["people"]["methods"]["updateContact"]
    description = method["parameters"]["updatePersonFields"]["description"]
    listed = set(re.findall(r"\* (\w+)", description))
    assert "names" in listed and "emailAddresses" in listed  # the description's shape held
    return listed - SERVER_MANAGED


def strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def read_only_keys(value: Any, schema_name: str, path: str = "$") -> list[str]:
    """Paths of keys that the discovery document marks `readOnly` (output only)."""
    schemas = discovery().schemas
    found: list[str] = []
    for key, item in value.items():
        prop = schemas[schema_name]["properties"][key]
        if prop.get("readOnly"):
            found.append(f"{path}.{key}")
        ref = prop.get("$ref") or prop.get("items", {}).get("$ref")
        if ref:
            for index, element in enumerate(item if isinstance(item, list) else [item]):
                found += read_only_keys(element, ref, f"{path}.{key}[{index}]")
    return found


def everyone(
    book: list[SeedContact], directory: list[SeedDirectoryPerson]
) -> list[SeedContact | SeedDirectoryPerson]:
    return [*book, *directory]


def emails_of(people: list[dict[str, Any]]) -> list[str]:
    return [email["value"] for person in people for email in person.get("emailAddresses", ())]


def photo_format(photo: bytes) -> str:
    with Image.open(io.BytesIO(photo)) as image:
        image.verify()
        assert image.size == (96, 96)
        return str(image.format)


@pytest.fixture(scope="module")
def book() -> list[SeedContact]:
    return demo_contacts(2_000, seed=5)


@pytest.fixture(scope="module")
def directory() -> list[SeedDirectoryPerson]:
    return directory_people("Example.ORG", 600, seed=5)


# --- determinism -----------------------------------------------------------------------------


def test_same_arguments_give_the_same_book() -> None:
    assert demo_contacts(300, seed=7) == demo_contacts(300, seed=7)
    assert directory_people("example.com", 200, 7) == directory_people("example.com", 200, 7)


def test_the_seed_changes_the_generated_contacts_but_not_the_showcase() -> None:
    showcase = len(showcase_contacts())
    first, second = demo_contacts(200, seed=1), demo_contacts(200, seed=2)
    assert first[:showcase] == second[:showcase]
    assert first[showcase:] != second[showcase:]
    assert directory_people("example.com", 50, 1) != directory_people("example.com", 50, 2)


def test_a_smaller_book_is_the_start_of_a_larger_one() -> None:
    assert demo_contacts(100, seed=3) == demo_contacts(400, seed=3)[:100]
    assert directory_people("example.com", 40, 3) == directory_people("example.com", 90, 3)[:40]


def _digest_command(seed: int) -> str:
    return (
        "import hashlib, json; from peopletui.emulator.seed_data import demo_contacts, "
        "directory_people; h = hashlib.sha256()\n"
        f"for c in demo_contacts(500, {seed}) + directory_people('example.com', 100, {seed}):\n"
        "    h.update(json.dumps(c.person, sort_keys=True).encode()); h.update(c.photo or b'')\n"
        "print(h.hexdigest())"
    )


def test_output_does_not_depend_on_the_interpreter_hash_seed() -> None:
    digests = set()
    for hash_seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run(
            [sys.executable, "-c", _digest_command(9)],
            capture_output=True, text=True, check=True, env=env,
        )  # fmt: skip
        digests.add(run.stdout.strip())
    expected = hashlib.sha256()
    for item in demo_contacts(500, 9) + directory_people("example.com", 100, 9):
        expected.update(json.dumps(item.person, sort_keys=True).encode())
        expected.update(item.photo or b"")
    assert digests == {expected.hexdigest()}


# --- counts ----------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [0, 1, 5, len(showcase_contacts()), 60, 333])
def test_count_is_exact(count: int) -> None:
    assert len(demo_contacts(count, seed=0)) == count
    assert len(directory_people("example.com", count, seed=0)) == count


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        demo_contacts(-1, seed=0)
    with pytest.raises(ValueError):
        directory_people("example.com", -1, seed=0)


# --- shape: the discovery document's Person ----------------------------------------------------


def test_every_writable_field_type_appears_in_sixty_contacts() -> None:
    used = {field for contact in demo_contacts(60, seed=0) for field in contact.person}
    assert used == writable_person_fields()


def test_bodies_follow_the_person_schema_with_writable_fields_only(
    book: list[SeedContact], directory: list[SeedDirectoryPerson]
) -> None:
    writable = writable_person_fields()
    for item in everyone(book, directory):
        person = item.person
        assert validate(person, "Person") == [], person
        assert empty_values(person) == [], person
        assert read_only_keys(person, "Person") == [], person
        assert set(person) <= writable, person
        assert "metadata" not in json.dumps(person)


def test_singleton_fields_have_at_most_one_value(
    book: list[SeedContact], directory: list[SeedDirectoryPerson]
) -> None:
    for item in everyone(book, directory):
        for field in SINGLETONS:
            assert len(item.person.get(field, ())) <= 1, (field, item.person)


def test_biographies_are_plain_text(book: list[SeedContact]) -> None:
    notes = [note for c in book for note in c.person.get("biographies", ())]
    assert notes and {note["contentType"] for note in notes} == {"TEXT_PLAIN"}


def test_dates_are_valid_with_and_without_a_year(book: list[SeedContact]) -> None:
    dates = [
        entry["date"]
        for contact in book
        for field in ("birthdays", "events")
        for entry in contact.person.get(field, ())
    ]
    assert any("year" in date for date in dates) and any("year" not in date for date in dates)
    for date in dates:
        assert 1 <= date["month"] <= 12 and 1 <= date["day"] <= 31
        assert "year" not in date or 1900 <= date["year"] <= 2100


# --- e-mail addresses --------------------------------------------------------------------------


def test_email_addresses_are_unique_and_at_reserved_domains(book: list[SeedContact]) -> None:
    emails = emails_of([contact.person for contact in book])
    assert len(emails) == len(set(emails))
    for email in emails:
        local, _, domain = email.partition("@")
        assert local and domain.endswith(RESERVED_EMAIL_SUFFIXES), email
        assert re.fullmatch(r"[a-z0-9._+-]+", local) and not local.startswith("."), email


def test_multiple_email_and_phone_types_including_custom_ones(book: list[SeedContact]) -> None:
    email_types = Counter(e.get("type") for c in book for e in c.person.get("emailAddresses", ()))
    phone_types = Counter(p.get("type") for c in book for p in c.person.get("phoneNumbers", ()))
    assert {"home", "work", "other", "Club", "Newsletter"} <= set(email_types)
    assert {"home", "work", "mobile", "other", "main", "homeFax", "pager", "Boat"} <= set(
        phone_types
    )
    assert any(len(c.person.get("emailAddresses", ())) >= 3 for c in book)
    assert any(len(c.person.get("phoneNumbers", ())) >= 3 for c in book)


# --- photos ----------------------------------------------------------------------------------


def test_photos_are_small_valid_png_and_jpeg(
    book: list[SeedContact], directory: list[SeedDirectoryPerson]
) -> None:
    photos = [item.photo for item in everyone(book, directory) if item.photo is not None]
    formats: Counter[str] = Counter()
    for photo in set(photos):
        assert photo.startswith(PNG_MAGIC) or photo.startswith(JPEG_MAGIC)
        fmt = photo_format(photo)
        assert fmt == ("PNG" if photo.startswith(PNG_MAGIC) else "JPEG")
        formats[fmt] += 1
    assert formats["PNG"] > 0 and formats["JPEG"] > 0


def test_about_a_tenth_of_the_contacts_have_a_photo(book: list[SeedContact]) -> None:
    generated = book[len(showcase_contacts()) :]
    share = sum(contact.photo is not None for contact in generated) / len(generated)
    assert 0.07 <= share <= 0.13


# --- realistic and international -------------------------------------------------------------

SCRIPTS = {
    "Greek": "GREEK",
    "Cyrillic": "CYRILLIC",
    "Arabic": "ARABIC",
    "Hebrew": "HEBREW",
    "Chinese": "CJK UNIFIED IDEOGRAPH",
    "Japanese kana": "HIRAGANA",
    "Korean": "HANGUL",
    "Devanagari": "DEVANAGARI",
}


def _name_text(person: dict[str, Any]) -> str:
    return " ".join(strings_in(person.get("names", [])))


def test_showcase_names_cover_many_scripts_and_diacritics() -> None:
    names = " ".join(_name_text(contact.person) for contact in demo_contacts(40, seed=0))
    letter_names = {unicodedata.name(char, "") for char in names}
    for script, prefix in SCRIPTS.items():
        assert any(name.startswith(prefix) for name in letter_names), script
    for needle in ("Zoë", "Łukasz", "Søren", "Nguyễn", "Thị", "Minh Anh"):
        assert needle in names


def test_cjk_names_have_phonetic_readings(book: list[SeedContact]) -> None:
    names = [n for c in book for n in c.person.get("names", ())]
    phonetic = [n for n in names if "phoneticFamilyName" in n or "phoneticFullName" in n]
    assert any("やまだ" in n.get("phoneticFamilyName", "") for n in phonetic)
    assert any(n.get("phoneticFamilyName") == "Wáng" for n in phonetic)
    assert len(phonetic) > 20  # generated CJK contacts get readings too


def test_showcase_has_nameless_company_long_and_emoji_contacts() -> None:
    people = [contact.person for contact in demo_contacts(40, seed=0)]
    nameless = [p for p in people if "names" not in p]
    assert any(set(p) == {"emailAddresses"} for p in nameless)
    assert any(set(p) == {"phoneNumbers"} for p in nameless)
    assert sum("organizations" in p for p in nameless) >= 2
    notes = [n["value"] for p in people for n in p.get("biographies", ())]
    assert max(map(len, notes)) >= 2_000
    organizations = [o["name"] for p in people for o in p.get("organizations", ())]
    assert max(map(len, organizations)) >= 300
    nicknames = [n["value"] for p in people for n in p.get("nicknames", ())]
    assert any(unicodedata.category(ch) == "So" for text in nicknames + notes for ch in text)


def test_structured_addresses_span_several_countries(book: list[SeedContact]) -> None:
    addresses = [a for c in book for a in c.person.get("addresses", ())]
    assert len({a["countryCode"] for a in addresses}) >= 15
    assert all({"city", "country", "countryCode"} <= set(a) for a in addresses)
    assert any("poBox" in a for a in addresses) and any("extendedAddress" in a for a in addresses)


def test_markup_and_control_characters_only_in_the_hostile_contacts(
    book: list[SeedContact],
) -> None:
    showcase_size = len(showcase_contacts())
    text_by_index = [" ".join(strings_in(contact.person)) for contact in book]
    with_markup = [i for i, text in enumerate(text_by_index) if "[@click=app.quit]" in text]
    with_controls = [i for i, text in enumerate(text_by_index) if HOSTILE_CONTROLS.search(text)]
    hostile = sorted({*with_markup, *with_controls})
    # The hostile contacts close the showcase, after every friendly one.
    assert hostile == list(range(showcase_size - len(hostile), showcase_size))
    assert len(with_controls) == 1
    controls_text = text_by_index[with_controls[0]]
    assert "\x1b[31m" in controls_text and "\u202e" in controls_text
    names = _name_text(book[with_markup[0]].person)
    assert "[bold red]Eve[/]" in names and "Smith [/] Jr" in names
    assert "[link=https://evil.example]click[/link]" in text_by_index[with_markup[0]]
    for index, text in enumerate(text_by_index):
        if index not in with_controls:  # everything else is printable (newlines aside)
            assert all(ch == "\n" or unicodedata.category(ch) != "Cc" for ch in text), index


# --- the Workspace directory -------------------------------------------------------------------


def test_directory_is_mostly_profiles_with_a_fifth_domain_contacts(
    directory: list[SeedDirectoryPerson],
) -> None:
    kinds = Counter(person.kind for person in directory)
    assert set(kinds) == {"profile", "domain_contact"}
    assert 0.12 <= kinds["domain_contact"] / len(directory) <= 0.28


def test_profiles_work_at_the_domain_with_titles_desks_and_managers(
    directory: list[SeedDirectoryPerson],
) -> None:
    profiles = [p.person for p in directory if p.kind == "profile"]
    profile_emails = set(emails_of(profiles))
    assert all(email.endswith("@example.org") for email in profile_emails)
    for person in profiles:
        (organization,) = person["organizations"]
        assert organization["title"] and organization["department"] and organization["current"]
        assert organization["name"] == "Example"
        (desk,) = person["locations"]
        assert desk["type"] == "desk" and desk["buildingId"] and desk["deskCode"]
        assert any(phone["type"] == "work" for phone in person["phoneNumbers"])
        for relation in person.get("relations", ()):
            assert relation["type"] == "manager" and relation["person"] in profile_emails
    assert sum("relations" not in person for person in profiles) == 1  # only the chief executive
    assert any(p.photo is not None for p in directory if p.kind == "profile")


def test_domain_contacts_are_partners_at_reserved_domains(
    directory: list[SeedDirectoryPerson],
) -> None:
    contacts = [p for p in directory if p.kind == "domain_contact"]
    assert all(p.photo is None for p in contacts)
    for email in emails_of([p.person for p in contacts]):
        assert email.endswith(".example") and not email.endswith("@example.org"), email


def test_directory_emails_are_unique(directory: list[SeedDirectoryPerson]) -> None:
    emails = emails_of([p.person for p in directory])
    assert len(emails) == len(set(emails))


# --- scale -----------------------------------------------------------------------------------


def test_twenty_five_thousand_contacts() -> None:
    """The demo's largest book: still unique, still singleton-safe (timing is in the report)."""
    book = demo_contacts(25_000, seed=0)
    assert len(book) == 25_000
    emails = emails_of([contact.person for contact in book])
    assert len(emails) == len(set(emails))
    for contact in book:
        for field in SINGLETONS:
            assert len(contact.person.get(field, ())) <= 1
    share = sum(contact.photo is not None for contact in book) / len(book)
    assert 0.08 <= share <= 0.12
