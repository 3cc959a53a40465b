"""QApplication bootstrap: show the window first, open the catalog after its first frame.

Start-up is measured against a bare PySide6 window (``make bench``): until the
window has painted once, nothing loads but Qt and the window's shell (see
:mod:`gui.main_window` and :mod:`gui.lazy`); the catalog, its heavy modules and
the log file come after, on the turn of the event loop that follows the frame.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from db import i18n
from db.kinds import RecordKind
from gui import APP_NAME, lazy
from gui import language as interface
from gui import settings as registry
from gui.icons import app_icon
from gui.main_window import MainWindow
from gui.worker import Worker

if TYPE_CHECKING:
    from gui import log, opening, print_probe
else:  # after the first frame (see gui.lazy)
    log, opening, print_probe = map(lazy.module, ("gui.log", "gui.opening", "gui.print_probe"))

# Benchmarks set this to "window" (quit once the window has drawn its first frame) or
# "catalog" (quit once the catalog's first rows are shown); the bundle's smoke test to
# "print" (print a briefing to $LIAISON_PRINT_TO through the print plugin, then quit:
# gui/print_probe.py).
BENCH_QUIT_ENV = "LIAISON_QUIT_WHEN_SHOWN"
# Matches packaging/linux/*.desktop so desktops pair the window with its entry and icon.
DESKTOP_ID = "io.github.liaison.Liaison"
# Were the first frame never painted (a window started minimised), the catalog opens anyway.
OPEN_AT_THE_LATEST_MS = 1000


def open_catalog(window: MainWindow, target: str, *, default: bool) -> None:
    """Open (or on first start create) *target* in *window* (see :mod:`gui.opening`)."""
    opening.open_catalog(window, window, target, default=default)


def main(target: str, *, default: bool = False, language: str | None = None) -> int:
    """Show the window, then open *target*; *language* (``liaison --language vi``)
    overrides the one chosen in Preferences for this run."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_ID)
    settings = registry.Settings()
    interface.apply(app, i18n.parse_language(language) or interface.chosen_language(settings))
    name = Path(target).stem if "://" not in target else target.rsplit("/", 1)[-1]
    worker = Worker(app)  # the one database thread: the window, forms and previews share it
    window = MainWindow(name, settings, worker=worker)
    quit_when = os.environ.get(BENCH_QUIT_ENV)
    if quit_when == "window":  # measuring the window alone: open nothing
        window.first_frame.connect(app.quit)
        window.show()
        return app.exec()
    started = False

    def start() -> None:
        nonlocal started
        if started:
            return
        started = True
        log.setup_logging()  # after the first frame (its handler is not needed to draw it)
        window.finish()
        open_catalog(window, target, default=default)
        if quit_when == "catalog":
            people = window.panels.get(RecordKind.PERSON)
            if people is None:
                app.quit()
            else:
                people.model.loaded.connect(app.quit, Qt.ConnectionType.SingleShotConnection)
        elif quit_when == "print":  # the bundle's smoke test: print a briefing, then quit
            if window.catalog is None:
                app.exit(1)
                return
            pdf = Path(os.environ.get(print_probe.PRINT_TO_ENV, "liaison-print-check.pdf"))
            print_probe.print_first_person(window, window.catalog, pdf, app.exit)

    window.first_frame.connect(start)
    QTimer.singleShot(OPEN_AT_THE_LATEST_MS, start)
    window.show()
    return app.exec()
