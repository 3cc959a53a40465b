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
"""

from __future__ import annotations

import sys
from pathlib import Path

from db import backup, ops
from db.catalog import Catalog, CatalogError, open_catalog
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


if __name__ == "__main__":
    sys.exit(serve(Path(sys.argv[1])))
