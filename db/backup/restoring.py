"""Restoring a backup: the backup's copy replaces the catalog in one atomic rename.

The current catalog is kept first (a ``before-restore`` backup, or set aside as
damaged), and nothing happens while another window or program has it open.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db.atomic import fsync_dir, fsync_file, temp_name_for
from db.backup.reading import NEWER_VERSION, verify
from db.backup.taking import copy_into, detail, save
from db.catalog.errors import CatalogError, CatalogInUseError
from db.catalog.files import (
    FileState,
    connect_read_only,
    inspect_file,
    quarantine,
    quick_check,
    read_only_reason,
    side_files,
)
from db.i18n import N_
from db.said import say

# How long a restore waits for other windows to let go of the catalog.
RESTORE_LOCK_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: which backup now is the catalog, and where the old file went."""

    catalog: Path
    restored_from: Path
    previous: Path | None
    previous_was_damaged: bool = False


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
            raise CatalogInUseError(say(N_(
                "{name} is open in another window or program. Close Liaison wherever it uses "
                "this catalog, then restore again; nothing was changed."),
                name=path.name)) from exc
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
        raise CatalogError(say(N_("{name} cannot be restored: {problem}. Nothing was changed."),
                               name=source.name, problem=problem))
    if target.exists():
        why = read_only_reason(target)
        if why is not None:
            raise CatalogError(say(N_("{name} cannot be replaced: {reason}. Nothing was changed."),
                                   name=target.name, reason=why))
    if not os.access(target.parent, os.W_OK):
        raise CatalogError(say(N_("The folder {folder} is read-only; nothing was changed."),
                               folder=target.parent))
    tmp = temp_name_for(target)
    try:
        reader = connect_read_only(source)
        try:
            copy_into(reader, tmp, source.name)
        finally:
            reader.close()
        fsync_file(tmp)
        previous, damaged = _put_in_place(tmp, target, source, now=now)
    except (sqlite3.Error, OSError) as exc:
        raise CatalogError(say(N_("{name} could not be restored ({error}); {target} was not "
                                  "replaced."), name=source.name, error=detail(exc),
                               target=target.name)) from exc
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
        raise CatalogError(say(N_(
            "{path} is not a catalog this Liaison can replace ({detail}); restore to another "
            "name, or move that file away first. Nothing was changed."),
            path=target, detail=found.detail or say(NEWER_VERSION)))
    try:
        if found.state is not FileState.MISSING:
            if quick_check(target) is not None:
                previous = quarantine(target)  # a rename: the damaged bytes stay as they were
                damaged = True
            else:
                holder = _lock_exclusively(target)
                previous = save(holder, target, "before-restore", now=now, keep=[source]).path
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
