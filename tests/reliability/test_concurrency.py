"""Two windows or two Liaisons on one file: writers wait their turn, and see each other's work."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest

from db import ops
from db.catalog import CatalogBusyError, open_catalog
from db.models import Person, RecordKind
from tests.reliability.conftest import helper, scaled

UPDATES = scaled(500, 5000)


def test_two_processes_times_500_updates_all_land(sample_path: Path) -> None:
    with open_catalog(sample_path, daily_backup=False) as catalog:
        person = ops.create(catalog, RecordKind.PERSON, {"family_name": "Shared"}).ids(
            RecordKind.PERSON)[0]
        seen_versions = {catalog.data_version()}
        writers = [helper("updates", str(sample_path), name, str(UPDATES), str(person),
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                   for name in ("a", "b")]
        for writer in writers:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        started = time.perf_counter()
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.close()
        while any(w.poll() is None for w in writers):  # a third window, watching
            seen_versions.add(catalog.data_version())
            with catalog.read_session() as session:
                session.get(Person, person)
        elapsed = time.perf_counter() - started
        errors = [w.stderr.read() if w.stderr else "" for w in writers]
        stale = sum(int(w.stdout.read().split()[-1]) for w in writers if w.stdout)
        assert [w.returncode for w in writers] == [0, 0], errors
        assert not any("locked" in e.lower() for e in errors), errors
        seen_versions.add(catalog.data_version())
        with catalog.read_session() as session:
            row = session.get(Person, person)
            assert row is not None
            tags = (row.biography or "").split()
            sources = {s for (s,) in session.connection().exec_driver_sql(
                "SELECT title FROM source")}
        assert len(tags) == 2 * UPDATES == len(set(tags))
        assert {f"{n}-{i}" for n in "ab" for i in range(UPDATES)} == set(tags)
        assert set(tags) <= sources
        assert row.version == 1 + 2 * UPDATES
        assert len(seen_versions) > 10, "the watching window never noticed the writers"
    assert stale > 0, "the writers never raced: the version check was not exercised"
    print(f"\ntwo writers x {UPDATES} updates: {2 * UPDATES} landed in {elapsed:.1f} s "
          f"({stale} stale saves refused and retried); "
          f"({2 * UPDATES / elapsed:.0f}/s); the watcher saw {len(seen_versions)} versions")


def test_data_version_changes_only_when_someone_commits(sample_path: Path) -> None:
    with open_catalog(sample_path, daily_backup=False) as mine, \
            open_catalog(sample_path, daily_backup=False) as theirs:
        first = mine.data_version()
        with mine.read_session() as session:
            session.get(Person, 1)
        assert mine.data_version() == first
        ops.create(theirs, RecordKind.SOURCE, {"title": "from the other window"})
        second = mine.data_version()
        assert second != first
        assert mine.data_version() == second
        other = sqlite3.connect(sample_path)  # another program entirely
        other.execute("UPDATE source SET summary = 'edited' WHERE id = 1")
        other.commit()
        other.close()
        assert mine.data_version() != second


def test_a_writer_waits_for_another_instead_of_failing(sample_path: Path) -> None:
    """A save made while another instance holds the write lock waits, then lands."""
    holder = sqlite3.connect(sample_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE source SET summary = 'held' WHERE id = 1")
    outcome: list[float | Exception] = []
    with open_catalog(sample_path, daily_backup=False) as catalog:

        def save() -> None:
            started = time.perf_counter()
            try:
                ops.create(catalog, RecordKind.SOURCE, {"title": "waited its turn"})
            except Exception as exc:  # reported below, as the test's failure
                outcome.append(exc)
            else:
                outcome.append(time.perf_counter() - started)

        writer = threading.Thread(target=save)
        writer.start()
        writer.join(timeout=0.5)
        still_waiting = writer.is_alive()
        holder.execute("COMMIT")
        writer.join(timeout=60)
        with catalog.read_session() as session:
            rows = dict(session.connection().exec_driver_sql("SELECT title, summary FROM source")
                        .all())
    holder.close()
    assert still_waiting, f"the save did not wait for the lock: {outcome}"
    assert len(outcome) == 1 and isinstance(outcome[0], float), outcome
    assert outcome[0] >= 0.5  # it waited for the other writer's commit
    assert "waited its turn" in rows and "held" in rows.values()  # both writes landed


def test_a_lock_held_too_long_becomes_a_clear_message(sample_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the app's own write path: another program holds the write lock longer than
    the busy timeout; the save is refused with a message and nothing is written."""
    import db.catalog.engine

    monkeypatch.setattr(db.catalog.engine, "BUSY_TIMEOUT_MS", 300)  # not 10 s in a test
    holder = sqlite3.connect(sample_path, isolation_level=None)
    try:
        with open_catalog(sample_path, daily_backup=False) as catalog:
            holder.execute("BEGIN IMMEDIATE")
            with pytest.raises(CatalogBusyError) as caught:
                ops.create(catalog, RecordKind.SOURCE, {"title": "should wait, then give up"})
            holder.execute("ROLLBACK")
            assert "busy in another window" in str(caught.value)
            assert "not saved" in str(caught.value)
            ops.create(catalog, RecordKind.SOURCE, {"title": "once the lock is free"})
    finally:
        holder.close()
    conn = sqlite3.connect(sample_path)
    titles = {row[0] for row in conn.execute("SELECT title FROM source")}
    conn.close()
    assert "once the lock is free" in titles and "should wait, then give up" not in titles
