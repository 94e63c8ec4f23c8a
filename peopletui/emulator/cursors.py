"""Page tokens and sync tokens: opaque to clients, self-contained for the emulator.

A token carries what the next call needs (where the previous page ended, the write sequence
number a sync starts from, when it was issued) plus a fingerprint of the request parameters it was
issued for, since Google requires "all other request parameters must match the first call". A
checksum makes an edited or truncated token fail as malformed. Because tokens hold no server-side
state they survive saving and loading the emulator's state.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

from .errors import invalid_argument


def fingerprint(*parts: object) -> str:
    """A short digest of the parameters a token is bound to."""
    text = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=list)
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def encode(kind: str, payload: dict[str, Any]) -> str:
    body = json.dumps([kind, payload], separators=(",", ":"), ensure_ascii=False).encode()
    check = hashlib.blake2b(body, digest_size=4).digest()
    return base64.urlsafe_b64encode(check + body).decode().rstrip("=")


def decode(token: str, kind: str) -> dict[str, Any]:
    """The payload of a token of ``kind``; anything else is 400 "Request contains an invalid
    argument." (Google's answer to a malformed sync token, tests/reference/recorded/…)."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        check, body = raw[:4], raw[4:]
        if hashlib.blake2b(body, digest_size=4).digest() != check:
            raise ValueError("checksum")
        found_kind, payload = json.loads(body)
    except (binascii.Error, ValueError, TypeError):
        raise invalid_argument() from None
    if found_kind != kind or not isinstance(payload, dict):
        raise invalid_argument()
    return payload
