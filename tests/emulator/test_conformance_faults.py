"""Faults on demand: a per-minute quota answers 429 RESOURCE_EXHAUSTED in Google's envelope.

Google's quota errors are 429 RESOURCE_EXHAUSTED with an ErrorInfo (reason RATE_LIMIT_EXCEEDED);
the quota resets each minute. The response hook checks the envelope; here the counts and the reset.
"""

from __future__ import annotations

from collections.abc import Callable

from support.conformance import Api

from peopletui.emulator import Emulator


def test_a_per_minute_quota_is_exhausted_then_refilled(serve: Callable[..., Api]) -> None:
    emulator = Emulator(contacts=5, seed=5, faults="quota=5/min")
    api = serve(emulator)
    params = {"personFields": "names"}
    for _ in range(5):
        api.call("GET", "/v1/people/me/connections", params=params)
    error = api.error("GET", "/v1/people/me/connections", 429, params=params)
    assert error["status"] == "RESOURCE_EXHAUSTED"
    assert "RATE_LIMIT_EXCEEDED" in [d.get("reason") for d in error.get("details", [])]
    emulator.clock.advance(61)
    api.call("GET", "/v1/people/me/connections", params=params)


def test_no_faults_by_default(api: Api) -> None:
    for _ in range(60):
        api.call("GET", "/v1/people/me/connections", params={"personFields": "names"})
