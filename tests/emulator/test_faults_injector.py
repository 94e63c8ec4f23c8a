"""The fault injector on its own: determinism, Google's error envelopes, quotas, latency, drops.

It works on `WireRequest`s and the emulator's `Clock`, so these tests drive it directly; the
same faults through the whole emulator and a real socket are in test_faults_end_to_end.py.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from support.discovery_validator import validate_error_envelope

from peopletui.emulator.clock import Clock
from peopletui.emulator.faults import FaultInjector, FaultSpec
from peopletui.emulator.wire import DropConnection, WireRequest, WireResponse

ACCOUNT_HEADER = "x-test-account"


def api(path: str = "/v1/people/me/connections", method: str = "GET", **query: str) -> WireRequest:
    return WireRequest(
        method, path, tuple(query.items()), headers={ACCOUNT_HEADER: "ada@example.org"}
    )


def injector(text: str, clock: Clock | None = None) -> FaultInjector:
    return FaultInjector(
        FaultSpec.parse(text),
        clock=clock or Clock(),
        account_of=lambda request: request.header(ACCOUNT_HEADER),
        exempt=lambda path: path.startswith("/v1/photos/"),
    )


def outcome(faults: FaultInjector, request: WireRequest) -> str:
    """What one request met: "ok", a status code, or the kind of drop."""
    try:
        answer = faults.before(request)
    except DropConnection:
        return "drop"
    if answer is not None:
        return str(answer.status)
    try:
        faults.after(request, WireResponse(200))
    except DropConnection:
        return "drop_after"
    return "ok"


def body(response: WireResponse) -> Any:
    return json.loads(response.body)


def test_same_seed_same_requests_same_faults() -> None:
    spec = "rate=0.5,seed=7"
    runs = []
    for _ in range(2):
        faults = injector(spec)
        runs.append([outcome(faults, api()) for _ in range(200)])
    assert runs[0] == runs[1]
    assert set(runs[0]) == {"ok", "429", "500", "503", "drop", "drop_after"}
    assert 60 < runs[0].count("ok") < 140


def test_another_seed_gives_other_faults() -> None:
    one, two = injector("rate=0.5,seed=1"), injector("rate=0.5,seed=2")
    assert [outcome(one, api()) for _ in range(50)] != [outcome(two, api()) for _ in range(50)]


def test_counts_tell_what_was_injected() -> None:
    faults = injector("rate=0.5,seed=3")
    seen = [outcome(faults, api()) for _ in range(100)]
    for kind in ("429", "500", "503", "drop", "drop_after"):
        assert faults.counts[kind] == seen.count(kind)
    assert faults.counts["quota"] == 0


def test_no_spec_no_faults() -> None:
    faults = injector("")
    assert {outcome(faults, api()) for _ in range(100)} == {"ok"}
    assert sum(faults.counts.values()) == 0


def test_only_the_chosen_kinds() -> None:
    faults = injector("rate=1,kinds=503+drop_after,seed=5")
    assert {outcome(faults, api()) for _ in range(60)} == {"503", "drop_after"}


def test_oauth_photos_and_other_paths_are_never_failed() -> None:
    faults = injector("rate=1,seed=1")
    for path in ("/token", "/o/oauth2/v2/auth", "/revoke", "/v1/photos/p1", "/"):
        assert outcome(faults, WireRequest("GET", path)) == "ok"
    assert sum(faults.counts.values()) == 0


@pytest.mark.parametrize(
    ("kind", "status", "message"),
    [
        ("429", "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota)."),
        ("500", "INTERNAL", "Internal error encountered."),
        ("503", "UNAVAILABLE", "The service is currently unavailable."),
    ],
)
def test_failures_are_googles_envelopes(kind: str, status: str, message: str) -> None:
    answer = injector(f"rate=1,kinds={kind}").before(api())
    assert answer is not None
    assert answer.status == int(kind)
    assert validate_error_envelope(body(answer), answer.status) == []
    assert body(answer)["error"]["status"] == status
    assert body(answer)["error"]["message"] == message
    assert answer.body.startswith(b"{\n  ")  # pretty by default, as Google
    compact = injector(f"rate=1,kinds={kind}").before(api(prettyPrint="false"))
    assert compact is not None and b"\n" not in compact.body


def test_drop_after_lets_the_request_happen_first() -> None:
    faults = injector("rate=1,kinds=drop_after")
    request = api("/v1/people:createContact", "POST")
    assert faults.before(request) is None  # the core runs the create
    with pytest.raises(DropConnection) as caught:
        faults.after(request, WireResponse(200))
    assert caught.value.after_processing
    assert faults.counts["drop_after"] == 1


def test_drop_happens_before_processing() -> None:
    with pytest.raises(DropConnection) as caught:
        injector("rate=1,kinds=drop").before(api())
    assert not caught.value.after_processing


def test_quota_exceeded_is_googles_429() -> None:
    clock = Clock()
    faults = injector("quota=3/min", clock)
    assert [outcome(faults, api()) for _ in range(4)] == ["ok", "ok", "ok", "429"]
    answer = faults.before(api())
    assert answer is not None
    envelope = body(answer)
    assert validate_error_envelope(envelope, 429) == []
    error = envelope["error"]
    assert error["status"] == "RESOURCE_EXHAUSTED"
    assert error["message"] == (
        "Quota exceeded for quota metric 'Critical read requests (Contact and Profile Reads)' "
        "and limit 'Critical read requests (Contact and Profile Reads) per minute per user' of "
        "service 'people.googleapis.com' for consumer 'project_number:000000000000'."
    )
    info = error["details"][0]
    assert info["@type"] == "type.googleapis.com/google.rpc.ErrorInfo"
    assert info["reason"] == "RATE_LIMIT_EXCEEDED"
    assert info["domain"] == "googleapis.com"
    assert info["metadata"]["quota_limit_value"] == "3"
    assert info["metadata"]["service"] == "people.googleapis.com"
    # Google's quota system sends no Retry-After: clients back off on their own.
    assert all(name.lower() != "retry-after" for name, _ in answer.headers)
    assert faults.counts["quota"] == 2


def test_quota_refills_after_a_minute_by_the_emulator_clock() -> None:
    clock = Clock()
    faults = injector("quota=2/min", clock)
    assert [outcome(faults, api()) for _ in range(3)] == ["ok", "ok", "429"]
    clock.advance(61)
    assert outcome(faults, api()) == "ok"


def test_quota_is_per_account_and_skips_unauthenticated_requests() -> None:
    faults = injector("quota=1/min")
    assert outcome(faults, api()) == "ok"
    assert outcome(faults, api()) == "429"
    other = WireRequest("GET", "/v1/people/me", headers={ACCOUNT_HEADER: "bob@example.org"})
    assert outcome(faults, other) == "ok"
    anonymous = WireRequest("GET", "/v1/people/me")
    assert outcome(faults, anonymous) == "ok"


def test_quota_costs_follow_googles_buckets() -> None:
    faults = injector("quota=6/min")
    # A batch create costs 6 critical reads and 6 critical writes: the bucket is now full...
    assert outcome(faults, api("/v1/people:batchCreateContacts", "POST")) == "ok"
    assert outcome(faults, api()) == "429"
    # ...while deletes draw on a bucket of their own ("Write requests").
    assert outcome(faults, api("/v1/people/c1:deleteContact", "DELETE")) == "ok"
    create = faults.before(api("/v1/people:createContact", "POST"))
    assert create is not None
    assert (
        "'Critical read requests (Contact and Profile Reads)'" in body(create)["error"]["message"]
    )
    faults = injector("quota=6/min")
    assert outcome(faults, api("/v1/people:batchDeleteContacts", "POST")) == "429"  # costs 10
    deleted = faults.before(api("/v1/people%2Fc1:deleteContact", "DELETE"))
    assert deleted is None


def test_latency_is_fixed_or_drawn_from_a_seeded_range() -> None:
    fixed = injector("latency=20ms")
    response = WireResponse(200)
    request = WireRequest("POST", "/token")  # latency applies to every request
    assert fixed.before(request) is None
    fixed.after(request, response)
    assert response.latency == pytest.approx(0.02)

    def delays(spec: str) -> list[float]:
        faults = injector(spec)
        found = []
        for _ in range(30):
            request, response = api(), WireResponse(200)
            assert faults.before(request) is None
            faults.after(request, response)
            found.append(response.latency)
        return found

    drawn = delays("latency=10ms..50ms,seed=4")
    assert drawn == delays("latency=10ms..50ms,seed=4")
    assert all(0.01 <= delay <= 0.05 for delay in drawn)
    assert len(set(drawn)) > 20


def test_fault_answers_carry_the_latency_too() -> None:
    answer = injector("rate=1,kinds=500,latency=30ms").before(api())
    assert answer is not None
    assert answer.latency == pytest.approx(0.03)
