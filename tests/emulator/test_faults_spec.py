"""The fault spec grammar: what `peopletui emulator --faults` accepts, and what it refuses."""

from __future__ import annotations

import pytest

from peopletui.emulator.faults import ALL_KINDS, FaultSpec


def test_empty_spec_is_no_faults() -> None:
    spec = FaultSpec.parse("")
    assert spec == FaultSpec()
    assert not spec.active
    assert str(spec) == "none"


def test_full_spec() -> None:
    spec = FaultSpec.parse(
        "rate=0.3, kinds=503+drop_after, seed=7, latency=10ms..50ms, quota=120/min"
    )
    assert spec.rate == 0.3
    assert spec.kinds == ("503", "drop_after")
    assert spec.seed == 7
    assert spec.latency == (0.01, 0.05)
    assert spec.quota == 120
    assert spec.active
    assert FaultSpec.parse(str(spec)) == spec


def test_defaults_and_units() -> None:
    assert FaultSpec.parse("rate=1").kinds == ALL_KINDS
    assert FaultSpec.parse("latency=20ms").latency == (0.02, 0.02)
    assert FaultSpec.parse("latency=0.5s").latency == (0.5, 0.5)
    assert FaultSpec.parse("quota=5/minute").quota == 5


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("rate", "expected key=value"),
        ("rate=", "expected key=value"),
        ("rate=1.5", "from 0 to 1"),
        ("rate=lots", "number from 0 to 1"),
        ("kinds=404", "unknown kind 404"),
        ("seed=x", "seed must be an integer"),
        ("latency=20", "latency must look like"),
        ("latency=50ms..10ms", "from low to high"),
        ("quota=120", "quota must look like 120/min"),
        ("quota=0/min", "at least 1/min"),
        ("chaos=1", "unknown key 'chaos'"),
        ("rate=0.1,rate=0.2", "given twice"),
    ],
)
def test_mistakes_are_explained(text: str, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        FaultSpec.parse(text)
