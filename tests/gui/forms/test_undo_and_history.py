"""The undo commands on their own (as the main window uses them), the history view, models."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db import ops
from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import Person
from gui.forms.base import RecordForm
from gui.forms.history import ChangeHistoryView, HistoryColumn
from gui.forms.rows import RowsEditor
from gui.undo import CreateCommand, DeleteCommand, EditCommand, Editing
from tests.gui.forms.conftest import commit_text, person_id

K = RecordKind


def _load(catalog: Catalog, kind: RecordKind, record_id: int) -> ops.Draft:
    with catalog.read_session() as session:
        draft = ops.load_draft(session, kind, record_id)
    assert draft is not None
    return draft


def test_commands_call_back_with_what_changed(qtbot: QtBot, sample_catalog: Catalog) -> None:
    stack = QUndoStack()
    results: list[ops.Result] = []
    created = CreateCommand(sample_catalog, ops.Draft(K.PERSON, {
        "honorific": "H.E.", "given_names": "Bruno", "family_name": "Angelet II"}),
        "Create Bruno Angelet II", results.append)
    created.perform()
    stack.push(created)
    assert created.state is not None and created.state.id is not None
    new_id = created.state.id
    assert [c.kind for c in results[-1].changes] == [K.PERSON]

    before = _load(sample_catalog, K.PERSON, new_id)
    after = ops.Draft(K.PERSON, {**before.values, "honorific": "Mr"}, before.id, before.version)
    edit = EditCommand(sample_catalog, before, after, "Edit Bruno Angelet II", results.append)
    edit.perform()
    stack.push(edit)
    (change,) = results[-1].changes
    assert (change.kind, change.id, change.fields) == (K.PERSON, new_id, ("honorific",))

    delete = DeleteCommand(sample_catalog, K.PERSON, new_id, change.version,
                           "Delete Bruno Angelet II", results.append)
    delete.perform()
    stack.push(delete)
    assert stack.count() == 3 and stack.undoText() == "Delete Bruno Angelet II"
    stack.undo()
    stack.undo()
    with sample_catalog.read_session() as session:
        assert session.get(Person, new_id).honorific == "H.E."  # type: ignore[union-attr]
    stack.undo()
    with sample_catalog.read_session() as session:
        assert session.get(Person, new_id) is None
    for _ in range(3):
        stack.redo()
    with sample_catalog.read_session() as session:
        assert session.get(Person, new_id) is None
    assert len(results) == 9


def test_a_refused_save_pushes_nothing(qtbot: QtBot, sample_catalog: Catalog) -> None:
    editing = Editing(sample_catalog)
    try:
        editing.save(None, ops.Draft(K.PERSON, {"family_name": "  "}))
    except ops.ValidationError as exc:
        assert set(exc.errors) == {"family_name"}
    else:
        raise AssertionError("saved an empty family name")
    assert editing.stack.count() == 0


def test_history_shows_changes_literally(
        qtbot: QtBot, qtmodeltester: ModelTester, open_form: Callable[..., RecordForm],
        sample_catalog: Catalog) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    form = open_form(K.PERSON, chung)
    commit_text(form.fields.fields["honorific"].input(), "<b>H.E.</b> ")
    form.fields.fields["name_order"].set_value("given_first")
    positions = form.fields.fields["positions"]
    assert isinstance(positions, RowsEditor)
    positions.remove_row()
    assert form.save()
    view = ChangeHistoryView()
    qtbot.addWidget(view)
    view.load(sample_catalog, K.PERSON, chung)
    model = view.history_model
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in HistoryColumn] for r in range(model.rowCount())]
    newest = rows[: 3]
    assert ["Changed", "Honorific", "Mr", "<b>H.E.</b> Mr"] in [r[2:] for r in newest]
    assert ["Changed", "Name order", "Family name first (Nguyễn Đức Chung)",
            "Given name first (Bruno Angelet)"] in [r[2:] for r in newest]
    assert any(r[2].startswith("Deleted Position “Chairman") for r in newest)
    assert all(r[1] for r in rows)  # who


def test_rows_model_is_a_well_behaved_model(
        qtbot: QtBot, qtmodeltester: ModelTester, open_form: Callable[..., RecordForm]) -> None:
    form = open_form(K.EVENT, 1)
    for name in ("organisers", "sessions", "participants", "sources"):
        editor = form.fields.fields[name]
        assert isinstance(editor, RowsEditor)
        qtmodeltester.check(editor.model)
        editor.add_row()
        qtmodeltester.check(editor.model)
