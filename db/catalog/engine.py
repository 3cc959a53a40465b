"""SQLAlchemy engines on catalog files: connection settings and how transactions begin.

Writes begin ``IMMEDIATE``: a writer takes the lock up front and waits (busy
timeout) instead of failing half-way with "database is locked" when a second
window or instance writes at the same time.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection
from sqlalchemy.pool import ConnectionPoolEntry

from db import dialect
from db.catalog.errors import SQLITE_BUSY, SQLITE_LOCKED, primary_code
from db.catalog.files import BUSY_TIMEOUT_MS, catalog_uri


def _install_sqlite_hooks(engine: Engine) -> None:
    """WAL, foreign keys, busy timeout, and BEGIN / BEGIN IMMEDIATE under our control."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy's "begin" event, not pysqlite, decide how transactions start.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        options = conn.get_execution_options()
        # A late lock begins like a read: the first write takes the lock (handle.py).
        write = bool(options.get("liaison_write")) and not options.get("liaison_late_lock")
        dialect.of(conn).begin(conn, write=write)


def outside_transaction(engine: Engine, *statements: str) -> None:
    """Run PRAGMAs that must not sit inside a transaction (journal mode, header fields)."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        for statement in statements:
            raw.execute(statement)


def sqlite_engine(path: Path, *, uri: str | None = None) -> Engine:
    """An engine on *path* (through *uri* when given: read-only or immutable access)."""
    uri = uri or catalog_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False,
                               timeout=BUSY_TIMEOUT_MS / 1000)

    engine = create_engine(URL.create("sqlite", database=str(path)), creator=connect)
    _install_sqlite_hooks(engine)
    return engine


def leave_wal(engine: Engine) -> None:
    """Use the rollback journal: WAL needs memory shared on one machine, not over a network.

    Switching needs the file to ourselves; if another Liaison has it open we
    leave the mode as it is rather than wait (the warning still shows).
    """
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA busy_timeout = 0")
        try:
            raw.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.OperationalError as exc:
            if primary_code(exc) not in (SQLITE_BUSY, SQLITE_LOCKED):
                raise
        finally:
            raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
