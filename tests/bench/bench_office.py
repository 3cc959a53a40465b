"""The office database at 100,000 people: search on PostgreSQL beside FTS5, and 20 writers.

Starts a throwaway PostgreSQL (tests/office/pgserver.py), generates the same
seeded 100,000-person catalog into it as ``liaison demo`` makes on a file, and
times the same queries on both in the same run. Then 20 client processes make
50 saves each on 100 shared people (the concurrency test's workload) and the
throughput is reported with the number of conflicts they met and resolved.
"""

from __future__ import annotations

import statistics
import time

from tests.bench.bench_search import QUERIES
from tests.bench.harness import Context, Figure, p95, timed

PEOPLE = 100_000
CLIENTS, SAVES, RECORDS = 20, 50, 100


def _search_times(place: str, queries: list[str]) -> list[float]:
    from db import search
    from db.catalog import open_catalog

    samples: list[float] = []
    with open_catalog(place, daily_backup=False) as catalog, catalog.read_session() as session:
        for query in queries:
            search.search(session, query, limit=50)  # warm the caches, as a session would
            samples += timed(lambda q=query: search.search(session, q, limit=50), repeat=20)
    return samples


def measure(ctx: Context) -> list[Figure]:
    from db import synthetic
    from db.catalog import open_catalog
    from tests.office import pgserver
    from tests.office.test_concurrency import _people, run_clients

    demo = ctx.demo_catalog(PEOPLE)
    server = pgserver.start()
    try:
        url = server.url(server.create_database("bench"))
        started = time.perf_counter()
        with open_catalog(url) as catalog:
            synthetic.generate(catalog, people=PEOPLE, seed=2017)
        generated = time.perf_counter() - started
        server.sql(url.rsplit("/", 1)[1], "VACUUM ANALYZE")
        on_server = _search_times(url, QUERIES)
        on_file = _search_times(str(demo), QUERIES)

        shared = server.url(server.create_database("writers"))
        with open_catalog(shared) as catalog:
            ids = _people(catalog, RECORDS)
        started = time.perf_counter()
        reports = run_clients(shared, ids, CLIENTS, SAVES)
        elapsed = time.perf_counter() - started
    finally:
        server.stop()
    saves = sum(len(r["acknowledged"]) for r in reports)  # type: ignore[arg-type]
    conflicts = sum(int(r["conflicts"]) for r in reports)  # type: ignore[call-overload]
    raw = sum(1 for r in reports for e in r["errors"]  # type: ignore[attr-defined]
              if str(e).startswith("raw"))
    return [
        Figure("office: search p50 on PostgreSQL (100k)", statistics.median(on_server) * 1000,
               "ms", "FTS5 on the file, same queries, p50", statistics.median(on_file) * 1000),
        Figure("office: search p95 on PostgreSQL (100k)", p95(on_server) * 1000, "ms",
               "FTS5 on the file, same queries, p95", p95(on_file) * 1000, "<= 20 ms"),
        Figure("office: generate 100k people on the server", generated, "s"),
        Figure(f"office: {CLIENTS} clients x {SAVES} saves, throughput", saves / elapsed,
               "saves/s", target=f"{saves} saved, {conflicts} conflicts retried, {raw} raw "
               "errors (want 0)"),
    ]
