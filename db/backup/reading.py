"""Reading backups without changing them: what each holds, and whether it is sound."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from db.backup.names import entries, name_parts
from db.catalog.errors import CatalogError, sqlite_words
from db.catalog.files import FileState, connect_read_only, inspect_file
from db.i18n import N_
from db.registry import REGISTRY
from db.said import say

# The record kinds a backup listing shows, most telling first (the registry's counted kinds).
COUNTED_TABLES = tuple(found.table for found in REGISTRY.values() if found.counted)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when it was taken, why, and how many records it holds."""

    path: Path
    taken_at: dt.datetime
    reason: str
    counts: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def label(self) -> str:
        """The reason in words, in the current language: ``before-upgrade-from-v0`` ->
        ``before upgrade from v0`` (a reason typed by the user is shown as typed)."""
        known = _REASONS.get(self.reason)
        if known is not None:
            return say(known)
        upgrade = _UPGRADE.match(self.reason)
        if upgrade:
            return say(N_("before upgrade from v{version}"), version=upgrade[1])
        return self.reason.replace("-", " ")


# The reasons Liaison itself gives its backups, in words.
_REASONS = {"daily": N_("daily"), "manual": N_("manual"), "before-import": N_("before import"),
            "before-restore": N_("before restore")}
_UPGRADE = re.compile(r"^before-upgrade-from-v(\d+)$")


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
    parts = name_parts(path)
    when, reason = parts if parts else (dt.datetime.fromtimestamp(path.stat().st_mtime), "")
    return BackupInfo(path, when, reason, record_counts(path))


def list_backups(catalog_path: str | os.PathLike[str]) -> list[BackupInfo]:
    """The backups of the catalog at *catalog_path*, newest first, with record counts."""
    path = Path(catalog_path)
    return [BackupInfo(p, when, reason, record_counts(p)) for p, when, reason in entries(path)]


def verify(path: Path, *, thorough: bool = True) -> str | None:
    """None when *path* is a sound catalog Liaison can open; else what is wrong with it.

    *thorough* runs ``integrity_check`` (every index against its table);
    otherwise ``quick_check``, which is enough to choose among backups.
    """
    found = inspect_file(path)
    if found.state is FileState.MISSING:
        return say(N_("the file does not exist"))
    if found.state in (FileState.NOT_SQLITE, FileState.FOREIGN):
        return say(N_("it is not a Liaison catalog ({detail})"), detail=found.detail)
    if found.state is FileState.NEWER:
        return say(NEWER_VERSION)
    try:
        conn = connect_read_only(path)
        try:
            pragma = "integrity_check" if thorough else "quick_check"
            rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
        finally:
            conn.close()
    except (sqlite3.Error, CatalogError, UnicodeDecodeError) as exc:
        return sqlite_words(exc) if not isinstance(exc, UnicodeDecodeError) else say(
            N_("its tables are garbled"))
    return None if rows == ["ok"] else "; ".join(rows[:3])


NEWER_VERSION = N_("it was made by a newer version of Liaison")


def newest_good_backup(catalog_path: Path) -> Path | None:
    """The newest backup of *catalog_path* that passes the check a restore makes, if any."""
    for candidate, _when, _reason in entries(catalog_path):
        if verify(candidate) is None:
            return candidate
    return None
