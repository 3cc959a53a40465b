"""What holds a catalog file for a while, told to colleagues: "Lan is importing a file".

SQLite says only "locked" when a save waits past the busy timeout. A long write
(an import) leaves a small note beside the catalog (``.NAME.liaison.busy``) for
as long as it runs, so a colleague's refused save can say who is writing and
why, and that trying again after the import will work. The note is a separate
file: the catalog itself is only ever read and written by SQLite. A note left
by a process that died (same machine, pid gone) or older than a day is ignored.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

STALE_AFTER_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Activity:
    """A long write under way on a catalog file."""

    what: str  # "import"
    user: str
    since: float


def note_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.busy")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "?"


@contextlib.contextmanager
def announce(path: Path | None, what: str) -> Iterator[None]:
    """Leave the note for the duration of the block (no note for a server catalog)."""
    if path is None:
        yield
        return
    note: Path | None = note_path(path)
    assert note is not None
    try:
        note.write_text(json.dumps({"what": what, "user": _user(), "pid": os.getpid(),
                                    "host": socket.gethostname(), "since": time.time()}),
                        encoding="utf-8")
    except OSError:
        note = None  # a read-only folder: the import goes on, only the note is missing
    try:
        yield
    finally:
        if note is not None:
            with contextlib.suppress(OSError):
                note.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def announced(path: Path | None) -> Activity | None:
    """The long write under way on *path*, if a live process left its note."""
    if path is None:
        return None
    try:
        found = json.loads(note_path(path).read_text(encoding="utf-8"))
        activity = Activity(str(found["what"]), str(found["user"]), float(found["since"]))
        pid, host = int(found["pid"]), str(found["host"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if time.time() - activity.since > STALE_AFTER_SECONDS:
        return None
    if host == socket.gethostname() and not _alive(pid):
        return None
    return activity
