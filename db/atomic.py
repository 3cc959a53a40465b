"""Write a file under a temporary name and rename it into place when complete.

A crash, a full disk or a killed process must never leave a half-written
backup or PDF under the name the user will open later: whoever reads *path*
sees either the previous file or the complete new one (KeePassXC saves the same
way). The temporary file sits in the destination folder, so the final rename
stays on one filesystem and is atomic; it is flushed to disk before the rename,
and the folder after it, so the new name survives a power cut too.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
import tempfile
import time
from collections.abc import Iterator
from glob import escape as glob_escape
from pathlib import Path

TEMP_SUFFIX = ".tmp"
# Leftovers of an interrupted write are removed once they are this old: younger
# ones may belong to another process writing right now.
STALE_AFTER_SECONDS = 24 * 3600
# ... or once untouched this long with no process holding a lock on them: a killed
# backup, restore, init or demo leaves its file unlocked (the kernel drops a dead
# process's locks), while one in progress holds SQLite's locks and keeps writing.
ABANDONED_AFTER_SECONDS = 10 * 60


def temp_name_for(path: Path) -> Path:
    """A fresh, hidden, unused name beside *path* (the file itself is not created)."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    os.close(fd)
    os.unlink(name)
    return Path(name)


def fsync_file(path: Path) -> None:
    """Push *path*'s bytes to the disk (no-op where the OS cannot open files for it)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename in *folder* durable (POSIX only; Windows has no directory handles)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_with_sidecars(path: Path) -> None:
    """Delete *path* and what SQLite or a writer may have left beside it."""
    for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            leftover.unlink()


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces *path* in one rename.

    Write the temporary path any way you like (``open``, ReportLab, SQLite). If
    the block raises, the temporary file is deleted and *path* is untouched::

        with atomic_write(target) as tmp:
            tmp.write_bytes(data)
    """
    target = Path(path)
    tmp = temp_name_for(target)
    try:
        yield tmp
        if not tmp.exists():
            raise FileNotFoundError(f"nothing was written for {target.name}")
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    finally:
        _remove_with_sidecars(tmp)


# struct flock: Linux orders its fields type, whence, start, len, pid; BSD and macOS
# start, len, pid, type, whence.
_BSD_FLOCK = sys.platform == "darwin" or "bsd" in sys.platform


def _flock(kind: int) -> bytes:
    """A ``struct flock`` asking about the whole file."""
    if _BSD_FLOCK:
        return struct.pack("qqihh", 0, 0, 0, kind, os.SEEK_SET)
    return struct.pack("hhqqi", kind, os.SEEK_SET, 0, 0, 0)


def _lock_type(flock: bytes) -> int:
    return int(struct.unpack("qqihh", flock)[3] if _BSD_FLOCK
               else struct.unpack("hhqqi", flock)[0])


def locked_elsewhere(path: Path) -> bool:
    """Whether another process holds a lock on *path* (or its ``-shm``): in use.

    Only for files this process does not hold open itself (temporary files): the
    probe's descriptor is closed again, which on POSIX drops this process's own
    locks on the file. Where locks cannot be asked about (Windows), say "in use"
    and let the age rule decide.
    """
    try:
        import fcntl
    except ImportError:
        return True
    for candidate in (path, Path(f"{path}-shm")):
        try:
            fd = os.open(candidate, os.O_RDWR)
        except OSError:
            continue
        try:
            answer = fcntl.fcntl(fd, fcntl.F_GETLK, _flock(fcntl.F_WRLCK))
            if _lock_type(answer) != fcntl.F_UNLCK:
                return True
        except OSError:
            return True
        finally:
            os.close(fd)
    return False


def remove_stale_temporaries(folder: Path, *, now: float | None = None,
                             name: str = "") -> int:
    """Delete leftovers of interrupted :func:`atomic_write` calls (and of killed runs).

    A leftover goes when it is older than a day, or untouched for ten minutes
    with no process holding a lock on it: what a killed backup, restore, init
    or demo left is removed on the next run instead of piling up. With *name*,
    only the temporaries made for that file (``.<name>.*.tmp``): in a folder
    shared with other programs, touch nothing else.
    """
    if not folder.is_dir():
        return 0
    clock = time.time() if now is None else now
    removed = 0
    pattern = f".{glob_escape(name)}.*{TEMP_SUFFIX}*" if name else f".*{TEMP_SUFFIX}*"
    for candidate in folder.glob(pattern):
        with contextlib.suppress(OSError):
            if not candidate.is_file():
                continue
            age = clock - candidate.stat().st_mtime
            if age > STALE_AFTER_SECONDS or (
                    age > ABANDONED_AFTER_SECONDS and not candidate.name.endswith(
                        ("-wal", "-shm", "-journal"))
                    and not locked_elsewhere(candidate)):
                for leftover in (candidate, *(Path(f"{candidate}{side}")
                                              for side in ("-wal", "-shm", "-journal"))):
                    leftover.unlink(missing_ok=True)
                removed += 1
    return removed
