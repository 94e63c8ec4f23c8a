"""Records and books: the building blocks of the emulator's state (see store.py).

A `Record` is one person source and is never edited: a write replaces it with a new record, which
is what lets caches (encoded JSON, search terms) and the search snapshot hang on to old ones. A
`Book` keeps records in modification order with the tombstones of deleted ones and the write
sequence number that etags and sync tokens are derived from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import ids
from .matching import Terms
from .rules import PersonData


@dataclass
class Record:
    """One person source: a contact, the account's own profile, or a directory person."""

    resource_id: str
    """``c6142…`` for contacts, the profile id (``1048…``) for profiles."""
    source_type: str
    """CONTACT, PROFILE, DOMAIN_PROFILE or DOMAIN_CONTACT (the `Source.type` enum)."""
    source_id: str
    data: PersonData
    seq: int
    update_time: float
    photo: str | None = None
    """Key of an uploaded photo in `EmulatorState.photos`; None shows the default photo."""
    view: dict[str, str] | None = field(default=None, repr=False, compare=False)
    """Decorated fields as compact JSON text (persons.py); a changed record is a new record."""
    terms: Terms | None = field(default=None, repr=False, compare=False)

    @property
    def resource_name(self) -> str:
        return f"people/{self.resource_id}"

    @property
    def etag(self) -> str:
        return ids.person_etag(self.source_id, self.seq)

    @property
    def source_etag(self) -> str:
        return ids.source_etag(self.source_id, self.seq)


@dataclass
class Tombstone:
    resource_id: str
    source_type: str
    source_id: str
    seq: int
    deleted_at: float

    @property
    def resource_name(self) -> str:
        return f"people/{self.resource_id}"


@dataclass
class Photo:
    content_type: str
    data: bytes


class Book:
    """Records in modification order, tombstones, and the write sequence they share."""

    def __init__(self, salt: str) -> None:
        self.salt = salt
        self.records: dict[str, Record] = {}
        self.tombstones: dict[str, Tombstone] = {}
        self.seq = 0
        self.nonce = 0
        self.orders: dict[str, tuple[int, list[Any], list[Record]]] = {}
        """Sorted views for paging, keyed by sort order; valid while their seq is current."""

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def new_source_id(self, taken: Callable[[str], bool]) -> str:
        while True:
            self.nonce += 1
            candidate = ids.source_id(self.salt, self.nonce)
            if not taken(candidate):
                return candidate

    def put(self, record: Record) -> None:
        """Store (or replace) a record as the most recently modified one."""
        self.records.pop(record.resource_id, None)
        self.tombstones.pop(record.resource_id, None)
        self.records[record.resource_id] = record

    def remove(self, resource_id: str, now: float) -> Tombstone:
        record = self.records.pop(resource_id)
        tombstone = Tombstone(
            resource_id, record.source_type, record.source_id, self.next_seq(), now
        )
        self.tombstones[resource_id] = tombstone
        return tombstone

    def changes_since(self, seq: int) -> list[Record | Tombstone]:
        """Records and tombstones written after ``seq``, oldest first."""
        changed: list[Record | Tombstone] = []
        for record in reversed(self.records.values()):
            if record.seq <= seq:
                break
            changed.append(record)
        changed += [t for t in self.tombstones.values() if t.seq > seq]
        changed.sort(key=lambda item: item.seq)
        return changed

    def prune_tombstones(self, before: float) -> None:
        self.tombstones = {k: t for k, t in self.tombstones.items() if t.deleted_at >= before}

    def to_json(self) -> dict[str, Any]:
        return {
            "salt": self.salt,
            "seq": self.seq,
            "nonce": self.nonce,
            "records": [record_json(r) for r in self.records.values()],
            "tombstones": [
                [t.resource_id, t.source_type, t.source_id, t.seq, t.deleted_at]
                for t in self.tombstones.values()
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Book:
        book = cls(data["salt"])
        book.seq, book.nonce = data["seq"], data["nonce"]
        for item in data["records"]:
            record = record_from_json(item)
            book.records[record.resource_id] = record
        for rid, stype, sid, seq, at in data["tombstones"]:
            book.tombstones[rid] = Tombstone(rid, stype, sid, seq, at)
        return book


def record_json(record: Record) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": record.resource_id,
        "type": record.source_type,
        "source": record.source_id,
        "seq": record.seq,
        "time": record.update_time,
        "data": record.data,
    }
    if record.photo:
        item["photo"] = record.photo
    return item


def record_from_json(item: dict[str, Any]) -> Record:
    return Record(
        item["id"],
        item["type"],
        item["source"],
        item["data"],
        item["seq"],
        item["time"],
        item.get("photo"),
    )
