"""First start as a new user meets it: the sample says it is one, and a way to start their own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from db.catalog import create_catalog
from db.kinds import RecordKind
from gui.forms.dialog import EditorDialog
from gui.help import GettingStartedDialog, ShortcutsDialog
from gui.main_window import MainWindow
from tests.gui.helpers import close_window, open_window, settings_in


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_path)
    yield win
    close_window(win)


def test_the_sample_says_it_is_one_and_closes(qtbot: QtBot, window: MainWindow) -> None:
    banner = window.sample_banner
    qtbot.waitUntil(banner.isVisible, timeout=5_000)
    assert banner.label.text() == ("You are looking at a sample catalog built from five "
                                   "articles — File > New Empty Catalog to start your own")
    assert banner.geometry().top() < window.stack.mapTo(window.centralWidget(),
                                                        window.stack.rect().topLeft()).y()
    banner.close_button.click()
    assert not banner.isVisible()


def test_an_own_catalog_has_no_sample_banner(qtbot: QtBot, tmp_path: Path) -> None:
    create_catalog(tmp_path / "Ours.liaison", sample=False).close()
    window = open_window(qtbot, tmp_path / "Ours.liaison")
    try:
        qtbot.waitUntil(lambda: not window.worker.busy, timeout=5_000)
        assert window.catalog is not None and window.windowTitle().startswith("Ours")
        assert not window.sample_banner.isVisible()
    finally:
        close_window(window)


def test_new_empty_catalog_opens_in_the_window(qtbot: QtBot, window: MainWindow,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    qtbot.waitUntil(window.sample_banner.isVisible, timeout=5_000)
    target = tmp_path / "Our visits"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args, **_kw: (str(target), ""))
    assert window.menus.new_catalog_action in window.menus.file_menu.actions()
    window.menus.new_catalog_action.trigger()
    assert window.windowTitle() == "Our visits — Liaison"
    assert (tmp_path / "Our visits.liaison").exists()
    people = window.panels[RecordKind.PERSON]
    qtbot.waitUntil(lambda: not people.model.loading, timeout=5_000)
    assert people.model.rowCount() == 0
    assert not window.sample_banner.isVisible()


def test_open_recent_lists_catalogs_and_opens_them(qtbot: QtBot, sample_path: Path,
                                                   tmp_path: Path) -> None:
    settings = settings_in(tmp_path)
    create_catalog(tmp_path / "Ours.liaison", sample=False).close()
    first = open_window(qtbot, tmp_path / "Ours.liaison", settings)
    close_window(first)
    window = open_window(qtbot, sample_path, settings)
    try:
        menu = window.menus.recent_menu
        assert menu.menuAction() in window.menus.file_menu.actions()
        menu.aboutToShow.emit()
        names = [action.text() for action in menu.actions()]
        assert names == ["Sample catalog.liaison", "Ours.liaison"]  # newest first
        menu.actions()[1].trigger()
        assert window.windowTitle() == "Ours — Liaison"
    finally:
        close_window(window)


# ---------------------------------------------------------------- help


def test_keyboard_shortcuts_are_read_from_the_actions(qtbot: QtBot, window: MainWindow) -> None:
    assert window.menus.shortcuts_action in window.menus.help_menu.actions()
    window.menus.search_action.setShortcut(QKeySequence("Ctrl+Shift+J"))  # changed: shown
    window.menus.shortcuts_action.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    rows = dict(dialog.rows())
    assert rows["File › Open Catalog…"] == "Ctrl+O"
    assert rows["Edit › Edit…"] == "Ctrl+E"
    assert rows["Edit › Search Everything"] == "Ctrl+Shift+J"
    assert rows["View › People"] == "Ctrl+1"
    assert rows["Help › Getting Started"] == "F1"
    with_keys = [a for m in window.menus.top_menus() for a in m.actions() if a.shortcuts()]
    assert len(rows) >= len(with_keys) > 10
    dialog.reject()


def test_getting_started_is_a_page_in_the_app(qtbot: QtBot, window: MainWindow) -> None:
    assert window.menus.getting_started_action in window.menus.help_menu.actions()
    window.menus.getting_started_action.trigger()
    dialog = window.findChild(GettingStartedDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert text.startswith("Getting Started")
    assert "File > New Empty Catalog…" in text
    assert "Help > Keyboard Shortcuts" in text
    dialog.reject()


# ---------------------------------------------------------------- toolbar and lists


def test_toolbar_buttons_have_words_and_shortcuts(window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "navigation")
    assert toolbar is not None
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    labels = {}
    for action in (window.menus.back_action, window.menus.new_action, window.menus.edit_action):
        button = toolbar.widgetForAction(action)
        assert isinstance(button, QToolButton)
        labels[button.text()] = button.toolTip()
    assert labels == {"Back": "Back (Alt+Left)", "New": "New (Ctrl+N)", "Edit": "Edit (Ctrl+E)"}


def test_the_default_sort_shows_its_arrow(window: MainWindow) -> None:
    people = window.panels[RecordKind.PERSON]
    header = people.view.horizontalHeader()
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == people.model.column("name")
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    delegations = window.panels[RecordKind.DELEGATION]
    header = delegations.view.horizontalHeader()
    assert header.sortIndicatorSection() == delegations.model.column("dates")
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert delegations.model.query.sort == ""  # the arrow did not re-sort the rows


def editor_of(window: MainWindow) -> EditorDialog | None:
    return next((d for d in window.findChildren(EditorDialog) if d.isVisible()), None)


def test_enter_on_a_row_opens_it_for_editing(qtbot: QtBot, window: MainWindow) -> None:
    people = window.panels[RecordKind.PERSON]
    view = people.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # the first row
    qtbot.keyClick(view, Qt.Key.Key_Down)
    row_id = people.model.row_at(view.currentIndex().row()).id
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor_of(window) is not None, timeout=5_000)
    editor = editor_of(window)
    assert editor is not None and editor.form.record_id == row_id
    editor.reject()


def test_double_click_on_a_row_opens_it_for_editing(qtbot: QtBot, window: MainWindow) -> None:
    people = window.panels[RecordKind.PERSON]
    view = people.view
    rect = view.visualRect(people.model.index(3, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: editor_of(window) is not None, timeout=5_000)
    editor = editor_of(window)
    assert editor is not None and editor.form.record_id == people.model.row_at(3).id
    editor.reject()


def test_tab_leaves_the_list(qtbot: QtBot, window: MainWindow) -> None:
    people = window.panels[RecordKind.PERSON]
    view = people.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    shown = view.currentIndex().row()
    before = window.history.current
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex().row() == shown  # the row did not move...
    assert window.history.current == before  # ...nor the record shown
    assert not view.hasFocus()  # focus went on to the next control
