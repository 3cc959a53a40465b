"""``kill -9`` at random points: the catalog stays sound and every operation is whole or absent.

SQLite's own crash testing simulates power loss at the VFS layer; from Python
we do the next best thing, many times: a writer process runs a stream of
multi-step operations through ``db.ops`` (logging each request before it starts
and after its commit returns) and is killed with SIGKILL at a random moment:
while opening (quick check, daily backup), mid-transaction, mid-commit,
mid-checkpoint, mid-backup. After every kill the catalog must pass
``integrity_check`` and ``foreign_key_check``; at the end every operation is
held to its own log. ``LIAISON_KILL_SEED`` replays a run.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import time
from collections import Counter
from pathlib import Path

from db import backup, health, ops
from db.catalog import create_catalog, open_catalog
from db.models import RecordKind
from tests.reliability import workload
from tests.reliability.conftest import Zygote, scaled

KILLS = scaled(200, 2000)
RESTORE_KILLS = scaled(40, 400)
MAX_DELAY_MS = 150.0


def _seed() -> int:
    return int(os.environ.get("LIAISON_KILL_SEED") or random.randrange(1 << 30))


def _sources(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM source").fetchone()[0])
    finally:
        conn.close()


def _where_killed(new_lines: list[str]) -> str:
    """Where the writer was when it died, from the tail of its log."""
    events = [json.loads(line) for line in new_lines]
    if not any(e["phase"] == "opened" for e in events):
        return "while opening the catalog"
    last = events[-1]
    if last["phase"] == "begin":
        return f"inside an operation ({last['kind']})"
    return "between operations"


def test_kill_nine_at_random_points_loses_nothing(tmp_path: Path,
                                                  zygote_factory: type[Zygote]) -> None:
    seed = _seed()
    rng = random.Random(seed)
    catalog_path = tmp_path / "killed.liaison"
    log_path = tmp_path / "requested.jsonl"
    create_catalog(catalog_path, sample=False).close()
    log_path.touch()
    zygote = zygote_factory(catalog_path, log_path)
    where: Counter[str] = Counter()
    started = time.perf_counter()
    offset = 0
    for round_number in range(KILLS):
        status = zygote.round("ops", str(round_number * 1000), rng.randrange(1 << 30),
                              rng.uniform(0, MAX_DELAY_MS))
        assert status == -9, f"round {round_number} (seed {seed}): writer ended with " \
                             f"{status}: {zygote.stderr()}"
        text = log_path.read_text()
        where[_where_killed(text[offset:].splitlines())] += 1
        offset = len(text)
        problems = workload.database_checks(catalog_path)
        assert not problems, f"after kill {round_number + 1} (seed {seed}): {problems}"
    elapsed = time.perf_counter() - started

    verdict = workload.verify(catalog_path, log_path)
    assert not verdict.problems, f"seed {seed}: {verdict.problems[:10]}"
    report = health.check_file(catalog_path)
    assert report.ok, report.problems
    kept = [p for p in (catalog_path.parent / "backups").iterdir() if not p.name.startswith(".")]
    assert kept, "the daily backup was never completed"
    for path in kept:
        assert backup.verify(path) is None, f"{path.name} looks like a backup but is not sound"
    with open_catalog(catalog_path) as catalog, catalog.read_session() as session:
        people = session.connection().exec_driver_sql("SELECT count(*) FROM person").scalar()
    print(f"\nkill -9 test (seed {seed}): {KILLS} writers killed in {elapsed:.1f} s; "
          f"killed {dict(where)}; operations {dict(verdict.outcomes)}; "
          f"{people} people in the end, {len(kept)} sound backups; files damaged: 0")


def test_kill_nine_during_restore_leaves_old_or_new_catalog(
        tmp_path: Path, zygote_factory: type[Zygote]) -> None:
    """A restore killed anywhere leaves the catalog whole: the previous one or the backup."""
    seed = _seed()
    rng = random.Random(seed)
    catalog_path = tmp_path / "restored.liaison"
    with create_catalog(catalog_path, sample=True) as catalog:
        chosen = backup.backup_now(catalog, "chosen").path
    zygote = zygote_factory(catalog_path, tmp_path / "unused.jsonl")
    outcomes: Counter[str] = Counter()
    for round_number in range(RESTORE_KILLS):
        with open_catalog(catalog_path, daily_backup=False) as catalog:
            ops.create(catalog, RecordKind.SOURCE, {"title": f"round {round_number}"})
        before = _sources(catalog_path)
        status = zygote.round("restore", str(chosen), 0, rng.uniform(0, 50))
        assert status in (-9, 0), zygote.stderr()
        assert catalog_path.exists(), f"round {round_number}: the catalog disappeared"
        assert workload.database_checks(catalog_path) == []
        after = _sources(catalog_path)
        assert after in (before, 5), f"round {round_number}: {after} sources"
        outcomes[("restored" if after == 5 else "kept the previous catalog")
                 + (" (killed)" if status == -9 else " (finished)")] += 1
    for path in (catalog_path.parent / "backups").iterdir():
        if not path.name.startswith("."):
            assert backup.verify(path) is None, path.name
    print(f"\nrestore kill test (seed {seed}): {dict(outcomes)}")
