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

A catalog on a database server has no backups here: the server's
administrator keeps them (``pg_dump``), and ``liaison export json`` is the
portable copy anyone can take.

One module per job, lower ones first: :mod:`~db.backup.names` (file names and
times), :mod:`~db.backup.reading` (listing and checking backups),
:mod:`~db.backup.rotation` (which to keep), :mod:`~db.backup.taking` (making
one), :mod:`~db.backup.restoring` (putting one back). The names below are the
public interface (``db.backup.backup_now`` and the rest keep working).
"""

from db.backup.names import (
    STAMP_FORMAT,
    backup_info_time,
    backup_path_for,
    describe_time,
)
from db.backup.reading import (
    COUNTED_TABLES,
    BackupInfo,
    backup_info,
    list_backups,
    newest_good_backup,
    record_counts,
    verify,
)
from db.backup.restoring import RESTORE_LOCK_TIMEOUT_S, RestoreResult, restore
from db.backup.rotation import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    KEEP_YOUNGER_AT_MOST,
    KEEP_YOUNGER_THAN,
    rotate,
)
from db.backup.taking import (
    DAILY,
    SERVER_BACKUPS,
    BackupFailedError,
    backup_if_due,
    backup_now,
    before_bulk_change,
)
from db.catalog.errors import CatalogError

__all__ = [
    "COUNTED_TABLES",
    "DAILY",
    "KEEP_DAILY",
    "KEEP_MONTHLY",
    "KEEP_WEEKLY",
    "KEEP_YOUNGER_AT_MOST",
    "KEEP_YOUNGER_THAN",
    "RESTORE_LOCK_TIMEOUT_S",
    "SERVER_BACKUPS",
    "STAMP_FORMAT",
    "BackupFailedError",
    "BackupInfo",
    "CatalogError",
    "RestoreResult",
    "backup_if_due",
    "backup_info",
    "backup_info_time",
    "backup_now",
    "backup_path_for",
    "before_bulk_change",
    "describe_time",
    "list_backups",
    "newest_good_backup",
    "record_counts",
    "restore",
    "rotate",
    "verify",
]
