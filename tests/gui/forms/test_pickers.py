"""Relation pickers: accent-proof type-ahead, and creating a missing record on the spot."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlmodel import select

from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import Organisation
from gui.forms.base import RecordForm
from gui.forms.context import FormContext
from gui.forms.pickers import ID_ROLE, RecordPicker
from gui.forms.quick_create import QuickCreateDialog
from gui.forms.rows import RowsEditor
from tests.gui.forms.conftest import commit_text, person_id

K = RecordKind


def _member_picker(qtbot: QtBot, form: RecordForm) -> tuple[RowsEditor, RecordPicker]:
    members = form.fields.fields["members"]
    assert isinstance(members, RowsEditor)
    qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
    picker = members.row_form.fieldset.fields["person_id"]
    assert isinstance(picker, RecordPicker)
    return members, picker


def test_typing_without_accents_offers_the_vietnamese_name(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog) -> None:
    form = open_form(K.DELEGATION, 1)
    _members, picker = _member_picker(qtbot, form)
    qtbot.keyClicks(picker.edit, "nguyen duc")
    shown = [picker.matches.item(r).text() for r in range(picker.matches.rowCount())]
    assert shown[0].startswith("Nguyễn Đức Chung — Chairman")
    assert shown[-1] == "Create new person “nguyen duc”…"
    assert picker.completer.popup().isVisible()
    assert picker.own_error() == "Choose one of the people listed, or clear the field."
    popup = picker.completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    assert picker.value() == chung and picker.edit.text() == "Nguyễn Đức Chung"
    assert picker.own_error() is None
    # Editing the text away from the chosen name un-chooses it.
    qtbot.keyClicks(picker.edit, "x")
    assert picker.value() is None and picker.own_error() is not None


def test_create_new_organisation_from_a_position(
        qtbot: QtBot, open_form: Callable[..., RecordForm], context: FormContext,
        sample_catalog: Catalog, answer_dialog: Callable[..., None]) -> None:
    form = open_form(K.PERSON, person_id(sample_catalog, "Nguyễn", "Đức Chung"))
    positions = form.fields.fields["positions"]
    assert isinstance(positions, RowsEditor)
    positions.add_row()
    row = positions.row_form.fieldset.fields
    commit_text(row["title"].input(), "Adviser")
    picker = row["organisation_id"]
    assert isinstance(picker, RecordPicker)
    commit_text(picker.edit, "Saigon Innovation Hub")
    last = picker.matches.rowCount() - 1
    assert picker.matches.item(last).data(ID_ROLE) == -1

    def create(dialog: QDialog) -> None:
        assert isinstance(dialog, QuickCreateDialog)
        assert dialog.values()["name"] == "Saigon Innovation Hub"
        dialog.fieldset.fields["acronym"].set_value("SIHUB")
        dialog.fieldset.fields["org_kind"].set_value("association")
        dialog.create_button.click()

    answer_dialog(create)
    picker.choose(last)
    assert picker.edit.text() == "Saigon Innovation Hub"
    assert context.editing.stack.count() == 0  # written with the person, not before
    assert form.save()
    with sample_catalog.read_session() as session:
        hub = session.exec(select(Organisation).where(
            Organisation.name == "Saigon Innovation Hub")).one()
    assert (hub.acronym, hub.org_kind) == ("SIHUB", "association")
    assert context.editing.stack.count() == 1
    assert context.editing.stack.undoText() == "Edit Nguyễn Đức Chung"


def test_quick_create_splits_a_typed_person_name(
        qtbot: QtBot, context: FormContext, sample_catalog: Catalog) -> None:
    dialog = QuickCreateDialog(context, K.PERSON, "Chairman Kwon Young Gull")
    qtbot.addWidget(dialog)
    values = dialog.values()
    assert (values["family_name"], values["given_names"], values["name_order"],
            values["address_by"]) == ("Kwon", "Young Gull", "family_first", "family")
    dialog.fieldset.fields["family_name"].set_value(None)
    assert not dialog.create_button.isEnabled()
    assert dialog.fieldset.messages["family_name"].text().startswith("Family name is required")
    dialog.fieldset.fields["family_name"].set_value("Kwon")
    dialog.create_button.click()
    assert dialog.created is not None
    assert dialog.created.draft.values["given_names"] == "Young Gull"
    assert dialog.created.label == "Kwon Young Gull"
