"""Search and list speed on the 100,000-person catalog, beside raw FTS5 and sample floors."""

from __future__ import annotations

import sqlite3
import time

from tests.bench.harness import ROOT, Context, Figure, p95, timed, walls

QUERIES = ["n", "ng", "nguyen", "nguyen duc", "tran thi", "ha", "smart", "kim", "de vries",
           "delegation 12", "xyz"]


def measure(ctx: Context) -> list[Figure]:
    from db import listing, search
    from db.catalog import open_catalog
    from db.kinds import RecordKind

    demo = ctx.demo_catalog()
    sample = ctx.sample_catalog()
    ours: list[float] = []
    raw: list[float] = []
    conn = sqlite3.connect(demo)
    with open_catalog(demo) as catalog, catalog.read_session() as session:
        for query in QUERIES:
            ours += timed(lambda q=query: search.search(session, q, limit=50), repeat=20)
            match = search.match_expression(search.tokens(query))
            raw += timed(lambda m=match: conn.execute(
                "SELECT rowid, bm25(search_index) FROM search_index WHERE search_index MATCH ? "
                "ORDER BY bm25(search_index) LIMIT 50", (m,)).fetchall(), repeat=20)
        started = time.perf_counter()
        listing.page(session, RecordKind.PERSON)
        first_page = time.perf_counter() - started
        last = timed(lambda: listing.page(session, RecordKind.PERSON, offset=99_800,
                                          total=100_000), repeat=5)
    conn.close()
    floor_script = str(ROOT / "tests" / "bench" / "floor_search.py")
    cli = walls({
        "floor": [ctx.python, floor_script, str(sample), "nguyen duc"],
        "sample": [ctx.python, "-m", "gui", "search", "nguyen duc", "--json",
                   "--catalog", str(sample)],
        "big": [ctx.python, "-m", "gui", "search", "nguyen duc", "--json",
                "--catalog", str(demo)],
    })
    return [
        Figure("search: query to ranked top 50, p95 (100k)", p95(ours) * 1000, "ms",
               "raw FTS5 MATCH + bm25, same tokens, p95", p95(raw) * 1000, "<= 16 ms, <= 1.5x"),
        Figure("people list: first page (100k)", first_page * 1000, "ms", target="<= 100 ms"),
        Figure("people list: last page (offset 99,800)", sorted(last)[2] * 1000, "ms"),
        Figure("liaison search whole process (sample)", cli["sample"], "s",
               "python + sqlite3 FTS5 query (tests/bench/floor_search.py)", cli["floor"],
               "<= 3x"),
        Figure("liaison search whole process (100k)", cli["big"], "s",
               "same on the sample catalog", cli["sample"], "<= 1.1x"),
    ]
