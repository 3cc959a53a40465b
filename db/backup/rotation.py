"""Which backups to keep: restic's ``--keep-daily 7 --keep-weekly 4 --keep-monthly 6``,
plus the newest ten younger than a day (several risky operations on one day each
keep their backup)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from db.atomic import remove_stale_temporaries
from db.backup.names import Entry, entries
from db.catalog.files import backup_dir

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 6
KEEP_YOUNGER_THAN = dt.timedelta(days=1)
# ... but not without bound: a script backing up in a loop must not fill the disk.
KEEP_YOUNGER_AT_MOST = 10


def _kept(found: list[Entry], now: dt.datetime) -> set[Path]:
    """Newest of each of the last 7 days, 4 ISO weeks and 6 months that have backups."""
    days: dict[dt.date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    months: dict[tuple[int, int], Path] = {}
    keep: set[Path] = set()
    for path, when, _reason in found:  # newest first
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
    found = entries(catalog_path)
    kept = _kept(found, when) | set(keep)
    removed = []
    for path, _when, _reason in found:
        if path not in kept:
            path.unlink(missing_ok=True)
            removed.append(path)
    # By the real clock, not *now*: a backup stamped with a simulated (or skewed) date
    # must not take another process's backup in progress for a day-old leftover.
    remove_stale_temporaries(backup_dir(catalog_path))
    return removed
