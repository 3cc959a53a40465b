"""A window that fits a 1024-pixel screen in English and Vietnamese, a detail pane that
folds away, columns sized to what they hold, dialogs that fit the screen. (Forms that
do not move under the mouse: tests/gui/forms/test_form_layout.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.kinds import RecordKind
from gui.forms.dialog import EditorDialog
from gui.main_window import MainWindow
from tests.gui.helpers import close_window, open_window, window_in

NARROW_SCREEN = 1024


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_path)
    yield win
    close_window(win)


@pytest.mark.parametrize("code", ["en", "vi"])
def test_the_window_fits_a_1024_pixel_screen_in_each_language(
        qtbot: QtBot, qapp: QApplication, sample_path: Path, code: str) -> None:
    with window_in(qtbot, qapp, sample_path, code) as win:
        for key in win.pages:  # every section, with its detail pane open
            win.show_section(key)
            assert win.minimumSizeHint().width() <= NARROW_SCREEN, (code, key)
        win.resize(NARROW_SCREEN, 640)
        qtbot.waitUntil(lambda: win.width() <= NARROW_SCREEN)


def test_f8_folds_the_detail_pane_and_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    page = window.current_page()
    action = window.menus.detail_action
    assert action.isChecked() and page.detail_shown()
    assert action.shortcut().toString() == "F8"
    list_width = page.splitter.sizes()[0]
    action.trigger()
    assert not action.isChecked() and page.splitter.sizes()[1] == 0
    assert page.splitter.sizes()[0] > list_width  # the list takes the whole width
    for other in window.pages.values():
        assert not other.detail_shown()
    action.trigger()
    assert action.isChecked() and page.splitter.sizes()[1] >= page.detail.minimumWidth()


def test_the_name_column_takes_the_spare_width(qtbot: QtBot, window: MainWindow) -> None:
    window.show_section("delegations")
    window.resize(1400, 800)
    panel = window.panels[RecordKind.DELEGATION]
    header = panel.view.horizontalHeader()
    assert not header.stretchLastSection()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    widths = [header.sectionSize(c) for c in range(panel.model.columnCount())
              if not header.isSectionHidden(c)]
    assert widths[0] == max(widths)  # the title, not the last column, is widest
    last = panel.model.columnCount() - 1
    wanted = max(header.sectionSizeHint(last), panel.view.sizeHintForColumn(last))
    assert header.sectionSize(last) <= wanted + 2  # sized to what it holds


def test_dialogs_and_the_print_preview_fit_the_screen(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.screen().availableGeometry()
    window.menus.new_action.trigger()
    editor = next(d for d in window.findChildren(EditorDialog) if d.isVisible())
    assert editor.height() <= screen.height() and editor.width() <= screen.width()
    editor.reject()
    people = window.panels[RecordKind.PERSON]
    window.open_record("person", people.model.row_at(0).id)
    qtbot.waitUntil(lambda: window.shown is not None)
    window.menus.print_action.trigger()
    preview = window.preview
    assert preview is not None
    assert preview.height() <= screen.height()  # 900 × 1000 wanted; this screen is 800 high
    assert preview.width() <= NARROW_SCREEN
    preview.close()
