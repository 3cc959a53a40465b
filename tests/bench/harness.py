"""Benchmark plumbing: every figure is printed beside a floor measured in the same run.

A figure alone says little on a shared 2-core machine; the ratio to a floor
(bare Qt start, raw FTS5 query, bare ReportLab build) measured moments before
is what stays comparable between runs. Each ``tests/bench/bench_*.py`` module
exposes ``measure(ctx) -> list[Figure]``.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".bench-cache"


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    floor_name: str = ""
    floor: float | None = None
    target: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.floor if self.floor else None


@dataclass
class Context:
    python: str
    cache: Path

    def liaison(self, *args: str, env: dict[str, str] | None = None,
                check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run([self.python, "-m", "gui", *args], cwd=ROOT, text=True,
                              capture_output=True, check=check,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})

    def sample_catalog(self) -> Path:
        path = self.cache / "sample.liaison"
        if not path.exists():
            self.liaison("init", str(path))
        return path

    def demo_catalog(self, people: int = 100_000) -> Path:
        path = self.cache / f"demo-{people}.liaison"
        if not path.exists():
            self.liaison("demo", str(path), "--people", str(people))
        return path


def wall(command: list[str], *, env: dict[str, str] | None = None, repeat: int = 5) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def walls(commands: dict[str, list[str]], *, env: dict[str, str] | None = None,
          repeat: int = 11, cpu: dict[str, float] | None = None) -> dict[str, float]:
    """Median wall time of each command, in seconds, the commands taking turns.

    Taking turns (a, b, c, a, b, c, ...) spreads the load of a shared machine over
    all of them alike, so the ratio of a figure to its floor holds better than with
    each command's runs in one block. *cpu*, when given, receives each command's
    median CPU time (user + system, seconds): what the process itself cost, which
    the other users of a shared machine change far less than its wall time.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    used: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True,
                           env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})
            times[name].append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used[name].append(after.ru_utime - before.ru_utime
                              + after.ru_stime - before.ru_stime)
    if cpu is not None:
        cpu.update({name: statistics.median(found) for name, found in used.items()})
    return {name: statistics.median(found) for name, found in times.items()}


def timed(function: Callable[[], object], *, repeat: int = 50) -> list[float]:
    """Each run's duration in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(figures: list[Figure]) -> str:
    lines = [f"{'figure':<48} {'value':>12} {'floor':>12} {'ratio':>7}  target"]
    for f in figures:
        floor = f"{f.floor:.4g} {f.unit}" if f.floor is not None else "-"
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else "-"
        lines.append(f"{f.name:<48} {f'{f.value:.4g} {f.unit}':>12} {floor:>12} {ratio:>7}  "
                     f"{f.target}")
        if f.floor_name:
            lines.append(f"{'  floor: ' + f.floor_name:<48}")
    return "\n".join(lines)


def context() -> Context:
    CACHE.mkdir(exist_ok=True)
    return Context(python=sys.executable, cache=CACHE)
