"""`peopletui query` beside `abook --mutt-query` and `khard email --parsable` (design §5: within
1.5× of abook, over 400× faster than khard), on the same contacts (bench/dataset.py).

Run: .venv/bin/python bench/bench_query.py [--data bench/data] [--runs 7] [--khard-runs 3]

For each query of the data set, every program runs once to warm the OS file cache, then the
programs take turns, round after round, so that noise on the machine hits them alike. Printed
per query: the median wall time of each (process start to exit, output read through a pipe as
a mail client reads it), the number of result lines, and the ratios. The
interpreter's own start (`python -c pass`) is printed for scale. Programs that are not
installed are skipped with the reason.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from dataset import khard_program, load  # noqa: E402
from measure import Series, run_program  # noqa: E402


def programs(
    data: Path, summary: dict[str, object], khard_runs: int = 1
) -> dict[str, tuple[list[str], dict[str, str]]]:
    """name: (command before the query, environment)."""
    home = data / "home"  # abook and khard read their config from HOME: keep the user's out
    home.mkdir(exist_ok=True)
    base = {**os.environ, "HOME": str(home)}
    found: dict[str, tuple[list[str], dict[str, str]]] = {}
    script = Path(sys.executable).parent / "peopletui"
    found["peopletui"] = (
        [str(script), "query", "--format", "mutt"],
        {**base, "XDG_CACHE_HOME": str(summary["cache_home"])},
    )
    abook = shutil.which("abook")
    if abook:
        found["abook"] = ([abook, "--datafile", str(summary["abook"]), "--mutt-query"], base)
    khard = khard_program()
    if khard and khard_runs > 0:
        config = str(summary["khard_config"])
        found["khard"] = ([str(khard), "-c", config, "email", "--parsable"], base)
    return found


def missing_reasons(found: dict[str, object], khard_runs: int) -> list[str]:
    reasons = []
    if "abook" not in found:
        reasons.append("abook: skipped, not installed (apt-get install -y abook)")
    if khard_runs <= 0:
        reasons.append("khard: skipped (--khard-runs 0)")
    elif "khard" not in found:
        reasons.append("khard: skipped, not installed (bench/dataset.py --install-khard)")
    return reasons


def measure(data: Path, runs: int, khard_runs: int) -> dict[str, dict[str, Series]]:
    summary = load(data)
    found = programs(data, summary, khard_runs)
    results: dict[str, dict[str, Series]] = {}
    for query in summary["queries"]:
        series = {name: Series(name) for name in found}
        for command, env in found.values():  # warm-up, not counted
            run_program([*command, query], env)
        for round_number in range(runs):
            for name, (command, env) in found.items():
                if name == "khard" and round_number >= khard_runs:
                    continue
                series[name].runs.append(run_program([*command, query], env))
        results[query] = series
    return results


def report(results: dict[str, dict[str, Series]], found_reasons: list[str]) -> list[str]:
    lines = []
    for query, series in results.items():
        lines.append(f"query {query!r}:")
        for item in series.values():
            lines.append(
                f"  {item.name:<10} {item.median_ms:9.1f} ms median of {len(item.runs)}"
                f"   {item.runs[0].lines:5d} lines"
                f"   exit {item.runs[0].status}"
            )
        ours = series["peopletui"].median_ms
        if "abook" in series:
            lines.append(f"  peopletui / abook = {ours / series['abook'].median_ms:.2f}×")
        if "khard" in series:
            lines.append(f"  khard / peopletui = {series['khard'].median_ms / ours:.0f}×")
    return lines + found_reasons


def interpreter_floor(runs: int) -> float:
    floor = Series("python -c pass")
    for _ in range(max(runs, 5)):
        floor.runs.append(run_program([sys.executable, "-c", "pass"]))
    return floor.median_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=BENCH / "data")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--khard-runs", type=int, default=3, help="khard takes seconds a run")
    args = parser.parse_args()
    data = args.data.resolve()
    found = programs(data, load(data), args.khard_runs)
    results = measure(data, args.runs, args.khard_runs)
    print(f"query commands over {load(data)['count']} contacts")
    for line in report(results, missing_reasons(found, args.khard_runs)):
        print(line)
    print(f"python -c pass (interpreter start, for scale): {interpreter_floor(args.runs):.1f} ms")


if __name__ == "__main__":
    main()
