"""Taking a backup: a consistent, verified copy of a catalog file into ``backups/``.

The copy is made with SQLite's backup API from a read-only connection (a
snapshot of committed work even while others write), written under a
temporary name, checked, then renamed into place; the rotation then drops
what it no longer keeps.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from db import schema
from db.atomic import atomic_write
from db.backup.names import backup_path_for, entries, slug
from db.backup.reading import BackupInfo, record_counts, verify
from db.backup.rotation import rotate
from db.catalog.errors import CatalogError, sqlite_words
from db.catalog.files import FileState, backup_dir, connect_read_only, inspect_file
from db.catalog.handle import Catalog
from db.i18n import N_
from db.said import say

DAILY = "daily"
# Why a catalog on a database server has no backups here (the CLI and the app say so).
SERVER_BACKUPS = N_("A shared office database is backed up by its server, not by Liaison; "
                    "ask whoever runs the server.")
DISK_FULL = N_("the disk is full")


class BackupFailedError(CatalogError):
    """A backup could not be written or failed its check; the catalog is unchanged."""


def detail(exc: BaseException) -> str:
    """What went wrong, in words: "the disk is full" for SQLITE_FULL and ENOSPC."""
    code = getattr(exc, "sqlite_errorcode", 0) or 0
    full = (code & 0xFF) == 13 or (isinstance(exc, OSError) and exc.errno in (28, 122))
    return say(DISK_FULL) if full else sqlite_words(getattr(exc, "strerror", None) or exc)


def _failure(name: str, exc: BaseException) -> BackupFailedError:
    return BackupFailedError(say(N_("The backup of {name} could not be written ({error}); "
                                    "the catalog is unchanged."), name=name, error=detail(exc)))


def copy_into(source: sqlite3.Connection, target: Path, name: str) -> None:
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
        raise BackupFailedError(say(N_(
            "The backup of {name} failed its check ({problems}); the catalog itself may be "
            "damaged. Run `liaison check`."), name=name, problems="; ".join(problems[:3])))
    if app_id != schema.APPLICATION_ID:
        raise BackupFailedError(say(N_("The backup of {name} is not a Liaison catalog; it was "
                                       "removed."), name=name))


def save(source: sqlite3.Connection, catalog_path: Path, reason: str, *,
         now: dt.datetime | None, keep: Iterable[Path] = ()) -> BackupInfo:
    """Write a verified backup of the open *source* (the catalog at *catalog_path*), rotate."""
    when = now or dt.datetime.now()
    folder = backup_dir(catalog_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = backup_path_for(catalog_path, when, reason)
        with atomic_write(target) as tmp:
            copy_into(source, tmp, catalog_path.name)
    except BackupFailedError:
        raise
    except (sqlite3.Error, OSError) as exc:
        raise _failure(catalog_path.name, exc) from exc
    with contextlib.suppress(OSError):
        rotate(catalog_path, now=when, keep=[target, *keep])
    return BackupInfo(target, when.replace(microsecond=0), slug(reason), record_counts(target))


def _catalog_path(catalog_or_path: Catalog | str | os.PathLike[str]) -> Path:
    if isinstance(catalog_or_path, Catalog):
        if catalog_or_path.path is None:
            raise CatalogError(say(SERVER_BACKUPS))
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
        raise CatalogError(say(N_("There is no catalog at {path}."), path=path))
    if found.state not in (FileState.CURRENT, FileState.OLDER):
        raise BackupFailedError(say(N_("{name} cannot be backed up: {problem}; it was not "
                                       "changed."), name=path.name,
                                    problem=verify(path, thorough=False)))
    try:
        source = connect_read_only(path)
    except sqlite3.Error as exc:
        raise _failure(path.name, exc) from exc
    try:
        return save(source, path, reason, now=now)
    finally:
        source.close()


def backup_if_due(catalog: Catalog, *, now: dt.datetime | None = None) -> BackupInfo | None:
    """The daily backup: taken unless a backup of this catalog exists from today."""
    if catalog.read_only or catalog.path is None:
        return None
    today = (now or dt.datetime.now()).date()
    if any(when.date() == today for _path, when, _reason in entries(catalog.path)):
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
