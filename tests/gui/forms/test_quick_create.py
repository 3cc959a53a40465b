"""Records created from a picker are written by the form's save, in its transaction and
its undo step; nothing is left behind when the field is cleared or the form abandoned."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlmodel import func, select

from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import City, Delegation, Organisation, Person, Position
from db.ops import NewRecord
from gui.forms.base import RecordForm
from gui.forms.context import FormContext
from gui.forms.pickers import CREATE_ID, ID_ROLE, RecordPicker
from gui.forms.quick_create import QuickCreateDialog
from gui.forms.rows import RowsEditor
from tests.gui.forms.conftest import commit_text

K = RecordKind


def _count(catalog: Catalog, model: type) -> int:
    with catalog.read_session() as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def _cities(catalog: Catalog, name: str) -> list[City]:
    with catalog.read_session() as session:
        return list(session.exec(select(City).where(City.name == name)))


def _offered(picker: RecordPicker) -> list[str]:
    return [picker.matches.item(r).text() for r in range(picker.matches.rowCount())]


def _picker(form: RecordForm, name: str) -> RecordPicker:
    picker = form.fields.fields[name]
    assert isinstance(picker, RecordPicker)
    return picker


def _ask_for_new(qtbot: QtBot, picker: RecordPicker, typed: str,
                 answer_dialog: Callable[..., None],
                 fill: Callable[[QuickCreateDialog], None] | None = None) -> None:
    """Type *typed*, take "Create new …" (the last entry), and answer its dialog."""
    commit_text(picker.edit, typed)
    last = picker.matches.rowCount() - 1
    assert picker.matches.item(last).data(ID_ROLE) == CREATE_ID

    def create(dialog: QDialog) -> None:
        assert isinstance(dialog, QuickCreateDialog)
        if fill is not None:
            fill(dialog)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)  # Enter creates

    answer_dialog(create)
    picker.choose(last)


def _new_delegation(form: RecordForm, title: str) -> None:
    commit_text(form.fields.fields["title"].input(), title)


@pytest.mark.both_engines
def test_a_city_made_from_a_picker_is_written_with_the_form_and_undone_with_it(
        qtbot: QtBot, open_form: Callable[..., RecordForm], context: FormContext,
        sample_catalog: Catalog, answer_dialog: Callable[..., None]) -> None:
    form = open_form(K.DELEGATION)
    _new_delegation(form, "Thừa Thiên Huế study visit")
    picker = _picker(form, "host_city_id")
    before = _count(sample_catalog, City)
    _ask_for_new(qtbot, picker, "Huế", answer_dialog)
    assert isinstance(picker.value(), NewRecord) and picker.edit.text() == "Huế"
    assert picker.own_error() is None
    assert _count(sample_catalog, City) == before  # nothing written yet
    assert context.editing.stack.count() == 0

    assert form.save()
    (hue,) = _cities(sample_catalog, "Huế")
    assert picker.value() == hue.id and picker.edit.text() == "Huế"
    with sample_catalog.read_session() as session:
        delegation = session.get(Delegation, form.record_id)
        assert delegation is not None and delegation.host_city_id == hue.id
    assert context.editing.stack.count() == 1  # one step: the delegation and its city
    assert context.editing.stack.undoText() == "Create Thừa Thiên Huế study visit"

    context.editing.stack.undo()
    assert _cities(sample_catalog, "Huế") == [] and _count(sample_catalog, City) == before
    context.editing.stack.redo()
    (back,) = _cities(sample_catalog, "Huế")
    assert back.id == hue.id  # the same id: later steps that name it still find it


def test_an_edit_that_made_a_city_is_undone_with_the_city(
        qtbot: QtBot, open_form: Callable[..., RecordForm], context: FormContext,
        sample_catalog: Catalog, answer_dialog: Callable[..., None]) -> None:
    form = open_form(K.DELEGATION, 1)
    picker = _picker(form, "sending_city_id")
    picker.set_value(None)
    _ask_for_new(qtbot, picker, "Hải Phòng", answer_dialog)
    assert form.save()
    assert len(_cities(sample_catalog, "Hải Phòng")) == 1
    context.editing.stack.undo()
    assert _cities(sample_catalog, "Hải Phòng") == []
    context.editing.stack.redo()
    assert len(_cities(sample_catalog, "Hải Phòng")) == 1


def test_clearing_the_field_or_abandoning_the_form_leaves_nothing(
        qtbot: QtBot, open_form: Callable[..., RecordForm], context: FormContext,
        sample_catalog: Catalog, answer_dialog: Callable[..., None]) -> None:
    before = _count(sample_catalog, City)
    form = open_form(K.DELEGATION)
    _new_delegation(form, "Mekong delta visit")
    picker = _picker(form, "host_city_id")
    _ask_for_new(qtbot, picker, "Cần Thơ", answer_dialog)
    qtbot.mouseClick(picker.clear_button, Qt.MouseButton.LeftButton)
    assert picker.value() is None
    assert form.save()
    assert _cities(sample_catalog, "Cần Thơ") == [] and _count(sample_catalog, City) == before

    abandoned = open_form(K.DELEGATION)
    _new_delegation(abandoned, "Visit never saved")
    _ask_for_new(qtbot, _picker(abandoned, "host_city_id"), "Cần Thơ", answer_dialog)
    abandoned.revert()
    abandoned.close()
    assert _cities(sample_catalog, "Cần Thơ") == [] and _count(sample_catalog, City) == before


def test_an_exact_match_comes_first_and_no_create_new_is_offered(
        open_form: Callable[..., RecordForm]) -> None:
    form = open_form(K.DELEGATION)
    picker = _picker(form, "host_city_id")
    for typed in ("Hà Nội", "hanoi", "HA NOI"):
        picker.set_value(None)
        commit_text(picker.edit, typed)
        offered = _offered(picker)
        assert offered[0].startswith("Hanoi"), (typed, offered)
        assert not any(text.startswith("Create new") for text in offered), (typed, offered)
    picker.set_value(None)
    commit_text(picker.edit, "Hà")  # only a beginning: a new "Hà" may be meant
    assert _offered(picker)[-1] == "Create new city “Hà”…"


def test_a_new_person_gets_a_title_and_organisation_and_joins_the_members(
        qtbot: QtBot, open_form: Callable[..., RecordForm], context: FormContext,
        sample_catalog: Catalog, answer_dialog: Callable[..., None]) -> None:
    form = open_form(K.DELEGATION)
    _new_delegation(form, "Seoul smart city delegation")
    members = form.fields.fields["members"]
    assert isinstance(members, RowsEditor)
    members.add_row()
    picker = members.row_form.fieldset.fields["person_id"]
    assert isinstance(picker, RecordPicker)
    hanoi_committee = _organisation(sample_catalog, "Hanoi People's Committee")

    def fill(dialog: QuickCreateDialog) -> None:
        fields = dialog.fieldset.fields
        assert (fields["family_name"].value(), fields["given_names"].value(),
                fields["name_order"].value(), fields["title"].value()) == (
            "Yoon", "Jae Hyun", "family_first", "Chairman")  # the title typed before the name
        fields["title"].set_value(None)
        commit_text(fields["title"].input(), "Chairman")
        fields["organisation_id"].set_value(hanoi_committee)

    people, positions = _count(sample_catalog, Person), _count(sample_catalog, Position)
    _ask_for_new(qtbot, picker, "Chairman Yoon Jae Hyun", answer_dialog, fill)
    assert _count(sample_catalog, Person) == people
    assert form.save()
    with sample_catalog.read_session() as session:
        yoon = session.exec(select(Person).where(Person.family_name == "Yoon")).one()
        (position,) = session.exec(select(Position).where(Position.person_id == yoon.id))
    assert (position.title, position.organisation_id) == ("Chairman", hanoi_committee)
    assert context.editing.stack.count() == 1
    context.editing.stack.undo()
    assert _count(sample_catalog, Person) == people
    assert _count(sample_catalog, Position) == positions


def _organisation(catalog: Catalog, name: str) -> int:
    with catalog.read_session() as session:
        found = session.exec(select(Organisation).where(Organisation.name == name)).first()
    assert found is not None and found.id is not None
    return found.id
