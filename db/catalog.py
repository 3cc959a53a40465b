"""Opening, creating, migrating and backing up catalogs.

A catalog is an SQLite file (the common case: one laptop, offline) or a
database URL (the shared office server). Before anything writes to a file we
*inspect* it read-only: a file that is not a Liaison catalog, or one written by
a newer Liaison, is refused and left byte-identical. An older catalog is copied
with SQLite's backup API before its schema is upgraded, so a failed upgrade
never costs data.

Writes begin ``IMMEDIATE``: a writer takes the lock up front and waits (busy
timeout) instead of failing half-way with "database is locked" when a second
window or instance writes at the same time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel import Session

from db import schema

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
CATALOG_SUFFIX = ".liaison"


class CatalogError(Exception):
    """A problem the user can understand and act on; the message says what and what to do."""


class NotACatalogError(CatalogError):
    pass


class NewerCatalogError(CatalogError):
    pass


class DamagedCatalogError(CatalogError):
    pass


class FileState(enum.Enum):
    MISSING = "missing"
    NOT_SQLITE = "not_sqlite"
    FOREIGN = "foreign"
    OLDER = "older"
    CURRENT = "current"
    NEWER = "newer"


@dataclass(frozen=True)
class Inspection:
    state: FileState
    schema_version: int
    detail: str = ""


def inspect_file(path: Path) -> Inspection:
    """Say what *path* holds without writing a byte to it, or beside it.

    The 100-byte SQLite header holds everything we need (application id at
    offset 68, user version at 60), so a normal file is judged without opening
    it through SQLite at all: a read-only connection to a WAL database would
    still leave ``-wal``/``-shm`` files behind. Only when a non-empty ``-wal``
    file exists (its newest header may live there) do we ask SQLite.
    """
    if not path.exists():
        return Inspection(FileState.MISSING, 0)
    if path.is_dir():
        return Inspection(FileState.NOT_SQLITE, 0, "it is a folder")
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        detail = "the file is empty" if not header else "it is not an SQLite database"
        return Inspection(FileState.NOT_SQLITE, 0, detail)
    user_version = int.from_bytes(header[60:64], "big")
    app_id = int.from_bytes(header[68:72], "big")
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            return Inspection(FileState.NOT_SQLITE, 0, str(exc))
    if app_id != schema.APPLICATION_ID:
        return Inspection(FileState.FOREIGN, 0, "it is an SQLite database of another program")
    if user_version > schema.SCHEMA_VERSION:
        return Inspection(FileState.NEWER, user_version)
    if user_version < schema.SCHEMA_VERSION:
        return Inspection(FileState.OLDER, user_version)
    return Inspection(FileState.CURRENT, user_version)


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
        immediate = conn.get_execution_options().get("liaison_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _outside_transaction(engine: Engine, *statements: str) -> None:
    """Run PRAGMAs that must not sit inside a transaction (journal mode, header fields)."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        for statement in statements:
            raw.execute(statement)


def _sqlite_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    _install_sqlite_hooks(engine)
    return engine


@dataclass
class Catalog:
    """An open catalog: its engine and how to start read and write transactions."""

    engine: Engine
    url: str
    path: Path | None

    @property
    def name(self) -> str:
        """What the user calls this catalog (window title, PDF footer)."""
        if self.path is not None:
            return self.path.stem
        return self.engine.url.database or self.url

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def read_session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def write_session(self) -> Iterator[Session]:
        """One write transaction: committed whole on success, rolled back whole on error."""
        engine = self.engine.execution_options(liaison_write=True)
        with Session(engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


# ---------------------------------------------------------------- backups


def backup_dir(path: Path) -> Path:
    return path.parent / "backups"


def backup_sqlite(path: Path, reason: str) -> Path:
    """Copy *path* with SQLite's online backup API into ``backups/`` beside it.

    The copy is written under a temporary name, checked, then renamed, so a
    crash never leaves a half-written backup looking like a good one.
    """
    folder = backup_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}-{reason}{CATALOG_SUFFIX}"
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".backup-", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            result = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
            src.close()
        if result != "ok":
            raise DamagedCatalogError(f"The backup of {path.name} failed its check: {result}")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


# ---------------------------------------------------------------- open / create


def _refusal(path: Path, found: Inspection) -> CatalogError:
    if found.state is FileState.NEWER:
        return NewerCatalogError(
            f"{path.name} was made by a newer version of Liaison (catalog format "
            f"{found.schema_version}; this version reads up to {schema.SCHEMA_VERSION}). "
            "Update Liaison to open it; the file was not changed."
        )
    return NotACatalogError(
        f"{path} is not a Liaison catalog ({found.detail}); the file was not changed."
    )


def open_catalog(target: str | os.PathLike[str], *, verify: bool = True) -> Catalog:
    """Open an existing catalog from a file path or a database URL.

    An older catalog is backed up and migrated; anything we cannot safely open
    raises a :class:`CatalogError` with a message meant for the user.
    """
    text = os.fspath(target)
    if "://" in text:
        return _open_url(text)
    path = Path(text).expanduser()
    found = inspect_file(path)
    if found.state is FileState.MISSING:
        raise CatalogError(f"There is no catalog at {path}.")
    if found.state in (FileState.NOT_SQLITE, FileState.FOREIGN, FileState.NEWER):
        raise _refusal(path, found)
    if verify:
        _quick_check(path)
    if found.state is FileState.OLDER:
        backup_sqlite(path, f"before-upgrade-from-v{found.schema_version}")
    engine = _sqlite_engine(path)
    catalog = Catalog(engine=engine, url=str(engine.url), path=path)
    try:
        _outside_transaction(engine, "PRAGMA journal_mode = WAL")
        if found.state is FileState.OLDER:
            schema.upgrade(engine)
    except BaseException:
        catalog.close()
        raise
    return catalog


def _quick_check(path: Path) -> None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    if result != "ok":
        raise DamagedCatalogError(
            f"{path.name} is damaged ({result}). It was not changed; restore it from a backup."
        )


def _open_url(url: str) -> Catalog:
    if url.startswith("sqlite:///"):
        return open_catalog(url.removeprefix("sqlite:///"))
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except Exception as exc:
        raise CatalogError(f"Cannot use the database URL: {exc}") from exc
    catalog = Catalog(engine=engine, url=url, path=None)
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


def create_catalog(path: str | os.PathLike[str], *, sample: bool = True) -> Catalog:
    """Make a new catalog at *path* (refusing to overwrite anything) and open it.

    The file is built under a temporary name and renamed when complete, so an
    interrupted ``init`` never leaves a half-made catalog behind.
    """
    target = Path(path).expanduser()
    if target.exists():
        raise CatalogError(f"{target} already exists; choose another name.")
    if not target.parent.is_dir():
        raise CatalogError(f"The folder {target.parent} does not exist.")
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        engine = _sqlite_engine(tmp)
        try:
            _outside_transaction(
                engine,
                f"PRAGMA application_id = {schema.APPLICATION_ID}",
                "PRAGMA journal_mode = WAL",
            )
            schema.upgrade(engine)
            if sample:
                from db import sample as sample_data

                sample_data.load(Catalog(engine=engine, url=str(engine.url), path=tmp))
            _outside_transaction(engine, "PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
    return open_catalog(target, verify=False)


def sqlite_pragma(catalog: Catalog, pragma: str) -> list[tuple[Any, ...]]:
    """Run a read-only PRAGMA and return its rows (integrity reports, versions)."""
    with catalog.engine.connect() as conn:
        rows = [tuple(row) for row in conn.exec_driver_sql(f"PRAGMA {pragma}")]
        conn.rollback()
    return rows
