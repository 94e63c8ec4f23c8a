"""Fixtures for the whole suite: no test touches the user's real config, cache, state or keyring.

A test can also report a figure in the run's summary (see `pytest_terminal_summary`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

FIGURE = "figure"
"""The `record_property` name whose values the summary shows (see the `report_figure` fixture)."""


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point every platform dir (XDG on Linux) at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    for name, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.delenv("PEOPLETUI_TOKEN", raising=False)
    yield home


@pytest.fixture
def report_figure(record_property: Callable[[str, object], None]) -> Callable[[str], None]:
    """``report_figure(text)`` shows one line in the run's summary, without ``-s``.

    It goes through `record_property`: user properties travel with the test's report, so the
    line also shows under ``-n`` (pytest-xdist), where a worker's own output never reaches the
    terminal. A figure, never a pass/fail condition.
    """

    def report(text: str) -> None:
        record_property(FIGURE, text)

    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Show each test's reported figures in a section of the summary, on every run."""
    lines = []
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) != "call":
                continue
            for name, value in getattr(report, "user_properties", ()):
                if name == FIGURE:
                    lines.append(f"{report.nodeid}: {value}")
    if lines:
        terminalreporter.write_sep("-", "figures reported by tests")
        for line in sorted(lines):
            terminalreporter.write_line(line)
