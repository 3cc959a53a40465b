"""Action items in the window: recorded by keyboard from a delegation's pane, listed on it
and on the person who is to do it, marked done in their editor, undone in one step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlmodel import select

from db.kinds import RecordKind
from db.models import ActionItem
from gui.forms.dialog import EditorDialog
from gui.main_window import MainWindow
from tests.briefing.conftest import delegation_id, person_id
from tests.gui.helpers import close_window, open_window


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_path)
    yield win
    close_window(win)


def _texts(window: MainWindow) -> list[str]:
    return window.current_page().detail.texts()


def _dialog(window: MainWindow) -> EditorDialog:
    return next(d for d in window.findChildren(EditorDialog) if d.isVisible())


def _type(qtbot: QtBot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def test_an_action_item_typed_by_keyboard_is_listed_then_marked_done(
        qtbot: QtBot, window: MainWindow) -> None:
    assert window.catalog is not None
    visit = delegation_id(window.catalog, "EU World Cities delegation to Hanoi")
    chung = person_id(window.catalog, "Nguyễn", "Đức Chung")
    window.open_record(RecordKind.DELEGATION.value, visit)
    qtbot.waitUntil(lambda: window.current_page().detail.findChild(
        QPushButton, "new_action_item") is not None)
    add = window.current_page().detail.findChild(QPushButton, "new_action_item")
    assert add.text() == "Add action item…"
    add.setFocus()
    qtbot.keyClick(add, Qt.Key.Key_Space)
    dialog = _dialog(window)
    form = dialog.form
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: form.fields.fields["what"].input().hasFocus())
    _type(qtbot, "Visit Milan in the second half of 2017")
    who = form.fields.fields["person_id"]
    who.input().setFocus()
    _type(qtbot, "nguyen duc chung")
    qtbot.waitUntil(lambda: who.completer.popup().isVisible())
    qtbot.keyClick(who.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(who.completer.popup(), Qt.Key.Key_Return)
    assert who.value() == chung
    form.fields.fields["due_date"].input().setFocus()
    _type(qtbot, "31/12/2017")
    assert form.fields.fields["delegation_id"].value() == visit  # from the pane
    assert form.fields.fields["status"].value() == "open"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier)

    what = "Visit Milan in the second half of 2017"
    qtbot.waitUntil(lambda: what in _texts(window))
    texts = _texts(window)
    assert any(t.upper() == "ACTION ITEMS (1)" for t in texts)
    line = texts[texts.index(what) + 1]
    assert line.startswith("Open · due 31 Dec 2017 (overdue) · Nguyễn Đức Chung")

    window.open_record(RecordKind.PERSON.value, chung)  # listed on the person too
    qtbot.waitUntil(lambda: what in _texts(window))

    link = next(x for x in window.current_page().detail.links()
                if x.kind == RecordKind.ACTION_ITEM.value)
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Return)  # opens its editor
    editor = _dialog(window)
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    status = editor.form.fields.fields["status"]
    status.input().setFocus()
    status.set_value("done")
    with qtbot.waitSignal(editor.accepted):
        qtbot.keyClick(status.input(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(t.startswith("Done · due 31 Dec 2017 ·")
                                for t in _texts(window)))
    with window.catalog.read_session() as session:
        assert session.exec(select(ActionItem.status)).one() == "done"
    window.menus.undo_action.trigger()
    qtbot.waitUntil(lambda: any(t.startswith("Open · due 31 Dec 2017")
                                for t in _texts(window)))
