"""The catalog opens on the database worker after the first frame (issue 16): the window
shows "Opening the catalog…" and goes on painting meanwhile, then shows the catalog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gui import app as app_module
from gui.main_window import MainWindow
from tests.gui.helpers import close_window, settings_in


def test_the_catalog_opens_on_the_worker_while_the_window_paints(qtbot: QtBot,
                                                                 sample_path: Path) -> None:
    window = MainWindow("catalog", settings_in(sample_path.parent))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_frame, timeout=10_000):
        window.show()
    opening = window.findChild(QLabel, "openingCatalog")
    assert opening is not None and opening.isVisible()
    assert window.status_label.text() == "Opening the catalog…"
    with qtbot.waitSignal(window.catalog_changed, timeout=20_000) as shown:
        app_module.open_catalog(window, str(sample_path), default=False)
        assert window.catalog is None  # not opened on this thread: the window paints on
    try:
        assert shown.args == [True]
        assert window.catalog is not None and window.catalog.path == sample_path
        assert any("open_catalog" in name for name, _seconds in window.worker.timings)
        assert window.stack.currentWidget() is window.pages["people"]
        assert not opening.isVisible()
    finally:
        close_window(window)


def test_a_window_closed_while_its_catalog_opens_leaves_it_closed(qtbot: QtBot,
                                                                  sample_path: Path) -> None:
    window = MainWindow("catalog", settings_in(sample_path.parent))
    qtbot.addWidget(window)
    window.show()
    app_module.open_catalog(window, str(sample_path), default=False)
    window.close()  # waits for the worker's job; its answer arrives after
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20_000)
    assert window.catalog is None
    assert not window.pages  # nothing was built for a window that is gone
