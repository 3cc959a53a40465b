"""A list's filters say what they filter in full ("Any organisation", not "ny organisation"
or "Any organis"), and its filter box its placeholder ("Filter people…  (Ctrl+F)"), in
English and Vietnamese, in a window 1024 pixels wide."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
)
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.pages.section import ListPanel
from tests.gui.helpers import window_in

NARROW_SCREEN = 1024


def _text_room(combo: QComboBox) -> int:
    """The width the combo gives its current text (the edit field, arrow excluded)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    style = combo.style()
    field = style.subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                 QStyle.SubControl.SC_ComboBoxEditField, combo)
    edit = combo.lineEdit()
    return min(field.width(), edit.width()) if edit is not None else field.width()


def _line_room(edit: QLineEdit) -> int:
    """The width a line edit gives its text: its contents, less its text margins and the
    room Qt keeps for the clear button (an icon and a quarter of one each side)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    icon = edit.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, edit)
    clear = icon + icon // 2 if edit.isClearButtonEnabled() else 0
    return contents.width() - margins.left() - margins.right() - clear


def _lists_at_1024_pixels(qtbot: QtBot, win: MainWindow) -> Iterator[tuple[str, ListPanel]]:
    """Every list of every section, shown in turn, in a window 1024 pixels wide."""
    win.resize(NARROW_SCREEN, 640)
    qtbot.waitUntil(lambda: win.width() <= NARROW_SCREEN)
    for key in win.pages:
        win.show_section(key)
        yield from ((key, panel) for panel in win.pages[key].panels.values())


@pytest.mark.parametrize("code", ["en", "vi"])
def test_every_filter_box_shows_its_placeholder_whole_at_1024_pixels(
        qtbot: QtBot, qapp: QApplication, sample_path: Path, code: str) -> None:
    with window_in(qtbot, qapp, sample_path, code) as win:
        clipped, checked = [], 0
        for key, panel in _lists_at_1024_pixels(qtbot, win):
            edit = panel.filter_edit
            if not edit.isVisible():
                continue  # a second list of the section, on another tab
            checked += 1
            text = edit.placeholderText()
            if edit.fontMetrics().horizontalAdvance(text) > _line_room(edit):
                clipped.append((key, text, _line_room(edit)))
        assert checked >= 5 and not clipped


@pytest.mark.parametrize("code", ["en", "vi"])
def test_every_filter_shows_its_any_choice_whole_at_1024_pixels(
        qtbot: QtBot, qapp: QApplication, sample_path: Path, code: str) -> None:
    with window_in(qtbot, qapp, sample_path, code) as win:
        clipped, checked = [], 0
        for key, panel in _lists_at_1024_pixels(qtbot, win):
            for name, box in panel.filters.items():
                combo = box.combo
                if not combo.isVisible():
                    continue  # a second list of the section, on another tab
                checked += 1
                for index in range(combo.count() if box.spec.post else 1):
                    text = combo.itemText(index)
                    if combo.fontMetrics().horizontalAdvance(text) > _text_room(combo):
                        clipped.append((key, name, text, _text_room(combo)))
                popup = combo.view()
                longest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i))
                              for i in range(combo.count()))
                assert popup.minimumWidth() >= longest, (key, name)
        assert checked >= 10 and not clipped
        assert win.width() <= NARROW_SCREEN
