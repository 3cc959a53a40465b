"""Verified, rotating backups of catalog files, and restoring one.

What the most trusted desktop apps do, for the office's memory:

* **Made with SQLite's backup API** from a read-only connection, so a backup
  taken while another window or process writes is a consistent snapshot of
  committed work, never a torn copy.
* **Verified before it counts**: the copy is written under a temporary name,
  opened, ``PRAGMA integrity_check``-ed, then renamed into place (Zotero
  checks its backups the same way). A half-written or failed copy never looks
  like a good backup.
* **Taken when it matters**: on the first open of each day
  (:func:`backup_if_due`), before a schema upgrade, before bulk changes
  (:func:`before_bulk_change`, as Anki does before risky work), and before a
  restore replaces the catalog.
* **Rotated**: the newest backup of each of the last 7 days that have one, of
  the last 4 weeks and of the last 6 months is kept (restic's ``--keep-daily
  7 --keep-weekly 4 --keep-monthly 6``), plus the newest ten younger than a
  day, so several risky operations on one day each keep their backup.

Backups live in ``backups/`` beside the catalog, named
``<catalog name>-<YYYYmmdd-HHMMSS>-<reason>.liaison``: plain catalogs (rollback
journal, no side files) that Liaison can open or restore directly.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from db import schema
from db.atomic import atomic_write, fsync_dir, fsync_file, remove_stale_temporaries, temp_name_for
from db.catalog.errors import CatalogError, CatalogInUseError
from db.catalog.files import (
    CATALOG_SUFFIX,
    FileState,
    backup_dir,
    connect_read_only,
    inspect_file,
    quarantine,
    quick_check,
    read_only_reason,
    side_files,
)
from db.catalog.handle import Catalog
from db.registry import REGISTRY

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 6
KEEP_YOUNGER_THAN = dt.timedelta(days=1)
# ... but not without bound: a script backing up in a loop must not fill the disk.
KEEP_YOUNGER_AT_MOST = 10
STAMP_FORMAT = "%Y%m%d-%H%M%S"
DAILY = "daily"
# The record kinds a backup listing shows, most telling first (the registry's counted kinds).
COUNTED_TABLES = tuple(found.table for found in REGISTRY.values() if found.counted)
# How long a restore waits for other windows to let go of the catalog.
RESTORE_LOCK_TIMEOUT_S = 2.0


class BackupFailedError(CatalogError):
    """A backup could not be written or failed its check; the catalog is unchanged."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when it was taken, why, and how many records it holds."""

    path: Path
    taken_at: dt.datetime
    reason: str
    counts: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def label(self) -> str:
        """The reason in words: ``before-upgrade-from-v0`` -> ``before upgrade from v0``."""
        return self.reason.replace("-", " ")


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: which backup now is the catalog, and where the old file went."""

    catalog: Path
    restored_from: Path
    previous: Path | None
    previous_was_damaged: bool = False


# ---------------------------------------------------------------- names


def _slug(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    return slug or "manual"


def _pattern(catalog_path: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(catalog_path.stem)}-(\d{{8}}-\d{{6}})-([a-z0-9-]+)"
                      rf"{re.escape(CATALOG_SUFFIX)}$")


def backup_path_for(catalog_path: Path, when: dt.datetime, reason: str) -> Path:
    """An unused name in ``backups/`` for a backup of *catalog_path* taken *when*."""
    folder = backup_dir(catalog_path)
    base = f"{catalog_path.stem}-{when.strftime(STAMP_FORMAT)}-{_slug(reason)}"
    candidate, number = folder / f"{base}{CATALOG_SUFFIX}", 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}{CATALOG_SUFFIX}"
        number += 1
    return candidate


def _entries(catalog_path: Path) -> list[tuple[Path, dt.datetime, str]]:
    """This catalog's backups by name alone, newest first (no file is opened)."""
    folder = backup_dir(catalog_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(catalog_path)
    found = []
    for candidate in folder.iterdir():
        match = pattern.match(candidate.name)
        if not match or not candidate.is_file():
            continue
        try:
            when = dt.datetime.strptime(match.group(1), STAMP_FORMAT)
        except ValueError:
            continue
        found.append((candidate, when, match.group(2)))
    found.sort(key=lambda entry: (entry[1], _mtime_ns(entry[0]), entry[0].name), reverse=True)
    return found


def _mtime_ns(path: Path) -> int:
    """Orders backups taken within the same second (their names tie)."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


# ---------------------------------------------------------------- reading backups


def record_counts(path: Path) -> dict[str, int]:
    """How many people, organisations, ... a catalog file holds (empty if unreadable)."""
    counts: dict[str, int] = {}
    try:
        conn = connect_read_only(path)
    except (sqlite3.Error, CatalogError):
        return counts
    try:
        tables = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in COUNTED_TABLES:
            if table in tables:
                counts[table] = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except (sqlite3.Error, UnicodeDecodeError):
        pass
    finally:
        conn.close()
    return counts


def backup_info(path: Path) -> BackupInfo:
    """Describe one backup file (its name gives time and reason; else its mtime)."""
    match = re.match(r"^.*-(\d{8}-\d{6})-([a-z0-9-]+)" + re.escape(CATALOG_SUFFIX) + "$",
                     path.name)
    when: dt.datetime | None = None
    reason = ""
    if match:
        with contextlib.suppress(ValueError):
            when = dt.datetime.strptime(match.group(1), STAMP_FORMAT)
            reason = match.group(2)
    if when is None:
        when = dt.datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path, when, reason, record_counts(path))


def list_backups(catalog_path: str | os.PathLike[str]) -> list[BackupInfo]:
    """The backups of the catalog at *catalog_path*, newest first, with record counts."""
    path = Path(catalog_path)
    return [BackupInfo(p, when, reason, record_counts(p)) for p, when, reason in _entries(path)]


def verify(path: Path, *, thorough: bool = True) -> str | None:
    """None when *path* is a sound catalog Liaison can open; else what is wrong with it.

    *thorough* runs ``integrity_check`` (every index against its table);
    otherwise ``quick_check``, which is enough to choose among backups.
    """
    found = inspect_file(path)
    if found.state is FileState.MISSING:
        return "the file does not exist"
    if found.state in (FileState.NOT_SQLITE, FileState.FOREIGN):
        return f"it is not a Liaison catalog ({found.detail})"
    if found.state is FileState.NEWER:
        return "it was made by a newer version of Liaison"
    try:
        conn = connect_read_only(path)
        try:
            pragma = "integrity_check" if thorough else "quick_check"
            rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
        finally:
            conn.close()
    except (sqlite3.Error, CatalogError, UnicodeDecodeError) as exc:
        return str(exc) if not isinstance(exc, UnicodeDecodeError) else "its tables are garbled"
    return None if rows == ["ok"] else "; ".join(rows[:3])


def newest_good_backup(catalog_path: Path) -> Path | None:
    """The newest backup of *catalog_path* that passes the check a restore makes, if any."""
    for candidate, _when, _reason in _entries(catalog_path):
        if verify(candidate) is None:
            return candidate
    return None


def describe_time(path: Path | None) -> str:
    """``on Tuesday 4 March 2025 at 14:05`` for a backup file, for messages."""
    if path is None:
        return "never"
    when = backup_info_time(path)
    return f"on {when:%A} {when.day} {when:%B %Y} at {when:%H:%M}"


def backup_info_time(path: Path) -> dt.datetime:
    match = re.search(r"-(\d{8}-\d{6})-", path.name)
    if match:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(match.group(1), STAMP_FORMAT)
    return dt.datetime.fromtimestamp(path.stat().st_mtime)


# ---------------------------------------------------------------- writing backups


def _detail(exc: BaseException) -> str:
    code = getattr(exc, "sqlite_errorcode", 0) or 0
    full = (code & 0xFF) == 13 or (isinstance(exc, OSError) and exc.errno in (28, 122))
    return "the disk is full" if full else str(getattr(exc, "strerror", None) or exc)


def _failure(name: str, exc: BaseException) -> BackupFailedError:
    return BackupFailedError(f"The backup of {name} could not be written ({_detail(exc)}); "
                             "the catalog is unchanged.")


def _copy_into(source: sqlite3.Connection, target: Path, name: str) -> None:
    """Copy an open database into the new file *target*, as a plain file, and check it."""
    dest = sqlite3.connect(target, isolation_level=None)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE").fetchone()
        problems = [str(row[0]) for row in dest.execute("PRAGMA integrity_check")]
        app_id = dest.execute("PRAGMA application_id").fetchone()[0]
    finally:
        dest.close()
    if problems != ["ok"]:
        raise BackupFailedError(f"The backup of {name} failed its check ({'; '.join(problems[:3])})"
                                "; the catalog itself may be damaged. Run `liaison check`.")
    if app_id != schema.APPLICATION_ID:
        raise BackupFailedError(f"The backup of {name} is not a Liaison catalog; it was removed.")


def _save(source: sqlite3.Connection, catalog_path: Path, reason: str, *,
          now: dt.datetime | None, keep: Iterable[Path] = ()) -> BackupInfo:
    when = now or dt.datetime.now()
    folder = backup_dir(catalog_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = backup_path_for(catalog_path, when, reason)
        with atomic_write(target) as tmp:
            _copy_into(source, tmp, catalog_path.name)
    except BackupFailedError:
        raise
    except (sqlite3.Error, OSError) as exc:
        raise _failure(catalog_path.name, exc) from exc
    with contextlib.suppress(OSError):
        rotate(catalog_path, now=when, keep=[target, *keep])
    return BackupInfo(target, when.replace(microsecond=0), _slug(reason), record_counts(target))


def _catalog_path(catalog_or_path: Catalog | str | os.PathLike[str]) -> Path:
    if isinstance(catalog_or_path, Catalog):
        if catalog_or_path.path is None:
            raise CatalogError("A shared office database is backed up by its server, not by "
                               "Liaison; ask whoever runs the server.")
        return catalog_or_path.path
    return Path(catalog_or_path)


def backup_now(catalog_or_path: Catalog | str | os.PathLike[str], reason: str = "manual", *,
               now: dt.datetime | None = None) -> BackupInfo:
    """Take a verified backup of a catalog (open or by path) into ``backups/`` and rotate.

    Safe while other windows or processes write: the copy is one consistent
    snapshot. *now* stamps the backup (tests simulate dates with it).
    """
    path = _catalog_path(catalog_or_path)
    found = inspect_file(path)
    if found.state is FileState.MISSING:
        raise CatalogError(f"There is no catalog at {path}.")
    if found.state not in (FileState.CURRENT, FileState.OLDER):
        raise BackupFailedError(f"{path.name} cannot be backed up: "
                                f"{verify(path, thorough=False)}; it was not changed.")
    try:
        source = connect_read_only(path)
    except sqlite3.Error as exc:
        raise _failure(path.name, exc) from exc
    try:
        return _save(source, path, reason, now=now)
    finally:
        source.close()


def backup_if_due(catalog: Catalog, *, now: dt.datetime | None = None) -> BackupInfo | None:
    """The daily backup: taken unless a backup of this catalog exists from today."""
    if catalog.read_only or catalog.path is None:
        return None
    today = (now or dt.datetime.now()).date()
    if any(when.date() == today for _path, when, _reason in _entries(catalog.path)):
        return None
    return backup_now(catalog, DAILY, now=now)


def before_bulk_change(catalog: Catalog, what: str) -> BackupInfo | None:
    """Back up before an import, a merge or any change to many records at once.

    Returns None for a shared database (its server keeps backups); raises
    :class:`BackupFailedError` when no backup could be made, so the caller can
    refuse the risky work instead of doing it unprotected.
    """
    if catalog.path is None:
        return None
    return backup_now(catalog, f"before-{what}")


# ---------------------------------------------------------------- rotation


def _kept(entries: list[tuple[Path, dt.datetime, str]], now: dt.datetime) -> set[Path]:
    """Newest of each of the last 7 days, 4 ISO weeks and 6 months that have backups."""
    days: dict[dt.date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    months: dict[tuple[int, int], Path] = {}
    keep: set[Path] = set()
    for path, when, _reason in entries:  # newest first
        iso = when.isocalendar()
        for bucket, key, limit in ((days, when.date(), KEEP_DAILY),
                                   (weeks, (iso.year, iso.week), KEEP_WEEKLY),
                                   (months, (when.year, when.month), KEEP_MONTHLY)):
            if key not in bucket and len(bucket) < limit:
                bucket[key] = path  # type: ignore[index]
        if now - when < KEEP_YOUNGER_THAN and len(keep) < KEEP_YOUNGER_AT_MOST:
            keep.add(path)
    return keep | set(days.values()) | set(weeks.values()) | set(months.values())


def rotate(catalog_path: Path, *, now: dt.datetime | None = None,
           keep: Iterable[Path] = ()) -> list[Path]:
    """Delete the backups the rotation no longer keeps; returns what was deleted.

    Files in ``backups/`` that are not this catalog's backups are never touched,
    except leftovers of interrupted backups older than a day.
    """
    when = now or dt.datetime.now()
    entries = _entries(catalog_path)
    kept = _kept(entries, when) | set(keep)
    removed = []
    for path, _when, _reason in entries:
        if path not in kept:
            path.unlink(missing_ok=True)
            removed.append(path)
    # By the real clock, not *now*: a backup stamped with a simulated (or skewed) date
    # must not take another process's backup in progress for a day-old leftover.
    remove_stale_temporaries(backup_dir(catalog_path))
    return removed


# ---------------------------------------------------------------- restore


def _lock_exclusively(path: Path) -> sqlite3.Connection:
    """Hold *path* alone, its WAL folded in; CatalogInUseError if it is open elsewhere."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=RESTORE_LOCK_TIMEOUT_S,
                           check_same_thread=False)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF in (5, 6):
            raise CatalogInUseError(
                f"{path.name} is open in another window or program. Close Liaison wherever it "
                "uses this catalog, then restore again; nothing was changed.") from exc
        raise
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


def restore(catalog_path: str | os.PathLike[str], backup_path: str | os.PathLike[str], *,
            now: dt.datetime | None = None) -> RestoreResult:
    """Make *backup_path* the catalog at *catalog_path*, keeping the current file.

    The backup is checked first; the current catalog, if any, is kept as a
    ``before-restore`` backup (or quarantined as damaged when it fails its
    check); the backup's copy then replaces it in one atomic rename, with no
    stale ``-wal``/``-shm`` left to be replayed into it. Refused, changing
    nothing, while the catalog is open in another window or program.
    """
    target = Path(catalog_path)
    if target.is_symlink():  # restore the catalog the link points to, and keep the link
        target = target.resolve()
    source = Path(backup_path)
    problem = verify(source)
    if problem is not None:
        raise CatalogError(f"{source.name} cannot be restored: {problem}. Nothing was changed.")
    if target.exists():
        why = read_only_reason(target)
        if why is not None:
            raise CatalogError(f"{target.name} cannot be replaced: {why}. Nothing was changed.")
    if not os.access(target.parent, os.W_OK):
        raise CatalogError(f"The folder {target.parent} is read-only; nothing was changed.")
    tmp = temp_name_for(target)
    try:
        reader = connect_read_only(source)
        try:
            _copy_into(reader, tmp, source.name)
        finally:
            reader.close()
        fsync_file(tmp)
        previous, damaged = _put_in_place(tmp, target, source, now=now)
    except (sqlite3.Error, OSError) as exc:
        raise CatalogError(f"{source.name} could not be restored ({_detail(exc)}); "
                           f"{target.name} was not replaced.") from exc
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal"), *side_files(tmp)):
            leftover.unlink(missing_ok=True)
    return RestoreResult(target, source, previous, damaged)


def _put_in_place(tmp: Path, target: Path, source: Path, *,
                  now: dt.datetime | None) -> tuple[Path | None, bool]:
    """Keep the current catalog (backup or quarantine), then rename *tmp* over it."""
    previous: Path | None = None
    damaged = False
    holder: sqlite3.Connection | None = None
    found = inspect_file(target)
    if found.state in (FileState.NOT_SQLITE, FileState.FOREIGN, FileState.NEWER):
        raise CatalogError(f"{target} is not a catalog this Liaison can replace "
                           f"({found.detail or 'it was made by a newer version'}); restore to "
                           "another name, or move that file away first. Nothing was changed.")
    try:
        if found.state is not FileState.MISSING:
            if quick_check(target) is not None:
                previous = quarantine(target)  # a rename: the damaged bytes stay as they were
                damaged = True
            else:
                holder = _lock_exclusively(target)
                previous = _save(holder, target, "before-restore", now=now, keep=[source]).path
        for stale in side_files(target):
            stale.unlink(missing_ok=True)
        if holder is not None and os.name == "nt":  # Windows cannot rename over an open file
            holder.close()
            holder = None
        os.replace(tmp, target)
        fsync_dir(target.parent)
    finally:
        if holder is not None:
            holder.close()
    return previous, damaged
