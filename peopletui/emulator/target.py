"""Turning what an HTTP adapter received into a `WireRequest`, the same way for both adapters.

The in-process transport and the loopback server must agree byte for byte on paths and queries,
or a test that passes in-process could fail on loopback. So both call `wire_request` here.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import parse_qsl

from .wire import WireRequest

# Query parameters that carry credentials: never written to a log line.
SECRET_QUERY_PARAMS = frozenset(
    {
        "access_token",
        "oauth_token",
        "key",
        "code",
        "token",
        "refresh_token",
        "id_token",
        "client_secret",
        "code_verifier",
        "assertion",
    }
)


def split_target(target: bytes | str) -> tuple[str, str]:
    """``/v1/people%2Fc1?personFields=names`` → (``/v1/people%2Fc1``, ``personFields=names``).

    The path keeps its percent-encoding: ``%2F`` inside a resource name must stay distinguishable
    from a real ``/``.
    """
    text = target.decode("ascii", "replace") if isinstance(target, bytes) else target
    path, _, query = text.partition("?")
    return path or "/", query


def parse_query(query: str) -> tuple[tuple[str, str], ...]:
    """Decoded pairs in the order sent; repeated keys stay repeated (Google's repeated params)."""
    return tuple(parse_qsl(query, keep_blank_values=True, errors="replace"))


def wire_request(
    method: str,
    target: bytes | str,
    headers: Iterable[tuple[bytes | str, bytes | str]],
    body: bytes,
) -> WireRequest:
    """Build the request the core sees. HEAD is answered as GET; the adapter drops the body."""
    path, query = split_target(target)
    merged: dict[str, str] = {}
    for raw_name, raw_value in headers:
        name = _text(raw_name).lower()
        value = _text(raw_value)
        # RFC 9110 §5.3: repeated fields are equivalent to one comma-joined field.
        merged[name] = f"{merged[name]}, {value}" if name in merged else value
    verb = method.upper()
    return WireRequest(
        method="GET" if verb == "HEAD" else verb,
        raw_path=path,
        query=parse_query(query),
        headers=merged,
        body=body,
    )


def redacted_target(target: bytes | str) -> str:
    """The request target for a log line, with credential-bearing query values replaced."""
    path, query = split_target(target)
    if not query:
        return path
    pieces = []
    for piece in query.split("&"):
        name, sep, _value = piece.partition("=")
        decoded = parse_qsl(name + "=", keep_blank_values=True, errors="replace")
        key = decoded[0][0] if decoded else name
        pieces.append(f"{name}=REDACTED" if sep and key in SECRET_QUERY_PARAMS else piece)
    return f"{path}?{'&'.join(pieces)}"


def _text(value: bytes | str) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else value
