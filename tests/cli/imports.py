"""What a ``liaison`` command imports, measured in a real process (``-X importtime``)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported_by(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``liaison ARGS`` as a user does; its result and every module it imported."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "gui", *args],
                            cwd=ROOT, text=True, capture_output=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    modules = {line.rpartition("|")[2].strip() for line in result.stderr.splitlines()
               if line.startswith("import time:")}
    return result, modules


def forbidden(modules: set[str], packages: Iterable[str]) -> set[str]:
    """The *modules* that are one of *packages* or inside one."""
    banned = tuple(packages)
    return {m for m in modules if any(m == f or m.startswith(f + ".") for f in banned)}
