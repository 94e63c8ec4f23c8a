"""`report_figure` (tests/conftest.py): a test's figure shows in the summary of a plain run and
of a ``-n 2`` run, where the workers' own output never reaches the terminal."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py")
TESTS = """
def test_one(report_figure):
    report_figure("survived 42 injected faults")


def test_two(report_figure):
    report_figure("second figure")
    assert False, "a failing test still reports"


def test_quiet():
    pass
"""


@pytest.mark.parametrize("workers", [None, "2"])
def test_figures_show_in_the_summary(tmp_path: Path, workers: str | None) -> None:
    shutil.copy(CONFTEST, tmp_path / "conftest.py")
    (tmp_path / "test_sample.py").write_text(TESTS, encoding="utf-8")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)]
    if workers:
        command += ["-n", workers]
    result = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 1, result.stdout + result.stderr  # test_two fails on purpose
    summary = result.stdout.partition("figures reported by tests")[2]
    assert "test_sample.py::test_one: survived 42 injected faults" in summary, result.stdout
    assert "test_sample.py::test_two: second figure" in summary, result.stdout
    assert "test_quiet" not in summary
