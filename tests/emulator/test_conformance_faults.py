"""Faults on demand over the loopback server, each in Google's error envelope.

Google's quota errors are 429 RESOURCE_EXHAUSTED with an ErrorInfo (reason RATE_LIMIT_EXCEEDED);
the quota resets each minute. Its server errors are 500 INTERNAL "Internal error encountered."
and 503 UNAVAILABLE "The service is currently unavailable.", with no details (the envelope
peopletui/emulator/faults.py documents). Latency delays the answer and changes nothing in it; a
dropped connection answers nothing at all. Every response here also passes the `serve` fixture's
response hook (support.conformance.check_response): the error envelope, or the method's schema.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable

import httpx
import pytest
from support.conformance import Api

from peopletui.emulator import Emulator

CONNECTIONS = "/v1/people/me/connections"
NAMES = {"personFields": "names"}
SERVER_ERRORS = {
    500: {"code": 500, "message": "Internal error encountered.", "status": "INTERNAL"},
    503: {"code": 503, "message": "The service is currently unavailable.", "status": "UNAVAILABLE"},
}


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


def test_a_rate_of_500_and_503_answers_each_in_googles_envelope(
    serve: Callable[..., Api],
) -> None:
    emulator = Emulator(contacts=5, seed=5, faults="rate=0.5,kinds=500+503,seed=11")
    api = serve(emulator)
    seen: Counter[int] = Counter()
    for _ in range(40):
        response = api.http.get(CONNECTIONS, params=NAMES)
        seen[response.status_code] += 1
        if response.status_code == 200:
            assert len(response.json()["connections"]) == 5
        else:
            assert response.json() == {"error": SERVER_ERRORS[response.status_code]}
    assert set(seen) == {200, 500, 503}  # seed 11 draws both kinds, and successes between
    assert seen[500] == emulator.faults.counts["500"]
    assert seen[503] == emulator.faults.counts["503"]


@pytest.mark.parametrize("status", sorted(SERVER_ERRORS))
def test_a_server_error_answer_writes_nothing(serve: Callable[..., Api], status: int) -> None:
    emulator = Emulator(contacts=5, seed=5, faults=f"rate=1,kinds={status}")
    api = serve(emulator)
    error = api.error(
        "POST",
        "/v1/people:createContact",
        status,
        params=NAMES,
        body={"names": [{"givenName": "Never", "familyName": "Stored"}]},
    )
    assert error == SERVER_ERRORS[status]
    emulator.set_faults(None)
    assert api.connections(pageSize=100)["totalItems"] == 5


@pytest.fixture
def server_waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays the loopback server waited before answering (its `asyncio.sleep` calls), so
    latency is checked without timing anything."""
    waits: list[float] = []
    sleep = asyncio.sleep

    async def recorded(delay: float, result: object = None) -> object:
        if delay > 0:
            waits.append(delay)
        return await sleep(delay, result)

    monkeypatch.setattr(asyncio, "sleep", recorded)
    return waits


def test_added_latency_delays_each_answer_and_leaves_it_unchanged(
    serve: Callable[..., Api], server_waits: list[float]
) -> None:
    emulator = Emulator(contacts=5, seed=5, faults="latency=30ms")
    api = serve(emulator)
    first = api.connections()
    second = api.connections()
    assert first == second and len(first["connections"]) == 5
    assert server_waits == pytest.approx([0.030, 0.030])


def test_latency_also_delays_an_error_answer(
    serve: Callable[..., Api], server_waits: list[float]
) -> None:
    emulator = Emulator(contacts=5, seed=5, faults="rate=1,kinds=503,latency=20ms..40ms,seed=4")
    api = serve(emulator)
    assert api.error("GET", CONNECTIONS, 503, params=NAMES) == SERVER_ERRORS[503]
    assert len(server_waits) == 1 and 0.020 <= server_waits[0] <= 0.040


def test_a_dropped_connection_answers_nothing_and_writes_nothing(
    serve: Callable[..., Api],
) -> None:
    emulator = Emulator(contacts=5, seed=5, faults="rate=1,kinds=drop")
    api = serve(emulator)
    # No status line, no envelope: the client sees the server hang up.
    with pytest.raises(httpx.RemoteProtocolError):
        api.http.post(
            "/v1/people:createContact",
            params=NAMES,
            json={"names": [{"givenName": "Dropped", "familyName": "Before"}]},
        )
    assert emulator.faults.counts["drop"] == 1
    emulator.set_faults(None)
    assert api.connections(pageSize=100)["totalItems"] == 5  # the same client goes on
    # Once answered again, errors are in the envelope as before: a dropped connection leaves
    # no half-written answer behind for the next request on a new connection.
    error = api.error("GET", "/v1/people/c1", 404, params=NAMES)
    assert error == {
        "code": 404,
        "message": "Requested entity was not found.",
        "status": "NOT_FOUND",
    }
