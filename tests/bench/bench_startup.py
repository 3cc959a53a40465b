"""Launch to main window shown, against a bare PySide6 QMainWindow; demo catalog build."""

from __future__ import annotations

import time

from tests.bench.harness import Context, Figure, walls

BARE_WINDOW = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.setWindowTitle('bare'); w.resize(1180, 720); w.show()\n"
    "QTimer.singleShot(0, app.quit)\n"
    "app.exec()\n"
)


def measure(ctx: Context) -> list[Figure]:
    sample = ctx.sample_catalog()
    demo = ctx.demo_catalog()
    found = walls({"bare": [ctx.python, "-c", BARE_WINDOW],
                   "window": ["env", "LIAISON_QUIT_WHEN_SHOWN=window", ctx.python, "-m", "gui",
                              "--catalog", str(sample)],
                   "rows": ["env", "LIAISON_QUIT_WHEN_SHOWN=catalog", ctx.python, "-m", "gui",
                            "--catalog", str(demo)]}, repeat=7)
    bare, window, first_rows = found["bare"], found["window"], found["rows"]
    started = time.perf_counter()
    target = ctx.cache / "demo-timing.liaison"
    target.unlink(missing_ok=True)
    ctx.liaison("demo", str(target), "--people", "100000")
    demo_seconds = time.perf_counter() - started
    target.unlink(missing_ok=True)
    return [
        Figure("launch to main window shown", window, "s", "bare PySide6 QMainWindow", bare,
               "<= 1.3x"),
        Figure("launch to first rows of 100k people", first_rows, "s",
               "bare PySide6 QMainWindow", bare),
        Figure("liaison demo --people 100000", demo_seconds, "s", target="well under 60 s"),
    ]
