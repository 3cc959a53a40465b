"""Worker processes for the reliability tests (run as ``python -m tests.reliability.writer``).

``zygote CATALOG LOG``
    Imports everything once, then for each ``ops FIRST SEED DELAY_MS`` line on
    stdin forks a writer that runs :func:`workload.run_stream` (or, for
    ``restore BACKUP - DELAY_MS``, restores that backup), ``kill -9``\\ s it
    after *DELAY_MS* milliseconds (the random kill point, chosen by the test),
    reaps it and answers ``done PID STATUS``: ``-9`` when it died by the kill,
    else its exit status. Forking skips the ~0.5 s of imports, so 200 kills fit
    in a test run.
``updates CATALOG NAME N PERSON_ID``
    N operations, each appending ``NAME-i`` to one shared person's notes and creating
    a source ``NAME-i``. The notes are read *before* the write transaction, as a
    window shows them, and saved with that version: a save against an old version
    must be refused (then reread and retried), never overwrite the other's tags.
``read-only CATALOG``
    Tries a raw SQLite write, then opens the catalog through Liaison and tries
    an operation; prints what happened as JSON (run without the rights to write).
``fill CATALOG LIMIT_BYTES``
    Sets RLIMIT_FSIZE (SIGXFSZ ignored) and writes until the disk "fills"; prints
    the error message it got, then checks the catalog still reads.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from pathlib import Path


def zygote(catalog: Path, log: Path) -> int:
    # Everything the child needs is imported before forking.
    import db.backup
    import db.health
    from db.catalog import open_catalog
    from tests.reliability import workload

    open_catalog(catalog, daily_backup=False).close()  # warm SQLAlchemy's lazy imports
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "quit":
            break
        mode, argument, seed, delay_ms = parts[0], parts[1], parts[2], float(parts[3])
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                if mode == "restore":
                    db.backup.restore(catalog, Path(argument))
                else:
                    workload.run_stream(catalog, log, first=int(argument), count=200,
                                        seed=int(seed))
            except BaseException as exc:
                sys.stderr.write(f"writer {os.getpid()}: {type(exc).__name__}: {exc}\n")
                code = 1
            os._exit(code)
        time.sleep(delay_ms / 1000)  # the kill point: chosen at random by the test
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        _pid, status = os.waitpid(pid, 0)
        result = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        print(f"done {pid} {result}", flush=True)
    return 0


def updates(catalog_path: Path, name: str, count: int, person_id: int) -> int:
    from db import ops
    from db.catalog import open_catalog
    from db.models import Person, RecordKind

    with open_catalog(catalog_path) as catalog:
        print("ready", flush=True)
        sys.stdin.readline()  # both writers start together
        stale = 0
        for i in range(count):
            tag = f"{name}-{i}"
            while True:  # as a user does: read what the window shows, then save later
                with catalog.read_session() as session:
                    person = session.get(Person, person_id)
                    assert person is not None
                    biography, version = person.biography or "", person.version
                try:
                    with ops.transaction(catalog, actor=name) as tx:
                        tx.update(RecordKind.PERSON, person_id,
                                  {"biography": f"{biography} {tag}".strip()},
                                  expected_version=version)
                        tx.create(RecordKind.SOURCE, {"title": tag})
                    break
                except ops.StaleVersionError:  # the other writer saved first: reread, retry
                    stale += 1
        print(f"stale {stale}", flush=True)
    return 0


def fill(catalog_path: Path, limit: int) -> int:
    import resource

    from db import ops
    from db.catalog import CatalogError, open_catalog
    from db.models import RecordKind

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    with open_catalog(catalog_path, daily_backup=False) as catalog:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
        try:
            with ops.transaction(catalog) as tx:
                for i in range(2000):
                    tx.create(RecordKind.SOURCE, {"title": f"filler {i}", "summary": "x" * 4000})
        except CatalogError as exc:
            print(f"refused: {exc}", flush=True)
        else:
            print("not refused", flush=True)
        resource.setrlimit(resource.RLIMIT_FSIZE,
                           (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        ops.create(catalog, RecordKind.SOURCE, {"title": "after the disk had room again"})
        print("wrote after", flush=True)
    return 0


def read_only(catalog_path: Path) -> int:
    """Open a catalog this process may not write; print what happened as JSON."""
    import json
    import sqlite3

    from db import ops
    from db.catalog import CatalogError, open_catalog
    from db.models import RecordKind

    result: dict[str, object] = {}
    raw = sqlite3.connect(catalog_path)
    try:  # what SQLite itself is allowed to do here, without Liaison's care
        raw.execute("UPDATE source SET summary = 'raw write'")
        raw.commit()
        result["raw_write"] = "succeeded"
    except sqlite3.Error as exc:
        result["raw_write"] = str(exc)
    finally:
        raw.close()
    with open_catalog(catalog_path) as catalog:
        result["read_only"] = catalog.read_only
        result["reason"] = catalog.read_only_reason
        with catalog.read_session() as session:
            result["people"] = session.connection().exec_driver_sql(
                "SELECT count(*) FROM person").scalar()
        try:
            ops.create(catalog, RecordKind.SOURCE, {"title": "should not be saved"})
            result["write"] = "saved"
        except CatalogError as exc:
            result["write"] = str(exc)
        result["data_version"] = catalog.data_version()
    print(json.dumps(result))
    return 0


def main(argv: list[str]) -> int:
    command, *rest = argv
    if command == "zygote":
        return zygote(Path(rest[0]), Path(rest[1]))
    if command == "updates":
        return updates(Path(rest[0]), rest[1], int(rest[2]), int(rest[3]))
    if command == "read-only":
        return read_only(Path(rest[0]))
    if command == "fill":
        return fill(Path(rest[0]), int(rest[1]))
    raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
