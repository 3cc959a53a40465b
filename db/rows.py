"""Reads as SQL text over any connection: the store's session, or a bare DB-API one.

The read side (:mod:`db.reads`, the briefing sheets' loaders) runs its SQL through a
:data:`Rows` function, SQL text with ``:name`` parameters in, rows out, so one query
serves both:

- the store's session (:func:`rows_of` on a SQLAlchemy/SQLModel ``Session``), in its
  transaction, on SQLite and PostgreSQL alike, as the app and the office database
  read; and
- a read-only :mod:`sqlite3` connection (``sqlite3`` takes ``:name`` parameters
  natively), which is how a whole ``liaison brief`` process reads a catalog file
  without importing SQLAlchemy, SQLModel, pydantic and two dozen table classes: that
  import alone cost four times the sheet (issue 16).

A driver hands values back as it stores them: SQLite has no date, time, JSON or
boolean type, so the converters here (:func:`day`, :func:`clock`, :func:`strings`,
:func:`flag`, :func:`blob`) take either form and return what the table classes would.
SQLite's forms are SQLAlchemy's storage formats (``2025-03-10``,
``09:30:00.000000``, JSON text).

Nothing here imports SQLAlchemy: the session adapter loads its ``text()`` from a
session's own package when it is handed one, which already has it loaded.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: Runs one SQL statement (``:name`` parameters) and returns all its rows.
Rows: TypeAlias = Callable[[str, Mapping[str, Any]], Sequence[Sequence[Any]]]

#: What a read takes: the store's session, or a :data:`Rows` function.
Reader: TypeAlias = "Session | Rows"


def rows_of(source: Reader) -> Rows:
    """*source* as a :data:`Rows` function (a session reads in its own transaction)."""
    if callable(source):
        return source
    return _session_rows(source)


def _session_rows(session: Session) -> Rows:
    # A Session exists only where SQLAlchemy is loaded: this import costs nothing then,
    # and keeps the module (and every read built on it) importable without it.
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    connection = session.connection()

    def rows(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        return connection.execute(text(sql), dict(params)).all()

    dialect = connection.dialect
    if dialect.name != "sqlite" or dialect.driver != "pysqlite" \
            or connection.dispatch.before_cursor_execute \
            or connection.dispatch.after_cursor_execute:
        return rows
    # On a catalog file the statement goes to the session's own sqlite3 connection, in
    # its transaction (begun by session.connection()), as a FileReader's does: SQLAlchemy
    # compiling each text() and building its result costs more than SQLite's own work
    # (half of loading a delegation briefing, issue 16). Errors are raised as SQLAlchemy
    # raises them, and parameters other than the plain kinds take SQLAlchemy's way, as
    # every statement does while someone listens to the engine's statements (the tests
    # that count queries).
    driver = connection.connection.driver_connection
    if driver is None:
        return rows
    dbapi_error = dialect.loaded_dbapi.Error

    def driver_rows(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        bound = {}
        for name, value in params.items():
            kind = type(value)
            if kind is dt.date:
                value = value.isoformat()  # SQLAlchemy's DATE storage format on SQLite
            elif kind not in _PLAIN:
                return rows(sql, params)
            bound[name] = value
        try:
            return driver.execute(sql, bound).fetchall()
        except dbapi_error as exc:
            raise DBAPIError.instance(sql, bound, exc, dbapi_error, dialect=dialect) from exc

    return driver_rows


# Parameter values sqlite3 binds exactly as SQLAlchemy does (bool: 1 or 0, as its BOOLEAN).
_PLAIN = frozenset({int, str, float, bytes, bool, type(None)})


def ids_in(name: str, ids: Iterable[int | None]) -> tuple[str, dict[str, int]]:
    """``(:name0, :name1, …)`` and its parameters, for ``WHERE x IN …`` over *ids*.

    Ids are bound, never pasted into the SQL; an empty list gives ``(NULL)``, which
    matches nothing (``x IN ()`` is not valid SQL everywhere). Duplicates and None are
    dropped, and the ids are sorted, so equal sets give equal SQL (statement caches).
    """
    wanted = sorted({int(i) for i in ids if i is not None})
    if not wanted:
        return "(NULL)", {}
    params = {f"{name}{n}": value for n, value in enumerate(wanted)}
    return "(" + ", ".join(f":{key}" for key in params) + ")", params


def day(value: Any) -> dt.date | None:
    """A ``DATE`` column's value (``2025-03-10`` on SQLite, a date on PostgreSQL)."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


def clock(value: Any) -> dt.time | None:
    """A ``TIME`` column's value (``09:30:00.000000`` on SQLite, a time on PostgreSQL)."""
    if value is None or isinstance(value, dt.time):
        return value
    return dt.time.fromisoformat(str(value))


def strings(value: Any) -> tuple[str, ...]:
    """A JSON list-of-strings column (JSON text on SQLite, a list on PostgreSQL)."""
    if value is None:
        return ()
    if isinstance(value, str | bytes):
        value = json.loads(value) if value else []
    return tuple(value or ())


def flag(value: Any) -> bool:
    """A ``BOOLEAN`` column (0/1 on SQLite)."""
    return bool(value)


def blob(value: Any) -> bytes | None:
    """A ``BLOB``/``BYTEA`` column (a memoryview from some drivers)."""
    return None if value is None else bytes(value)
