"""Opening files: what is not ours, or is too new, is refused and left byte-identical."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from db import schema
from db.catalog import (
    CatalogError,
    FileState,
    NewerCatalogError,
    NotACatalogError,
    create_catalog,
    inspect_file,
    open_catalog,
)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_new_catalog_has_wal_foreign_keys_and_the_current_format(tmp_path: Path) -> None:
    with create_catalog(tmp_path / "new.liaison", sample=False) as catalog:
        with catalog.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert int(str(revision)) == schema.SCHEMA_VERSION
    assert inspect_file(tmp_path / "new.liaison").state is FileState.CURRENT


def test_schema_version_matches_newest_migration() -> None:
    versions = sorted(p.name for p in (schema.MIGRATIONS / "versions").glob("[0-9]*.py"))
    assert int(versions[-1].split("_")[0]) == schema.SCHEMA_VERSION


def test_writes_begin_immediate(tmp_path: Path) -> None:
    """A writer holds the write lock from its first statement: a second writer waits."""
    with (create_catalog(tmp_path / "c.liaison", sample=False) as catalog,
          catalog.write_session() as session):
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(tmp_path / "c.liaison", timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"Name,Title\nNguyen,Chairman\n", "not an SQLite database"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 8, "not an SQLite database"),
    ],
)
def test_junk_file_is_refused_untouched(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "junk.liaison"
    path.write_bytes(content)
    before = _snapshot(tmp_path)
    with pytest.raises(NotACatalogError, match=message):
        open_catalog(path)
    assert _snapshot(tmp_path) == before


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(NotACatalogError, match="another program"):
        open_catalog(path)
    assert _snapshot(tmp_path) == before


def test_newer_catalog_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.liaison"
    create_catalog(path, sample=False).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    conn.execute("CREATE TABLE hologram (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(NewerCatalogError, match="newer version of Liaison"):
        open_catalog(path)
    assert _snapshot(tmp_path) == before


def test_older_catalog_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    """A catalog from before the baseline (format 0) gets a backup copy, then the schema."""
    path = tmp_path / "old.liaison"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 0")
    conn.execute("CREATE TABLE notes_from_v0 (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes_from_v0 (body) VALUES ('kept')")
    conn.commit()
    conn.close()
    original = path.read_bytes()
    with open_catalog(path) as catalog, catalog.engine.connect() as db:
        assert db.exec_driver_sql("PRAGMA user_version").scalar() == schema.SCHEMA_VERSION
        assert db.exec_driver_sql("SELECT body FROM notes_from_v0").scalar() == "kept"
    backups = list((tmp_path / "backups").glob("old-*-before-upgrade-from-v0.liaison"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT body FROM notes_from_v0").fetchone() == ("kept",)
    assert copy.execute("PRAGMA user_version").fetchone() == (0,)
    copy.close()
    assert original[:16] == b"SQLite format 3\x00"


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "mine.liaison"
    path.write_text("precious")
    with pytest.raises(CatalogError, match="already exists"):
        create_catalog(path)
    assert path.read_text() == "precious"


def test_missing_catalog_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="There is no catalog"):
        open_catalog(tmp_path / "nowhere.liaison")


def test_bad_database_url_is_a_clear_error() -> None:
    with pytest.raises(CatalogError, match="Cannot"):
        open_catalog("nosuchdialect://user@host/db")
