"""Identifiers and etags shaped like Google's, derived deterministically from the state.

- A contact source id is 16 hex digits (``554075f48f2b9366``); the contact's resource name is
  ``people/c`` + that number in decimal (``people/c6142…``). Ids are drawn from
  [0x1000000000000000, 0x7fffffffffffffff], so every resource name has 19 digits, as Google's do.
- A profile id is 21 decimal digits starting with 1 (``people/104…``).
- A person etag looks like ``%EgUBAj03LhoEAQIFByIMSnFlS0YyTG9rNzg9`` and a source etag like
  ``#meYz1U/MITQ=``; both change with every write because they hash the write's sequence number.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime

_LOW, _HIGH = 0x1000000000000000, 0x7FFFFFFFFFFFFFFF
# The fixed head of Google's person etags (an encoded field-mask descriptor).
_PERSON_ETAG_HEAD = bytes.fromhex("120501023d372e1a0401020507220c")


def _digest(*parts: object, size: int = 8) -> bytes:
    text = "\x1f".join(str(p) for p in parts).encode()
    return hashlib.blake2b(text, digest_size=size).digest()


def source_id(salt: str, nonce: int) -> str:
    """The ``nonce``-th contact source id for ``salt`` (an account or a directory domain)."""
    number = int.from_bytes(_digest("source", salt, nonce), "big")
    return f"{_LOW + number % (_HIGH - _LOW + 1):016x}"


def contact_resource_id(source: str) -> str:
    """``554075f48f2b9366`` → ``c6142...``: the id part of ``people/c…``."""
    return f"c{int(source, 16)}"


def profile_id(salt: str, nonce: int = 0) -> str:
    number = int.from_bytes(_digest("profile", salt, nonce, size=9), "big") % 10**20
    return f"1{number:020d}"


def person_etag(source: str, seq: int) -> str:
    token = base64.b64encode(_digest("person", source, seq))
    return "%" + base64.b64encode(_PERSON_ETAG_HEAD + token).decode()


def source_etag(source: str, seq: int) -> str:
    return "#" + base64.b64encode(_digest("source-etag", source, seq)).decode()


def photo_key(salt: str, nonce: int) -> str:
    """An unguessable-looking photo path component (photo URLs are served without auth)."""
    return base64.urlsafe_b64encode(_digest("photo", salt, nonce, size=18)).decode()


def rfc3339(seconds: float) -> str:
    """``2026-07-27T12:14:10.615097Z``, the form of ``Source.updateTime``."""
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
