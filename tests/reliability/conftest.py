"""Shared helpers for the reliability suite: the soak switch and the forking writer."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# `make soak` sets LIAISON_SOAK=1: the same tests, ten times longer.
SOAK = os.environ.get("LIAISON_SOAK") == "1"


def scaled(normal: int, soak: int) -> int:
    return soak if SOAK else normal


def helper(*args: str, **kwargs: object) -> subprocess.Popen[str]:
    """Start ``python -m tests.reliability.writer ARGS`` from the repository root."""
    return subprocess.Popen([sys.executable, "-m", "tests.reliability.writer", *args],
                            cwd=ROOT, text=True, **kwargs)  # type: ignore[call-overload]


class Zygote:
    """The forking writer: one round = fork a writer, kill -9 it after a delay, reap it."""

    def __init__(self, catalog: Path, log: Path) -> None:
        self.process = helper("zygote", str(catalog), str(log), stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def round(self, mode: str, argument: str, seed: int, delay_ms: float) -> int:
        """Run one writer; its status: -9 when killed, else its exit code."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{mode} {argument} {seed} {delay_ms:.2f}\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().split()
        if not answer:
            raise AssertionError(f"the zygote died: {self.stderr()}")
        return int(answer[2])

    def stderr(self) -> str:
        self.close()
        assert self.process.stderr is not None
        return self.process.stderr.read()

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("quit\n")
            self.process.stdin.close()
            self.process.wait(timeout=30)


@pytest.fixture
def zygote_factory() -> Iterator[type[Zygote]]:
    made: list[Zygote] = []

    class Tracked(Zygote):
        def __init__(self, catalog: Path, log: Path) -> None:
            super().__init__(catalog, log)
            made.append(self)

    yield Tracked
    for zygote in made:
        zygote.close()
