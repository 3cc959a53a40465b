"""Damaged catalogs: detected on opening, moved aside unchanged, the newest good backup offered.

Damage is made the way disks and careless copies make it: bytes flipped inside
the file's pages, a file cut short. SQLite stores no checksums in ordinary
pages, so a flipped byte inside a name can go unnoticed by any check; a
flipped byte in the structure (page headers, cell pointers) must not.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from db import backup, health
from db.catalog import (
    CatalogError,
    DamagedCatalogError,
    FileState,
    inspect_file,
    open_catalog,
)
from tests.reliability.conftest import scaled

PAGE = 4096


def _page_size(path: Path) -> int:
    size = int.from_bytes(path.read_bytes()[16:18], "big")
    return 65536 if size == 1 else size


def flip_page_headers(path: Path, pages: range) -> bytes:
    """Scramble the b-tree header of each page in *pages* (what a bad sector does)."""
    data = bytearray(path.read_bytes())
    size = _page_size(path)
    for page in pages:
        start = page * size
        if start + 12 > len(data):
            break
        for offset in range(12):
            data[start + offset] ^= 0xA5
    path.write_bytes(bytes(data))
    return bytes(data)


def truncate(path: Path, fraction: float) -> bytes:
    data = path.read_bytes()
    cut = data[: int(len(data) * fraction) // _page_size(path) * _page_size(path) + 123]
    path.write_bytes(cut)
    return cut


@pytest.fixture
def protected(sample_path: Path) -> tuple[Path, Path]:
    """A sample catalog with one verified backup, then one more change after it."""
    with open_catalog(sample_path, daily_backup=False) as catalog:
        taken = backup.backup_now(catalog, "daily").path
        from db import ops
        from db.models import RecordKind

        ops.create(catalog, RecordKind.SOURCE, {"title": "made after the backup"})
    return sample_path, taken


def _assert_quarantined(error: DamagedCatalogError, original: Path, damaged: bytes) -> Path:
    assert error.path == original
    assert not original.exists(), "the damaged file is still where the app would open it"
    assert error.quarantined is not None and error.quarantined.exists()
    assert error.quarantined.name.startswith(f"{original.name}.damaged-")
    assert error.quarantined.read_bytes() == damaged, "the damaged file was written to"
    message = str(error)
    assert error.quarantined.name in message and "\n" not in message
    return error.quarantined


@pytest.mark.parametrize("damage", ["flipped page headers", "truncated to 60%",
                                    "truncated to 20%"])
def test_damage_is_detected_quarantined_and_the_backup_restores(
        protected: tuple[Path, Path], damage: str) -> None:
    path, taken = protected
    if damage == "flipped page headers":
        damaged = flip_page_headers(path, range(2, 40, 3))
    else:
        damaged = truncate(path, 0.6 if "60" in damage else 0.2)
    with pytest.raises(DamagedCatalogError) as caught:
        open_catalog(path)
    _assert_quarantined(caught.value, path, damaged)
    assert caught.value.backup == taken
    assert "newest good backup" in str(caught.value)

    result = backup.restore(path, taken)
    assert result.previous is None  # the damaged file had already been moved aside
    assert health.check_file(path).ok
    with open_catalog(path) as catalog, catalog.read_session() as session:
        titles = [row[0] for row in session.connection().exec_driver_sql(
            "SELECT title FROM source")]
    assert "made after the backup" not in titles and len(titles) == 5
    assert caught.value.quarantined is not None
    assert caught.value.quarantined.read_bytes() == damaged


def test_damaged_wal_side_files_move_with_the_catalog(sample_path: Path) -> None:
    """A catalog whose committed changes still sit in its -wal file moves with that file."""
    conn = sqlite3.connect(sample_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE person SET biography = 'in the WAL only'")
    conn.commit()
    wal = Path(f"{sample_path}-wal")
    shutil.copyfile(wal, wal.with_name("saved-wal"))
    conn.close()  # (closing checkpoints and deletes the WAL: put it back, as after a crash)
    shutil.copyfile(wal.with_name("saved-wal"), wal)
    damaged = flip_page_headers(sample_path, range(3, 30, 4))
    with pytest.raises(DamagedCatalogError) as caught:
        open_catalog(sample_path)
    moved = _assert_quarantined(caught.value, sample_path, damaged)
    assert Path(f"{moved}-wal").read_bytes() == wal.with_name("saved-wal").read_bytes()
    assert not wal.exists()


def test_random_byte_flips_never_crash_the_open(sample_template: Path, tmp_path: Path) -> None:
    """Whatever bytes flip, opening answers with a sound catalog or a clear refusal."""
    outcomes = {"opened": 0, "quarantined": 0, "refused": 0}
    size = sample_template.stat().st_size
    for seed in range(scaled(40, 400)):
        rng = random.Random(seed)
        path = tmp_path / f"flip-{seed}.liaison"
        data = bytearray(sample_template.read_bytes())
        for _ in range(rng.choice((1, 8, 64))):
            data[rng.randrange(100, size)] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(data))
        try:
            open_catalog(path, daily_backup=False).close()
            outcomes["opened"] += 1
            # a file that opens for editing must be sound by the thorough check (a flip can
            # break only an index: quick_check passes it, integrity_check does not)
            checker = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                integrity = checker.execute("PRAGMA integrity_check").fetchall()
            finally:
                checker.close()
            assert integrity == [("ok",)], (seed, integrity[:3])
        except DamagedCatalogError as exc:
            assert exc.quarantined is not None and exc.quarantined.read_bytes() == bytes(data)
            outcomes["quarantined"] += 1
        except CatalogError:
            assert path.read_bytes() == bytes(data)
            outcomes["refused"] += 1
    print(f"\nrandom flips: {outcomes}")
    assert outcomes["quarantined"] > 0, outcomes
    assert outcomes["opened"] > 0, outcomes  # the check on opened files was exercised


def test_newest_backup_damaged_too_offers_the_next_good_one(
        protected: tuple[Path, Path]) -> None:
    path, older = protected
    newer = backup.backup_now(path, "before-import").path
    flip_page_headers(newer, range(1, 30, 2))
    flip_page_headers(path, range(1, 30, 2))
    with pytest.raises(DamagedCatalogError) as caught:
        open_catalog(path)
    assert caught.value.backup == older


def test_no_backup_says_so(sample_path: Path) -> None:
    damaged = flip_page_headers(sample_path, range(2, 40, 3))
    with pytest.raises(DamagedCatalogError, match="No good backup") as caught:
        open_catalog(sample_path)
    assert caught.value.backup is None
    _assert_quarantined(caught.value, sample_path, damaged)


def test_damaged_catalog_in_a_read_only_folder_is_left_in_place(
        protected: tuple[Path, Path]) -> None:
    path, taken = protected
    damaged = flip_page_headers(path, range(2, 40, 3))
    os.chmod(path.parent, 0o555)
    try:
        with pytest.raises(DamagedCatalogError, match="It was not changed") as caught:
            open_catalog(path)
    finally:
        os.chmod(path.parent, 0o755)
    assert caught.value.quarantined is None
    assert caught.value.backup == taken
    assert path.read_bytes() == damaged


def test_a_busy_catalog_is_waited_for_not_mistaken_for_damage(sample_path: Path) -> None:
    """Another program holding the file exclusively for a moment is not damage."""
    holder = sqlite3.connect(sample_path, isolation_level=None, check_same_thread=False)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        with open_catalog(sample_path, daily_backup=False) as catalog:
            assert not catalog.read_only
    finally:
        release.join()
        holder.close()
    assert inspect_file(sample_path).state is FileState.CURRENT
    assert not list(sample_path.parent.glob("*.damaged-*"))


def test_damage_found_by_check_is_reported_without_changes(sample_path: Path) -> None:
    damaged = flip_page_headers(sample_path, range(2, 40, 3))
    report = health.check_file(sample_path)
    assert not report.ok
    assert sample_path.read_bytes() == damaged
