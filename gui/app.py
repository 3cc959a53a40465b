"""QApplication bootstrap: show the window first, open the catalog right after.

Start-up is measured against a bare PySide6 window (``make bench``); the
catalog and its heavy modules load on the first turn of the event loop, after
the window is on screen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from db.kinds import RecordKind
from gui import language
from gui import settings as registry
from gui.icons import app_icon
from gui.main_window import APP_NAME, MainWindow

if TYPE_CHECKING:
    from db.catalog import Catalog

# Benchmarks set this to "window" (quit once the window is up) or "catalog" (quit
# once the catalog's first rows are shown); the bundle's smoke test to "print" (print a
# briefing to $LIAISON_PRINT_TO through the print plugin, then quit: gui/print_probe.py).
BENCH_QUIT_ENV = "LIAISON_QUIT_WHEN_SHOWN"
# Matches packaging/linux/*.desktop so desktops pair the window with its entry and icon.
DESKTOP_ID = "io.github.liaison.Liaison"


def open_catalog(window: MainWindow, target: str, *, default: bool) -> None:
    """Open (or on first start create) the catalog; a damaged one is set aside and a
    backup offered; the daily backup then runs on the worker, off the first screen."""
    from db.catalog import CatalogError, DamagedCatalogError, create_catalog, open_catalog
    from gui import safety

    try:
        try:
            if default and not Path(target).exists():
                Path(target).parent.mkdir(parents=True, exist_ok=True)
                catalog = create_catalog(target, sample=True)
            else:
                catalog = open_catalog(target, daily_backup=False)
        except DamagedCatalogError as damaged:
            restored = safety.offer_restore_after_damage(window, damaged)
            if restored is None:
                raise
            catalog = open_catalog(restored, daily_backup=False)
    except (CatalogError, OSError) as exc:
        window.show_problem(str(exc))
        return
    window.show_catalog(catalog)
    safety.warn_network_filesystem(window, catalog)
    start_daily_backup(window, catalog)


def start_daily_backup(window: MainWindow, catalog: Catalog) -> None:
    """At most one verified backup a day (0.7 s on 100,000 people): on the worker."""
    from db import backup
    from gui import safety

    def failed(error: Exception) -> None:
        catalog.backup_problem = f"The automatic backup failed: {error}"
        safety.warn_backup_failed(window, catalog)

    window.worker.submit(lambda: backup.backup_if_due(catalog), lambda _info: None, failed)


def main(target: str, *, default: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_ID)
    settings = registry.Settings()
    language.apply(app, language.chosen_language(settings))
    name = Path(target).stem if "://" not in target else target.rsplit("/", 1)[-1]
    window = MainWindow(name, settings)
    window.show()
    app.aboutToQuit.connect(window.worker.shutdown)
    quit_when = os.environ.get(BENCH_QUIT_ENV)
    if quit_when == "window":  # measuring the window alone: open nothing
        QTimer.singleShot(0, app.quit)
        return app.exec()

    def start() -> None:
        open_catalog(window, target, default=default)
        if quit_when == "catalog":
            people = window.panels.get(RecordKind.PERSON)
            if people is None:
                app.quit()
            else:
                people.model.loaded.connect(app.quit, Qt.ConnectionType.SingleShotConnection)
        elif quit_when == "print":  # the bundle's smoke test: print a briefing, then quit
            from gui import print_probe

            if window.catalog is None:
                app.exit(1)
                return
            pdf = Path(os.environ.get(print_probe.PRINT_TO_ENV, "liaison-print-check.pdf"))
            print_probe.print_first_person(window, window.catalog, pdf, app.exit)

    QTimer.singleShot(0, start)
    return app.exec()
