"""Full disks, read-only files and media, network drives, newer and junk files.

Each gets a clear message and loses nothing. Where the machine allows it the
conditions are real: a 4 MB tmpfs filled to the last byte, a tmpfs remounted
read-only, a process stripped of root's right to override permissions. Where
it does not (no root, no ``mount``), a size-limited process stands in for the
full disk and those tests say why they were skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import backup, ops
from db.catalog import (
    DiskFullError,
    NewerCatalogError,
    ReadOnlyCatalogError,
    network_filesystem,
    open_catalog,
)
from db.models import RecordKind
from tests.reliability import workload
from tests.reliability.conftest import ROOT, helper

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 4 MB filesystem (tmpfs); skipped where this process may not mount one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if not IS_ROOT or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root; the size-limit test covers disk full")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs",
                           str(mount)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    """Fill the filesystem holding *folder* to the last byte; returns the filler file."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        for chunk in (1 << 16, 1 << 12, 1 << 8, 1):
            try:
                while os.write(fd, b"\0" * chunk):
                    pass
            except OSError:
                continue
    finally:
        os.close(fd)
    return filler


# ---------------------------------------------------------------- disk full


def test_disk_full_refuses_the_change_and_keeps_the_catalog(small_disk: Path,
                                                            sample_template: Path) -> None:
    path = small_disk / "office.liaison"
    shutil.copyfile(sample_template, path)
    with open_catalog(path) as catalog:
        people = _count(path, "person")
        filler = _fill(small_disk)
        with (pytest.raises(DiskFullError, match="The disk is full") as caught,
              ops.transaction(catalog) as tx):
            for i in range(300):
                tx.create(RecordKind.SOURCE, {"title": f"big {i}", "summary": "x" * 8000})
        assert "\n" not in str(caught.value) and "unchanged" in str(caught.value)
        with pytest.raises(backup.BackupFailedError, match="the disk is full"):
            backup.backup_now(catalog, "manual")
        assert not [p for p in (small_disk / "backups").iterdir() if p.name.startswith(".")]
        with catalog.read_session() as session:  # reading still works on a full disk
            assert session.connection().exec_driver_sql(
                "SELECT count(*) FROM person").scalar() == people
        filler.unlink()
        ops.create(catalog, RecordKind.SOURCE, {"title": "written once there was room"})
    assert workload.database_checks(path) == []
    assert _count(path, "source") == 6 and _count(path, "person") == people
    assert all(backup.verify(b.path) is None for b in backup.list_backups(path))


def test_a_catalog_on_a_full_disk_opens_read_only_and_says_why(
        small_disk: Path, sample_template: Path) -> None:
    path = small_disk / "office.liaison"
    shutil.copyfile(sample_template, path)
    _fill(small_disk)
    before = path.read_bytes()
    with open_catalog(path) as catalog:
        assert catalog.read_only and catalog.read_only_reason == "the disk is full"
        with catalog.read_session() as session:
            assert session.connection().exec_driver_sql(
                "SELECT count(*) FROM person").scalar() == 18
        with pytest.raises(ReadOnlyCatalogError, match=r"read-only \(the disk is full\)"):
            ops.create(catalog, RecordKind.SOURCE, {"title": "no room"})
    assert path.read_bytes() == before


def test_size_limited_writer_gets_a_clear_message(sample_path: Path) -> None:
    """Stand-in for a full disk that works anywhere: RLIMIT_FSIZE, SIGXFSZ ignored."""
    limit = sample_path.stat().st_size + 256 * 1024
    done = helper("fill", str(sample_path), str(limit), stdout=subprocess.PIPE,
                  stderr=subprocess.PIPE)
    out, err = done.communicate(timeout=120)
    assert done.returncode == 0, err
    refused, after = out.splitlines()
    assert refused.startswith(("refused: The disk is full", "refused: Liaison could not write "
                               "to the disk")), refused
    assert "unchanged" in refused and after == "wrote after"
    assert workload.database_checks(sample_path) == []
    assert _count(sample_path, "source") == 6  # the 5 of the sample, and the one after


# ---------------------------------------------------------------- read-only


def _assert_read_only(path: Path, reason: str) -> None:
    before = path.read_bytes()
    with open_catalog(path) as catalog:
        assert catalog.read_only and catalog.read_only_reason == reason
        with catalog.read_session() as session:
            assert session.connection().exec_driver_sql(
                "SELECT count(*) FROM person").scalar() == 18
        with pytest.raises(ReadOnlyCatalogError, match="This catalog is read-only"):
            ops.create(catalog, RecordKind.SOURCE, {"title": "not saved"})
        assert catalog.data_version() >= 0
    assert path.read_bytes() == before


def test_read_only_file(sample_path: Path) -> None:
    os.chmod(sample_path, 0o444)
    try:
        _assert_read_only(sample_path, "the file is read-only")
        assert not (sample_path.parent / "backups").exists(), "a read-only catalog got a backup"
    finally:
        os.chmod(sample_path, 0o644)


def test_read_only_folder(sample_path: Path) -> None:
    os.chmod(sample_path.parent, 0o555)
    try:
        _assert_read_only(sample_path, "its folder is read-only")
    finally:
        os.chmod(sample_path.parent, 0o755)


def test_read_only_disk(small_disk: Path, sample_template: Path) -> None:
    path = small_disk / "office.liaison"
    shutil.copyfile(sample_template, path)
    remount = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)],
                             capture_output=True, text=True, check=False)
    if remount.returncode != 0:
        pytest.skip(f"cannot remount read-only here ({remount.stderr.strip()})")
    _assert_read_only(path, "it is on a read-only disk")
    assert sorted(p.name for p in small_disk.iterdir()) == ["office.liaison"]


@pytest.mark.skipif(not IS_ROOT or shutil.which("setpriv") is None,
                    reason="needs root and setpriv to drop the right to override permissions")
@pytest.mark.parametrize("how", ["file owned by someone else", "read-only folder"])
def test_permissions_really_enforced(sample_template: Path, how: str) -> None:
    """Without CAP_DAC_OVERRIDE the kernel itself refuses writes, as for any ordinary user."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="liaison-ro-"))
    try:
        os.chmod(folder, 0o755)
        path = folder / "office.liaison"
        shutil.copyfile(sample_template, path)
        if how == "file owned by someone else":
            os.chown(path, 65534, 65534)  # nobody; its owner bits still say writable
            os.chmod(path, 0o644)
        else:
            os.chmod(folder, 0o555)
        before = path.read_bytes()
        done = subprocess.run(
            ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
             "--bounding-set=-dac_override,-dac_read_search",
             sys.executable, "-m", "tests.reliability.writer", "read-only", str(path)],
            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        result = json.loads(done.stdout)
        assert "readonly" in result["raw_write"].replace("-", "").replace(" ", ""), result
        assert result["read_only"] is True and result["people"] == 18
        assert result["write"].startswith("This catalog is read-only"), result
        assert path.read_bytes() == before
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


# ---------------------------------------------------------------- newer and junk files


def test_newer_catalog_is_refused_everywhere_and_untouched(sample_path: Path) -> None:
    conn = sqlite3.connect(sample_path)
    conn.execute("PRAGMA user_version = 42")
    conn.commit()
    conn.close()
    before = sample_path.read_bytes()
    with pytest.raises(NewerCatalogError, match="newer version of Liaison"):
        open_catalog(sample_path)
    with pytest.raises(backup.BackupFailedError, match="newer version"):
        backup.backup_now(sample_path, "manual")
    assert sample_path.read_bytes() == before
    assert sorted(p.name for p in sample_path.parent.iterdir()) == [sample_path.name]


# ---------------------------------------------------------------- network drives

MOUNTS = "\n".join([
    "/dev/sda1 / ext4 rw,relatime 0 0",
    "server:/export/office /mnt/office nfs4 rw,relatime,vers=4.2 0 0",
    "//fs01/International\\040Relations /mnt/ir cifs rw,relatime 0 0",
    "me@laptop:/home/me /mnt/laptop fuse.sshfs rw,nosuid 0 0",
    "/dev/sdb1 /mnt/office/local ext4 rw 0 0",
    "tmpfs /tmp tmpfs rw 0 0",
])


@pytest.mark.parametrize(("where", "expected"), [
    ("/home/me/catalog.liaison", None),
    ("/mnt/office/catalog.liaison", "nfs4"),
    ("/mnt/office/local/catalog.liaison", None),
    ("/mnt/ir/Hà Nội/catalog.liaison", "cifs"),
    ("/mnt/laptop/catalog.liaison", "fuse.sshfs"),
    ("/mnt/officers/catalog.liaison", None),
    ("/tmp/catalog.liaison", None),
])
def test_network_filesystems_are_named(where: str, expected: str | None) -> None:
    assert network_filesystem(where, mounts=MOUNTS) == expected


def test_windows_network_shares_are_named() -> None:
    assert network_filesystem(r"\\fs01\office\catalog.liaison") == r"network share \\fs01\office"


def test_this_machines_disk_is_not_a_network_drive(sample_path: Path) -> None:
    assert network_filesystem(sample_path) is None


def test_a_catalog_on_a_network_drive_is_flagged_and_warned(
        sample_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import db.catalog.network

    mounts = f"/dev/sda1 / ext4 rw 0 0\nsrv:/x {sample_path.parent} nfs4 rw 0 0"
    monkeypatch.setattr(db.catalog.network, "_mount_table", lambda: mounts)
    with open_catalog(sample_path, daily_backup=False) as catalog:
        assert catalog.network_fs == "nfs4"
        with catalog.engine.connect() as conn:  # WAL cannot work across machines
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    from gui import cli

    args = cli.parse(["backup", "--catalog", str(sample_path)])
    assert cli.run(args) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "network drive (nfs4)" in err[0] and "--database-url" in err[0]
