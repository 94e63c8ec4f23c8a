"""The emulator's view of one HTTP exchange, independent of how it arrived.

Both ways of running the emulator (the in-process httpx transport and the loopback h11 server)
turn what they received into a `WireRequest`, call `Emulator.handle`, and send the `WireResponse`
back. Keeping this boundary small is what lets one implementation serve both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class WireRequest:
    method: str
    """Upper-case HTTP verb."""
    raw_path: str
    """The path exactly as sent, percent-encoding intact, without the query string
    (for example ``/v1/people%2Fc1:updateContact``)."""
    query: tuple[tuple[str, str], ...] = ()
    """Decoded query pairs in the order sent; repeated keys stay repeated."""
    headers: dict[str, str] = field(default_factory=dict)
    """Header names lower-cased."""
    body: bytes = b""

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def query_values(self, key: str) -> list[str]:
        return [v for k, v in self.query if k == key]


@dataclass
class WireResponse:
    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    latency: float = 0.0
    """Seconds the adapter waits before answering (a fault); the core never sleeps."""

    @classmethod
    def json(cls, status: int, payload: Any, *, pretty: bool = True) -> WireResponse:
        # Google pretty-prints by default (prettyPrint=true); clients may turn it off.
        text = json.dumps(payload, ensure_ascii=False, indent=2 if pretty else None)
        return cls(
            status,
            text.encode(),
            [
                ("content-type", "application/json; charset=UTF-8"),
                ("vary", "Origin, X-Origin, Referer"),
            ],
        )


class DropConnection(Exception):
    """Raised by the core to make the adapter close the connection without an answer.

    ``after_processing`` tells whether the request took effect before the drop: the case a client
    must survive without duplicating a create.
    """

    def __init__(self, *, after_processing: bool) -> None:
        super().__init__("connection dropped" + (" after processing" if after_processing else ""))
        self.after_processing = after_processing
