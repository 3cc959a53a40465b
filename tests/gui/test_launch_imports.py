"""The first frame is Qt and the window's shell; the store and the rest come after (issue 16).

Measured in a real process started as a user starts the app (``python -m gui
--catalog PATH``), with ``LIAISON_QUIT_WHEN_SHOWN=window``: the app quits on
the turn of the event loop after the window's first paint, so the modules
loaded when the process exits are those the first frame cost. A module handed
out by :mod:`gui.lazy` and not yet used is not loaded (it is not even looked up).

Three budgets: none of the heavy libraries (the store's SQLAlchemy, SQLModel and
pydantic, Alembic, ReportLab, Babel, nor json and dataclasses, which a bare Qt
window does not load either); only the listed modules of our own; and none of
the PySide6 classes whose Python enums cost a start milliseconds when first
named (``Qt``'s 93 enums 15–20 ms, ``QStyle``'s 5 ms: see :mod:`gui.lazy`).
A new module in the shell is a choice made here, with its cost measured
(``make bench``: launch to main window shown, against a bare QMainWindow).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOT_BEFORE_THE_WINDOW = ("sqlalchemy", "sqlmodel", "pydantic", "reportlab", "alembic", "babel",
                         "logging.handlers",  # the log file is set up after the first frame
                         "json", "dataclasses",  # 3 ms each, which a bare Qt window does not load
                         "datetime")  # (2 ms)
# Our modules the first frame may run: the shell (window, menus, sidebar, search box) and
# what it stands on.
FIRST_FRAME = {
    "gui", "gui.__main__", "gui.paths", "gui.lazy", "gui.app", "gui.main_window",
    "gui.settings", "gui.language", "gui.icons", "gui.sidebar", "gui.window_layout",
    "gui.sections", "gui.menus", "gui.search_box",
    "db", "db.i18n",
}
# PySide6 classes not to be built before the first frame (module.class).
NOT_BUILT = ("QtCore.Qt", "QtWidgets.QStyle", "QtWidgets.QCompleter",
             "QtGui.QStandardItemModel")
# Run as the app starts; at exit, list the modules that have run and the PySide6 classes
# built (PySide6 adds a class to its module's namespace when it is first named).
DRIVER = """
import atexit, runpy, sys

def loaded():
    names = sorted(sys.modules)
    sys.stderr.write("LOADED " + " ".join(names) + "\\n")
    for module in ("QtCore", "QtGui", "QtWidgets"):
        built = vars(sys.modules.get("PySide6." + module, sys)).keys()
        sys.stderr.write("LOADED " + " ".join(module + "." + name for name in built) + "\\n")

atexit.register(loaded)
sys.argv = ["liaison", *sys.argv[1:]]
runpy.run_module("gui", run_name="__main__", alter_sys=True)
"""


def modules_at_first_frame(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, *args], cwd=ROOT, text=True, capture_output=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIAISON_QUIT_WHEN_SHOWN": "window"})
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [x for x in result.stderr.splitlines() if x.startswith("LOADED ")]
    return {name for line in lines for name in line.split()[1:]}


@pytest.fixture(scope="module")
def first_frame(sample_template: Path) -> set[str]:
    return modules_at_first_frame("--catalog", str(sample_template))


def test_the_window_is_shown_before_the_store_is_imported(first_frame: set[str]) -> None:
    assert "gui.main_window" in first_frame  # the measurement saw the window's modules
    early = {m for m in first_frame
             if any(m == name or m.startswith(name + ".") for name in NOT_BEFORE_THE_WINDOW)}
    assert early == set()


def test_the_first_frame_runs_only_the_shell_of_our_modules(first_frame: set[str]) -> None:
    ours = {m for m in first_frame if m.split(".")[0] in ("gui", "db")}
    assert ours - FIRST_FRAME == set()
    assert {"gui.cli", "db.catalog", "gui.opening", "gui.pages.section",
            "gui.forms.context", "db.kinds"}.isdisjoint(ours)


def test_the_first_frame_builds_none_of_the_costly_qt_classes(first_frame: set[str]) -> None:
    assert "QtWidgets.QMainWindow" in first_frame  # the measurement saw the classes built
    assert set(NOT_BUILT) & first_frame == set()


def test_a_plain_start_in_vietnamese_builds_no_command_line_parser(
        sample_template: Path) -> None:
    found = modules_at_first_frame("--language=vi", "--catalog", str(sample_template))
    assert "gui.main_window" in found
    assert not {m for m in found if m == "gui.cli" or m.startswith("gui.cli.")}
