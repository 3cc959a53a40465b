"""Forms keep room for their message lines: a message appearing under a field moves
nothing (the field the mouse is over stays under it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.kinds import RecordKind
from gui.forms.base import RecordForm
from tests.gui.forms.conftest import commit_text


def _positions(form: RecordForm) -> dict[str, QPoint]:
    return {name: field.input().mapTo(form, QPoint(0, 0))
            for name, field in form.fields.fields.items()
            if form.details.isAncestorOf(field)}


def test_a_message_appearing_moves_nothing_under_the_mouse(
        qtbot: QtBot, open_form: Callable[..., RecordForm]) -> None:
    form = open_form(RecordKind.DELEGATION, 1)
    qtbot.waitExposed(form)
    before = _positions(form)
    end = form.fields.fields["end_date"]
    end.set_value(None)
    commit_text(end.input(), "32/13/2017")  # no such day: refused
    QApplication.processEvents()
    assert form.fields.messages["end_date"].text()
    assert _positions(form) == before
    title = form.fields.fields["title"]
    title.set_value(None)  # "Title is required" under the first field
    QApplication.processEvents()
    assert form.fields.messages["title"].text()
    assert _positions(form) == before
