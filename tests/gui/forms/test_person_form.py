"""The person editor driven like a user: typing Vietnamese, positions, save, undo, redo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlmodel import select

from db import i18n, ops
from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import DelegationMember, Person, Position
from gui.forms.base import RecordForm
from gui.forms.context import FormContext
from gui.forms.person import PersonForm
from gui.forms.pickers import RecordPicker
from gui.forms.prompts import Answer
from gui.forms.rows import RowsEditor
from tests.gui.forms.conftest import ScriptedPrompts, commit_text, person_id

K = RecordKind


def _edit(form: RecordForm, name: str) -> QLineEdit:
    widget = form.fields.fields[name].input()
    assert isinstance(widget, QLineEdit)
    return widget


def _message(form: RecordForm, name: str) -> str:
    label = form.fields.messages[name]
    return "" if label.isHidden() else label.text()


def _people(catalog: Catalog, family: str) -> list[Person]:
    with catalog.read_session() as session:
        return list(session.exec(select(Person).where(Person.family_name == family)).all())


def _add_position(qtbot: QtBot, form: RecordForm, title: str, organisation: str) -> None:
    positions = form.fields.fields["positions"]
    assert isinstance(positions, RowsEditor)
    qtbot.mouseClick(positions.add_button, Qt.MouseButton.LeftButton)
    row = positions.row_form.fieldset.fields
    commit_text(row["title"].input(), title)
    picker = row["organisation_id"]
    assert isinstance(picker, RecordPicker)
    qtbot.keyClicks(picker.edit, organisation)
    assert picker.matches.rowCount() >= 1
    picker.choose(0)
    commit_text(row["start_date"].input(), "2016-12-01")


def test_create_a_person_with_a_vietnamese_name_and_a_position(
        qtbot: QtBot, open_form: Callable[..., RecordForm], context: FormContext,
        sample_catalog: Catalog) -> None:
    form = open_form(K.PERSON)
    assert not form.is_dirty() and not form.save_button.isEnabled()
    commit_text(_edit(form, "family_name"), "Đặng")
    commit_text(_edit(form, "given_names"), "Thị Hoàng Yến")
    form.fields.fields["name_order"].set_value("family_first")
    form.fields.fields["address_by"].set_value("given")
    _add_position(qtbot, form, "Phó Chủ tịch", "hanoi people")
    assert form.is_dirty() and form.save_button.isEnabled(), form.errors()
    assert form.heading.text() == "Đặng Thị Hoàng Yến •"

    with qtbot.waitSignal(form.saved) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    result = saved.args[0]
    assert {c.kind for c in result.changes} >= {K.PERSON, K.POSITION}
    (person,) = _people(sample_catalog, "Đặng")
    assert person.given_names == "Thị Hoàng Yến" and person.name_order == "family_first"
    with sample_catalog.read_session() as session:
        (position,) = session.exec(select(Position).where(Position.person_id == person.id)).all()
    assert position.title == "Phó Chủ tịch" and position.start_date == dt.date(2016, 12, 1)
    assert form.record_id == person.id and not form.is_dirty()
    stack = context.editing.stack
    assert stack.undoText() == "Create Đặng Thị Hoàng Yến"

    stack.undo()
    assert _people(sample_catalog, "Đặng") == []
    stack.redo()
    (again,) = _people(sample_catalog, "Đặng")
    assert again.id == person.id  # redo brings the same record back, not a copy


def test_edit_undo_redo_of_a_person_and_a_position_together(
        qtbot: QtBot, open_form: Callable[..., RecordForm], context: FormContext,
        sample_catalog: Catalog) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    form = open_form(K.PERSON, chung)
    email = _edit(form, "email")
    qtbot.keyClicks(email, "chung@hanoi.gov.vn")
    positions = form.fields.fields["positions"]
    assert isinstance(positions, RowsEditor)
    positions.select(0)
    end = positions.row_form.fieldset.fields["end_date"].input()
    commit_text(end, "2020-08-21")
    with qtbot.waitSignal(form.saved):
        assert form.save()
    stack = context.editing.stack
    assert stack.count() == 1 and stack.undoText() == "Edit Nguyễn Đức Chung"
    undo_action = stack.createUndoAction(form)
    assert undo_action.text() == "Undo Edit Nguyễn Đức Chung"

    def state() -> tuple[str | None, dt.date | None]:
        with sample_catalog.read_session() as session:
            person = session.get(Person, chung)
            assert person is not None
            (position,) = session.exec(select(Position).where(Position.person_id == chung)).all()
            return person.email, position.end_date

    assert state() == ("chung@hanoi.gov.vn", dt.date(2020, 8, 21))
    with qtbot.waitSignal(context.editing.changed):
        undo_action.trigger()
    assert state() == (None, None)
    form.load(chung)
    assert _edit(form, "email").text() == ""
    stack.redo()
    assert state() == ("chung@hanoi.gov.vn", dt.date(2020, 8, 21))


def test_bad_input_is_shown_next_to_the_field_and_blocks_save(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog) -> None:
    form = open_form(K.PERSON, person_id(sample_catalog, "Nguyễn", "Đức Chung"))
    qtbot.keyClicks(_edit(form, "email"), "chung at hanoi")
    assert "Not a valid e-mail address" in _message(form, "email")
    assert not form.save_button.isEnabled()
    _edit(form, "email").clear()
    qtbot.keyClicks(_edit(form, "phone"), "+84 12")
    assert _message(form, "phone").startswith("Not a phone number")
    _edit(form, "phone").clear()
    _edit(form, "family_name").clear()
    assert _message(form, "family_name").startswith("Family name is required")
    assert not form.save_button.isEnabled()
    commit_text(_edit(form, "family_name"), "Nguyễn")
    assert form.errors() == {} and not form.is_dirty()

    positions = form.fields.fields["positions"]
    assert isinstance(positions, RowsEditor)
    positions.select(0)
    row = positions.row_form.fieldset
    commit_text(row.fields["start_date"].input(), "2020-01-02")
    commit_text(row.fields["end_date"].input(), "2019-01-01")
    assert row.messages["end_date"].text() == "A position cannot end before it starts."
    assert positions.message.text() == "Position 1: A position cannot end before it starts."
    assert not form.save_button.isEnabled()
    assert not form.save()  # a save attempt changes nothing
    commit_text(row.fields["start_date"].input(), "")
    row.fields["start_date"].set_value(None)
    row.fields["start_date"].changed.emit()
    form.fields.fields["nationality_id"].input().setFocus()
    combo_edit = form.fields.fields["nationality_id"].input().lineEdit()  # type: ignore[attr-defined]
    combo_edit.selectAll()
    qtbot.keyClicks(combo_edit, "Atlantis")
    assert _message(form, "nationality_id") == "Choose a country from the list."


def test_a_person_twice_in_one_delegation_is_flagged(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        member = session.exec(select(DelegationMember)).first()
        assert member is not None
        delegation_id, person = member.delegation_id, member.person_id
    form = open_form(K.DELEGATION, delegation_id)
    members = form.fields.fields["members"]
    assert isinstance(members, RowsEditor)
    qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
    picker = members.row_form.fieldset.fields["person_id"]
    assert isinstance(picker, RecordPicker)
    picker.set_value(person)
    picker.changed.emit()
    last = len(members.model.rows)
    assert members.message.text() == (
        f"Member {last}: This person is already a member of this delegation.")
    assert members.row_form.fieldset.messages["person_id"].text() == (
        "This person is already a member of this delegation.")
    assert not form.save_button.isEnabled()


def test_unsaved_changes_ask_save_discard_or_cancel(
        qtbot: QtBot, open_form: Callable[..., RecordForm], prompts: ScriptedPrompts,
        sample_catalog: Catalog) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    form = open_form(K.PERSON, chung)
    assert form.maybe_save() and prompts.asked == []  # nothing to save: no question
    bio = form.fields.fields["biography"].input()
    assert isinstance(bio, QPlainTextEdit)
    commit_text(bio, " Visited Milan in 2017.")
    typed = bio.toPlainText()

    prompts.answers.append(Answer.CANCEL)
    assert not form.maybe_save()
    assert bio.toPlainText() == typed and form.is_dirty()  # Cancel loses nothing

    prompts.answers.append(Answer.DISCARD)
    assert form.maybe_save()
    assert not form.is_dirty() and "Visited Milan" not in bio.toPlainText()

    commit_text(bio, " Visited Milan in 2017.")
    prompts.answers.append(Answer.SAVE)
    assert form.maybe_save()
    with sample_catalog.read_session() as session:
        person = session.get(Person, chung)
        assert person is not None and person.biography is not None
        assert "Visited Milan in 2017." in person.biography
    assert [what for what, _ in prompts.asked] == ["unsaved"] * 3
    assert prompts.asked[0][1] == "Nguyễn Đức Chung"


def test_unsaved_changes_prompt_answered_in_the_real_message_box(
        qtbot: QtBot, sample_catalog: Catalog, answer_dialog: Callable[..., None]) -> None:
    from PySide6.QtWidgets import QMessageBox

    form = PersonForm(FormContext.for_catalog(sample_catalog))
    qtbot.addWidget(form)
    form.load(person_id(sample_catalog, "Nguyễn", "Đức Chung"))
    commit_text(_edit(form, "honorific"), "H.E.")
    seen: list[str] = []

    def cancel(box: object) -> None:
        assert isinstance(box, QMessageBox)
        assert box.textFormat() == Qt.TextFormat.PlainText
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    answer_dialog(cancel)
    assert not form.maybe_save()
    assert seen == ["Save your changes to “Nguyễn Đức Chung”?"]
    assert form.is_dirty() and "H.E." in _edit(form, "honorific").text()  # nothing lost


HOSTILE = [
    "<b>Bold</b> & Sons",
    "O'Brien \"the Quote\"",
    "Nguyễn 🙂 Đức",
    "שלום עליכם",  # right-to-left
    "x" * 500,  # the longest name the store accepts (db.limits)
]


def test_hostile_names_save_show_literally_and_round_trip(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog) -> None:
    for text in HOSTILE:
        form = open_form(K.PERSON)
        commit_text(_edit(form, "family_name"), text)
        commit_text(_edit(form, "given_names"), "<i>x</i> &amp;")
        assert form.save(), form.errors()
        assert form.record_id is not None
        again = open_form(K.PERSON, form.record_id)
        assert _edit(again, "family_name").text() == text
        assert _edit(again, "given_names").text() == "<i>x</i> &amp;"
        assert again.heading.textFormat() == Qt.TextFormat.PlainText
        assert again.heading.text() == f"<i>x</i> &amp; {text}"
        assert not again.is_dirty()
        with sample_catalog.read_session() as session:
            assert session.get(Person, form.record_id).family_name == text  # type: ignore[union-attr]
        assert again.history is not None
        again.tabs.setCurrentWidget(again.history)
        model = again.history.history_model
        shown = [model.index(r, 5).data() for r in range(model.rowCount())]
        assert (text if len(text) < 300 else text[:299] + "…") in shown
        assert "<i>x</i> &amp;" in shown


def test_pasting_a_full_name_offers_to_split_it(
        qtbot: QtBot, open_form: Callable[..., RecordForm]) -> None:
    form = open_form(K.PERSON)
    assert isinstance(form, PersonForm)
    QGuiApplication.clipboard().setText("Chairman Nguyễn Đức Chung")
    family = _edit(form, "family_name")
    family.setFocus()
    qtbot.keySequence(family, QKeySequence.StandardKey.Paste)
    assert family.text() == "Chairman Nguyễn Đức Chung"
    assert form.split_offer.isVisibleTo(form)
    assert "family name “Nguyễn”" in form.split_offer.text.text()
    # A user clicks the button once it is laid out on screen.
    qtbot.waitUntil(lambda: form.split_offer.split_button.height() > 0)
    qtbot.mouseClick(form.split_offer.split_button, Qt.MouseButton.LeftButton)
    values = form.draft().values
    assert (values["family_name"], values["given_names"], values["name_order"],
            values["address_by"], values["form_of_address"]) == (
        "Nguyễn", "Đức Chung", "family_first", "given", "Chairman Chung")
    assert not form.split_offer.isVisibleTo(form)

    other = open_form(K.PERSON)
    assert isinstance(other, PersonForm)
    QGuiApplication.clipboard().setText("H.E. Mrs Cecilia Piccioni")
    given = _edit(other, "given_names")
    given.setFocus()
    qtbot.keySequence(given, QKeySequence.StandardKey.Paste)
    qtbot.waitUntil(lambda: other.split_offer.split_button.height() > 0)
    qtbot.mouseClick(other.split_offer.split_button, Qt.MouseButton.LeftButton)
    values = other.draft().values
    assert (values["honorific"], values["given_names"], values["family_name"]) == (
        "H.E. Mrs", "Cecilia", "Piccioni")
    # Typing one letter at a time never offers anything.
    third = open_form(K.PERSON)
    assert isinstance(third, PersonForm)
    qtbot.keyClicks(_edit(third, "family_name"), "Mr Bruno Angelet")
    assert not third.split_offer.isVisibleTo(third)


def test_every_form_loads_every_sample_record_clean(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog) -> None:
    from db.models import TABLES

    for kind in (K.PERSON, K.ORGANISATION, K.CITY, K.PROGRAMME, K.PAIRING, K.DELEGATION,
                 K.ENGAGEMENT, K.EVENT, K.SOURCE, K.COOPERATION_AREA, K.COUNTRY):
        form = open_form(kind)
        with sample_catalog.read_session() as session:
            ids = list(session.exec(select(TABLES[kind].id)).all())
        for record_id in ids:
            assert form.load(record_id)
            assert not form.is_dirty(), (kind, record_id, form.draft(), form.base())
            assert form.errors() == {}, (kind, record_id, form.errors())
            with sample_catalog.read_session() as session:
                draft = ops.load_draft(session, kind, record_id)
            assert draft is not None and form.base() == form._restricted(draft)
        form.close()


def test_a_refusal_from_the_store_is_shown_on_its_row(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog,
        sample_path: object) -> None:
    from db.catalog import open_catalog

    form = open_form(K.PERSON, person_id(sample_catalog, "Nguyễn", "Đức Chung"))
    _add_position(qtbot, form, "Adviser", "saigon hi tech")
    positions = form.fields.fields["positions"]
    assert isinstance(positions, RowsEditor)
    organisation = positions.row_form.fieldset.fields["organisation_id"].value()
    assert organisation is not None
    with open_catalog(sample_path) as other:  # type: ignore[arg-type]
        ops.remove(other, K.ORGANISATION, organisation, expected_version=None)
    assert not form.save()
    row = positions.row_form.fieldset
    assert positions.current() == len(positions.model.rows) - 1
    assert row.messages["organisation_id"].text() == (
        "This refers to a record that no longer exists.")
    assert form.tabs.currentIndex() == 1 and form.is_dirty()  # shown, nothing lost


def test_the_nationality_field_names_countries_in_the_interface_language(
        qtbot: QtBot, open_form: Callable[..., RecordForm]) -> None:
    """A Vietnamese officer finds Korea as "Hàn Quốc", as the detail pane and lists say."""
    with i18n.using("vi"):
        form = open_form(K.PERSON)
    field = form.fields.fields["nationality_id"]
    combo = field.input()
    texts = [combo.itemText(i) for i in range(combo.count())]  # type: ignore[attr-defined]
    assert "Hàn Quốc (KR)" in texts
    assert "Việt Nam (VN)" in texts
    assert not any(text.startswith("Korea, Republic of") for text in texts)
    combo.setFocus()
    commit_text(combo.lineEdit(), "Hàn Quốc (KR)")  # type: ignore[attr-defined]
    assert field.code() == "KR"  # type: ignore[attr-defined]
    assert _message(form, "nationality_id") == ""


def test_a_positions_title_is_called_its_office_in_vietnamese(
        qtbot: QtBot, open_form: Callable[..., RecordForm]) -> None:
    """"Tiêu đề" is a heading's word; a position's title is "Chức danh" in the form,
    the positions table and the row editor alike."""
    with i18n.using("vi"):
        form = open_form(K.PERSON)
        positions = form.fields.fields["positions"]
        assert isinstance(positions, RowsEditor)
        headers = [positions.model.headerData(i, Qt.Orientation.Horizontal)
                   for i in range(positions.model.columnCount())]
        assert headers[0] == "Chức danh"
        captions = [label.text() for label in positions.row_form.findChildren(QLabel)]
        assert "Chức danh" in captions and "Tiêu đề" not in captions
