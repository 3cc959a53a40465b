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


# ---------------------------------------------------------------- protecting the file


def test_awkward_file_names_open(tmp_path: Path) -> None:
    """Names are passed to SQLite as URIs: '#', '?', '%' and spaces are just characters."""
    folder = tmp_path / "Hà Nội #2 (50%)"
    folder.mkdir()
    path = folder / "what? office.liaison"
    create_catalog(path, sample=False).close()
    with open_catalog(path) as catalog:
        assert catalog.name == "what? office"
        with catalog.read_session() as session:
            session.connection().exec_driver_sql("SELECT count(*) FROM person").scalar()
    assert sorted(p.name for p in folder.iterdir()) == ["backups", "what? office.liaison"]


def test_first_open_of_the_day_takes_a_verified_backup(sample_path: Path) -> None:
    from db import backup

    open_catalog(sample_path).close()
    open_catalog(sample_path).close()
    backups = backup.list_backups(sample_path)
    assert [b.reason for b in backups] == ["daily"]
    assert backup.verify(backups[0].path) is None


def test_new_catalog_has_no_backups_folder_yet(tmp_path: Path) -> None:
    create_catalog(tmp_path / "new.liaison", sample=False).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.liaison"]


def test_backup_sqlite_still_returns_the_backup_path(sample_path: Path) -> None:
    from db.catalog import backup_sqlite

    made = backup_sqlite(sample_path, "before-something")
    assert made.parent == sample_path.parent / "backups" and made.exists()


def test_read_only_on_request(sample_path: Path) -> None:
    from db import ops
    from db.catalog import ReadOnlyCatalogError
    from db.models import RecordKind

    before = sample_path.read_bytes()
    with open_catalog(sample_path, read_only=True) as catalog:
        assert catalog.read_only
        with pytest.raises(ReadOnlyCatalogError, match="open it again normally"):
            ops.create(catalog, RecordKind.SOURCE, {"title": "refused"})
    assert sample_path.read_bytes() == before


def test_older_catalog_that_cannot_be_written_is_refused_untouched(tmp_path: Path) -> None:
    import os

    path = tmp_path / "old.liaison"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("CREATE TABLE notes_from_v0 (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    os.chmod(path, 0o444)
    before = _snapshot(tmp_path)
    try:
        with pytest.raises(CatalogError, match=r"must be upgraded.*the file was not changed"):
            open_catalog(path)
    finally:
        os.chmod(path, 0o644)
    assert _snapshot(tmp_path) == before


def test_data_version_notices_its_own_and_others_commits(sample_path: Path) -> None:
    from db import ops
    from db.models import RecordKind

    with open_catalog(sample_path) as catalog:
        first = catalog.data_version()
        assert catalog.data_version() == first
        ops.create(catalog, RecordKind.SOURCE, {"title": "mine"})
        second = catalog.data_version()
        assert second != first
        other = sqlite3.connect(sample_path)
        other.execute("UPDATE source SET summary = 'changed by another program' WHERE id = 1")
        other.commit()
        other.close()
        assert catalog.data_version() not in (first, second)


def test_quarantine_names_never_collide(tmp_path: Path) -> None:
    import datetime as dt

    from db.catalog import quarantine_name

    path = tmp_path / "c.liaison"
    when = dt.datetime(2025, 3, 12, 9, 30, 5)
    first = quarantine_name(path, when)
    assert first.name == "c.liaison.damaged-20250312-093005"
    first.write_text("x")
    assert quarantine_name(path, when).name == "c.liaison.damaged-20250312-093005-2"


STORE_MODULES = ("db.catalog", "db.catalog.files", "db.catalog.handle", "db.catalog.lifecycle",
                 "db.catalog.server", "db.backup", "db.health", "db.sample", "db.ops",
                 "db.synthetic", "db.reads")


@pytest.mark.parametrize("module", STORE_MODULES)
def test_each_store_module_imports_first_in_a_fresh_interpreter(module: str) -> None:
    """The catalog lifecycle calls backups and the sample data, which build on the catalog's
    lower modules: whichever a script imports first, the import must work."""
    import subprocess
    import sys

    code = (f"import {module}\nimport db\nfrom db.catalog import open_catalog\n"
            "assert db.open_catalog is open_catalog\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
