"""A colleague working while an import runs: ``python -m tests.interchange.bystander
PLACE STOP``.

Creates organisations one operation at a time and, between writes, reads how
many people and how many of the import's organisations (``Sở Ngoại vụ …``)
there are, until the file STOP exists; prints one JSON line: what it wrote,
what it was told was not saved (busy past the timeout), when each attempt began
and ended, and every pair of counts it saw.
Its first line on stdout, ``ready``, comes after its first write.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import col

from db import ops
from db.catalog import open_catalog
from db.catalog.errors import CatalogBusyError
from db.models import Organisation, Person, RecordKind


def main(place: str, stop: Path) -> int:
    written: list[str] = []
    refused: list[str] = []  # told "not saved" (and tried again): never counted as saved
    spans: list[tuple[float, float]] = []
    counts: list[tuple[int, int]] = []
    with open_catalog(place) as catalog:
        while True:
            name = f"Bystander {len(written) + 1}"
            began = time.time()
            try:
                ops.create(catalog, RecordKind.ORGANISATION, {"name": name})
            except CatalogBusyError:  # the import held the catalog past the busy timeout:
                refused.append(name)  # the user is told "not saved" and saves again
                spans.append((began, time.time()))
                continue
            spans.append((began, time.time()))
            written.append(name)
            # Both counts in ONE statement: on PostgreSQL (read committed) two statements
            # see two snapshots, and an import committing between them looks half-done.
            people = select(func.count()).select_from(Person).scalar_subquery()
            offices = select(func.count()).select_from(Organisation).where(
                col(Organisation.name).startswith("Sở Ngoại vụ")).scalar_subquery()
            with catalog.read_session() as session:
                pair = session.execute(select(people, offices)).one()
                counts.append((int(pair[0]), int(pair[1])))
            if len(written) == 1:
                print("ready", flush=True)
            if stop.exists():
                break
    print(json.dumps({"written": written, "refused": refused, "spans": spans,
                      "counts": counts}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
