"""``make bench``: run every ``tests/bench/bench_*.py`` and print figures beside floors."""

from __future__ import annotations

import importlib
import sys

from tests.bench.harness import ROOT, Figure, context, report


def main(selected: list[str]) -> int:
    ctx = context()
    figures: list[Figure] = []
    for path in sorted((ROOT / "tests" / "bench").glob("bench_*.py")):
        if selected and path.stem not in selected:
            continue
        module = importlib.import_module(f"tests.bench.{path.stem}")
        print(f"[{path.stem}]", file=sys.stderr, flush=True)
        figures.extend(module.measure(ctx))
    print(report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
