"""The emulator's state: accounts with their contacts, photos, change logs and Workspace
directories. No HTTP here; `people.PeopleApi` reads and writes through these objects.

Every account has a `Book` of contact records kept in modification order (the order of
``LAST_MODIFIED_ASCENDING``), a sequence number bumped by every write (sync tokens and etags are
derived from it) and tombstones of deleted contacts for incremental syncs. Each Workspace domain has
a `Book` of directory people (domain profiles and domain contacts).

Test code can change the state behind a client's back (see `EmulatorState.add_contact` and the
methods after it); it goes through the same validation as ``people:createContact``.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import ids
from .body import decode_message
from .book import Book, Photo, Record, Tombstone, record_from_json, record_json
from .matching import Terms, terms_for
from .rules import UPDATABLE_FIELDS, PersonData, clean_person

__all__ = ["Account", "Book", "EmulatorState", "Photo", "Record", "Tombstone", "terms_of"]

CONSUMER_DOMAINS = frozenset({"gmail.com", "googlemail.com"})
DEFAULT_REGION = "US"
_STATE_VERSION = 1


@dataclass
class Account:
    email: str
    workspace: bool
    profile: Record
    contacts: Book
    region: str = DEFAULT_REGION
    search_index: list[Record] = field(default_factory=list)
    """searchContacts' cache: the contacts as they were at the last warmup request. Records are
    replaced, never edited, on a write, so holding them keeps their old names searchable."""

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2].lower()

    def refresh_search_index(self) -> None:
        self.search_index = list(self.contacts.records.values())


def terms_of(record: Record, region: str) -> Terms:
    if record.terms is None:
        record.terms = terms_for(record.data, region)
    return record.terms


class EmulatorState:
    """All accounts, directories and photos. ``dirty`` turns True on every mutation."""

    def __init__(self) -> None:
        self.accounts: dict[str, Account] = {}
        self.directories: dict[str, Book] = {}
        self.photos: dict[str, Photo] = {}
        self.photo_nonce = 0
        self.dirty = False
        self.clock: Callable[[], float] = time.time
        """Seconds since the epoch; `PeopleApi` points this at the emulator's clock."""

    # --- accounts ------------------------------------------------------------------------------

    def account(self, email: str, *, workspace: bool | None = None) -> Account:
        """The account for ``email``, provisioned with an empty book on first use.

        A new account is a Workspace account unless its domain is gmail.com or googlemail.com.
        """
        key = email.lower()
        existing = self.accounts.get(key)
        if existing is not None:
            return existing
        domain = key.rpartition("@")[2]
        is_workspace = domain not in CONSUMER_DOMAINS if workspace is None else workspace
        now = self.clock()
        profile_id = ids.profile_id(key)
        local = key.partition("@")[0]
        given = local.split(".")[0].replace("_", " ").title() or local
        family = " ".join(p.title() for p in local.split(".")[1:])
        name = {"givenName": given} | ({"familyName": family} if family else {})
        data: PersonData = {"names": [name], "emailAddresses": [{"value": email}]}
        profile = Record(profile_id, "PROFILE", profile_id, data, 1, now)
        account = Account(email, is_workspace, profile, Book(key))
        self.accounts[key] = account
        if is_workspace:
            directory = self.directory(domain)
            entry = Record(
                profile_id, "DOMAIN_PROFILE", profile_id, data, directory.next_seq(), now
            )
            directory.put(entry)
        self.dirty = True
        return account

    def directory(self, domain: str) -> Book:
        """The Workspace directory of ``domain`` (domain profiles and domain contacts)."""
        key = domain.lower()
        if key not in self.directories:
            self.directories[key] = Book(f"directory:{key}")
            self.dirty = True
        return self.directories[key]

    def set_workspace(self, email: str, workspace: bool) -> None:
        """Make an account a Workspace account or a consumer one (directory calls then answer
        400 FAILED_PRECONDITION "Must be a G Suite domain user.")."""
        self.account(email).workspace = workspace
        self.dirty = True

    # --- contacts ------------------------------------------------------------------------------

    def contact(self, email: str, resource_name: str) -> Record | None:
        return self.account(email).contacts.records.get(resource_name.removeprefix("people/"))

    def insert_contact(self, email: str, data: PersonData, *, photo: str | None = None) -> Record:
        """Store a new contact from already-validated data (see `rules.clean_person`)."""
        account = self.account(email)
        book = account.contacts
        source = book.new_source_id(lambda s: ids.contact_resource_id(s) in book.records)
        if not any(
            m.get("contactGroupMembership", {}).get("contactGroupResourceName")
            == "contactGroups/myContacts"
            for m in data.get("memberships", [])
        ):
            my_contacts = {
                "contactGroupMembership": {"contactGroupResourceName": "contactGroups/myContacts"}
            }
            data = data | {"memberships": [*data.get("memberships", []), my_contacts]}
        record = Record(
            ids.contact_resource_id(source),
            "CONTACT",
            source,
            data,
            book.next_seq(),
            self.clock(),
            photo,
        )
        book.put(record)
        self.dirty = True
        return record

    def replace_contact(
        self, email: str, record: Record, data: PersonData, *, photo: str | None = None
    ) -> Record:
        """Write a new version of a contact: its fields, or with ``photo`` its photo key."""
        book = self.account(email).contacts
        updated = Record(
            record.resource_id,
            record.source_type,
            record.source_id,
            data,
            book.next_seq(),
            self.clock(),
            record.photo if photo is None else (photo or None),
        )
        book.put(updated)
        self.dirty = True
        return updated

    def remove_contact(self, email: str, record: Record) -> None:
        book = self.account(email).contacts
        book.remove(record.resource_id, self.clock())
        if record.photo:
            self.photos.pop(record.photo, None)
        self.dirty = True

    def add_photo(self, content_type: str, data: bytes) -> str:
        self.photo_nonce += 1
        key = ids.photo_key("photo", self.photo_nonce)
        self.photos[key] = Photo(content_type, data)
        self.dirty = True
        return key

    # --- changing the state behind a client's back (tests, seeding) ---------------------------

    def add_contact(self, email: str, person: dict[str, Any], *, photo: Photo | None = None) -> str:
        """Create a contact from a createContact request body; returns its resource name."""
        decoded = decode_message(person, "Person", "person")
        data = clean_person(decoded, UPDATABLE_FIELDS)
        key = self.add_photo(photo.content_type, photo.data) if photo else None
        return self.insert_contact(email, data, photo=key).resource_name

    def edit_contact(self, email: str, resource_name: str, person: dict[str, Any]) -> str:
        """Replace the fields present in ``person`` (a Person body) and return the new etag."""
        record = self.contact(email, resource_name)
        if record is None:
            raise KeyError(resource_name)
        decoded = decode_message(person, "Person", "person")
        fields = [f for f in UPDATABLE_FIELDS if f in decoded]
        data = {k: v for k, v in record.data.items() if k not in fields}
        data.update(clean_person(decoded, fields))
        return self.replace_contact(email, record, data).etag

    def delete_contact(self, email: str, resource_name: str) -> None:
        record = self.contact(email, resource_name)
        if record is None:
            raise KeyError(resource_name)
        self.remove_contact(email, record)

    def add_directory_person(
        self,
        domain: str,
        person: dict[str, Any],
        *,
        kind: str = "profile",
        photo: Photo | None = None,
    ) -> str:
        """Add a domain profile (``kind="profile"``) or a domain contact; returns its name."""
        book = self.directory(domain)
        decoded = decode_message(person, "Person", "person")
        data = clean_person(decoded, UPDATABLE_FIELDS)
        if kind == "profile":
            book.nonce += 1
            source = ids.profile_id(book.salt, book.nonce)
            resource_id, source_type = source, "DOMAIN_PROFILE"
        else:
            source = book.new_source_id(lambda s: ids.contact_resource_id(s) in book.records)
            resource_id, source_type = ids.contact_resource_id(source), "DOMAIN_CONTACT"
        key = self.add_photo(photo.content_type, photo.data) if photo else None
        book.put(Record(resource_id, source_type, source, data, book.next_seq(), self.clock(), key))
        self.dirty = True
        return f"people/{resource_id}"

    def remove_directory_person(self, domain: str, resource_name: str) -> None:
        self.directory(domain).remove(resource_name.removeprefix("people/"), self.clock())
        self.dirty = True

    # --- persistence ---------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "version": _STATE_VERSION,
            "accounts": [
                {
                    "email": a.email,
                    "workspace": a.workspace,
                    "region": a.region,
                    "profile": record_json(a.profile),
                    "contacts": a.contacts.to_json(),
                }
                for a in self.accounts.values()
            ],
            "directories": {d: book.to_json() for d, book in self.directories.items()},
            "photoNonce": self.photo_nonce,
            "photos": {
                key: [p.content_type, base64.b64encode(p.data).decode()]
                for key, p in self.photos.items()
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EmulatorState:
        if data.get("version") != _STATE_VERSION:
            raise ValueError(f"unsupported emulator state version {data.get('version')!r}")
        state = cls()
        for item in data["accounts"]:
            account = Account(
                item["email"],
                item["workspace"],
                record_from_json(item["profile"]),
                Book.from_json(item["contacts"]),
                item["region"],
            )
            # The search cache is not saved: a restarted server rebuilds it, as after a warmup.
            account.refresh_search_index()
            state.accounts[account.email.lower()] = account
        state.directories = {d: Book.from_json(b) for d, b in data["directories"].items()}
        state.photo_nonce = data["photoNonce"]
        state.photos = {
            key: Photo(ctype, base64.b64decode(blob))
            for key, (ctype, blob) in data["photos"].items()
        }
        return state
