"""Opening a catalog kept by a database server (the shared office database) by its URL.

A server keeps its own backups and does its own locking, so none of the file
protections (inspection, quarantine, daily backups) apply here.
"""

from __future__ import annotations

from sqlalchemy import create_engine

from db import schema
from db.catalog.errors import CatalogError, NewerCatalogError
from db.catalog.handle import Catalog


def open_url(url: str, *, read_only: bool = False) -> Catalog:
    """Open the catalog in the database at *url*, upgrading an older schema first."""
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
