"""Entering records by keyboard: nothing steals the keystrokes a user types."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from db.kinds import RecordKind
from gui.forms.base import RecordForm
from gui.forms.rows import RowsEditor

K = RecordKind


def _stray_windows() -> list[QLabel]:
    """Labels shown as windows of their own (a message created without a parent)."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QLabel) and w.isVisible()]


def test_an_invalid_programme_row_keeps_every_keystroke(
        qtbot: QtBot, open_form: Callable[..., RecordForm]) -> None:
    form = open_form(K.DELEGATION, 1)
    programme = form.fields.fields["engagements"]
    assert isinstance(programme, RowsEditor)
    programme.add_row()  # a new meeting has no title yet: the row is invalid
    assert programme.own_error()
    start = programme.row_form.fieldset.fields["start_time"].input()
    qtbot.keyClicks(start, "14:00")
    assert start.text() == "14:00"  # type: ignore[attr-defined]
    assert _stray_windows() == []
    # The row's message is shown inside the editor, under the table.
    assert not programme.message.isHidden() and programme.message.text()
