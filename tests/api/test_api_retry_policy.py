"""The retry loop on its own: which failures are retried, how long it waits, when it stops.

The attempts here are plain async functions that raise the client's own error types, the way
the HTTP layer does; the end-to-end behaviour against the emulator is in test_client_faults.py.
"""

from __future__ import annotations

import random

import pytest

from peopletui.api.errors import (
    BadRequest,
    EtagConflict,
    RateLimited,
    ServerError,
    TransportError,
    Unauthenticated,
)
from peopletui.api.retry import Retrier, RetryPolicy, RetryStats


class Recorder:
    """Records the waits instead of sleeping, and a clock the test can move."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.now = 0.0

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def _retrier(policy: RetryPolicy, recorder: Recorder) -> Retrier:
    return Retrier(
        policy, RetryStats(), sleep=recorder.sleep, clock=recorder.clock, rng=random.Random(1)
    )


def _failing(errors: list[Exception], result: str = "ok"):
    calls: list[bool] = []

    async def attempt(uncertain: bool) -> str:
        calls.append(uncertain)
        if errors:
            raise errors.pop(0)
        return result

    return attempt, calls


def test_full_jitter_stays_within_the_exponential_ceiling() -> None:
    policy = RetryPolicy(base_delay=0.5, max_delay=4.0)
    rng = random.Random(3)
    for retry_number, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (9, 4.0)]:
        draws = [policy.backoff(retry_number, rng) for _ in range(200)]
        assert all(0.0 <= d <= ceiling for d in draws)
        assert max(draws) > ceiling * 0.8  # jitter spreads over the whole range


async def test_rate_limits_server_errors_and_drops_are_retried_for_reads() -> None:
    recorder = Recorder()
    retrier = _retrier(RetryPolicy(max_attempts=5), recorder)
    attempt, calls = _failing(
        [
            RateLimited("slow down"),
            ServerError("boom", status_code=503),
            TransportError("RemoteProtocolError", maybe_processed=True),
        ]
    )
    assert await retrier.run(attempt, repeatable=True) == "ok"
    assert calls == [False, False, True, True]  # uncertain once a 503 may have been processed
    assert retrier.stats.causes == {"429": 1, "503": 1, "connection": 1}
    assert retrier.stats.retries == 3 and retrier.stats.attempts == 4


async def test_retry_after_is_honoured() -> None:
    recorder = Recorder()
    retrier = _retrier(RetryPolicy(max_attempts=3, max_delay=1.0), recorder)
    attempt, _ = _failing([RateLimited("wait", retry_after=7.5)])
    assert await retrier.run(attempt, repeatable=True) == "ok"
    assert recorder.waits == [7.5]


@pytest.mark.parametrize(
    "error",
    [
        BadRequest("bad"),
        EtagConflict("stale"),
        Unauthenticated("who"),
        ServerError("not implemented", status_code=501),
    ],
)
async def test_errors_that_a_retry_cannot_fix_are_raised_at_once(error: Exception) -> None:
    retrier = _retrier(RetryPolicy(), Recorder())
    attempt, calls = _failing([error])
    with pytest.raises(type(error)):
        await retrier.run(attempt, repeatable=True)
    assert len(calls) == 1


async def test_attempts_are_capped() -> None:
    retrier = _retrier(RetryPolicy(max_attempts=3), Recorder())
    attempt, calls = _failing([RateLimited("x") for _ in range(5)])
    with pytest.raises(RateLimited):
        await retrier.run(attempt, repeatable=True)
    assert len(calls) == 3


async def test_total_time_is_capped() -> None:
    recorder = Recorder()
    retrier = _retrier(RetryPolicy(max_attempts=50, deadline=10.0), recorder)
    attempt, _ = _failing([RateLimited("x", retry_after=4.0) for _ in range(10)])
    with pytest.raises(RateLimited):
        await retrier.run(attempt, repeatable=True)
    assert sum(recorder.waits) <= 10.0


async def test_a_write_that_is_not_repeatable_is_not_resent_blindly() -> None:
    retrier = _retrier(RetryPolicy(), Recorder())
    attempt, calls = _failing([ServerError("boom", status_code=500)])
    with pytest.raises(ServerError):
        await retrier.run(attempt, repeatable=False)
    assert len(calls) == 1


async def test_a_write_that_is_not_repeatable_is_resent_when_the_server_never_saw_it() -> None:
    retrier = _retrier(RetryPolicy(), Recorder())
    attempt, calls = _failing(
        [RateLimited("x"), TransportError("ConnectError", maybe_processed=False)]
    )
    assert await retrier.run(attempt, repeatable=False) == "ok"
    assert calls == [False, False, False]


async def test_before_resend_can_find_the_earlier_attempt_took_effect() -> None:
    retrier = _retrier(RetryPolicy(), Recorder())
    attempt, calls = _failing([TransportError("dropped", maybe_processed=True)])
    looked: list[int] = []

    async def before_resend() -> str | None:
        looked.append(1)
        return "found"

    assert await retrier.run(attempt, repeatable=False, before_resend=before_resend) == "found"
    assert calls == [False] and looked == [1]


async def test_before_resend_returning_none_sends_again() -> None:
    retrier = _retrier(RetryPolicy(), Recorder())
    attempt, calls = _failing([ServerError("boom", status_code=502)])

    async def before_resend() -> str | None:
        return None

    assert await retrier.run(attempt, repeatable=False, before_resend=before_resend) == "ok"
    assert calls == [False, True]
