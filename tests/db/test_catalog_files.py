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


def _stale_wal_of_a_deleted_catalog(path: Path) -> None:
    """Leave at *path* what a deleted catalog leaves: its -wal full of its last changes."""
    create_catalog(path, sample=True).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for i in range(30):
        conn.execute("INSERT INTO source (title, created_at, updated_at, version) "
                     "VALUES (?, '2020-01-01', '2020-01-01', 1)", (f"Stale {i}",))
    wal = Path(f"{path}-wal").read_bytes()
    conn.close()
    for leftover in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    Path(f"{path}-wal").write_bytes(wal)
    assert len(wal) > 4096


def _people(path: Path, table: str = "person") -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("sample", [True, False])
def test_a_stale_wal_beside_a_new_catalog_is_not_adopted(tmp_path: Path, sample: bool) -> None:
    reference = tmp_path / "reference.liaison"
    create_catalog(reference, sample=sample).close()
    path = tmp_path / "catalog.liaison"
    _stale_wal_of_a_deleted_catalog(path)
    with create_catalog(path, sample=sample) as catalog:
        assert not catalog.read_only
    assert _people(path, "source") == _people(reference, "source")
    with open_catalog(path, daily_backup=False) as again:  # and it is not called damaged
        assert not again.read_only
    assert _people(path, "source") == _people(reference, "source")


def test_liaison_demo_does_not_adopt_a_stale_wal(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "demo.liaison"
    _stale_wal_of_a_deleted_catalog(path)
    result = subprocess.run([sys.executable, "-m", "gui", "demo", str(path), "--people", "5"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert _people(path) == 5
    assert _people(path, "source") < 30


def _foreign_wal(tmp_path: Path) -> bytes:
    """The -wal of another catalog (same page size), full of its own changes."""
    other = tmp_path / "other" / "other.liaison"
    other.parent.mkdir()
    create_catalog(other, sample=True).close()
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("DELETE FROM change_log")
    for i in range(200):
        conn.execute("INSERT INTO source (title, summary, created_at, updated_at, version) "
                     "VALUES (?, ?, '2020-01-01', '2020-01-01', 1)", (f"Foreign {i}", "x" * 500))
    wal = Path(f"{other}-wal").read_bytes()
    conn.close()
    return wal


@pytest.mark.parametrize("command", ["search", "brief"])
def test_reading_commands_never_write_even_beside_a_foreign_wal(
        sample_path: Path, tmp_path: Path, command: str) -> None:
    import subprocess
    import sys

    Path(f"{sample_path}-wal").write_bytes(_foreign_wal(tmp_path))
    before = sample_path.read_bytes()
    args = (["search", "chung"] if command == "search"
            else ["brief", "person", "1", "-o", str(tmp_path / "p.pdf")])
    result = subprocess.run([sys.executable, "-m", "gui", *args, "--catalog", str(sample_path)],
                            capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr
    moved = list(sample_path.parent.glob(f"{sample_path.name}.damaged-*"))
    after = (moved[0] if moved else sample_path).read_bytes()
    assert after == before, f"a reading command rewrote the catalog: {result.stderr}"


def _break_an_index(path: Path) -> None:
    """Damage only integrity_check sees: an index no longer matches its table."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_city_name ON city (local_name)'"
                 " WHERE name = 'ix_city_name'")
    conn.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert check.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    check.close()


def test_damage_only_the_integrity_check_finds_is_caught_before_editing(
        sample_path: Path) -> None:
    from db.catalog import DamagedCatalogError

    with open_catalog(sample_path) as catalog:  # today's backup: sound
        assert not catalog.read_only
    _break_an_index(sample_path)
    with pytest.raises(DamagedCatalogError) as caught:
        open_catalog(sample_path)
    assert caught.value.quarantined is not None and caught.value.backup is not None


def test_the_backup_offered_after_damage_is_one_restore_accepts(sample_path: Path) -> None:
    import datetime as dt

    from db import backup
    from db.catalog import DamagedCatalogError

    sound = backup.backup_now(sample_path, now=dt.datetime(2026, 1, 1, 9)).path
    newer = backup.backup_now(sample_path, now=dt.datetime(2026, 1, 2, 9)).path
    _break_an_index(newer)  # the newest backup has damage only integrity_check finds
    _break_an_index(sample_path)
    with pytest.raises(DamagedCatalogError) as caught:
        open_catalog(sample_path)
    assert caught.value.backup == sound
    backup.restore(sample_path, sound)  # what the app does with the offer
    with open_catalog(sample_path, daily_backup=False) as catalog:
        assert not catalog.read_only


def _set_header(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


def _liaison(*args: str) -> tuple[int, list[str]]:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "gui", *args], capture_output=True,
                            text=True, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stderr.strip().splitlines()


def test_a_lagging_format_number_does_not_back_up_on_every_open(sample_path: Path) -> None:
    _set_header(sample_path, "PRAGMA user_version = 0")  # the record says: up to date
    for _ in range(3):
        open_catalog(sample_path, daily_backup=False).close()
    backups = list((sample_path.parent / "backups").glob("*upgrade*")) if (
        sample_path.parent / "backups").exists() else []
    assert len(backups) <= 1, backups
    assert inspect_file(sample_path).state is FileState.CURRENT


def test_a_missing_migration_record_is_one_line_and_exit_2(sample_path: Path) -> None:
    _set_header(sample_path, "PRAGMA user_version = 0", "DROP TABLE alembic_version")
    before = sample_path.read_bytes()
    status, lines = _liaison("search", "chung", "--catalog", str(sample_path))
    assert status == 2 and len(lines) == 1, lines
    assert "no record of its earlier upgrades" in lines[0]
    assert sample_path.read_bytes() == before
    with pytest.raises(CatalogError, match="no record of its earlier upgrades"):
        open_catalog(sample_path)


def test_a_failed_upgrade_is_a_clear_message_and_changes_nothing(sample_path: Path) -> None:
    _set_header(sample_path, "PRAGMA user_version = 0", "UPDATE alembic_version "
                "SET version_num = '0000'")  # Alembic will try to build tables that exist
    status, lines = _liaison("search", "chung", "--catalog", str(sample_path))
    assert status == 2 and len(lines) == 1, lines
    assert "could not be upgraded" in lines[0] and "undone" in lines[0]
    conn = sqlite3.connect(sample_path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0000",)]
    assert conn.execute("SELECT count(*) FROM person").fetchone()[0] > 0
    conn.close()
