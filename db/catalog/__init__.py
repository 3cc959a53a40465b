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

Nothing loads until a name is first used (:pep:`562`): ``liaison search`` reads a
catalog with :mod:`db.catalog.network` and :mod:`sqlite3` alone, and importing this
package must not pull in SQLAlchemy for it (see :mod:`db.quick_search`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Which module of this package defines each public name.
_HOMES: dict[str, tuple[str, ...]] = {
    "errors": ("CatalogBusyError", "CatalogError", "CatalogInUseError", "CatalogLostError",
               "DamagedCatalogError", "DiskFullError", "NewerCatalogError", "NotACatalogError",
               "ReadOnlyCatalogError", "WriteFailedError", "storage_error"),
    "files": ("BUSY_TIMEOUT_MS", "CATALOG_SUFFIX", "DAMAGED_MARK", "SIDE_FILES", "SQLITE_MAGIC",
              "FileState", "Inspection", "backup_dir", "connect_read_only", "disk_is_full",
              "inspect_file", "quarantine", "quarantine_name", "quick_check",
              "read_only_reason", "read_only_uri", "side_files"),
    "handle": ("Catalog",),
    "lifecycle": ("backup_sqlite", "create_catalog", "judge_damage", "open_catalog",
                  "remove_stale_side_files"),
    "network": ("filesystem_of", "network_filesystem", "network_warning"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    """Load the module that defines *name* on first use, and keep the name here."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'db.catalog' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"db.catalog.{module}"), name)
    globals()[name] = value
    return value


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
