"""Noticing that a catalog's files were removed or replaced under an open catalog.

SQLite writes through the descriptors it opened. If the ``-wal`` it writes into
is deleted (another process checkpointed and removed it after this process lost
its locks, or someone removed it by hand) or the catalog itself is replaced,
every later commit still "succeeds" into a file nobody will ever read again:
saves acknowledged to the user, then silently lost. :class:`FileGuard` looks
before and after each write: the files at the catalog's path must still be the
ones this process opened, and (on Linux) none of the process's descriptors may
point at a deleted ``-wal``. When they are not, writing stops with a message
instead of losing work.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from db.catalog.errors import CatalogLostError
from db.i18n import N_
from db.said import say

_PROC_FD = Path("/proc/self/fd")


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def _deleted_but_open(path: Path) -> bool:
    """Whether a descriptor of this process still points at *path* after it was deleted."""
    if not _PROC_FD.is_dir():
        return False
    gone = f"{path} (deleted)"
    with contextlib.suppress(OSError):
        for fd in os.listdir(_PROC_FD):
            with contextlib.suppress(OSError):
                if os.readlink(_PROC_FD / fd) == gone:
                    return True
    return False


@dataclass
class FileGuard:
    """The identity of a catalog file and its ``-wal`` as this process opened them."""

    path: Path
    name: str
    catalog_id: tuple[int, int] | None = None
    wal_id: tuple[int, int] | None = None
    lost: str | None = None

    @classmethod
    def start(cls, path: Path, name: str) -> FileGuard:
        """Remember the files now: call it while a connection keeps the ``-wal`` alive."""
        real = path.resolve()
        return cls(real, name, _file_id(real), _file_id(Path(f"{real}-wal")))

    def check(self, *, committed: bool = False) -> None:
        """Raise :class:`CatalogLostError` (and keep refusing) when the files changed."""
        if self.lost is None:
            self.lost = self._problem()
        if self.lost is not None:
            raise CatalogLostError(self._message(committed))

    def _problem(self) -> str | None:
        if self.catalog_id is not None and _file_id(self.path) != self.catalog_id:
            return say(N_("{name} was moved, deleted or replaced"), name=self.path.name)
        if self.wal_id is None:
            return None  # rollback journal (network drive): no -wal to lose
        wal = Path(f"{self.path}-wal")
        if _file_id(wal) != self.wal_id or _deleted_but_open(wal):
            return say(N_("its journal file {name} was removed or replaced"), name=wal.name)
        return None

    def _message(self, committed: bool) -> str:
        change = (say(N_("your last change may not have been saved")) if committed
                  else say(N_("your change was not saved")))
        return say(N_("Liaison lost its hold on {name} while it was open ({problem} by another "
                      "program): {change}. To keep your work safe this window no longer saves. "
                      "Close it and open the catalog again, then check your last changes."),
                   name=self.name, problem=self.lost, change=change)
