"""Every difference between SQLite (a catalog file) and PostgreSQL (the office server).

No other module asks which database it is talking to: it asks :func:`of` for
the :class:`Dialect` of its session or engine and calls the one method that
does the job on both. What differs:

* **the search index and its queries**: an FTS5 table on SQLite; on
  PostgreSQL a table with the same folded text (:func:`db.folding.fold`, so
  ``Đ`` -> ``d``) and a GIN-indexed ``tsv`` column computed as rows are
  written, queried tier by tier with the ranking of :mod:`db.search_query`
  (:mod:`db.search_pg`);
* **the year of a date**: ``strftime`` on SQLite, ``extract`` on PostgreSQL;
* **sort order**: SQLite sorts NULL first (last when descending) and by code
  point; PostgreSQL's default is the reverse for NULL and the server locale's
  collation for text. Sorts go through :meth:`Dialect.ordered`, which makes
  PostgreSQL sort exactly as SQLite does;
* **beginning a write**: SQLite takes the write lock up front (``BEGIN
  IMMEDIATE``); PostgreSQL locks rows as they are written, with a lock timeout
  so a stuck colleague gives a message instead of a frozen window;
* **change notification**: on PostgreSQL every write transaction sends a
  ``NOTIFY`` (delivered only when it commits), and :class:`ChangeListener`
  counts them; SQLite has ``PRAGMA data_version`` (see ``db.catalog``);
* **who is writing**: the login on a server, the operating-system user on a
  file;
* **errors**: PostgreSQL's SQLSTATE codes become a :class:`Refusal` and a
  message for the user (:func:`server_refusal`).
"""

from __future__ import annotations

import contextlib
import enum
import getpass
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Engine,
    Integer,
    String,
    cast,
    column,
    extract,
    func,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.selectable import TextualSelect
from sqlmodel import Session

from db.search_pg import anywhere, search_pg, tsv_expression
from db.search_query import Hit, match_expression, search_sqlite

CHANGE_CHANNEL = "liaison_changes"
# The key of the advisory lock that serialises first opens (schema creation and upgrades).
SCHEMA_LOCK_KEY = 0x4C49534E
# How long a write waits for a row another client is writing before giving up.
LOCK_TIMEOUT_MS = 10_000


# ---------------------------------------------------------------- errors


class Refusal(enum.Enum):
    """Why a database server refused; ``db.catalog.errors`` picks the exception class."""

    BUSY = "busy"  # a lock or a concurrent write: try again
    TIMEOUT = "timeout"
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    NOT_ALLOWED = "not_allowed"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True)
class ServerProblem:
    refusal: Refusal
    message: str


_NOT_SAVED = "your change was not saved"


def server_refusal(cause: BaseException, name: str) -> ServerProblem | None:
    """The user's message for a PostgreSQL error, by its SQLSTATE; None if not one of ours.

    The transaction was rolled back by the server, so every message can say the
    change was not saved and nothing else was changed.
    """
    state = getattr(cause, "sqlstate", None)
    if not isinstance(state, str):
        return None
    if state in ("40001", "40P01"):
        return ServerProblem(Refusal.BUSY, (
            f"Someone else was saving the same records of {name} at the same moment: "
            f"{_NOT_SAVED}. Try again."))
    if state == "55P03":
        return ServerProblem(Refusal.BUSY, (
            f"A record you changed is being saved by someone else in {name}: {_NOT_SAVED}. "
            "Try again in a moment."))
    if state == "57014":
        return ServerProblem(Refusal.TIMEOUT, (
            f"The database server took too long to answer: {_NOT_SAVED}. Try again; if it "
            "keeps happening, ask whoever runs the server."))
    if state == "53100":
        return ServerProblem(Refusal.DISK_FULL, (
            f"The database server's disk is full: {_NOT_SAVED}, and {name} is unchanged. "
            "Ask whoever runs the server to free some space."))
    if state in ("25006", "25P03"):
        return ServerProblem(Refusal.READ_ONLY, (
            f"The database server only accepts reads now (a standby, or set read-only): "
            f"{_NOT_SAVED}."))
    if state == "42501":
        return ServerProblem(Refusal.NOT_ALLOWED, (
            f"Your database login may only read {name}: {_NOT_SAVED}. Ask whoever runs the "
            "server for a login that may edit."))
    if state.startswith("08") or state in ("57P01", "57P02", "57P03"):
        return ServerProblem(Refusal.UNREACHABLE, (
            f"The connection to the database server was lost: {_NOT_SAVED}. Check the "
            "network and that the server is running, then try again."))
    return None


def connection_problem(exc: BaseException, url: str) -> str:
    """One line saying why a server could not be reached, and what to check."""
    from sqlalchemy.engine import make_url

    try:
        where = make_url(url)
        host = where.host or (where.query.get("host") or "the local socket")
        place = f"{host}:{where.port or 5432}"
        database, user = where.database or "?", where.username or getpass.getuser()
    except Exception:
        place, database, user = "the server", "?", "?"
    original = getattr(exc, "orig", None) or exc
    detail = " ".join(str(original).split()).rstrip(".")
    state = getattr(original, "sqlstate", None)
    lowered = detail.lower()
    if state == "3D000" or ("does not exist" in lowered and "database" in lowered):
        todo = f"check the database name {database!r} (create it with createdb)"
    elif state in ("28P01", "28000") or "authentication" in lowered or "password" in lowered:
        todo = f"check the user name {user!r} and the password"
    elif "refused" in lowered or "timeout" in lowered or "could not translate" in lowered \
            or "no route" in lowered or "timed out" in lowered:
        todo = f"check the host and port ({place}) and that the server is running"
    else:
        todo = f"check the URL, the network and the server at {place}"
    first = detail.split(" DETAIL:")[0].split(" HINT:")[0]
    if "Is the server running" in first:
        first = first.split(" Is the server running")[0]
    return f"Cannot connect to the database at {place} ({first}): {todo}."


# ---------------------------------------------------------------- the dialects


class Dialect:
    """SQLite's behaviour; :class:`PostgreSQL` overrides what differs."""

    name = "sqlite"

    # -------------------------------------------------------- search index

    def index_insert(self, columns: Sequence[str]) -> str:
        """The INSERT of index rows, one bind parameter per column."""
        return (f"INSERT INTO search_index ({', '.join(columns)}) "
                f"VALUES ({', '.join(':' + c for c in columns)})")

    def search(self, session: Session, query: str, *, kind_codes: Sequence[int],
               stride: int, limit: int) -> list[Hit]:
        """Ranked hits for a query, tier by tier (see :mod:`db.search_query`)."""
        return search_sqlite(session, query, kind_codes=kind_codes, stride=stride, limit=limit)

    def matching_ids(self, words: Sequence[str], kind: str) -> TextualSelect:
        """``SELECT record_id`` of one kind's records matching every word (list filters)."""
        return text("SELECT record_id FROM search_index WHERE search_index MATCH :match "
                    "AND kind = :kind").bindparams(match=match_expression(words), kind=kind
                                                   ).columns(column("record_id", Integer))

    # -------------------------------------------------------- dates and sorting

    def year(self, value: Any) -> ColumnElement[Any]:
        """The year of a date column, as an integer."""
        return cast(func.strftime("%Y", value), Integer)

    def ordered(self, *keys: Any) -> list[Any]:
        """Sort keys as given: SQLite's own order is the reference."""
        return list(keys)

    # -------------------------------------------------------- transactions

    def begin(self, conn: Connection, *, write: bool) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    def announce_write(self, session: Session) -> None:
        """Tell other clients, when this transaction commits, that something changed."""

    def actor(self, session: Session) -> str:
        """Who the change log names: the operating-system user of a file's editor."""
        try:
            return getpass.getuser()
        except Exception:
            return "unknown"

    def read_only_reason(self, conn: Connection) -> str | None:
        """Why this login may not write the catalog (files answer this elsewhere)."""
        return None

    @contextlib.contextmanager
    def schema_lock(self, engine: Engine) -> Iterator[None]:
        """Held while the schema is checked, made or upgraded (one client at a time)."""
        yield


class PostgreSQL(Dialect):
    name = "postgresql"

    def index_insert(self, columns: Sequence[str]) -> str:
        return (f"INSERT INTO search_index ({', '.join(columns)}, tsv) "
                f"VALUES ({', '.join(':' + c for c in columns)}, {tsv_expression(columns)})")

    def search(self, session: Session, query: str, *, kind_codes: Sequence[int],
               stride: int, limit: int) -> list[Hit]:
        return search_pg(session, query, kind_codes=kind_codes, stride=stride, limit=limit)

    def matching_ids(self, words: Sequence[str], kind: str) -> TextualSelect:
        return text("SELECT record_id FROM search_index "
                    "WHERE tsv @@ to_tsquery('simple', :query) AND kind = :kind").bindparams(
            query=anywhere(words), kind=kind).columns(column("record_id", Integer))

    def year(self, value: Any) -> ColumnElement[Any]:
        return cast(extract("year", value), Integer)

    def ordered(self, *keys: Any) -> list[Any]:
        """NULL first ascending and last descending, text by code point: SQLite's order."""
        return [self._like_sqlite(key) for key in keys]

    @staticmethod
    def _like_sqlite(key: Any) -> Any:
        descending = False
        inner = key
        if isinstance(key, UnaryExpression) and key.modifier in (operators.desc_op,
                                                                 operators.asc_op):
            descending = key.modifier is operators.desc_op
            inner = key.element
        if isinstance(getattr(inner, "type", None), String):
            inner = inner.collate("C")
        return inner.desc().nulls_last() if descending else inner.asc().nulls_first()

    def begin(self, conn: Connection, *, write: bool) -> None:
        conn.exec_driver_sql("BEGIN")
        if write:
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {LOCK_TIMEOUT_MS}")

    def announce_write(self, session: Session) -> None:
        session.execute(text(f"NOTIFY {CHANGE_CHANNEL}"))

    def actor(self, session: Session) -> str:
        return str(session.execute(text("SELECT session_user")).scalar_one())

    def read_only_reason(self, conn: Connection) -> str | None:
        if conn.execute(text("SELECT pg_is_in_recovery()")).scalar():
            return "the database server is a read-only standby"
        if conn.execute(text("SHOW default_transaction_read_only")).scalar() == "on":
            return "the database server accepts only reads"
        may_write = conn.execute(text(
            "SELECT has_table_privilege('change_log', 'INSERT') "
            "AND has_table_privilege('person', 'UPDATE')")).scalar()
        if not may_write:
            user = conn.execute(text("SELECT session_user")).scalar()
            return f"your database login {user} may only read"
        return None

    @contextlib.contextmanager
    def schema_lock(self, engine: Engine) -> Iterator[None]:
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": SCHEMA_LOCK_KEY})
                conn.commit()


_SQLITE, _POSTGRESQL = Dialect(), PostgreSQL()


def of(bind: OrmSession | Engine | Connection) -> Dialect:
    """The dialect of a session (SQLModel's or SQLAlchemy's), engine or connection."""
    engine = bind.get_bind() if isinstance(bind, OrmSession) else bind
    return _POSTGRESQL if engine.dialect.name == "postgresql" else _SQLITE


def server_url(url: str) -> str:
    """``postgres://`` and ``postgresql://`` URLs use psycopg 3, the driver we ship."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


# ---------------------------------------------------------------- change notification


class ChangeListener:
    """Counts ``NOTIFY`` messages from other clients' commits (PostgreSQL only).

    Holds one connection of its own that listens on :data:`CHANGE_CHANNEL`.
    :meth:`poll` reads what has arrived without waiting and returns a number
    that grows with every commit anyone made. When the connection is lost the
    number grows too (a change may have been missed, so a refresh is due) and
    the next poll reconnects.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._count = 0
        self._lock = threading.Lock()
        self._conn: Any = None
        self._raw: Any = None

    def _connect(self) -> None:
        self._raw = self._engine.raw_connection()
        conn = self._raw.driver_connection
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANGE_CHANNEL}")
        self._conn = conn

    def poll(self) -> int:
        with self._lock:
            try:
                if self._conn is None:
                    self._connect()
                    self._count += 1
                for _note in self._conn.notifies(timeout=0):
                    self._count += 1
            except Exception:
                self._discard()
                self._count += 1
            return self._count

    def _discard(self) -> None:
        raw, self._raw, self._conn = self._raw, None, None
        if raw is not None:
            with contextlib.suppress(Exception):
                raw.invalidate()

    def close(self) -> None:
        with self._lock:
            raw, self._raw, self._conn = self._raw, None, None
            if raw is not None:
                with contextlib.suppress(Exception):
                    raw.driver_connection.execute(f"UNLISTEN {CHANGE_CHANNEL}")
                with contextlib.suppress(Exception):
                    raw.close()
