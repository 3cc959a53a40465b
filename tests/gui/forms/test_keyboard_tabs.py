"""Keyboard only through a form's tabs: Ctrl+PgDown / Ctrl+PgUp turn the tab with the
cursor in its first field, and Tab leaves a sub-table for its Add button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.kinds import RecordKind
from gui.forms.base import RecordForm
from gui.forms.rows import RowsEditor


def test_ctrl_page_down_turns_the_tab_and_tab_leaves_the_table(
        qtbot: QtBot, open_form: Callable[..., RecordForm]) -> None:
    form = open_form(RecordKind.DELEGATION)
    form.activateWindow()
    form.focus_first_field()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    members = form.fields.fields["members"]
    assert isinstance(members, RowsEditor)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert form.tabs.currentWidget().isAncestorOf(members)
    assert QApplication.focusWidget() is members.table  # the cursor came along
    qtbot.keyClick(members.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is members.add_button
    for _ in range(2):
        members.add_button.setFocus()
        qtbot.keyClick(members.add_button, Qt.Key.Key_Space)
    assert len(members.model.rows) == 2
    members.table.setFocus()
    qtbot.keyClick(members.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is members.add_button  # not round the table's cells
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp,
                   Qt.KeyboardModifier.ControlModifier)
    assert form.tabs.currentIndex() == 0


def test_a_new_form_is_titled_in_the_interface_language(
        qapp: QApplication, open_form: Callable[..., RecordForm]) -> None:
    from db import i18n

    i18n.set_language("vi")
    try:
        form = open_form(RecordKind.DELEGATION)
        assert form.title() == "Đoàn mới"  # not "delegation", the store's English noun
        assert form.heading.text() == "Đoàn mới"
    finally:
        i18n.set_language("en")
