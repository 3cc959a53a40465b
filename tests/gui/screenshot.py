"""Developer tool: open the app on a catalog, optionally a record, and save a screenshot.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.gui.screenshot \\
        CATALOG OUT.png [KIND ID]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from gui import app as app_module
from gui.main_window import MainWindow
from gui.settings import Settings


def main(catalog: str, out: str, record: tuple[str, int] | None) -> int:
    qt_app = QApplication(sys.argv[:1])
    store = QSettings(str(Path(tempfile.mkdtemp()) / "shot.ini"), QSettings.Format.IniFormat)
    window = MainWindow("catalog", Settings(store))
    window.resize(1280, 780)
    window.show()
    if record is not None:  # once the catalog is in (it opens on the worker)
        window.catalog_changed.connect(lambda _shown: window.open_record(*record))
    app_module.open_catalog(window, catalog, default=False)

    def shoot() -> None:
        window.grab().save(out)
        qt_app.quit()

    # The record loads on the worker: shoot once it is shown (at most 15 s), after a repaint.
    waited = [0]

    def when_shown() -> None:
        shown = window.shown
        ready = record is None or (shown is not None and shown.view.id == record[1])
        waited[0] += 100
        if ready or waited[0] >= 15_000:
            QTimer.singleShot(300, shoot)
        else:
            QTimer.singleShot(100, when_shown)

    QTimer.singleShot(500, when_shown)
    return qt_app.exec()


if __name__ == "__main__":
    chosen = (sys.argv[3], int(sys.argv[4])) if len(sys.argv) > 4 else None
    sys.exit(main(sys.argv[1], sys.argv[2], chosen))
