"""Opening, creating, migrating and protecting catalogs.

A catalog is an SQLite file (the common case: one laptop, offline) or a
database URL (the shared office server). Before anything writes to a file we
*inspect* it read-only: a file that is not a Liaison catalog, or one written by
a newer Liaison, is refused and left byte-identical. An older catalog is copied
with SQLite's backup API before its schema is upgraded, so a failed upgrade
never costs data.

Opening a file also protects it (see ``db/backup.py`` for the backups):

* a *damaged* file (``PRAGMA quick_check`` fails) is moved aside, unchanged, as
  ``<name>.damaged-<YYYYmmdd-HHMMSS>`` with its ``-wal``/``-shm``, and
  :class:`DamagedCatalogError` names that file and the newest good backup, so
  the app can offer to restore it;
* a file the user cannot write (permissions, read-only medium, or its
  read-only flag set) opens read-only: ``Catalog.read_only`` is true and
  :meth:`Catalog.write_session` refuses with a clear message;
* a file on a network filesystem is flagged (``Catalog.network_fs``), because
  SQLite's locking is unreliable there and can corrupt the file;
* the first open of the day takes a verified backup.

Writes begin ``IMMEDIATE``: a writer takes the lock up front and waits (busy
timeout) instead of failing half-way with "database is locked" when a second
window or instance writes at the same time. Errors the disk raises during a
write (full, read-only, failing) become :class:`CatalogError` subclasses with
a message for the user; SQLite has rolled the transaction back by then, so the
catalog is intact.

Two windows or instances on one file see each other's work by polling
:meth:`Catalog.data_version`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import errno
import os
import shutil
import sqlite3
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel import Session

from db import schema

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
CATALOG_SUFFIX = ".liaison"
SIDE_FILES = ("-wal", "-shm")
# Below this much free space a catalog opens read-only: SQLite could not even
# create the -shm and -wal files it needs to write.
FULL_DISK_BYTES = 1 << 20
DAMAGED_MARK = ".damaged-"

# SQLite primary result codes (the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL = 10, 11, 13
_SQLITE_CANTOPEN, _SQLITE_NOTADB = 14, 26


# ---------------------------------------------------------------- errors


class CatalogError(Exception):
    """A problem the user can understand and act on; the message says what and what to do."""


class NotACatalogError(CatalogError):
    pass


class NewerCatalogError(CatalogError):
    pass


class DamagedCatalogError(CatalogError):
    """The file failed SQLite's check. It was moved aside (``quarantined``) and not changed.

    ``path`` is where the catalog was (and where a restore puts it back);
    ``quarantined`` is the damaged file's new name, or None when it could not be
    moved (read-only folder); ``backup`` is the newest backup that passes its
    check, or None when there is none.
    """

    def __init__(self, message: str, *, path: Path | None = None,
                 quarantined: Path | None = None, backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.quarantined = quarantined
        self.backup = backup


class ReadOnlyCatalogError(CatalogError):
    """A write was attempted on a catalog opened read-only: nothing was written."""


class WriteFailedError(CatalogError):
    """The disk refused a write; SQLite rolled the transaction back, so nothing changed."""


class DiskFullError(WriteFailedError):
    pass


class CatalogBusyError(CatalogError):
    """Another window or program held the catalog longer than the busy timeout."""


class CatalogInUseError(CatalogError):
    """An action that needs the catalog to itself (restore) found it open elsewhere."""


# ---------------------------------------------------------------- looking at files


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


def inspect_file(path: Path) -> Inspection:
    """Say what *path* holds without writing a byte to it, or beside it.

    The 100-byte SQLite header holds everything we need (application id at
    offset 68, user version at 60), so a normal file is judged without opening
    it through SQLite at all: a read-only connection to a WAL database would
    still leave ``-wal``/``-shm`` files behind. Only when a non-empty ``-wal``
    file exists (its newest header may live there) do we ask SQLite.
    """
    if not path.exists():
        return Inspection(FileState.MISSING, 0)
    if path.is_dir():
        return Inspection(FileState.NOT_SQLITE, 0, "it is a folder")
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        detail = "the file is empty" if not header else "it is not an SQLite database"
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
            if app_id == schema.APPLICATION_ID and _primary(exc) in (_SQLITE_CORRUPT,
                                                                     _SQLITE_NOTADB):
                return Inspection(FileState.DAMAGED, user_version, str(exc))
            return Inspection(FileState.NOT_SQLITE, 0, str(exc))
    if app_id != schema.APPLICATION_ID:
        return Inspection(FileState.FOREIGN, 0, "it is an SQLite database of another program")
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
        return f"it cannot be examined ({exc.strerror})"
    if hasattr(os, "statvfs"):
        with contextlib.suppress(OSError):
            if os.statvfs(path).f_flag & os.ST_RDONLY:
                return "it is on a read-only disk"
    if disk_is_full(folder):
        return "the disk is full"
    if not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return "the file is read-only"
    if os.name == "posix" and (
            not os.access(folder, os.W_OK | os.X_OK)
            or not folder_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)):
        return "its folder is read-only"
    return None


def disk_is_full(folder: Path) -> bool:
    """Too little room left for SQLite to open a file for writing (its -wal and -shm)."""
    try:
        return shutil.disk_usage(folder).free < FULL_DISK_BYTES
    except OSError:
        return False


def _uri(path: Path, *, read_only: bool = False, immutable: bool = False) -> str:
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
    uri = _uri(path, read_only=True)
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return uri
    except sqlite3.OperationalError as exc:
        full = _primary(exc) in (_SQLITE_IOERR, _SQLITE_FULL) and disk_is_full(path.parent)
        if _primary(exc) not in (_SQLITE_READONLY, _SQLITE_CANTOPEN) and not full:
            raise
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            where = "on this full disk" if full else "in this read-only folder"
            raise CatalogError(
                f"{path.name} cannot be read here: its latest changes are in {wal.name}, which "
                f"SQLite cannot open {where}. Free some space, or copy both files to a folder "
                "you can write to and open the copy; the files were not changed.") from exc
        return _uri(path, immutable=True)
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


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


# ---------------------------------------------------------------- network filesystems

NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "ncpfs", "coda", "ceph",
    "glusterfs", "lustre", "gpfs", "davfs", "webdav", "afpfs", "9p-network", "sshfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.ceph", "fuse.davfs2", "fuse.rclone", "fuse.s3fs",
    "fuse.gcsfuse", "fuse.smbnetfs", "fuse.curlftpfs", "fuse.afpfs", "nfsd",
})


def _unescape_mount_field(field_text: str) -> str:
    """``/proc/mounts`` writes spaces and tabs in paths as ``\\040`` and ``\\011``."""
    out, i = [], 0
    while i < len(field_text):
        chunk = field_text[i:i + 4]
        if len(chunk) == 4 and chunk[0] == "\\" and chunk[1:].isdigit():
            out.append(chr(int(chunk[1:], 8)))
            i += 4
        else:
            out.append(field_text[i])
            i += 1
    return "".join(out)


def _mount_table() -> str:
    """The running system's mounts, in ``/proc/mounts`` format (empty where there is none)."""
    try:
        return Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _mac_mount_table() -> str:
    """macOS ``mount`` output turned into ``/proc/mounts`` lines."""
    import subprocess

    try:
        output = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5,
                                check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    lines = []
    for line in output.splitlines():  # "//u@host/share on /Volumes/share (smbfs, nodev)"
        source, _, rest = line.partition(" on ")
        where, _, options = rest.rpartition(" (")
        fstype = options.split(",")[0].strip(" )")
        lines.append(f"{source} {where.replace(' ', chr(92) + '040')} {fstype} - 0 0")
    return "\n".join(lines)


def filesystem_of(path: Path, mounts: str) -> tuple[str, str] | None:
    """(filesystem type, source) of the mount holding *path*, from a mount table."""
    target = str(path)
    best: tuple[int, str, str] | None = None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        source, mount_point, fstype = (_unescape_mount_field(p) for p in parts[:3])
        prefix = mount_point.rstrip("/") + "/"
        if (target == mount_point or target.startswith(prefix) or mount_point == "/") and (
                best is None or len(mount_point) >= best[0]):
            best = (len(mount_point), fstype, source)
    return (best[1], best[2]) if best else None


def _windows_network_drive(path_text: str) -> str | None:
    windows = PureWindowsPath(path_text)
    if windows.drive.startswith("\\\\"):
        return f"network share {windows.drive}"
    if sys.platform != "win32" or not windows.drive:
        return None
    import ctypes

    drive_remote = 4
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    if kernel32.GetDriveTypeW(f"{windows.drive}\\") == drive_remote:
        return f"network drive {windows.drive}"
    return None


def network_filesystem(path: str | os.PathLike[str], *, mounts: str | None = None) -> str | None:
    """Name the network filesystem *path* lives on (``"nfs4"``, ``"network share \\\\srv\\x"``).

    None for local disks. SQLite's file locking is unreliable over SMB, NFS and
    the like, and its WAL mode does not work there at all: a catalog used from
    such a drive can be corrupted, so the app warns and points to the shared
    office database (``--database-url``). *mounts* lets tests pass a mount table.
    """
    text_path = os.fspath(path)
    if os.name == "nt" or text_path.startswith("\\\\"):
        return _windows_network_drive(text_path)
    resolved = Path(text_path).expanduser()
    with contextlib.suppress(OSError):
        resolved = resolved.resolve()
    if mounts is None:
        mounts = _mac_mount_table() if sys.platform == "darwin" else _mount_table()
    found = filesystem_of(resolved, mounts)
    if found is None:
        return None
    fstype = found[0].lower()
    if fstype in NETWORK_FILESYSTEMS or fstype.startswith(("nfs", "smb", "cifs")):
        return fstype
    return None


def network_warning(path: Path, fstype: str) -> str:
    """The one-line warning shown for a catalog on a network drive."""
    return (f"Warning: {path.name} is on a network drive ({fstype}). SQLite files can be "
            "corrupted when used over a network; for a catalog shared by the office, use the "
            "shared office database (--database-url) instead.")


# ---------------------------------------------------------------- engines


def _install_sqlite_hooks(engine: Engine) -> None:
    """WAL, foreign keys, busy timeout, and BEGIN / BEGIN IMMEDIATE under our control."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy's "begin" event, not pysqlite, decide how transactions start.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("liaison_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _outside_transaction(engine: Engine, *statements: str) -> None:
    """Run PRAGMAs that must not sit inside a transaction (journal mode, header fields)."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        for statement in statements:
            raw.execute(statement)


def _sqlite_engine(path: Path, *, uri: str | None = None) -> Engine:
    """An engine on *path* (through *uri* when given: read-only or immutable access)."""
    uri = uri or _uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)

    engine = create_engine(URL.create("sqlite", database=str(path)), creator=connect)
    _install_sqlite_hooks(engine)
    return engine


def _primary(exc: sqlite3.Error) -> int:
    code = getattr(exc, "sqlite_errorcode", None)
    return int(code) & 0xFF if isinstance(code, int) else -1


def _root_causes(exc: BaseException) -> Iterator[BaseException]:
    """*exc*, what SQLAlchemy wrapped in it, and what it was raised from."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend([getattr(current, "orig", None), current.__cause__, current.__context__])


def storage_error(exc: BaseException, name: str) -> CatalogError | None:
    """The user-facing error for a write the disk or the lock refused, else None."""
    for cause in _root_causes(exc):
        if isinstance(cause, CatalogError):
            return None
        if isinstance(cause, sqlite3.Error):
            code = _primary(cause)
            if code == _SQLITE_FULL:
                return DiskFullError(
                    f"The disk is full: your change was not saved, and {name} is unchanged. "
                    "Free some space, then try again.")
            if code == _SQLITE_IOERR:
                return WriteFailedError(
                    f"Liaison could not write to the disk (it may be full, removed or failing): "
                    f"your change was not saved, and {name} is unchanged. Check the disk, then "
                    "try again.")
            if code == _SQLITE_READONLY:
                return ReadOnlyCatalogError(
                    f"{name} has become read-only: your change was not saved. Reopen the "
                    "catalog from a place you can write to.")
            if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
                return CatalogBusyError(
                    f"{name} is busy in another window or program: your change was not saved. "
                    "Try again in a moment.")
            if code == _SQLITE_CANTOPEN:
                return WriteFailedError(
                    f"{name} can no longer be reached (was its drive removed?): your change "
                    "was not saved.")
        if isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EDQUOT,
                                                           errno.EFBIG):
            return DiskFullError(
                f"The disk is full: your change was not saved, and {name} is unchanged. "
                "Free some space, then try again.")
    return None


# ---------------------------------------------------------------- the catalog


@dataclass
class Catalog:
    """An open catalog: its engine and how to start read and write transactions.

    ``read_only`` catalogs refuse :meth:`write_session` with a clear message;
    ``read_only_reason`` says why (for the banner). ``network_fs`` names the
    network filesystem the file is on, if any. ``backup_problem`` is set when
    the automatic backup taken on opening failed (the catalog still opened).
    """

    engine: Engine
    url: str
    path: Path | None
    read_only: bool = False
    read_only_reason: str | None = None
    network_fs: str | None = None
    backup_problem: str | None = None
    _watch: sqlite3.Connection | None = field(default=None, init=False, repr=False,
                                              compare=False)
    _watch_lock: threading.Lock = field(default_factory=threading.Lock, init=False,
                                        repr=False, compare=False)

    @property
    def name(self) -> str:
        """What the user calls this catalog (window title, PDF footer)."""
        if self.path is not None:
            return self.path.stem
        return self.engine.url.database or self.url

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def read_session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def read_only_message(self) -> str:
        """What the read-only banner says, and why an edit was refused."""
        why = f" ({self.read_only_reason})" if self.read_only_reason else ""
        if self.read_only_reason == "the disk is full":
            todo = "To edit, free some space on the disk, then open the catalog again."
        elif self.read_only_reason == "opened read-only on request":
            todo = "To edit, open it again normally."
        else:
            todo = "To edit, copy it to a folder you can write to and open the copy."
        return (f"This catalog is read-only{why}: you can look and print, but changes cannot "
                f"be saved. {todo}")

    @contextlib.contextmanager
    def write_session(self) -> Iterator[Session]:
        """One write transaction: committed whole on success, rolled back whole on error.

        A read-only catalog refuses before anything starts. A full or failing
        disk, or a lock held too long elsewhere, surfaces as a
        :class:`CatalogError` whose message is meant for the user.
        """
        if self.read_only:
            raise ReadOnlyCatalogError(self.read_only_message())
        engine = self.engine.execution_options(liaison_write=True)
        with Session(engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException as exc:
                with contextlib.suppress(Exception):
                    session.rollback()
                mapped = storage_error(exc, self.name)
                if mapped is not None:
                    raise mapped from exc
                raise

    def data_version(self) -> int:
        """A number that changes whenever anyone commits a change to this catalog.

        Poll it (say once a second, it costs microseconds) to notice changes
        saved by another window or another Liaison on the same file, and reload
        what is shown when it differs from the value seen last. It also changes
        after this catalog's own commits, so a refresh may repeat one that
        already happened; it never misses a change. On SQLite it is
        ``PRAGMA data_version`` read on one long-lived connection (the pragma
        only means something per connection); on a database server it is the
        newest change log entry (every operation writes one).
        """
        if not self.is_sqlite or self.path is None:
            with self.engine.connect() as conn:
                newest = conn.execute(text("SELECT max(id) FROM change_log")).scalar()
            return int(newest or 0)
        with self._watch_lock:
            if self._watch is None:
                self._watch = connect_read_only(self.path)
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        self.engine.dispose()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


# ---------------------------------------------------------------- backups


def backup_dir(path: Path) -> Path:
    return path.parent / "backups"


def backup_sqlite(path: Path, reason: str) -> Path:
    """Copy *path* with SQLite's online backup API into ``backups/`` beside it, verified.

    Kept for callers of the first version; :func:`db.backup.backup_now` is the
    full interface (rotation, catalogs as well as paths).
    """
    from db import backup

    return backup.backup_now(path, reason).path


# ---------------------------------------------------------------- open / create


def _refusal(path: Path, found: Inspection) -> CatalogError:
    if found.state is FileState.NEWER:
        return NewerCatalogError(
            f"{path.name} was made by a newer version of Liaison (catalog format "
            f"{found.schema_version}; this version reads up to {schema.SCHEMA_VERSION}). "
            "Update Liaison to open it; the file was not changed."
        )
    return NotACatalogError(
        f"{path} is not a Liaison catalog ({found.detail}); the file was not changed."
    )


def open_catalog(target: str | os.PathLike[str], *, verify: bool = True,
                 read_only: bool = False, daily_backup: bool = True) -> Catalog:
    """Open an existing catalog from a file path or a database URL.

    An older catalog is backed up and migrated; a damaged one is quarantined
    (:class:`DamagedCatalogError`); one the user cannot write opens read-only,
    as does any file when *read_only* is true. The first open of a day takes a
    verified backup unless *daily_backup* is false (the caller then takes it
    later, e.g. on a worker thread, with :func:`db.backup.backup_if_due`).
    Anything we cannot safely open raises a :class:`CatalogError` with a
    message meant for the user.
    """
    text_target = os.fspath(target)
    if "://" in text_target:
        return _open_url(text_target, verify=verify, read_only=read_only,
                         daily_backup=daily_backup)
    path = Path(text_target).expanduser()
    found = inspect_file(path)
    if found.state is FileState.MISSING:
        raise CatalogError(f"There is no catalog at {path}.")
    if found.state in (FileState.NOT_SQLITE, FileState.FOREIGN, FileState.NEWER):
        raise _refusal(path, found)
    why_read_only = "opened read-only on request" if read_only else read_only_reason(path)
    if found.state is FileState.DAMAGED:
        raise _quarantine(path, found.detail, movable=why_read_only is None)
    if verify:
        problem = quick_check(path)
        if problem is not None:
            raise _quarantine(path, problem, movable=why_read_only is None)
    if found.state is FileState.OLDER and why_read_only is not None:
        raise CatalogError(
            f"{path.name} was made by an older Liaison and must be upgraded, but {why_read_only}. "
            "Copy it to a folder you can write to and open the copy; the file was not changed.")
    if found.state is FileState.OLDER:
        backup_sqlite(path, f"before-upgrade-from-v{found.schema_version}")
    catalog = _open_sqlite(path, why_read_only)
    try:
        if found.state is FileState.OLDER:
            schema.upgrade(catalog.engine)
    except BaseException:
        catalog.close()
        raise
    if not catalog.read_only:
        from db.atomic import remove_stale_temporaries

        with contextlib.suppress(OSError):  # what an interrupted restore left beside it
            remove_stale_temporaries(path.parent, name=path.name)
    if daily_backup and not catalog.read_only:
        from db import backup

        try:
            backup.backup_if_due(catalog)
        except (CatalogError, OSError, sqlite3.Error) as exc:
            catalog.backup_problem = f"The automatic backup failed: {exc}"
    return catalog


def _open_sqlite(path: Path, why_read_only: str | None) -> Catalog:
    fstype = network_filesystem(path)
    if why_read_only is not None:
        engine = _sqlite_engine(path, uri=read_only_uri(path))
        return Catalog(engine=engine, url=str(engine.url), path=path, read_only=True,
                       read_only_reason=why_read_only, network_fs=fstype)
    engine = _sqlite_engine(path)
    catalog = Catalog(engine=engine, url=str(engine.url), path=path, network_fs=fstype)
    try:
        if fstype is None:
            _outside_transaction(engine, "PRAGMA journal_mode = WAL")
        else:
            _leave_wal(engine)
    except BaseException:
        catalog.close()
        raise
    return catalog


def _leave_wal(engine: Engine) -> None:
    """Use the rollback journal: WAL needs memory shared on one machine, not over a network.

    Switching needs the file to ourselves; if another Liaison has it open we
    leave the mode as it is rather than wait (the warning still shows).
    """
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA busy_timeout = 0")
        try:
            raw.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.OperationalError as exc:
            if _primary(exc) not in (_SQLITE_BUSY, _SQLITE_LOCKED):
                raise
        finally:
            raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def quick_check(path: Path) -> str | None:
    """SQLite's quick check: None when sound, else what is wrong.

    Only answers that mean damage (a failed check, "malformed", "not a
    database") count: a file that is busy or unreadable right now raises a
    plain :class:`CatalogError` instead, so a healthy catalog is never
    quarantined because another program held it for a moment.
    """
    try:
        conn = connect_read_only(path)
        try:
            rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except UnicodeDecodeError:
        # SQLite's own message quoted garbage from the file: the schema itself is damaged.
        return "the catalog's table definitions are garbled"
    except sqlite3.DatabaseError as exc:
        if _primary(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or (
                _primary(exc) == -1 and not isinstance(exc, sqlite3.OperationalError)):
            return str(exc)
        raise CatalogError(f"{path.name} cannot be read right now ({exc}); it was not "
                           "changed. Try again in a moment.") from exc
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


def _quarantine(path: Path, problem: str, *, movable: bool) -> DamagedCatalogError:
    from db import backup

    moved: Path | None = None
    if movable:
        with contextlib.suppress(OSError):
            moved = quarantine(path)
    good = backup.newest_good_backup(path)
    where = (f"Liaison moved it aside, unchanged, as {moved.name} and will not write to it"
             if moved else "It was not changed")
    offer = (f"The newest good backup was taken {backup.describe_time(good)}: {good}"
             if good else f"No good backup of it was found in {backup_dir(path)}")
    return DamagedCatalogError(f"{path.name} is damaged ({problem}). {where}. {offer}.",
                               path=path, quarantined=moved, backup=good)


def _open_url(url: str, *, verify: bool, read_only: bool, daily_backup: bool) -> Catalog:
    if url.startswith("sqlite:///"):
        return open_catalog(url.removeprefix("sqlite:///"), verify=verify, read_only=read_only,
                            daily_backup=daily_backup)
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except Exception as exc:
        raise CatalogError(f"Cannot use the database URL: {exc}") from exc
    catalog = Catalog(engine=engine, url=url, path=None, read_only=read_only,
                      read_only_reason="opened read-only on request" if read_only else None)
    try:
        version = schema.server_version(engine)
        if version > schema.SCHEMA_VERSION:
            raise NewerCatalogError(
                f"The database was made by a newer version of Liaison (catalog format {version})."
            )
        if version < schema.SCHEMA_VERSION:
            schema.upgrade(engine)
    except CatalogError:
        catalog.close()
        raise
    except Exception as exc:
        catalog.close()
        raise CatalogError(f"Cannot open the database: {exc}") from exc
    return catalog


def create_catalog(path: str | os.PathLike[str], *, sample: bool = True) -> Catalog:
    """Make a new catalog at *path* (refusing to overwrite anything) and open it.

    The file is built under a temporary name and renamed when complete, so an
    interrupted ``init`` never leaves a half-made catalog behind.
    """
    target = Path(path).expanduser()
    if target.exists():
        raise CatalogError(f"{target} already exists; choose another name.")
    if not target.parent.is_dir():
        raise CatalogError(f"The folder {target.parent} does not exist.")
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        engine = _sqlite_engine(tmp)
        try:
            _outside_transaction(
                engine,
                f"PRAGMA application_id = {schema.APPLICATION_ID}",
                "PRAGMA journal_mode = WAL",
            )
            schema.upgrade(engine)
            if sample:
                from db import sample as sample_data

                sample_data.load(Catalog(engine=engine, url=str(engine.url), path=tmp))
            _outside_transaction(engine, "PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, *side_files(tmp)):
            leftover.unlink(missing_ok=True)
    return open_catalog(target, verify=False, daily_backup=False)


def sqlite_pragma(catalog: Catalog, pragma: str) -> list[tuple[Any, ...]]:
    """Run a read-only PRAGMA and return its rows (integrity reports, versions)."""
    with catalog.engine.connect() as conn:
        rows = [tuple(row) for row in conn.exec_driver_sql(f"PRAGMA {pragma}")]
        conn.rollback()
    return rows
