"""Helpers for driving the real window in tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui import app as app_module
from gui import language
from gui.main_window import MainWindow
from gui.settings import Settings


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Vietnamese included, as an input method would commit it.

    (``qtbot.keyClicks`` aborts the process on characters like ``ễ`` or ``Đ``.)
    """
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def settings_in(folder: Path) -> Settings:
    """Settings in a file of the test's own: QSettings' default store is per process."""
    return Settings(QSettings(str(folder / "liaison.ini"), QSettings.Format.IniFormat))


def open_window(qtbot: QtBot, catalog: Path, settings: Settings | None = None) -> MainWindow:
    window = MainWindow("catalog", settings or settings_in(catalog.parent))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.catalog_changed, timeout=20_000):  # opened on the worker
        app_module.open_catalog(window, str(catalog), default=False)
    assert window.catalog is not None, window.problem
    for panel in window.panels.values():
        panel.ensure_loaded()  # tests look at every list, shown or not
        qtbot.waitUntil(lambda p=panel: not p.model.loading, timeout=10_000)
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    if window.catalog is not None:
        window.catalog.close()


@contextlib.contextmanager
def window_in(qtbot: QtBot, qapp: QApplication, catalog: Path, code: str,
              ) -> Iterator[MainWindow]:
    """The window on *catalog* with the interface in language *code*; closed, and the
    interface English again, afterwards."""
    translator = language.apply(qapp, code)
    try:
        window = open_window(qtbot, catalog)
        try:
            yield window
        finally:
            close_window(window)
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        language.apply(qapp, "en")
