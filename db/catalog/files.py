"""Looking at catalog files without changing them: what a file holds, whether it may be
written, read-only connections, SQLite's check, and setting damaged files aside.

Nothing here writes a byte to a catalog or beside it, except :func:`quarantine`,
which only renames.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import os
import shutil
import sqlite3
import stat
import threading
from dataclasses import dataclass
from pathlib import Path

from db import schema
from db.catalog.errors import (
    SQLITE_CANTOPEN,
    SQLITE_CORRUPT,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_NOTADB,
    SQLITE_READONLY,
    CatalogError,
    primary_code,
    sqlite_words,
)
from db.i18n import N_
from db.said import say

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
CATALOG_SUFFIX = ".liaison"
SIDE_FILES = ("-wal", "-shm")
# Below this much free space a catalog opens read-only: SQLite could not even
# create the -shm and -wal files it needs to write.
FULL_DISK_BYTES = 1 << 20
DAMAGED_MARK = ".damaged-"

# Why a catalog cannot be written: compared by code (``reason.code``), written in the
# reader's language.
DISK_FULL_REASON = N_("the disk is full")
ON_REQUEST_REASON = N_("opened read-only on request")
UNREADABLE_NOW = N_("{name} cannot be read right now ({error}); it was not changed. "
                    "Try again in a moment.")


class FileState(enum.Enum):
    MISSING = "missing"
    NOT_SQLITE = "not_sqlite"
    FOREIGN = "foreign"
    OLDER = "older"
    CURRENT = "current"
    NEWER = "newer"
    DAMAGED = "damaged"  # ours by its header, but SQLite reports it corrupt


@dataclass(frozen=True)
class Inspection:
    state: FileState
    schema_version: int
    detail: str = ""


def side_files(path: Path) -> list[Path]:
    """The ``-wal`` and ``-shm`` files SQLite keeps beside a catalog in WAL mode."""
    return [Path(f"{path}{suffix}") for suffix in SIDE_FILES]


# ---------------------------------------------------------------- files this process holds
#
# On POSIX, closing *any* descriptor of a file drops *all* of the process's
# fcntl locks on it, including the ones SQLite holds for its connections. A
# process that reads a live catalog with plain I/O and closes it leaves its own
# connections unprotected: another process may then checkpoint and delete the
# -wal these connections go on writing into (sqlite.org/howtocorrupt.html,
# section 2.2). So every catalog this process opens is registered here, and a
# file registered here is only ever read through SQLite, whose own bookkeeping
# keeps a closing descriptor from dropping another connection's locks.

_held: dict[tuple[int, int], int] = {}
_held_lock = threading.Lock()


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def hold(path: Path) -> tuple[int, int] | None:
    """Note that this process has connections to *path*; returns the token for :func:`release`."""
    key = _file_id(path)
    if key is not None:
        with _held_lock:
            _held[key] = _held.get(key, 0) + 1
    return key


def release(token: tuple[int, int] | None) -> None:
    """This process closed the connections it noted with :func:`hold`."""
    if token is None:
        return
    with _held_lock:
        left = _held.get(token, 0) - 1
        if left > 0:
            _held[token] = left
        else:
            _held.pop(token, None)


def held_here(path: Path) -> bool:
    """Whether this process has a catalog open on *path* (or on the file *path* names)."""
    key = _file_id(path)
    with _held_lock:
        return key is not None and key in _held


def is_live_catalog_file(path: Path) -> bool:
    """Whether *path* is an open catalog of this process or one of its ``-wal``/``-shm``.

    Such a file must never be read with plain I/O here (a photo or an import
    chosen by mistake): the close would drop the catalog's locks.
    """
    name = str(path)
    for suffix in (*SIDE_FILES, "-journal"):
        if name.endswith(suffix) and held_here(Path(name.removesuffix(suffix))):
            return True
    return held_here(path)


# ---------------------------------------------------------------- judging a file


def _raw_header(path: Path) -> bytes:
    """The first 100 bytes, read with plain I/O: only for files this process does not hold."""
    with path.open("rb") as handle:
        return handle.read(100)


def _header_through_sqlite(path: Path) -> Inspection | tuple[int, int]:
    """(application id, user version) read by SQLite: for a file this process holds."""
    try:
        conn = connect_read_only(path)
        try:
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB):  # it was open as ours
            return Inspection(FileState.DAMAGED, 0, sqlite_words(exc))
        raise CatalogError(say(UNREADABLE_NOW, name=path.name, error=sqlite_words(exc))) from exc
    return app_id, user_version


def inspect_file(path: Path) -> Inspection:
    """Say what *path* holds without writing a byte to it, or beside it.

    The 100-byte SQLite header holds everything we need (application id at
    offset 68, user version at 60), so a file no catalog of this process holds
    is judged without opening it through SQLite at all: a read-only connection
    to a WAL database would leave ``-wal``/``-shm`` files behind. A file this
    process holds is read through SQLite instead (see :func:`hold`), as is one
    with a non-empty ``-wal`` (its newest header may live there).
    """
    if not path.exists():
        return Inspection(FileState.MISSING, 0)
    if path.is_dir():
        return Inspection(FileState.NOT_SQLITE, 0, say(N_("it is a folder")))
    if held_here(path):
        read = _header_through_sqlite(path)
        if isinstance(read, Inspection):
            return read
        app_id, user_version = read
        return _judge(app_id, user_version)
    header = _raw_header(path)
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        detail = (say(N_("the file is empty")) if not header
                  else say(N_("it is not an SQLite database")))
        return Inspection(FileState.NOT_SQLITE, 0, detail)
    user_version = int.from_bytes(header[60:64], "big")
    app_id = int.from_bytes(header[68:72], "big")
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        try:
            conn = connect_read_only(path)
            try:
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            if app_id == schema.APPLICATION_ID and primary_code(exc) in (SQLITE_CORRUPT,
                                                                         SQLITE_NOTADB):
                return Inspection(FileState.DAMAGED, user_version, sqlite_words(exc))
            return Inspection(FileState.NOT_SQLITE, 0, sqlite_words(exc))
    return _judge(app_id, user_version)


def _judge(app_id: int, user_version: int) -> Inspection:
    if app_id != schema.APPLICATION_ID:
        return Inspection(FileState.FOREIGN, 0,
                          say(N_("it is an SQLite database of another program")))
    if user_version > schema.SCHEMA_VERSION:
        return Inspection(FileState.NEWER, user_version)
    if user_version < schema.SCHEMA_VERSION:
        return Inspection(FileState.OLDER, user_version)
    return Inspection(FileState.CURRENT, user_version)


def read_only_reason(path: Path) -> str | None:
    """Why Liaison must not write to *path*, or None when it may.

    The operating system's answer (``os.access``) is not enough: it says yes to
    root, and on some network shares. A file whose write permission bits are
    all off has been marked read-only on purpose (``chmod a-w``, "Locked" in a
    file manager), so we respect that even when we could override it. The
    folder matters too: SQLite writes its ``-wal`` and ``-shm`` files there.
    """
    folder = path.parent
    try:
        mode = path.stat().st_mode
        folder_mode = folder.stat().st_mode
    except OSError as exc:
        return say(N_("it cannot be examined ({error})"), error=exc.strerror)
    if hasattr(os, "statvfs"):
        with contextlib.suppress(OSError):
            if os.statvfs(path).f_flag & os.ST_RDONLY:
                return say(N_("it is on a read-only disk"))
    if disk_is_full(folder):
        return say(DISK_FULL_REASON)
    if not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return say(N_("the file is read-only"))
    if os.name == "posix" and (
            not os.access(folder, os.W_OK | os.X_OK)
            or not folder_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)):
        return say(N_("its folder is read-only"))
    return None


def disk_is_full(folder: Path) -> bool:
    """Too little room left for SQLite to open a file for writing (its -wal and -shm)."""
    try:
        return shutil.disk_usage(folder).free < FULL_DISK_BYTES
    except OSError:
        return False


def catalog_uri(path: Path, *, read_only: bool = False, immutable: bool = False) -> str:
    """An SQLite URI for *path*: safe for any file name (spaces, ``#``, ``?``)."""
    uri = path.resolve().as_uri()
    options = [option for option, wanted in (("mode=ro", read_only or immutable),
                                             ("immutable=1", immutable)) if wanted]
    return uri + ("?" + "&".join(options) if options else "")


def read_only_uri(path: Path) -> str:
    """The SQLite URI that reads *path* without ever writing it, even on read-only media.

    SQLite needs the ``-shm`` file to read a WAL catalog; in a folder where it
    cannot create one, the file is read as *immutable* (nobody can be writing
    it there). That skips the ``-wal`` file, so a non-empty one is refused
    rather than silently ignoring the newest changes.
    """
    uri = catalog_uri(path, read_only=True)
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return uri
    except sqlite3.OperationalError as exc:
        full = primary_code(exc) in (SQLITE_IOERR, SQLITE_FULL) and disk_is_full(path.parent)
        if primary_code(exc) not in (SQLITE_READONLY, SQLITE_CANTOPEN) and not full:
            raise
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            template = (N_("{name} cannot be read here: its latest changes are in {wal}, which "
                           "SQLite cannot open on this full disk. Free some space, or copy both "
                           "files to a folder you can write to and open the copy; the files "
                           "were not changed.") if full else
                        N_("{name} cannot be read here: its latest changes are in {wal}, which "
                           "SQLite cannot open in this read-only folder. Copy both files to a "
                           "folder you can write to and open the copy; the files were not "
                           "changed."))
            raise CatalogError(say(template, name=path.name, wal=wal.name)) from exc
        return catalog_uri(path, immutable=True)
    finally:
        conn.close()


def connect_read_only(path: Path, *, timeout: float = BUSY_TIMEOUT_MS / 1000
                      ) -> sqlite3.Connection:
    """A plain sqlite3 connection that cannot write to *path* (see :func:`read_only_uri`).

    Text comes back with undecodable bytes replaced: a damaged page can put
    garbage into check reports and names, and a report must still be shown.
    """
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=timeout,
                           check_same_thread=False)
    conn.text_factory = _lenient_text
    return conn


def connect_for_reading(path: Path) -> sqlite3.Connection:
    """Like :func:`connect_read_only`, but leaves no ``-wal``/``-shm`` behind (for ``check``).

    A WAL catalog nobody has open has neither file; a read-only connection would
    create both. With neither there and no catalog of this process on it, nobody is
    writing, so the file is read as immutable. Otherwise (open elsewhere, or its
    journal mode is not WAL, where readers must take locks) the usual connection.
    """
    if held_here(path) or any(side.exists() for side in side_files(path)):
        return connect_read_only(path)
    header = _raw_header(path)
    if len(header) < 20 or header[18:20] != b"\x02\x02":  # not WAL: locks are needed
        return connect_read_only(path)
    conn = sqlite3.connect(catalog_uri(path, immutable=True), uri=True,
                           check_same_thread=False)
    conn.text_factory = _lenient_text
    return conn


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def quick_check(path: Path, *, thorough: bool = False) -> str | None:
    """SQLite's quick check (*thorough*: its integrity check): None when sound, else what
    is wrong. Only the integrity check compares every index with its table.

    Only answers that mean damage (a failed check, "malformed", "not a
    database") count: a file that is busy or unreadable right now raises a
    plain :class:`CatalogError` instead, so a healthy catalog is never
    quarantined because another program held it for a moment.
    """
    try:
        conn = connect_read_only(path)
        try:
            pragma = "integrity_check" if thorough else "quick_check"
            rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}")]
        finally:
            conn.close()
    except UnicodeDecodeError:
        # SQLite's own message quoted garbage from the file: the schema itself is damaged.
        return say(N_("the catalog's table definitions are garbled"))
    except sqlite3.DatabaseError as exc:
        if primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB) or (
                primary_code(exc) == -1 and not isinstance(exc, sqlite3.OperationalError)):
            return sqlite_words(exc)
        raise CatalogError(say(UNREADABLE_NOW, name=path.name, error=sqlite_words(exc))) from exc
    if rows == ["ok"]:
        return None
    return "; ".join(str(row) for row in rows[:3])


def quarantine_name(path: Path, when: dt.datetime | None = None) -> Path:
    """``<name>.damaged-<YYYYmmdd-HHMMSS>`` beside *path*, not yet taken."""
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}")
    number = 2
    while candidate.exists() or any(p.exists() for p in side_files(candidate)):
        candidate = path.with_name(f"{path.name}{DAMAGED_MARK}{stamp}-{number}")
        number += 1
    return candidate


def quarantine(path: Path) -> Path:
    """Move a damaged catalog and its ``-wal``/``-shm`` aside by renaming: no byte changes."""
    target = quarantine_name(path)
    os.rename(path, target)
    for side, moved in zip(side_files(path), side_files(target), strict=True):
        if side.exists():
            os.rename(side, moved)
    return target


def backup_dir(path: Path) -> Path:
    """Where the backups of the catalog at *path* live."""
    return path.parent / "backups"
