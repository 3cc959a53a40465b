"""The people list on the 100,000-person catalog: first rows, memory, scrolling to the end."""

from __future__ import annotations

import json
import subprocess

from tests.bench.harness import ROOT, Context, Figure


def _probe(ctx: Context, catalog: str, *extra: str) -> dict[str, float]:
    result = subprocess.run([ctx.python, "-m", "tests.bench.gui_probe", catalog, *extra],
                            cwd=ROOT, capture_output=True, text=True, check=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(ctx: Context) -> list[Figure]:
    small = _probe(ctx, str(ctx.sample_catalog()))
    big = _probe(ctx, str(ctx.demo_catalog()), "--scroll")
    return [
        Figure("people: open the list to first rows (100k)", big["first_rows_ms"], "ms",
               "same on the sample catalog", small["first_rows_ms"], "<= 100 ms"),
        Figure("launch: catalog open + pages built + first rows (100k)",
               big["open_to_rows_ms"], "ms", "same on the sample catalog",
               small["open_to_rows_ms"]),
        Figure("memory growth, sample -> 100k (first screen)",
               big["rss_first_mb"] - small["rss_first_mb"], "MB", target="<= 100 MB"),
        Figure("scroll to the end of 100k: largest single load", big["largest_page"], "rows",
               target="a page, never all rows"),
        Figure("memory growth after scrolling all 100k rows",
               big["rss_end_mb"] - small["rss_first_mb"], "MB"),
        Figure("scroll through 100k people (500 pages)", big["scroll_s"], "s"),
    ]
