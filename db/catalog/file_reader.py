"""A catalog file read over :mod:`sqlite3` alone: the command line's reading path.

``liaison search`` and ``liaison brief`` read a few rows and print; loading
SQLAlchemy, SQLModel and two dozen table classes to do it cost them several times
their own work (issue 16). The reads they run are SQL text over a
:data:`db.rows.Rows` function (:mod:`db.search_query`, :mod:`db.reads`), so a
read-only DB-API connection serves them as well as the store's session does.

It takes only the plain case: a local catalog file of this version. Anything else —
a missing, foreign, newer, older (to be upgraded) or damaged file, one on a network
drive, a database server, an SQLite error of any kind — gives None, and the caller
opens the catalog through the store (:func:`db.catalog.open_catalog`), which says
what is wrong, or upgrades, exactly as it always has. Nothing here writes to the
file or reads it with plain Python I/O: it is opened read-only through SQLite
(``mode=ro``, as the store's read-only opens are), and its format is read through
SQLite too.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from db import schema
from db.catalog.network import network_filesystem
from db.rows import Rows

# How long a read waits for a writer's lock, as the store's connections do.
BUSY_TIMEOUT_S = 10.0


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to *path* (SQLite's ``mode=ro`` URI, any file name).

    In autocommit mode: :meth:`FileReader.read_session` begins and ends its own read
    transaction, as the store's read sessions do.
    """
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                           timeout=BUSY_TIMEOUT_S, isolation_level=None)


def is_current_catalog(conn: sqlite3.Connection) -> bool:
    """Whether the file is a Liaison catalog of exactly this version (read through SQLite)."""
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    return bool(application_id == schema.APPLICATION_ID
                and user_version == schema.SCHEMA_VERSION)


class FileReader:
    """A current catalog file open for reading, with what the briefing renderer asks of a
    catalog: its :attr:`name` and :meth:`read_session` (a :data:`Rows` in one snapshot)."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection

    @property
    def name(self) -> str:
        """What the user calls this catalog (the PDF footer), as :class:`Catalog` says it."""
        return self.path.stem

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Rows]:
        """Every read inside sees one snapshot of the file (one read transaction)."""
        conn = self._connection

        def rows(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
            return conn.execute(sql, dict(params)).fetchall()

        conn.execute("BEGIN")
        try:
            yield rows
        finally:
            conn.execute("ROLLBACK")  # nothing was written: ending the read is all it does

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> FileReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_file_reader(path: Path) -> FileReader | None:
    """The catalog file at *path* for reading over sqlite3, or None when the store must
    open it instead (see the module docstring)."""
    if not path.is_file() or network_filesystem(path) is not None:
        return None
    try:
        conn = read_only_connection(path)
    except sqlite3.Error:
        return None
    try:
        if is_current_catalog(conn):
            return FileReader(path, conn)
    except sqlite3.Error:
        pass
    conn.close()
    return None
