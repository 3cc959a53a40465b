"""Launch to main window shown, against a bare PySide6 QMainWindow; demo catalog build.

"Shown" is the first frame painted: both windows say when (the monotonic clock,
shared by all processes, and their CPU time then) on the turn of the event loop
after their first paint event (the children paint in that same pass), and quit.
Not ``show()`` returning: Qt paints on a later turn, and work queued before the
paint delays what the user sees. Not the process's exit either: tearing down a
window is not launching it.

Figures in wall time (medians, the commands taking turns) and in CPU time (the
machine is shared: CPU time is what a start costs, whatever the load). The
app's own modules are byte-compiled first, as an installed app's are: without
``.pyc`` files (``PYTHONDONTWRITEBYTECODE``) each start would compile them from
source, which no user's start does. First rows of 100k people: the whole process.
"""

from __future__ import annotations

import compileall
import os
import resource
import statistics
import subprocess
import time

from tests.bench.harness import ROOT, Context, Figure

BARE_WINDOW = (
    "import sys, time\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "def shown():\n"
    "    print(f'first frame: {time.monotonic():.6f} {time.process_time():.6f}', flush=True)\n"
    "    app.quit()\n"
    "class Window(QMainWindow):\n"
    "    painted = False\n"
    "    def paintEvent(self, event):\n"
    "        super().paintEvent(event)\n"
    "        if not self.painted:\n"
    "            self.painted = True\n"
    "            QTimer.singleShot(0, shown)\n"
    "app = QApplication(sys.argv)\n"
    "w = Window(); w.setWindowTitle('bare'); w.resize(1180, 720); w.show()\n"
    "app.exec()\n"
)
FIRST_FRAME = "first frame: "


def wall_and_cpu(commands: dict[str, list[str]], *,
                 repeat: int = 9) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each command, taking turns: to the first frame
    when the command reports one, else to its exit (user + system time)."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(repeat):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.monotonic()
            done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True,
                                  text=True, env=env)
            ended = time.monotonic()
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            frame = [line.removeprefix(FIRST_FRAME).split()
                     for line in done.stdout.splitlines() if line.startswith(FIRST_FRAME)]
            if frame:
                walls[name].append(float(frame[0][0]) - started)
                cpus[name].append(float(frame[0][1]))
            else:
                walls[name].append(ended - started)
                cpus[name].append(after.ru_utime + after.ru_stime
                                  - before.ru_utime - before.ru_stime)
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name]))
            for name in commands}


def measure(ctx: Context) -> list[Figure]:
    sample = ctx.sample_catalog()
    demo = ctx.demo_catalog()
    for package in ("db", "gui"):
        compileall.compile_dir(ROOT / package, quiet=1)
    found = wall_and_cpu({
        "bare": [ctx.python, "-c", BARE_WINDOW],
        "window": ["env", "LIAISON_QUIT_WHEN_SHOWN=window", ctx.python, "-m", "gui",
                   "--catalog", str(sample)],
        "rows": ["env", "LIAISON_QUIT_WHEN_SHOWN=catalog", ctx.python, "-m", "gui",
                 "--catalog", str(demo)]})
    (bare, bare_cpu), (window, window_cpu) = found["bare"], found["window"]
    first_rows, rows_cpu = found["rows"]
    started = time.perf_counter()
    target = ctx.cache / "demo-timing.liaison"
    target.unlink(missing_ok=True)
    ctx.liaison("demo", str(target), "--people", "100000")
    demo_seconds = time.perf_counter() - started
    target.unlink(missing_ok=True)
    floor = "bare PySide6 QMainWindow, first frame"
    return [
        Figure("launch to main window shown (first frame)", window, "s", floor, bare,
               "<= 1.3x"),
        Figure("  the same, CPU time", window_cpu, "s", floor + ", CPU", bare_cpu, "<= 1.3x"),
        Figure("launch to first rows of 100k people (whole process)", first_rows, "s", floor, bare),
        Figure("  the same, CPU time", rows_cpu, "s", floor + ", CPU", bare_cpu),
        Figure("liaison demo --people 100000", demo_seconds, "s", target="well under 60 s"),
    ]
