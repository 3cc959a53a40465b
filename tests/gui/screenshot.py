"""Developer tool: start the app on a catalog and save a screenshot of the main window.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m tests.gui.screenshot CATALOG OUT.png
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gui import app as app_module
from gui.main_window import MainWindow
from gui.settings import Settings


def main(catalog: str, out: str) -> int:
    qt_app = QApplication(sys.argv[:1])
    window = MainWindow("catalog", Settings())
    window.resize(1180, 720)
    window.show()
    app_module.open_catalog(window, catalog, default=False)

    def shoot() -> None:
        window.grab().save(out)
        qt_app.quit()

    QTimer.singleShot(300, shoot)
    return qt_app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
