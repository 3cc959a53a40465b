"""Entering records by keyboard: nothing steals the keystrokes a user types."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import Person
from gui.forms.base import RecordForm
from gui.forms.context import FormContext
from gui.forms.dialog import open_editor
from gui.forms.prompts import Answer
from gui.forms.rows import RowsEditor
from tests.gui.forms.conftest import ScriptedPrompts, commit_text, person_id

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


def _shown_messages(form: RecordForm) -> dict[str, str]:
    return {name: label.text() for name, label in form.fields.messages.items()
            if not label.isHidden() and label.text()}


def test_a_new_form_is_not_red_before_anything_is_typed(
        qtbot: QtBot, open_form: Callable[..., RecordForm]) -> None:
    form = open_form(K.DELEGATION)
    assert _shown_messages(form) == {} and form.message.isHidden()
    assert not form.save_button.isEnabled()
    commit_text(form.fields.fields["purpose"].input(), "Trao đổi hợp tác")
    assert "title" in _shown_messages(form)  # now the missing title is worth saying


def test_a_new_record_window_is_ready_for_the_keyboard(
        qtbot: QtBot, context: FormContext, prompts: ScriptedPrompts,
        sample_catalog: Catalog) -> None:
    dialog = open_editor(context, K.DELEGATION)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    title = dialog.form.fields.fields["title"].input()
    qtbot.waitUntil(title.hasFocus)
    assert dialog.windowTitle() == "New delegation"
    assert dialog.form.cancel_button.isVisible()
    for text in ("Đ", "Đoàn", "Đoàn Milan"):
        commit_text(title, text[len(title.text()):])  # type: ignore[attr-defined]
        assert dialog.windowTitle() == text  # follows every keystroke
    prompts.answers.append(Answer.DISCARD)  # closing the unsaved form at teardown


def test_enter_saves_and_never_deletes(
        qtbot: QtBot, context: FormContext, prompts: ScriptedPrompts,
        sample_catalog: Catalog) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    dialog = open_editor(context, K.PERSON, chung)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    email = dialog.form.fields.fields["email"].input()
    commit_text(email, "chung@hanoi.gov.vn")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(email, Qt.Key.Key_Return)
    assert prompts.asked == []  # no "delete?" question
    with sample_catalog.read_session() as session:
        assert session.get(Person, chung).email == "chung@hanoi.gov.vn"  # type: ignore[union-attr]


def test_ctrl_s_saves_from_a_text_box(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    form = open_form(K.PERSON, chung)
    form.activateWindow()  # shortcuts act in the active window, as for a user
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    notes = form.fields.fields["protocol_notes"].input()
    commit_text(notes, "Prefers tea")
    assert form.is_dirty()
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not form.is_dirty()


def test_dates_are_typed_as_people_write_them(
        qtbot: QtBot, open_form: Callable[..., RecordForm]) -> None:
    form = open_form(K.DELEGATION, 1)
    field = form.fields.fields["start_date"]
    edit = field.input()
    for typed in ("13/06/2017", "13.6.2017", "13 Jun 2017", "13 tháng 6 năm 2017",
                  "2017-06-13"):
        edit.clear()  # type: ignore[attr-defined]
        commit_text(edit, typed)
        assert field.value() == dt.date(2017, 6, 13), typed
        assert "start_date" not in form.errors(), typed
    edit.clear()  # type: ignore[attr-defined]
    commit_text(edit, "31/02/2017")
    assert "start_date" in form.errors()
    field.set_value(dt.date(2017, 6, 13))
    assert edit.text() == "13/06/2017"  # type: ignore[attr-defined]


def test_local_phone_numbers_are_accepted_stored_once_and_shown_locally(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    form = open_form(K.PERSON, chung)
    phone = form.fields.fields["phone"].input()
    for typed, stored in (("024 3825 3536", "+842438253536"), ("0913 245 678", "+84913245678"),
                          ("+39 02 8845 6789", "+390288456789")):
        phone.clear()  # type: ignore[attr-defined]
        commit_text(phone, typed)
        assert "phone" not in form.errors(), typed
        assert form.save()
        with sample_catalog.read_session() as session:
            assert session.get(Person, chung).phone == stored  # type: ignore[union-attr]
        assert phone.text() == typed  # type: ignore[attr-defined]  # home numbers stay national
