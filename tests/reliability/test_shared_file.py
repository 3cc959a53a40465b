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

import itertools
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.conftest import ROOT, scaled


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


WORKERS = 4
STEPS = scaled(40, 1500)
KILLS = scaled(3, 24)


def _worker(path: Path, name: str, steps: int, seed: int, acks: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.reliability.window", str(path),
                             "soak", name, str(steps), str(seed), str(acks)], cwd=ROOT,
                            text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_many_processes_with_backups_and_kill_9_lose_no_acknowledged_save(
        sample_path: Path, tmp_path: Path) -> None:
    """Four app processes save, open second windows, back up and check, while the command
    line searches, prints, backs up and checks, and workers are killed at random points.
    ``make soak`` runs it ~40 times longer."""
    rng = random.Random(11)
    acks = tmp_path / "acks.log"
    started = time.perf_counter()
    workers: dict[str, subprocess.Popen[str]] = {
        f"w{k}": _worker(sample_path, f"w{k}", STEPS, k, acks) for k in range(WORKERS)}
    commands = itertools.cycle([["search", "chung"], ["backup"], ["check"],
                                ["brief", "person", "1", "-o", str(tmp_path / "p.pdf")]])
    kills = cli_runs = steps = 0
    busy: list[str] = []
    while workers:
        command = next(commands)
        result = liaison(*command, "--catalog", str(sample_path))
        cli_runs += 1
        assert result.returncode in (0, 1), (command, result.stderr)  # check: 1 = problems
        assert "Traceback" not in result.stderr, result.stderr
        if kills < KILLS and rng.random() < 0.6:
            name = rng.choice(sorted(workers))
            time.sleep(rng.uniform(0, 0.3))  # a random point in what it is doing
            workers[name].send_signal(signal.SIGKILL)
            workers.pop(name).wait()
            kills += 1
            fresh = f"{name}k{kills}"
            workers[fresh] = _worker(sample_path, fresh, STEPS // 2, 100 + kills, acks)
            steps += STEPS // 2
        for name, process in list(workers.items()):
            if process.poll() is not None:
                errors = process.stderr.read() if process.stderr else ""
                assert process.returncode == 0, f"{name}: {errors}"
                busy += [line for line in errors.splitlines() if line.startswith("busy")]
                workers.pop(name)
    steps += WORKERS * STEPS
    acknowledged = set(acks.read_text().split()) if acks.exists() else set()
    titles = saved_titles(sample_path)  # also asserts integrity_check ok
    lost = acknowledged - titles
    from db import backup

    backups = list(backup.list_backups(sample_path))
    damaged = [b.path.name for b in backups if backup.verify(b.path) is not None]
    print(f"\nsoak: {WORKERS} workers, {steps} steps planned, {len(acknowledged)} acknowledged "
          f"saves, {kills} kill -9, {cli_runs} CLI commands, {len(busy)} saves refused busy, "
          f"{len(backups)} backups kept; lost {len(lost)}, damaged {len(damaged)}; "
          f"{time.perf_counter() - started:.0f} s")
    assert not lost, sorted(lost)[:10]
    assert not damaged, damaged
    assert len(acknowledged) > WORKERS * STEPS // 3
