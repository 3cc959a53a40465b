"""Opening, creating, migrating and protecting catalogs (a file, or a database server's URL).

One module per job:

* :mod:`db.catalog.errors`: what can go wrong, as messages for the user;
* :mod:`db.catalog.files`: looking at catalog files without changing them;
* :mod:`db.catalog.network`: network drives, where SQLite's locking fails;
* :mod:`db.catalog.engine`: engines and how transactions begin;
* :mod:`db.catalog.handle`: the open :class:`Catalog`;
* :mod:`db.catalog.server`: catalogs on a database server;
* :mod:`db.catalog.lifecycle`: open and create (judge, protect, migrate, back up).

The names below are the public interface (``db.catalog.open_catalog`` and the
rest keep working). The lower modules come first: :mod:`db.backup`,
:mod:`db.sample` and :mod:`db.ops` build on them, and the lifecycle calls those.
"""

from db.catalog.errors import (
    CatalogBusyError,
    CatalogError,
    CatalogInUseError,
    CatalogLostError,
    DamagedCatalogError,
    DiskFullError,
    NewerCatalogError,
    NotACatalogError,
    ReadOnlyCatalogError,
    WriteFailedError,
    storage_error,
)
from db.catalog.files import (
    BUSY_TIMEOUT_MS,
    CATALOG_SUFFIX,
    DAMAGED_MARK,
    SIDE_FILES,
    SQLITE_MAGIC,
    FileState,
    Inspection,
    backup_dir,
    connect_read_only,
    disk_is_full,
    inspect_file,
    quarantine,
    quarantine_name,
    quick_check,
    read_only_reason,
    read_only_uri,
    side_files,
)
from db.catalog.handle import Catalog
from db.catalog.lifecycle import (
    backup_sqlite,
    create_catalog,
    judge_damage,
    open_catalog,
    remove_stale_side_files,
)
from db.catalog.network import filesystem_of, network_filesystem, network_warning

__all__ = [
    "BUSY_TIMEOUT_MS", "CATALOG_SUFFIX", "DAMAGED_MARK", "SIDE_FILES", "SQLITE_MAGIC",
    "Catalog", "CatalogBusyError", "CatalogError", "CatalogInUseError", "CatalogLostError",
    "DamagedCatalogError",
    "DiskFullError", "FileState", "Inspection", "NewerCatalogError", "NotACatalogError",
    "ReadOnlyCatalogError", "WriteFailedError", "backup_dir", "backup_sqlite",
    "connect_read_only", "create_catalog", "disk_is_full", "filesystem_of", "inspect_file",
    "judge_damage",
    "network_filesystem", "network_warning", "open_catalog", "quarantine", "quarantine_name",
    "quick_check", "read_only_reason", "read_only_uri", "remove_stale_side_files", "side_files",
    "storage_error",
]
