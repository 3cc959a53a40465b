"""One edit on the 100,000-person catalog: what the window re-reads afterwards."""

from __future__ import annotations

import json
import shutil
import subprocess

from tests.bench.harness import ROOT, Context, Figure


def _probe(ctx: Context, catalog: str) -> dict[str, float]:
    result = subprocess.run([ctx.python, "-m", "tests.bench.edit_probe", catalog],
                            cwd=ROOT, capture_output=True, text=True, check=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(ctx: Context) -> list[Figure]:
    scratch = ctx.cache / "edit-probe.liaison"  # edits must not change the shared catalog
    shutil.copyfile(ctx.demo_catalog(), scratch)
    try:
        big = _probe(ctx, str(scratch))
    finally:
        scratch.unlink(missing_ok=True)
    return [
        Figure("edit one person (100k): worker time of the refresh, best of 3",
               big["refresh_worker_ms_min"], "ms", target="<= 50 ms"),
        Figure("edit one person (100k): worker time of the refresh, median of 3",
               big["refresh_worker_ms_median"], "ms"),
        Figure("edit one person (100k): list pages fetched again", big["pages_fetched"],
               "pages", target="0"),
        Figure("edit one person (100k): save to idle, median", big["edit_to_idle_ms"], "ms"),
    ]
