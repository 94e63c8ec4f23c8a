"""Seed time of the emulator: generating the demo book, and constructing an `Emulator` with it.

Run: .venv/bin/python bench/bench_seed.py [--count 25000] [--runs 5] [--seed 0]

The issue's target is "generating 25,000 takes under 10 seconds". Each run is a fresh process
(as a `peopletui emulator` start is), so the avatar cache and the import cache start cold; the
modules are imported before the clock starts and that import is reported on its own line.

- seed: `seed_data.demo_contacts(count, seed)`, the pure generator of the request bodies;
- emulator: `Emulator(contacts=count, seed=seed)`, which generates the same book, validates
  every contact as a createContact body, stores it with its photo and the Workspace directory.

Figures are medians over the runs, with the fastest and slowest run.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

_STEPS = ("import", "seed", "emulator")


def _child(step: str, count: int, seed: int) -> float:
    started = time.perf_counter()
    from peopletui.emulator.core import Emulator
    from peopletui.emulator.seed_data import demo_contacts

    if step == "import":
        return time.perf_counter() - started
    started = time.perf_counter()
    if step == "seed":
        demo_contacts(count, seed)
    else:
        Emulator(contacts=count, seed=seed)
    return time.perf_counter() - started


def _one_run(step: str, count: int, seed: int) -> float:
    command = [sys.executable, __file__, "--child", step, "--count", str(count)]
    result = subprocess.run(
        [*command, "--seed", str(seed)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"bench_seed: the {step} run failed:\n{result.stderr}")
    return float(result.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=25_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", choices=_STEPS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(f"{_child(args.child, args.count, args.seed):.6f}")
        return 0
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    print(f"bench_seed: {args.count} contacts, seed {args.seed}, median of {args.runs} runs")
    # The runs of the steps take turns, so a noisy moment of the machine spreads over all three.
    times: dict[str, list[float]] = {step: [] for step in _STEPS}
    for _ in range(args.runs):
        for step in _STEPS:
            times[step].append(_one_run(step, args.count, args.seed))
    labels = {
        "import": "import peopletui.emulator",
        "seed": f"seed: demo_contacts({args.count})",
        "emulator": f"emulator: Emulator(contacts={args.count})",
    }
    for step in _STEPS:
        runs = times[step]
        print(
            f"{labels[step]:<38} median {statistics.median(runs):7.3f} s"
            f"  (min {min(runs):.3f}, max {max(runs):.3f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
