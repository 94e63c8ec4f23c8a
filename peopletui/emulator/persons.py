"""Person resources as the API writes them: field masks applied, server-computed values added.

A record's decorated fields are encoded to JSON text once and cached on the record (a record is
replaced, never edited, on every write), so a 1000-person page is mostly string joins (see
jsonout.py for why text). Photo URLs are built per call because the emulator's public URL can
change (a loopback server learns its port late).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from . import ids
from .jsonout import RawJson, dumps
from .render import decorate, display_names, fold
from .store import Record, Tombstone

PHOTO_PATH = "/emulator/photos/"
DEFAULT_PHOTO_PATH = PHOTO_PATH + "default/"
_EPOCH = "1970-01-01T00:00:00Z"
_HEAD = "\x00head"  # view key of the encoded resourceName and etag
_USER_TYPES = {
    "PROFILE": ["GOOGLE_USER"],
    "DOMAIN_PROFILE": ["GOOGLE_USER", "GOOGLE_APPS_USER"],
}


class PersonWriter:
    def __init__(self, public_url: Callable[[], str]) -> None:
        self._public_url = public_url

    def person(
        self,
        record: Record,
        mask: Iterable[str],
        *,
        region: str,
        merged: Iterable[Record] = (),
    ) -> RawJson:
        """``record`` under ``mask``; ``merged`` records (a directory person's matching contacts)
        add their items and sources after the record's own."""
        extra = list(merged)
        if extra:
            return RawJson(dumps(self._merged(record, extra, mask, region)))
        view = _view(record, region)
        parts = [view[_HEAD]]
        for field in mask:
            if field == "photos":
                parts.append('"photos":' + dumps([self._photo(record)]))
            elif field in view:
                parts.append(f'"{field}":{view[field]}')
        return RawJson("{" + ",".join(parts) + "}")

    def _merged(
        self, record: Record, extra: list[Record], mask: Iterable[str], region: str
    ) -> dict[str, Any]:
        out: dict[str, Any] = {"resourceName": record.resource_name, "etag": record.etag}
        for field in mask:
            if field == "metadata":
                sources = [_source_entry(r) for r in (record, *extra)]
                out["metadata"] = {"sources": sources, "objectType": "PERSON"}
            elif field == "photos":
                out["photos"] = [self._photo(record)]
            else:
                items = list(_items(record, field, region))
                for other in extra:
                    items += [_not_primary(i) for i in _items(other, field, region)]
                if items:
                    out[field] = items
        return out

    def tombstone(self, tombstone: Tombstone, mask: Iterable[str]) -> RawJson:
        """A deleted person in a sync delta (shape of recorded connections_delta_removed.json)."""
        source = {"type": tombstone.source_type, "id": tombstone.source_id}
        out: dict[str, Any] = {
            "resourceName": tombstone.resource_name,
            "etag": ids.person_etag(tombstone.source_id, tombstone.seq),
            "metadata": {
                "sources": [
                    source
                    | {
                        "etag": ids.source_etag(tombstone.source_id, tombstone.seq),
                        "updateTime": _EPOCH,
                    }
                ],
                "objectType": "PERSON",
                "deleted": True,
            },
        }
        if "photos" in mask:
            url = f"{self._public_url()}{DEFAULT_PHOTO_PATH}{ord('?'):x}"
            metadata = {"primary": True, "source": source}
            out["photos"] = [{"metadata": metadata, "url": url, "default": True}]
        return RawJson(dumps(out))

    def _photo(self, record: Record) -> dict[str, Any]:
        base = self._public_url()
        metadata = {"primary": True, "source": _field_source(record)}
        if record.photo:
            return {"metadata": metadata, "url": f"{base}{PHOTO_PATH}{record.photo}"}
        return {
            "metadata": metadata,
            "url": f"{base}{DEFAULT_PHOTO_PATH}{ord(initial(record)):x}",
            "default": True,
        }


def initial(record: Record) -> str:
    """The letter a default photo shows: the first letter of the name, else of the email."""
    names = record.data.get("names")
    text = display_names(names[0])[0] if names else ""
    if not text:
        emails = record.data.get("emailAddresses")
        text = emails[0].get("value", "") if emails else ""
    letter = next((c for c in text if c.isalnum()), "?")
    return letter.upper()


def sort_name(record: Record, part: str) -> str:
    names = record.data.get("names")
    return fold(names[0].get(part, "")) if names else ""


def _items(record: Record, field: str, region: str) -> list[dict[str, Any]]:
    source = _field_source(record)
    return [
        decorate(field, item, primary=i == 0, source=source, region=region)
        for i, item in enumerate(record.data.get(field, ()))
    ]


def _view(record: Record, region: str) -> dict[str, str]:
    if record.view is None:
        view = {field: dumps(_items(record, field, region)) for field in record.data}
        view["metadata"] = dumps({"sources": [_source_entry(record)], "objectType": "PERSON"})
        view[_HEAD] = f'"resourceName":{dumps(record.resource_name)},"etag":{dumps(record.etag)}'
        record.view = view
    return record.view


def _field_source(record: Record) -> dict[str, str]:
    return {"type": record.source_type, "id": record.source_id}


def _source_entry(record: Record) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "type": record.source_type,
        "id": record.source_id,
        "etag": record.source_etag,
        "updateTime": ids.rfc3339(record.update_time),
    }
    if record.source_type in _USER_TYPES:
        entry["profileMetadata"] = {
            "objectType": "PERSON",
            "userTypes": _USER_TYPES[record.source_type],
        }
    return entry


def _not_primary(item: dict[str, Any]) -> dict[str, Any]:
    metadata = {k: v for k, v in item["metadata"].items() if k not in ("primary", "sourcePrimary")}
    return item | {"metadata": metadata}
