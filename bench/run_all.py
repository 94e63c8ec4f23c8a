"""Every benchmark of design §5 in one run, on one data set; prints each script's figures.

Run: .venv/bin/python bench/run_all.py [--count 25000] [--data bench/data] [--runs 7]
                                        [--khard-runs 3] [--rebuild] [--install-khard]

1. the data set (bench/dataset.py), built unless DATA holds one of the same size (--rebuild
   forces it; --install-khard puts khard into bench/.venvs/khard first);
2. sync requests and times (bench/bench_sync.py, the services' benchmark, when present);
3. `peopletui query` beside abook and khard (bench/bench_query.py);
4. the app's first rows and memory beside an empty Textual app and abook (bench/bench_app.py);
5. one filter keystroke (bench/bench_filter.py).
Each step runs as its own process, as it would by hand, so one's memory or imports never
colour another's figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def step(title: str, script: str, *arguments: str) -> int:
    print(f"\n== {title}: bench/{script} {' '.join(arguments)}", flush=True)
    return subprocess.run([sys.executable, str(BENCH / script), *arguments], check=False).returncode


def have_dataset(data: Path, count: int) -> bool:
    try:
        summary = json.loads((data / "dataset.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(summary.get("count") == count)


def sync_arguments(count: int) -> list[str] | None:
    """bench_sync.py belongs to the services; pass the book size if it takes one."""
    script = BENCH / "bench_sync.py"
    if not script.exists():
        return None
    usage = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, check=False
    ).stdout
    return ["--count", str(count)] if "--count" in usage else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=25_000)
    parser.add_argument("--data", type=Path, default=BENCH / "data")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--khard-runs", type=int, default=3)
    parser.add_argument("--keystrokes", type=int, default=300)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--install-khard", action="store_true")
    args = parser.parse_args()
    data = str(args.data.resolve())
    failures = 0
    if args.rebuild or args.install_khard or not have_dataset(args.data.resolve(), args.count):
        build = ["--count", str(args.count), "--data", data]
        failures += step(
            "data set", "dataset.py", *build, *(["--install-khard"] * args.install_khard)
        )
    sync = sync_arguments(args.count)
    if sync is None:
        print("\n== sync: bench/bench_sync.py is not there yet (the services' benchmark)")
    else:
        failures += bool(step("sync", "bench_sync.py", *sync))
    runs = ["--runs", str(args.runs)]
    failures += bool(
        step("query", "bench_query.py", "--data", data, *runs, "--khard-runs", str(args.khard_runs))
    )
    failures += bool(step("app start and memory", "bench_app.py", "--data", data, *runs))
    keystrokes = ["--keystrokes", str(args.keystrokes)]
    failures += bool(step("filter keystroke", "bench_filter.py", "--data", data, *keystrokes))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
