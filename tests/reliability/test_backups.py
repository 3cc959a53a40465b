"""Backups: verified copies, taken while others write, rotated as promised, restorable."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db import backup, ops
from db.atomic import atomic_write, remove_stale_temporaries
from db.catalog import (
    Catalog,
    CatalogInUseError,
    backup_dir,
    create_catalog,
    open_catalog,
)
from db.models import RecordKind
from tests.reliability.conftest import ROOT, helper, scaled


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _biography_tags(path: Path, person_id: int) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        biography = conn.execute("SELECT biography FROM person WHERE id = ?",
                                 (person_id,)).fetchone()[0]
        sources = {row[0] for row in conn.execute("SELECT title FROM source")}
    finally:
        conn.close()
    tags = (biography or "").split()
    assert set(tags) <= sources, "a biography change landed without its source"
    return tags


# ---------------------------------------------------------------- taking backups


def test_backup_is_a_verified_plain_catalog(sample_catalog: Catalog) -> None:
    assert sample_catalog.path is not None
    info = backup.backup_now(sample_catalog, "manual")
    assert info.path.parent == backup_dir(sample_catalog.path)
    assert info.path.name.startswith("Sample catalog-") and info.path.name.endswith(
        "-manual.liaison")
    assert info.counts["person"] == 18 and info.counts["delegation"] == 4
    assert backup.verify(info.path) is None
    assert info.path.read_bytes()[18:20] == b"\x01\x01", "a backup must not need a -wal file"
    assert not [p for p in info.path.parent.iterdir() if p.name.startswith(".")]
    listed = backup.list_backups(sample_catalog.path)
    assert listed[0].path == info.path and listed[0].counts == info.counts


def test_backup_taken_while_another_process_writes_opens_clean(sample_path: Path) -> None:
    with open_catalog(sample_path, daily_backup=False) as catalog:
        person = ops.create(catalog, RecordKind.PERSON, {"family_name": "Shared"}).ids(
            RecordKind.PERSON)[0]
    count = scaled(300, 2000)
    writer = helper("updates", str(sample_path), "w", str(count), str(person),
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert writer.stdout is not None and writer.stdin is not None
    assert writer.stdout.readline().strip() == "ready"
    writer.stdin.write("go\n")
    writer.stdin.close()
    taken = 0
    seen = set()
    while writer.poll() is None or not taken:
        info = backup.backup_now(sample_path, "during-writes")
        taken += 1
        # Looked at at once: rotation keeps only the newest ten of a day.
        assert backup.verify(info.path) is None
        seen.add(len(_biography_tags(info.path, person)))
    assert writer.wait(timeout=120) == 0, writer.stderr.read() if writer.stderr else ""
    assert taken >= 2 and len(seen) >= 2, "no backup was taken mid-stream"
    assert len(_biography_tags(sample_path, person)) == count


def test_the_first_open_of_a_day_takes_one_backup(sample_path: Path) -> None:
    monday = dt.datetime(2025, 3, 10, 9, 0)
    for hour in (0, 2, 5):
        with open_catalog(sample_path, daily_backup=False) as catalog:
            backup.backup_if_due(catalog, now=monday + dt.timedelta(hours=hour))
    with open_catalog(sample_path, daily_backup=False) as catalog:
        backup.backup_if_due(catalog, now=monday + dt.timedelta(days=1))
    assert [b.reason for b in backup.list_backups(sample_path)] == ["daily", "daily"]
    with open_catalog(sample_path) as catalog:  # today, for real
        assert catalog.backup_problem is None
    assert len(backup.list_backups(sample_path)) == 3


def test_backup_before_bulk_change(sample_catalog: Catalog) -> None:
    info = backup.before_bulk_change(sample_catalog, "import of 2,000 people")
    assert info is not None and info.reason == "before-import-of-2-000-people"


def test_a_backup_that_cannot_be_written_is_a_clear_error(sample_path: Path) -> None:
    backup_dir(sample_path).write_text("a file where the backups folder should be")
    with pytest.raises(backup.BackupFailedError, match=r"could not be written.*unchanged"):
        backup.backup_now(sample_path, "manual")
    with open_catalog(sample_path) as catalog:  # opening still works, and says why
        assert catalog.backup_problem is not None
        assert "The automatic backup failed" in catalog.backup_problem


# ---------------------------------------------------------------- rotation


def _fake_backups(catalog: Path, times: list[dt.datetime], reason: str = "daily") -> None:
    folder = backup_dir(catalog)
    folder.mkdir(exist_ok=True)
    for when in times:
        backup.backup_path_for(catalog, when, reason).write_bytes(b"stand-in")


def test_rotation_keeps_7_daily_4_weekly_6_monthly(tmp_path: Path) -> None:
    catalog = tmp_path / "office.liaison"
    start, end = dt.datetime(2024, 1, 1, 9, 0), dt.datetime(2025, 3, 12, 9, 0)  # a Wednesday
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    _fake_backups(catalog, days)
    now = end + dt.timedelta(hours=3)
    _fake_backups(catalog, [end + dt.timedelta(hours=1), end + dt.timedelta(hours=2)],
                  "before-import")
    (backup_dir(catalog) / "notes.txt").write_text("mine")
    (backup_dir(catalog) / "other-20240101-090000-daily.liaison").write_text("another catalog")
    removed = backup.rotate(catalog, now=now)
    kept = {b.taken_at for b in backup.list_backups(catalog)}
    expected_days = {dt.datetime(2025, 3, d, 9, 0) for d in range(6, 13)}  # the last 7 days
    expected_weeks = {dt.datetime(2025, 3, 2, 9, 0), dt.datetime(2025, 2, 23, 9, 0)}
    expected_months = {dt.datetime(2025, 2, 28, 9, 0), dt.datetime(2025, 1, 31, 9, 0),
                       dt.datetime(2024, 12, 31, 9, 0), dt.datetime(2024, 11, 30, 9, 0),
                       dt.datetime(2024, 10, 31, 9, 0)}
    today_extra = {end + dt.timedelta(hours=1), end + dt.timedelta(hours=2)}
    assert kept == expected_days | expected_weeks | expected_months | today_extra
    assert len(removed) == len(days) - 14
    # the promise, stated as a user would check it:
    kept_dates = {k.date() for k in kept}
    assert len({k.date() for k in kept if k >= dt.datetime(2025, 3, 6)}) == 7
    assert len({k.isocalendar()[:2] for k in kept}) >= 4
    assert len({(k.year, k.month) for k in kept}) == 6
    assert min(kept_dates) == dt.date(2024, 10, 31)
    assert (backup_dir(catalog) / "notes.txt").exists()
    assert (backup_dir(catalog) / "other-20240101-090000-daily.liaison").exists()


def test_real_backups_over_simulated_months_rotate(tmp_path: Path) -> None:
    path = tmp_path / "months.liaison"
    create_catalog(path, sample=False).close()
    first = dt.datetime(2025, 1, 1, 8, 30)
    span = scaled(70, 400)
    for day in range(span):
        backup.backup_now(path, "daily", now=first + dt.timedelta(days=day))
    kept = backup.list_backups(path)
    last = first + dt.timedelta(days=span - 1)
    assert kept[0].taken_at == last
    assert len({b.taken_at.date() for b in kept if last - b.taken_at < dt.timedelta(days=7)}) == 7
    months = {(b.taken_at.year, b.taken_at.month) for b in kept}
    assert len(months) == min(6, len({(d.year, d.month) for d in (
        first + dt.timedelta(days=n) for n in range(span))}))
    assert len(kept) <= 7 + 4 + 6
    assert all(backup.verify(b.path) is None for b in kept)


def test_stale_temporaries_are_cleaned_fresh_ones_kept(tmp_path: Path) -> None:
    old = tmp_path / ".catalog-x.liaison.abc.tmp"
    fresh = tmp_path / ".catalog-y.liaison.def.tmp"
    old.write_text("left by a crash")
    fresh.write_text("being written right now")
    day_ago = dt.datetime.now().timestamp() - 2 * 86400
    os.utime(old, (day_ago, day_ago))
    assert remove_stale_temporaries(tmp_path) == 1
    assert not old.exists() and fresh.exists()


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"previous")
    with pytest.raises(RuntimeError), atomic_write(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("the printer driver crashed")
    assert target.read_bytes() == b"previous"
    with atomic_write(target) as tmp:
        tmp.write_bytes(b"complete")
        assert target.read_bytes() == b"previous"
    assert target.read_bytes() == b"complete"
    assert _names(tmp_path) == ["briefing.pdf"]


# ---------------------------------------------------------------- restore


def test_restore_keeps_the_current_catalog_as_a_backup(sample_path: Path) -> None:
    first = backup.backup_now(sample_path, "manual").path
    with open_catalog(sample_path, daily_backup=False) as catalog:
        ops.create(catalog, RecordKind.SOURCE, {"title": "later work"})
    result = backup.restore(sample_path, first)
    assert result.previous is not None and "before-restore" in result.previous.name
    assert not result.previous_was_damaged
    assert backup.record_counts(sample_path)["source"] == 5
    assert backup.record_counts(result.previous)["source"] == 6
    assert not Path(f"{sample_path}-wal").exists()
    # and the restore itself can be undone:
    backup.restore(sample_path, result.previous)
    assert backup.record_counts(sample_path)["source"] == 6
    with open_catalog(sample_path) as catalog:
        assert catalog.data_version() > 0


def test_restore_is_refused_while_the_catalog_is_open_elsewhere(sample_path: Path) -> None:
    chosen = backup.backup_now(sample_path, "manual").path
    before = sample_path.read_bytes()
    with open_catalog(sample_path, daily_backup=False) as catalog:
        catalog.data_version()  # a window that is watching the file
        with pytest.raises(CatalogInUseError, match="open in another window"):
            backup.restore(sample_path, chosen)
        assert len(backup.list_backups(sample_path)) == 1
    assert sample_path.read_bytes()[:100] == before[:100]
    assert backup.verify(sample_path) is None


@pytest.mark.parametrize("bad", ["junk", "damaged", "newer"])
def test_a_bad_backup_is_not_restored(sample_path: Path, tmp_path: Path, bad: str) -> None:
    chosen = tmp_path / "chosen.liaison"
    if bad == "junk":
        chosen.write_text("<html>not a backup</html>")
    else:
        chosen.write_bytes(sample_path.read_bytes())
        conn = sqlite3.connect(chosen)
        if bad == "newer":
            conn.execute("PRAGMA user_version = 99")
        conn.commit()
        conn.close()
        if bad == "damaged":
            data = bytearray(chosen.read_bytes())
            for page in range(2, 30, 3):
                data[page * 4096: page * 4096 + 12] = bytes(12)
            chosen.write_bytes(bytes(data))
    before = sample_path.read_bytes()
    with pytest.raises(backup.CatalogError, match=r"cannot be restored.*Nothing was changed"):
        backup.restore(sample_path, chosen)
    assert sample_path.read_bytes() == before


def test_restore_onto_a_junk_file_refuses(sample_path: Path, tmp_path: Path) -> None:
    chosen = backup.backup_now(sample_path, "manual").path
    junk = tmp_path / "notes.liaison"
    junk.write_text("my notes")
    with pytest.raises(backup.CatalogError, match="not a catalog"):
        backup.restore(junk, chosen)
    assert junk.read_text() == "my notes"


# ---------------------------------------------------------------- the command line


def liaison(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gui", *args], cwd=ROOT, text=True,
                          capture_output=True, input=stdin, timeout=120)


def _one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("liaison: ") and fragment in lines[0], lines
    assert "Traceback" not in result.stderr


def test_cli_backup_list_and_restore(sample_path: Path) -> None:
    made = liaison("backup", "--catalog", str(sample_path))
    assert made.returncode == 0, made.stderr
    assert "verified; 18 people, 43 organisations, 4 delegations and 10 events" in made.stdout
    listed = liaison("backup", "--list", "--catalog", str(sample_path))
    assert listed.returncode == 0 and "manual" in listed.stdout
    name = backup.list_backups(sample_path)[0].path.name
    assert name in listed.stdout

    unconfirmed = liaison("restore", name, "--catalog", str(sample_path))
    _one_line_error(unconfirmed, "--yes")
    restored = liaison("restore", name, "--catalog", str(sample_path), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "The previous catalog was kept as" in restored.stdout
    assert len(backup.list_backups(sample_path)) == 2


@pytest.mark.parametrize("content", [b"", b"Name,Title\nNguyen,Chairman\n"])
def test_cli_refuses_junk_and_leaves_it_alone(tmp_path: Path, content: bytes) -> None:
    junk = tmp_path / "junk.liaison"
    junk.write_bytes(content)
    _one_line_error(liaison("backup", "--catalog", str(junk)), "cannot be backed up")
    _one_line_error(liaison("restore", str(junk), "--catalog", str(tmp_path / "x.liaison"),
                            "--yes"), "cannot be restored")
    assert junk.read_bytes() == content
    assert _names(tmp_path) == ["junk.liaison"]


def test_cli_damaged_catalog_is_one_clear_line(sample_path: Path) -> None:
    backup.backup_now(sample_path, "daily")
    data = bytearray(sample_path.read_bytes())
    for page in range(2, 40, 3):
        data[page * 4096: page * 4096 + 12] = bytes(12)
    sample_path.write_bytes(bytes(data))
    result = liaison("search", "chung", "--catalog", str(sample_path))
    _one_line_error(result, "is damaged")
    assert "newest good backup" in result.stderr


def test_leftovers_of_an_interrupted_restore_are_cleaned_only_when_old(
        sample_path: Path) -> None:
    folder = sample_path.parent
    ours = folder / f".{sample_path.name}.k2j3h4.tmp"
    fresh = folder / f".{sample_path.name}.a1b2c3.tmp"
    theirs = folder / ".thesis.docx.x9.tmp"
    for leftover in (ours, fresh, theirs):
        leftover.write_text("left over")
    two_days_ago = dt.datetime.now().timestamp() - 2 * 86400
    for leftover in (ours, theirs):
        os.utime(leftover, (two_days_ago, two_days_ago))
    open_catalog(sample_path).close()
    assert not ours.exists()
    assert fresh.exists() and theirs.exists()


def test_what_killed_runs_left_is_removed_on_the_next_run_unless_in_use(
        sample_path: Path) -> None:
    """A kill -9'd init, restore or backup leaves its temporary file unlocked: the next open
    removes it (with its -wal/-shm) after ten minutes, not a day; one in use stays."""
    import sqlite3
    import subprocess
    import sys

    folder = sample_path.parent
    killed = folder / f".{sample_path.name}.k1ll3d.tmp"
    busy = folder / f".{sample_path.name}.bu5y.tmp"
    for leftover in (killed, busy):
        conn = sqlite3.connect(leftover)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    Path(f"{killed}-wal").write_bytes(b"x" * 1000)
    holder = subprocess.Popen(  # another process is still writing this one
        [sys.executable, "-c", "import sqlite3, sys\n"
         f"c = sqlite3.connect({str(busy)!r}, isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE'); c.execute('INSERT INTO t VALUES (1)')\n"
         "print('holding', flush=True); sys.stdin.readline()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        quarter_hour_ago = dt.datetime.now().timestamp() - 15 * 60
        for leftover in (killed, busy):
            os.utime(leftover, (quarter_hour_ago, quarter_hour_ago))
        open_catalog(sample_path, daily_backup=False).close()
        assert not killed.exists() and not Path(f"{killed}-wal").exists()
        assert busy.exists()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_restore_through_a_symlinked_catalog_restores_the_target(sample_path: Path,
                                                                 tmp_path: Path) -> None:
    taken = backup.backup_now(sample_path, "manual").path
    with open_catalog(sample_path, daily_backup=False) as catalog:
        ops.create(catalog, RecordKind.SOURCE, {"title": "after the backup"})
    link = tmp_path / "elsewhere" / "shortcut.liaison"
    link.parent.mkdir()
    link.symlink_to(sample_path)
    backup.restore(link, taken)
    assert link.is_symlink() and link.resolve() == sample_path.resolve()
    conn = sqlite3.connect(sample_path)
    titles = {row[0] for row in conn.execute("SELECT title FROM source")}
    conn.close()
    assert "after the backup" not in titles


def test_check_leaves_no_new_files_beside_what_it_examines(sample_path: Path) -> None:
    before = sorted(p.name for p in sample_path.parent.iterdir())
    result = liaison("check", "--catalog", str(sample_path))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in sample_path.parent.iterdir()) == before


def test_a_backup_is_verified_before_it_counts(sample_path: Path) -> None:
    """A copy that fails the integrity check is not kept as a backup (nor left behind)."""
    conn = sqlite3.connect(sample_path, isolation_level=None)
    conn.execute("PRAGMA writable_schema = ON")  # an index that no longer matches its table
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_city_name ON city "
                 "(local_name)' WHERE name = 'ix_city_name'")
    conn.close()
    with pytest.raises(backup.BackupFailedError, match="failed its check"):
        backup.backup_now(sample_path, "manual")
    folder = sample_path.parent / "backups"
    assert backup.list_backups(sample_path) == []
    assert not folder.exists() or list(folder.iterdir()) == []


def test_backups_of_one_day_are_bounded_too(sample_path: Path) -> None:
    """A script backing up in a loop keeps the newest ten of today, not hundreds."""
    start = dt.datetime(2030, 5, 1, 8)
    for minute in range(14):
        backup.backup_now(sample_path, "manual", now=start + dt.timedelta(minutes=minute))
    kept = backup.list_backups(sample_path)
    assert len(kept) == backup.KEEP_YOUNGER_AT_MOST
    assert kept[0].taken_at == start + dt.timedelta(minutes=13)
