"""Another process holding a catalog file's write lock, for tests of what a save meets."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HOLD = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
         "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); sys.stdin.read()")


@contextmanager
def write_lock_held(path: Path) -> Iterator[None]:
    """A second process has begun a write transaction (``BEGIN IMMEDIATE``) on *path*
    and holds it until the block ends: a colleague's import in the middle of writing."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.communicate("", timeout=30)
