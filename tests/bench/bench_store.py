"""Store figures at 100,000 people: one edit's worker time, and every person's label.

An edit's worker time is what the worker thread spends on one saved person: the
version-checked write (search index and change log included) and the re-read of
just that row for the list (``db.listing.rows``). Every person's label
(``REGISTRY.labels``; ``reads.labels`` before) is what ``liaison brief person --all``
pays before printing the first sheet.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from tests.bench.harness import Context, Figure, timed


def measure(ctx: Context) -> list[Figure]:
    from db import listing, ops
    from db.catalog import open_catalog
    from db.kinds import RecordKind
    from db.models import Person
    from db.registry import REGISTRY

    demo = ctx.demo_catalog()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "edit.liaison"
        shutil.copyfile(demo, copy)
        with open_catalog(copy) as catalog:
            with catalog.read_session() as session:
                target = session.get(Person, 50_000)
                assert target is not None
                version = target.version
            edits: list[float] = []
            for n in range(20):
                started = time.perf_counter()
                result = ops.update(catalog, RecordKind.PERSON, 50_000,
                                    {"biography": f"Edited {n}"}, expected_version=version)
                version = result.changes[0].version
                with catalog.read_session() as session:
                    listing.rows(session, RecordKind.PERSON, [50_000])
                edits.append(time.perf_counter() - started)
            with catalog.read_session() as session:
                labels = timed(lambda: REGISTRY.labels(session, RecordKind.PERSON), repeat=3)
    return [
        Figure("one edit, worker time: save + re-read its row (100k)",
               statistics.median(edits) * 1000, "ms", target="<= 50 ms"),
        Figure("labels of every person (100k)", min(labels), "s", target="< 1 s"),
    ]

