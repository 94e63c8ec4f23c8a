"""When and how long to wait before sending a failed request again.

What is retried:

- 429 (RateLimited) always: Google refused the request before carrying it out.
- 500, 502, 503, 504 (ServerError), timeouts and dropped connections (TransportError): the request
  may or may not have been carried out. Reads are simply sent again. Writes are sent again only
  when the caller says how to make the repeat safe: an `attempt` that is told the outcome of an
  earlier attempt is unknown (so it can accept the 404 of a repeated delete, or check whether an
  "etag conflict" is its own earlier update), and for creates a `before_resend` look-up that finds
  the contact if the lost attempt did create it.
- A connection that could not be opened proves the server never saw the request: any request is
  sent again.

Waits use exponential backoff with full jitter (a uniform draw from 0 to base·2^n, capped), or
the server's Retry-After / RetryInfo when it sends one. Attempts and total time are capped.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .errors import PeopleApiError, RateLimited, ServerError, TransportError

T = TypeVar("T")

RETRYABLE_STATUS_CODES = frozenset({500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """Limits for one call, its first attempt and every retry included."""

    max_attempts: int = 6
    base_delay: float = 0.5
    """Seconds; the n-th retry waits a random time up to base_delay * 2**(n-1)."""
    max_delay: float = 32.0
    """Cap of one backoff wait (a longer Retry-After is still honoured, within `deadline`)."""
    deadline: float = 120.0
    """Seconds from the first attempt after which no retry starts."""

    def backoff(self, retry_number: int, rng: random.Random) -> float:
        """Full jitter: uniform in [0, min(max_delay, base_delay * 2**(retry_number - 1))]."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** (retry_number - 1))
        return rng.uniform(0.0, ceiling)


NO_RETRIES = RetryPolicy(max_attempts=1)


@dataclass
class RetryStats:
    """What the client survived, for status lines, logs and tests."""

    attempts: int = 0
    retries: int = 0
    causes: Counter[str] = field(default_factory=Counter)
    """Retries by cause: "429", "500", "503", ..., "timeout", "connection"."""
    unknown_outcomes: int = 0
    """Failures after which the request may have been carried out."""
    recovered: Counter[str] = field(default_factory=Counter)
    """Writes found already applied after an unknown outcome: "create", "update", "delete"."""


def retry_cause(error: PeopleApiError) -> str | None:
    """A short name for a retryable failure, or None if sending again cannot help."""
    if isinstance(error, RateLimited):
        return "429"
    if isinstance(error, ServerError) and error.status_code in RETRYABLE_STATUS_CODES:
        return str(error.status_code)
    if isinstance(error, TransportError):
        return "timeout" if error.timed_out else "connection"
    return None


def maybe_processed(error: PeopleApiError) -> bool:
    """Whether the failed request may have been carried out by the server."""
    if isinstance(error, RateLimited):
        return False
    if isinstance(error, TransportError):
        return error.maybe_processed
    return True


class Retrier:
    """Runs one call under a `RetryPolicy`, counting into `stats`."""

    def __init__(
        self,
        policy: RetryPolicy,
        stats: RetryStats,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        self.policy = policy
        self.stats = stats
        self._sleep = sleep
        self._clock = clock
        self._rng = rng or random.Random()

    async def run(
        self,
        attempt: Callable[[bool], Awaitable[T]],
        *,
        repeatable: bool,
        before_resend: Callable[[], Awaitable[T | None]] | None = None,
    ) -> T:
        """Call `attempt(uncertain)` until it succeeds or the policy gives up.

        ``uncertain`` is True once an earlier attempt may have been carried out. A write that is
        not `repeatable` is sent again after an unknown outcome only through `before_resend`,
        which returns the result if the earlier attempt did take effect, or None to resend.
        """
        started = self._clock()
        uncertain = False
        for number in range(1, self.policy.max_attempts + 1):
            self.stats.attempts += 1
            try:
                return await attempt(uncertain)
            except PeopleApiError as error:
                cause = retry_cause(error)
                unknown = maybe_processed(error)
                if cause is None:
                    raise
                if unknown:
                    self.stats.unknown_outcomes += 1
                    if not repeatable and before_resend is None:
                        raise
                delay = self._delay(number, error)
                if number == self.policy.max_attempts or (
                    self._clock() - started + delay > self.policy.deadline
                ):
                    raise
                self.stats.retries += 1
                self.stats.causes[cause] += 1
                await self._sleep(delay)
            if unknown:
                uncertain = True
                if before_resend is not None:
                    found = await before_resend()
                    if found is not None:
                        return found
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _delay(self, retry_number: int, error: PeopleApiError) -> float:
        if isinstance(error, RateLimited) and error.retry_after is not None:
            return error.retry_after
        return self.policy.backoff(retry_number, self._rng)
