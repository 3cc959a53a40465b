"""One catalog file used by several app windows, the command line and backups at once.

Issue #11's first paragraph, as a test: window A opens the catalog (the first
open of the day takes the daily backup), another process reads it, A saves, B
saves and closes, A saves and closes. Every save acknowledged by any process
must be in the file at the end, and the file must pass ``integrity_check``.
Before the fix the daily backup read the live file with plain Python I/O; on
POSIX closing that descriptor dropped all of A's SQLite locks, and B's close
deleted the ``-wal`` that A went on writing into: B's save, then A's, were lost.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import ROOT


class Window:
    """One app process (see ``tests/reliability/window.py``)."""

    def __init__(self, catalog: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.window", str(catalog)], cwd=ROOT,
            text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def do(self, line: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        if not answer:
            raise AssertionError(f"the window process died: {self.quit()}")
        return answer

    def quit(self) -> str:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("quit\n")
            self.process.stdin.close()
            self.process.wait(timeout=60)
        assert self.process.stderr is not None
        errors = self.process.stderr.read()
        assert self.process.returncode == 0, errors
        return errors


def liaison(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gui", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=120, check=False)


def saved_titles(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {row[0] for row in conn.execute("SELECT title FROM source")}
    finally:
        conn.close()


def _other_process(kind: str, path: Path, tmp_path: Path) -> None:
    """What else the office does to the file while window A is open."""
    target = ["--catalog", str(path)]
    if kind == "search":
        result = liaison("search", "pakolak", *target)
    elif kind == "brief":
        result = liaison("brief", "person", "1", "-o", str(tmp_path / "p.pdf"), *target)
    elif kind == "backup":
        result = liaison("backup", *target)
    elif kind == "check":
        result = liaison("check", *target)
    else:  # a second app process opens the catalog and closes it
        other = Window(path)
        assert other.do("open x") == "ok"
        other.quit()
        return
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("other", ["search", "brief", "backup", "check", "window"])
def test_saves_survive_other_processes_on_the_same_file(sample_path: Path, tmp_path: Path,
                                                         other: str) -> None:
    backups = sample_path.parent / "backups"
    a = Window(sample_path)
    try:
        assert a.do("open a") == "ok"
        assert list(backups.iterdir()), "the first open of the day took no backup"
        _other_process(other, sample_path, tmp_path)
        assert a.do("save a a1") == "saved a1"
        b = Window(sample_path)
        assert b.do("open b") == "ok"
        assert b.do("save b b1") == "saved b1"
        assert b.do("close b") == "ok"
        b.quit()
        answer = a.do("save a a2")
    finally:
        a.quit()
    titles = saved_titles(sample_path)
    assert {"a1", "b1"} <= titles, "an acknowledged save was lost"
    assert answer == "saved a2" and "a2" in titles, answer


def test_a_second_window_in_the_same_process_loses_nothing(sample_path: Path) -> None:
    """Opening and closing another window of the same app must not drop the first's locks."""
    a = Window(sample_path)
    try:
        assert a.do("open a") == "ok"
        assert a.do("open second") == "ok"
        assert a.do("save second s1") == "saved s1"
        assert a.do("close second") == "ok"
        b = Window(sample_path)
        assert b.do("open b") == "ok"
        assert b.do("save b b1") == "saved b1"
        b.quit()
        assert a.do("save a a1") == "saved a1"
    finally:
        a.quit()
    assert {"s1", "b1", "a1"} <= saved_titles(sample_path)


def test_a_wal_removed_under_a_running_window_stops_its_saving(sample_path: Path) -> None:
    """If the window loses its locks anyway (here on purpose) and another process removes
    the -wal, the next save is refused with a clear message instead of vanishing."""
    a = Window(sample_path)
    try:
        assert a.do("open a") == "ok"
        assert a.do("save a a1") == "saved a1"
        assert a.do("drop-locks") == "ok"
        b = Window(sample_path)
        assert b.do("open b") == "ok"
        assert b.do("save b b1") == "saved b1"
        b.quit()  # the last connection it can see: folds the -wal in and deletes it
        assert not Path(f"{sample_path}-wal").exists()
        answer = a.do("save a a2")
        again = a.do("save a a3")
    finally:
        a.quit()
    titles = saved_titles(sample_path)
    assert {"a1", "b1"} <= titles
    for tag, said in (("a2", answer), ("a3", again)):
        refused = said.startswith(f"refused {tag}: Liaison lost its hold on")
        assert (said == f"saved {tag}" and tag in titles) or (refused and "not saved" in said)
    assert answer != "saved a2", "the -wal vanished under the window and it went on saving"


def test_a_wal_deleted_by_hand_is_noticed_before_the_next_save(sample_path: Path) -> None:
    from db import ops
    from db.catalog import CatalogLostError, open_catalog
    from db.kinds import RecordKind

    with open_catalog(sample_path, daily_backup=False) as catalog:
        ops.create(catalog, RecordKind.SOURCE, {"title": "before"})
        Path(f"{sample_path}-wal").unlink()
        with pytest.raises(CatalogLostError, match=r"its journal file .*-wal was removed"):
            ops.create(catalog, RecordKind.SOURCE, {"title": "after"})
        assert catalog.read_only
        with pytest.raises(CatalogLostError):
            ops.create(catalog, RecordKind.SOURCE, {"title": "again"})
    assert "after" not in saved_titles(sample_path)
