"""A stand-in for one Liaison app process, driven line by line.

Run as ``python -m tests.reliability.window CATALOG``.

It opens catalogs as the app does (``open_catalog(daily_backup=False)``, then the
daily backup from :func:`db.backup.backup_if_due` while the catalog stays open),
and saves through :mod:`db.ops`. Commands on stdin, one answer line each:

``open NAME``      open a window NAME on the catalog (the first open of the day backs up)
``save NAME TAG``  window NAME saves a source titled TAG; answers ``saved TAG`` only after
                   the commit returned (an *acknowledged* save), else ``refused TAG: why``
``close NAME``     close window NAME
``drop-locks``     read the catalog with plain Python I/O and close it: on POSIX this drops
                   every SQLite lock the process holds (the bug of issue #11, on purpose)
``quit``           close everything and exit

Every answer goes to stdout (flushed) so the test can count acknowledged saves.

``python -m tests.reliability.window CATALOG soak NAME COUNT SEED ACKS`` instead runs
COUNT random steps on its own, as a busy office window would: saves (each one
appended to the ACKS file only after its commit returned), second windows opened
and closed, daily backups (a new simulated day each time), checks, reopening. The
test kills such workers with ``kill -9`` at random points.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from pathlib import Path

from db import backup, health, ops
from db.catalog import Catalog, CatalogBusyError, CatalogError, open_catalog
from db.kinds import RecordKind


def serve(path: Path) -> int:
    windows: dict[str, Catalog] = {}
    for line in sys.stdin:
        command, *rest = line.split()
        answer = "ok"
        if command == "quit":
            break
        if command == "open":
            catalog = open_catalog(path, daily_backup=False)
            try:
                backup.backup_if_due(catalog)  # the app does this on its worker, catalog open
            except CatalogError as exc:
                answer = f"backup failed: {exc}"
            windows[rest[0]] = catalog
        elif command == "save":
            name, tag = rest
            try:
                ops.create(windows[name], RecordKind.SOURCE, {"title": tag})
                answer = f"saved {tag}"
            except CatalogError as exc:
                answer = f"refused {tag}: {exc}"
        elif command == "drop-locks":
            with path.open("rb") as handle:
                handle.read(100)
        elif command == "close":
            windows.pop(rest[0]).close()
        print(answer, flush=True)
    for catalog in windows.values():
        catalog.close()
    return 0


def soak(path: Path, name: str, count: int, seed: int, acks: Path) -> int:
    """COUNT random steps; every acknowledged save is logged with one O_APPEND write."""
    rng = random.Random(seed)
    log = os.open(acks, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    catalog = open_catalog(path, daily_backup=False)
    day = dt.datetime(2030, 1, 1, 9) + dt.timedelta(days=seed % 1000)
    try:
        for i in range(count):
            step = rng.choices(("save", "window", "backup", "check", "reopen"),
                               weights=(70, 10, 8, 6, 6))[0]
            if step == "save":
                tag = f"{name}-{i}"
                try:
                    ops.create(catalog, RecordKind.SOURCE, {"title": tag})
                except CatalogBusyError as exc:  # refused, not acknowledged: not a loss
                    print(f"busy {tag}: {exc}", file=sys.stderr, flush=True)
                    continue
                os.write(log, f"{tag}\n".encode())
            elif step == "window":  # a second window of the same app opens, saves, closes
                with open_catalog(path, daily_backup=False) as second:
                    tag = f"{name}-{i}-w"
                    ops.create(second, RecordKind.SOURCE, {"title": tag})
                    os.write(log, f"{tag}\n".encode())
            elif step == "backup":  # the daily backup, taken while the window is open
                day += dt.timedelta(days=1)
                backup.backup_if_due(catalog, now=day)
            elif step == "check":
                health.check_file(path)
            else:
                catalog.close()
                catalog = open_catalog(path, daily_backup=False)
    finally:
        catalog.close()
        os.close(log)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "soak":
        sys.exit(soak(Path(sys.argv[1]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]),
                      Path(sys.argv[6])))
    sys.exit(serve(Path(sys.argv[1])))
