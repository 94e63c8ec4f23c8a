"""Response bodies written from pre-encoded JSON pieces.

A person's decorated fields are encoded once and kept on its record as compact JSON text (see
persons.py). Text is cheap to keep: the garbage collector does not track strings, whereas
millions of small cached dicts made every full collection pause a 25,000-contact sync for a
second or more. A response is then assembled by joining texts. Pretty printing (Google's default)
and partial responses (``fields``) need the values back, so they decode the pieces first.
"""

from __future__ import annotations

import json
from typing import Any

from .wire import WireResponse

_HEADERS = [
    ("content-type", "application/json; charset=UTF-8"),
    ("vary", "Origin, X-Origin, Referer"),
]


class RawJson(str):
    """A value that is already JSON text (compact, UTF-8 characters unescaped)."""

    __slots__ = ()


def dumps(value: Any) -> str:
    """Compact JSON, as Google writes it with ``prettyPrint=false``."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def encode(value: Any) -> str:
    if isinstance(value, RawJson):
        return str(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"{dumps(k)}:{encode(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(encode(v) for v in value) + "]"
    return dumps(value)


def materialize(value: Any) -> Any:
    """``value`` with every `RawJson` piece decoded into plain JSON values."""
    if isinstance(value, RawJson):
        return json.loads(value)
    if isinstance(value, dict):
        return {k: materialize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [materialize(v) for v in value]
    return value


def response(payload: Any, *, pretty: bool) -> WireResponse:
    if pretty:
        return WireResponse.json(200, materialize(payload), pretty=True)
    return WireResponse(200, encode(payload).encode(), list(_HEADERS))
