"""The catalog opens on the database worker after the first frame (issue 16): the window
shows "Opening the catalog…" and goes on painting meanwhile, then shows the catalog."""

from __future__ import annotations

import os
import threading
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


def _open_files(path: Path) -> list[str]:
    """This process's open files at *path* (the catalog and its -wal/-shm)."""
    fds = Path("/proc/self/fd")
    found = []
    for fd in fds.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(path)):
            found.append(target)
    return found


def test_a_window_closed_while_its_catalog_opens_leaves_it_closed(qtbot: QtBot,
                                                                  sample_path: Path) -> None:
    window = MainWindow("catalog", settings_in(sample_path.parent))
    qtbot.addWidget(window)
    window.show()
    app_module.open_catalog(window, str(sample_path), default=False)
    opened = threading.Event()
    window.worker.submit(opened.set, lambda _none: None)  # runs after the opening, in order
    assert opened.wait(20)  # the catalog is open on the worker; the window has not heard
    assert _open_files(sample_path)
    window.close()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20_000)  # the answer arrives
    assert window.catalog is None
    assert not window.pages  # nothing was built for a window that is gone
    assert _open_files(sample_path) == []  # and the catalog it opened was closed


def test_file_open_opens_the_catalog_on_the_worker(qtbot: QtBot, sample_path: Path,
                                                   tmp_path: Path) -> None:
    """File > Open (and Open Recent, New Empty Catalog) opens on the database thread, as
    a start does: the window waits for the answer, painting, then shows the catalog."""
    from db.catalog import create_catalog
    from tests.gui.helpers import open_window

    other = tmp_path / "Da Nang office.liaison"
    create_catalog(other, sample=False).close()
    window = open_window(qtbot, sample_path)
    try:
        assert window.open_catalog_file(str(other))
        assert window.catalog is not None and window.catalog.path == other
        assert window.windowTitle() == "Da Nang office — Liaison"
        jobs = [name for name, _seconds in window.worker.timings]
        assert "open_catalog_file.<locals>.open_chosen" in jobs
    finally:
        close_window(window)
