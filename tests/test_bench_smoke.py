"""The benchmark scripts run end to end on a small book (500 contacts; 300 for bench_seed), to prove
they work; their figures are printed, never asserted. Nothing is installed here: khard and abook
are used when present (khard in bench/.venvs/khard, abook from the system) and skipped with the
reason otherwise."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
KHARD = BENCH / ".venvs" / "khard" / "bin" / "khard"


def _run(script: str, *arguments: str) -> str:
    result = subprocess.run(
        [sys.executable, str(BENCH / script), *arguments],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bench-data")
    output = _run("dataset.py", "--count", "500", "--data", str(folder))
    assert "dataset: 500 contacts" in output
    return folder


@pytest.mark.slow
def test_dataset_writes_the_same_book_for_every_program(data: Path) -> None:
    assert len(list((data / "vcards").glob("*.vcf"))) == 500
    assert (data / "abook" / "addressbook").read_text(encoding="utf-8").count("\nname=") == 500
    assert list((data / "cache" / "peopletui").glob("people-*.sqlite3"))


@pytest.fixture(scope="module")
def query_output(data: Path) -> str:
    khard_runs = "1" if KHARD.exists() else "0"
    return _run("bench_query.py", "--data", str(data), "--runs", "2", "--khard-runs", khard_runs)


@pytest.mark.slow
def test_query_benchmark_runs(query_output: str) -> None:
    assert "peopletui" in query_output and "median of 2" in query_output


@pytest.mark.slow
def test_query_benchmark_compares_with_abook(query_output: str) -> None:
    if shutil.which("abook") is None:
        assert "abook: skipped, not installed" in query_output
        pytest.skip("abook is not installed (apt-get install -y abook)")
    assert "peopletui / abook =" in query_output


@pytest.mark.slow
def test_query_benchmark_compares_with_khard(query_output: str) -> None:
    if not KHARD.exists():
        assert "khard: skipped" in query_output
        pytest.skip("khard is not installed (bench/dataset.py --install-khard)")
    assert "khard / peopletui =" in query_output


@pytest.mark.slow
def test_app_benchmark_runs(data: Path) -> None:
    output = _run("bench_app.py", "--data", str(data), "--runs", "1")
    assert "empty Textual app" in output
    assert "peopletui first rows" in output


@pytest.mark.slow
def test_filter_benchmark_runs(data: Path) -> None:
    output = _run("bench_filter.py", "--data", str(data), "--keystrokes", "50")
    assert "median" in output and "p95" in output


@pytest.mark.slow
def test_run_all_runs_every_step_on_an_existing_data_set(data: Path) -> None:
    output = _run(
        "run_all.py",
        *("--count", "500", "--data", str(data), "--runs", "1", "--khard-runs", "0"),
        *("--keystrokes", "20"),
    )
    for title in ("query", "app start and memory", "filter keystroke"):
        assert f"== {title}" in output
    assert "== data set" not in output  # reused, not rebuilt


@pytest.mark.slow
def test_seed_benchmark_runs() -> None:
    output = _run("bench_seed.py", "--count", "300", "--runs", "2")
    assert "bench_seed: 300 contacts, seed 0, median of 2 runs" in output
    for label in (
        "import peopletui.emulator",
        "seed: demo_contacts(300)",
        "emulator: Emulator(contacts=300)",
    ):
        line = next(line for line in output.splitlines() if line.startswith(label))
        assert re.search(r"median +\d+\.\d{3} s +\(min \d+\.\d{3}, max \d+\.\d{3}\)", line), line
