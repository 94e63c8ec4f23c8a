"""Faults on demand: seeded failures, per-minute quotas, latency and dropped connections.

Off by default. A spec is comma-separated ``key=value`` pairs::

    rate=0.3                   fraction (0..1) of API requests that fail
    kinds=429+500+503+drop+drop_after
                               which failures, chosen uniformly (default: all five)
                                 429         RESOURCE_EXHAUSTED "Resource has been exhausted ..."
                                 500         INTERNAL "Internal error encountered."
                                 503         UNAVAILABLE "The service is currently unavailable."
                                 drop        connection closed before the request is processed
                                 drop_after  request processed (a create is created), then the
                                             connection is closed without an answer
    seed=7                     reproducible: the same spec and the same request sequence give
                               the same faults (default: a fresh random seed)
    latency=20ms               added to every request; ``latency=10ms..50ms`` draws each delay
                               from a seeded uniform range (units: ms or s)
    quota=120/min              per-account limit of each of the People API's per-minute quota
                               buckets; beyond it 429 RESOURCE_EXHAUSTED as Google words it

Example: ``rate=0.2,kinds=503+drop_after,seed=7,latency=5ms..30ms,quota=90/min``.

Failures and quotas apply only to API paths (``/v1/...``), never to the OAuth endpoints or photo
downloads; latency applies to every request.

Quotas are metered as Google does (see quotas.py): per method cost, per bucket, and a 429 with no
``Retry-After`` header, so clients back off on their own.
"""

from __future__ import annotations

import random
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .clock import Clock
from .errors import ApiError
from .quotas import QuotaMeter, quota_cost
from .wire import DropConnection, WireRequest, WireResponse

ALL_KINDS = ("429", "500", "503", "drop", "drop_after")

_STATIC_FAILURES = {
    "429": ("RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota)."),
    "500": ("INTERNAL", "Internal error encountered."),
    "503": ("UNAVAILABLE", "The service is currently unavailable."),
}


@dataclass(frozen=True)
class FaultSpec:
    rate: float = 0.0
    kinds: tuple[str, ...] = ALL_KINDS
    seed: int | None = None
    latency: tuple[float, float] = (0.0, 0.0)
    """Seconds, as a (low, high) range; equal ends mean a fixed delay."""
    quota: int | None = None
    """Units per minute per account in each quota bucket; None: unlimited."""

    @property
    def active(self) -> bool:
        return self.rate > 0 or self.quota is not None or self.latency[1] > 0

    @classmethod
    def parse(cls, text: str) -> FaultSpec:
        """Read a spec such as ``rate=0.3,kinds=503+drop,seed=7``; ValueError says what is wrong."""
        fields: dict[str, Any] = {}
        for item in filter(None, (part.strip() for part in text.split(","))):
            key, sep, value = (s.strip() for s in item.partition("="))
            if not sep or not value:
                raise ValueError(f"fault spec: expected key=value, got {item!r}")
            if key in fields:
                raise ValueError(f"fault spec: {key!r} given twice")
            parser = _PARSERS.get(key)
            if parser is None:
                known = ", ".join(sorted(_PARSERS))
                raise ValueError(f"fault spec: unknown key {key!r} (known: {known})")
            fields[key] = parser(value)
        return cls(**fields)

    def __str__(self) -> str:
        parts = []
        if self.rate:
            parts.append(f"rate={self.rate:g}")
            if self.kinds != ALL_KINDS:
                parts.append("kinds=" + "+".join(self.kinds))
        if self.seed is not None:
            parts.append(f"seed={self.seed}")
        low, high = self.latency
        if high:
            parts.append(f"latency={_ms(low)}" + ("" if low == high else f"..{_ms(high)}"))
        if self.quota is not None:
            parts.append(f"quota={self.quota}/min")
        return ",".join(parts) or "none"


def _parse_rate(value: str) -> float:
    try:
        rate = float(value)
    except ValueError:
        raise ValueError(f"fault spec: rate must be a number from 0 to 1, got {value!r}") from None
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"fault spec: rate must be from 0 to 1, got {value!r}")
    return rate


def _parse_kinds(value: str) -> tuple[str, ...]:
    kinds = tuple(dict.fromkeys(k.strip() for k in value.split("+")))
    unknown = [k for k in kinds if k not in ALL_KINDS]
    if unknown or not kinds:
        named = ", ".join(unknown) or repr(value)
        raise ValueError(f"fault spec: unknown kind {named} (known: {'+'.join(ALL_KINDS)})")
    return kinds


def _parse_seed(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"fault spec: seed must be an integer, got {value!r}") from None


_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*(ms|s)$")


def _parse_duration(value: str) -> float:
    match = _DURATION.match(value.strip())
    if not match:
        raise ValueError(f"fault spec: latency must look like 20ms or 0.5s, got {value!r}")
    number = float(match.group(1))
    return number / 1000 if match.group(2) == "ms" else number


def _parse_latency(value: str) -> tuple[float, float]:
    low_text, sep, high_text = value.partition("..")
    low = _parse_duration(low_text)
    high = _parse_duration(high_text) if sep else low
    if high < low:
        raise ValueError(f"fault spec: latency range must go from low to high, got {value!r}")
    return (low, high)


def _parse_quota(value: str) -> int:
    number, sep, unit = value.partition("/")
    if not sep or unit.strip() not in ("min", "minute") or not number.strip().isdigit():
        raise ValueError(f"fault spec: quota must look like 120/min, got {value!r}")
    quota = int(number)
    if quota < 1:
        raise ValueError("fault spec: quota must be at least 1/min")
    return quota


_PARSERS: dict[str, Callable[[str], Any]] = {
    "rate": _parse_rate,
    "kinds": _parse_kinds,
    "seed": _parse_seed,
    "latency": _parse_latency,
    "quota": _parse_quota,
}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:g}ms"


@dataclass
class _Staged:
    request: WireRequest
    latency: float
    drop_after: bool


class FaultInjector:
    """Applies a `FaultSpec` around the core: `before` may answer or drop, `after` may drop.

    ``counts`` tells tests how many faults of each kind (and quota refusals, under ``"quota"``)
    were injected.
    """

    def __init__(
        self,
        spec: FaultSpec,
        *,
        clock: Clock,
        account_of: Callable[[WireRequest], str | None] | None = None,
        exempt: Callable[[str], bool] | None = None,
    ) -> None:
        """``account_of`` names the account behind a request (quotas are per account; requests
        without a valid token are not metered). ``exempt`` marks paths under /v1/ that are not
        API calls (photo downloads)."""
        self.spec = spec
        self.counts: dict[str, int] = dict.fromkeys((*ALL_KINDS, "quota"), 0)
        self._clock = clock
        self._account_of = account_of
        self._exempt = exempt
        seed = spec.seed if spec.seed is not None else secrets.randbits(64)
        # Separate streams, so that latency on OAuth or photo requests never shifts which API
        # requests fail.
        self._failure_rng = random.Random(f"failures:{seed}")
        self._latency_rng = random.Random(f"latency:{seed}")
        self._quota = QuotaMeter(spec.quota, clock=clock) if spec.quota is not None else None
        self._staged: _Staged | None = None
        self._lock = threading.Lock()

    def is_api_request(self, request: WireRequest) -> bool:
        path = request.raw_path
        return path.startswith("/v1/") and not (self._exempt and self._exempt(path))

    def before(self, request: WireRequest) -> WireResponse | None:
        """A fault answer for this request, or None to process it. May raise `DropConnection`."""
        with self._lock:
            latency = self._draw_latency()
            self._staged = _Staged(request, latency, drop_after=False)
            if not self.is_api_request(request):
                return None
            # Two draws for every API request whatever the outcome, so a given request sequence
            # always meets the same faults.
            roll = self._failure_rng.random()
            kind = self._failure_rng.choice(self.spec.kinds)
            account = self._account_of(request) if self._account_of else None
            cost = quota_cost(request)
            if account is not None and self._quota is not None:
                refusal = self._quota.refusal(account, cost)
                if refusal is not None:
                    self.counts["quota"] += 1
                    return self._answer(request, refusal, latency)
            if roll < self.spec.rate:
                self.counts[kind] += 1
                if kind == "drop":
                    self._staged = None
                    raise DropConnection(after_processing=False)
                if kind == "drop_after":
                    self._staged.drop_after = True
                else:
                    status, message = _STATIC_FAILURES[kind]
                    return self._answer(request, ApiError(status, message), latency)
            if account is not None and self._quota is not None:
                self._quota.use(account, cost)
            return None

    def after(self, request: WireRequest, response: WireResponse) -> None:
        """Add the staged latency; drop the connection now if this request drew ``drop_after``."""
        with self._lock:
            staged, self._staged = self._staged, None
        if staged is None or staged.request is not request:
            return
        response.latency += staged.latency
        if staged.drop_after:
            raise DropConnection(after_processing=True)

    def _draw_latency(self) -> float:
        low, high = self.spec.latency
        # Always draw, so the latency sequence does not depend on which requests had faults.
        draw = self._latency_rng.random()
        return low + (high - low) * draw

    def _answer(self, request: WireRequest, error: ApiError, latency: float) -> WireResponse:
        self._staged = None
        pretty = request.query_values("prettyPrint")[-1:] != ["false"]
        response = error.to_response(pretty=pretty)
        response.latency = latency
        return response
