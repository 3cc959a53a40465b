"""Catalog files as an older Liaison left them, for the tests of upgrades."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from db import schema


def catalog_at(path: Path, revision: str, *, downgrade: bool = False) -> None:
    """*path* marked as a Liaison catalog (WAL, as every catalog is) and migrated up (or
    down) to *revision*: the tables of that format, for a test to put old rows in."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            (command.downgrade if downgrade else command.upgrade)(config, revision)
    finally:
        engine.dispose()
