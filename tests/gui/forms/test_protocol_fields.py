"""The Protocol tab: a person's pronunciation, written style of address, interpreting
and dietary needs, a delegation's arrival, departure, contact officers and press, typed
in Vietnamese as an input method commits it, saved, undone and redone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import Delegation, Person
from gui.forms.base import RecordForm
from gui.forms.context import FormContext
from gui.forms.pickers import RecordPicker
from tests.gui.forms.conftest import commit_text, person_id

K = RecordKind
PERSON_TEXT = {
    "pronunciation": "Nguy-ễn Đức Chung (NGWEN dook CHOONG)",
    "written_address": "Ngài Nguyễn Đức Chung, Chủ tịch UBND Thành phố Hà Nội",
    "interpreter": "Cần phiên dịch Việt – Anh",
    "dietary": "Ăn chay; không ăn hải sản",
}
DELEGATION_TEXT = {
    "arrival": "VN 18, 13/6 lúc 06:35, sân bay Nội Bài T2",
    "departure": "VN 19, 16/6 lúc 23:50",
    "accommodation": "Khách sạn Sofitel Legend Metropole Hà Nội",
    "our_contact_details": "Chị Lan, +84 90 123 4567",
    "their_contact_details": "Ms Rossi, +39 02 1234 5678",
    "press": "Báo Hà Nội Mới đưa tin; họp báo chiều 14/6",
}


def _protocol_tab(form: RecordForm, field: QWidget) -> None:
    """Bring the tab holding *field* forward, as a user clicking "Protocol" would."""
    index = next(i for i in range(form.tabs.count())
                 if form.tabs.widget(i).isAncestorOf(field))
    assert form.tabs.tabText(index) == "Protocol"
    form.tabs.setCurrentIndex(index)


def _type(qtbot: QtBot, form: RecordForm, values: dict[str, str]) -> None:
    for name, text in values.items():
        field = form.fields.fields[name]
        _protocol_tab(form, field)
        commit_text(field.input(), text)
        qtbot.waitUntil(lambda f=field, t=text: f.value() == t)  # type: ignore[misc]


def _save(qtbot: QtBot, form: RecordForm) -> None:
    assert form.save_button.isEnabled(), form.errors()
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)


def test_person_protocol_fields_typed_in_vietnamese_are_saved_and_undone(
        qtbot: QtBot, open_form: Callable[..., RecordForm], context: FormContext,
        sample_catalog: Catalog) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    form = open_form(K.PERSON, chung)
    _type(qtbot, form, PERSON_TEXT)
    commit_text(form.fields.fields["languages"].input(), "vi, en")
    _save(qtbot, form)
    with sample_catalog.read_session() as session:
        person = session.get(Person, chung)
        assert person is not None
        assert {name: getattr(person, name) for name in PERSON_TEXT} == PERSON_TEXT
        assert person.languages == ["vi", "en"]
    again = open_form(K.PERSON, chung)
    assert {name: again.fields.fields[name].value() for name in PERSON_TEXT} == PERSON_TEXT
    context.editing.stack.undo()
    with sample_catalog.read_session() as session:
        person = session.get(Person, chung)
        assert person is not None
        assert [getattr(person, name) for name in PERSON_TEXT] == [None] * 4
    context.editing.stack.redo()
    with sample_catalog.read_session() as session:
        person = session.get(Person, chung)
        assert person is not None and person.dietary == PERSON_TEXT["dietary"]


def test_delegation_logistics_contacts_and_press_are_saved_and_undone(
        qtbot: QtBot, open_form: Callable[..., RecordForm], context: FormContext,
        sample_catalog: Catalog) -> None:
    form = open_form(K.DELEGATION, 1)
    arrival = form.fields.fields["arrival"].input()
    _protocol_tab(form, arrival)
    # Two lines tall, as built: marking the field valid once made every text box 192 px.
    assert arrival.height() < 4 * arrival.fontMetrics().lineSpacing()
    _type(qtbot, form, DELEGATION_TEXT)
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    ours = form.fields.fields["our_contact_id"]
    assert isinstance(ours, RecordPicker)
    _protocol_tab(form, ours)
    commit_text(ours.edit, "nguyen duc chung")
    popup = ours.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert ours.value() == chung
    theirs = form.fields.fields["their_contact_id"]
    theirs.set_value(chung)  # the same person on both sides is refused
    assert "their_contact_id" in form.errors()
    assert not form.save_button.isEnabled()
    assert "both sides" in form.fields.messages["their_contact_id"].text()
    theirs.set_value(None)
    _save(qtbot, form)
    with sample_catalog.read_session() as session:
        row = session.get(Delegation, 1)
        assert row is not None
        assert {name: getattr(row, name) for name in DELEGATION_TEXT} == DELEGATION_TEXT
        assert (row.our_contact_id, row.their_contact_id) == (chung, None)
    context.editing.stack.undo()
    with sample_catalog.read_session() as session:
        row = session.get(Delegation, 1)
        assert row is not None and row.press is None and row.our_contact_id is None
