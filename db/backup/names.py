"""Backup file names: ``<catalog name>-<YYYYmmdd-HHMMSS>-<reason>.liaison`` in ``backups/``.

A backup's name alone says when it was taken and why, so listing and rotating
backups opens no file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path

from db.catalog.files import CATALOG_SUFFIX, backup_dir
from db.i18n import N_, format_date, format_time
from db.said import say

STAMP_FORMAT = "%Y%m%d-%H%M%S"
# One backup of the folder, as the name says: its path, when it was taken, and why.
Entry = tuple[Path, dt.datetime, str]


def slug(reason: str) -> str:
    """The reason as it appears in a file name: ``before import`` -> ``before-import``."""
    found = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    return found or "manual"


def _pattern(catalog_path: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(catalog_path.stem)}-(\d{{8}}-\d{{6}})-([a-z0-9-]+)"
                      rf"{re.escape(CATALOG_SUFFIX)}$")


def backup_path_for(catalog_path: Path, when: dt.datetime, reason: str) -> Path:
    """An unused name in ``backups/`` for a backup of *catalog_path* taken *when*."""
    folder = backup_dir(catalog_path)
    base = f"{catalog_path.stem}-{when.strftime(STAMP_FORMAT)}-{slug(reason)}"
    candidate, number = folder / f"{base}{CATALOG_SUFFIX}", 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}{CATALOG_SUFFIX}"
        number += 1
    return candidate


def entries(catalog_path: Path) -> list[Entry]:
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


def name_parts(path: Path) -> tuple[dt.datetime, str] | None:
    """(when, reason) from any backup's file name, or None when the name has neither."""
    match = re.match(r"^.*-(\d{8}-\d{6})-([a-z0-9-]+)" + re.escape(CATALOG_SUFFIX) + "$",
                     path.name)
    if match:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(match.group(1), STAMP_FORMAT), match.group(2)
    return None


def backup_info_time(path: Path) -> dt.datetime:
    """When a backup was taken: from its name, else its file's modification time."""
    match = re.search(r"-(\d{8}-\d{6})-", path.name)
    if match:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(match.group(1), STAMP_FORMAT)
    return dt.datetime.fromtimestamp(path.stat().st_mtime)


def describe_time(path: Path | None) -> str:
    """``on Tuesday 4 March 2025 at 14:05`` for a backup file, for messages."""
    if path is None:
        return say(N_("never"))
    when = backup_info_time(path)
    return say(N_("on {date} at {time}"), date=format_date(when.date(), "full"),
               time=format_time(when))
