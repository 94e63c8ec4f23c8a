"""Timing helpers shared by the benchmark scripts: run a program, wall time and peak memory."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Run:
    seconds: float
    status: int
    lines: int


@dataclass
class Series:
    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(run.seconds for run in self.runs) * 1000

    @property
    def p95_ms(self) -> float:
        ordered = sorted(run.seconds for run in self.runs)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


def run_program(command: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run `command` to completion with its output in a pipe (as a mail client reads it)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    output, _ = process.communicate()
    elapsed = time.perf_counter() - started
    return Run(elapsed, process.returncode, output.count(b"\n"))


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]
