"""QApplication bootstrap: show the window first, open the catalog after its first frame.

Start-up is measured against a bare PySide6 window (``make bench``): until the
window has painted once, nothing loads but Qt and the window's shell (see
:mod:`gui.main_window` and :mod:`gui.lazy`). Then the log file is set up and the
catalog opens on the database worker (its heavy modules load there), the window
painting meanwhile; the window shows it when it arrives.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from db import i18n
from gui import APP_NAME, lazy
from gui import language as interface
from gui import settings as registry
from gui.icons import app_icon
from gui.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from db import kinds
    from gui import log, opening, print_probe
else:  # after the first frame (see gui.lazy)
    log, opening, print_probe = map(lazy.module, ("gui.log", "gui.opening", "gui.print_probe"))
    Qt = lazy.attribute("PySide6.QtCore", "Qt")
    kinds = lazy.module("db.kinds")

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
    """Open (or on first start create) *target* on the worker; *window* shows it when it
    arrives and then emits ``catalog_changed`` (see :mod:`gui.opening`)."""
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
    # The one database thread (the window's, which its forms and previews share) starts
    # when first needed, after the first frame.
    window = MainWindow(name, settings)
    quit_when = os.environ.get(BENCH_QUIT_ENV)
    if quit_when == "window":  # measuring the window alone: open nothing
        window.first_frame.connect(lambda: quit_at_first_frame(app))
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
        if quit_when in ("catalog", "print"):
            window.catalog_changed.connect(lambda shown: bench_step(app, window, shown,
                                                                    quit_when),
                                           Qt.ConnectionType.SingleShotConnection)
        open_catalog(window, target, default=default)

    window.first_frame.connect(start)
    QTimer.singleShot(OPEN_AT_THE_LATEST_MS, start)
    window.show()
    return app.exec()


def quit_at_first_frame(app: QApplication) -> None:
    """``make bench``: say when the first frame was up (monotonic clock, shared by the
    processes) and the CPU time it cost, for the benchmark to set beside a bare window's."""
    print(f"first frame: {time.monotonic():.6f} {time.process_time():.6f}", flush=True)
    app.quit()


def bench_step(app: QApplication, window: MainWindow, shown: bool, quit_when: str) -> None:
    """The catalog is in (or could not open): quit once the people's first rows are shown
    (benchmarks), or print a briefing and quit (the bundle's smoke test)."""
    people = window.panels.get(kinds.RecordKind.PERSON)
    if not shown or window.catalog is None or people is None:
        app.exit(1)
    elif quit_when == "catalog":
        people.model.loaded.connect(app.quit, Qt.ConnectionType.SingleShotConnection)
    else:
        pdf = Path(os.environ.get(print_probe.PRINT_TO_ENV, "liaison-print-check.pdf"))
        print_probe.print_first_person(window, window.catalog, pdf, app.exit)
