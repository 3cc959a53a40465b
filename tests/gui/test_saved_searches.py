"""Removing a saved search from the sidebar: its row goes, and it stays gone in the next
window (the settings file no longer holds it). Saved searches have no rename: a search
is its query, saved again under the new words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.sidebar import SidebarExtras, saved_searches
from tests.gui.helpers import close_window, open_window, settings_in, type_text


@pytest.fixture
def catalog(sample_path: Path) -> Path:
    return sample_path  # a copy of the test's own, its settings file beside it


@pytest.fixture
def window(qtbot: QtBot, catalog: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, catalog, settings_in(catalog.parent))
    yield win
    close_window(win)


def _rows(extras: SidebarExtras) -> list[str]:
    return [extras.item(r).text() for r in range(extras.count())]


def _remove_by_menu(qtbot: QtBot, extras: SidebarExtras, query: str) -> None:
    """Right-click the query's row and choose "Remove this saved search"."""
    row = _rows(extras).index(query)
    point = extras.visualItemRect(extras.item(row)).center()
    chosen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text() == "Remove this saved search")
        chosen.append(action.text())
        action.trigger()
        menu.close()

    QTimer.singleShot(100, choose)
    QApplication.sendEvent(extras.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, extras.viewport().mapToGlobal(point)))
    qtbot.waitUntil(lambda: bool(chosen), timeout=5_000)


def test_a_removed_saved_search_leaves_the_sidebar_and_stays_gone(
        qtbot: QtBot, window: MainWindow, catalog: Path) -> None:
    box = window.search_box
    for query in ("Hà Nội", "Milan"):
        with qtbot.waitSignal(box.searched, timeout=5_000):
            box.clear()
            type_text(box, query)
        box.save_action.trigger()
    extras = window.sidebar
    assert _rows(extras)[-3:] == ["Saved searches", "Hà Nội", "Milan"]

    _remove_by_menu(qtbot, extras, "Hà Nội")

    assert "Hà Nội" not in _rows(extras)
    assert _rows(extras)[-2:] == ["Saved searches", "Milan"]
    # Read back from the settings file itself, as the next start of the app will.
    assert saved_searches(settings_in(catalog.parent)) == ["Milan"]
    other = open_window(qtbot, catalog, settings_in(catalog.parent))
    try:
        assert _rows(other.sidebar)[-2:] == ["Saved searches", "Milan"]
        assert "Hà Nội" not in _rows(other.sidebar)
    finally:
        close_window(other)

    # The last one removed: the heading goes too.
    _remove_by_menu(qtbot, extras, "Milan")
    assert _rows(extras) == ["Upcoming"]
    assert saved_searches(settings_in(catalog.parent)) == []
