"""Two windows (two Catalog objects on one file) edit the same person: the second save is
refused, the conflict dialog shows both values field by field, and the user's choice is saved
against the new version. Nothing is overwritten without being shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from db.catalog import Catalog, open_catalog
from db.kinds import RecordKind
from db.models import Person
from gui.conflict import Choice, ConflictDialog, ConflictRow
from gui.forms.base import RecordForm
from gui.forms.context import FormContext
from gui.forms.rows import RowsEditor
from tests.gui.forms.conftest import ScriptedPrompts, commit_text, person_id

K = RecordKind


# Two windows on one file, and two office members on one server.
pytestmark = pytest.mark.both_engines


@pytest.fixture
def theirs(sample_catalog: Catalog, sample_path: Path) -> Iterator[Catalog]:
    """Another window's own connection to the same catalog (file or server)."""
    with open_catalog(sample_path if sample_catalog.path else sample_catalog.url) as catalog:
        yield catalog


def _set(form: RecordForm, name: str, text: str) -> None:
    field = form.fields.fields[name]
    field.set_value(None)
    commit_text(field.input(), text)


def _two_edits(open_form: Callable[..., RecordForm], sample_catalog: Catalog,
               theirs: Catalog) -> tuple[RecordForm, int]:
    """Their window saves e-mail and biography; mine has typed e-mail and phone."""
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    mine = open_form(K.PERSON, chung)
    other = open_form(K.PERSON, chung, FormContext.for_catalog(theirs,
                                                                prompts=ScriptedPrompts()))
    _set(other, "email", "office@hanoi.gov.vn")
    _set(other, "biography", "Their biography.")
    assert other.save()
    _set(mine, "email", "chung@hanoi.gov.vn")
    _set(mine, "phone", "+84 24 3825 3536")
    return mine, chung


def _person(catalog: Catalog, person: int) -> Person:
    with catalog.read_session() as session:
        found = session.get(Person, person)
        assert found is not None
        return found


def test_the_dialog_shows_each_difference_with_the_side_that_changed_it(
        open_form: Callable[..., RecordForm], prompts: ScriptedPrompts,
        sample_catalog: Catalog, theirs: Catalog) -> None:
    mine, chung = _two_edits(open_form, sample_catalog, theirs)
    prompts.answers.append(None)  # Cancel: keep editing, nothing saved
    assert not mine.save()
    ((what, rows),) = prompts.asked
    assert what == "conflict"
    assert [(r.label, r.mine, r.theirs, r.default, r.both_changed) for r in rows] == [
        ("E-mail", "chung@hanoi.gov.vn", "office@hanoi.gov.vn", Choice.MINE, True),
        ("Phone", "024 3825 3536", "—", Choice.MINE, False),  # a home number, shown locally
        ("Biography", rows[2].mine, "Their biography.", Choice.THEIRS, False),
    ]
    assert mine.is_dirty() and _person(sample_catalog, chung).phone is None


def test_keep_mine_in_the_real_dialog(
        qtbot: QtBot, sample_catalog: Catalog, theirs: Catalog,
        answer_dialog: Callable[..., None]) -> None:
    from gui.forms.person import PersonForm

    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    mine = PersonForm(FormContext.for_catalog(sample_catalog))
    other = PersonForm(FormContext.for_catalog(theirs, prompts=ScriptedPrompts()))
    for form in (mine, other):
        qtbot.addWidget(form)
        form.load(chung)
    _set(other, "email", "office@hanoi.gov.vn")
    assert other.save()
    _set(mine, "email", "chung@hanoi.gov.vn")
    shown: list[list[str]] = []

    def keep_mine(dialog: QDialog) -> None:
        assert isinstance(dialog, ConflictDialog)
        shown.append([row.label for row in dialog.rows])
        dialog.keep_mine.click()

    answer_dialog(keep_mine)
    assert mine.save()
    assert shown == [["E-mail"]]
    assert _person(sample_catalog, chung).email == "chung@hanoi.gov.vn"
    assert not mine.is_dirty() and mine.version == _person(sample_catalog, chung).version


def test_take_theirs(open_form: Callable[..., RecordForm], prompts: ScriptedPrompts,
                     context: FormContext, sample_catalog: Catalog, theirs: Catalog) -> None:
    mine, chung = _two_edits(open_form, sample_catalog, theirs)
    prompts.answers.append(lambda rows: {r.key: Choice.THEIRS for r in rows})
    assert mine.save()
    saved = _person(sample_catalog, chung)
    assert (saved.email, saved.phone, saved.biography) == (
        "office@hanoi.gov.vn", None, "Their biography.")
    assert mine.fields.fields["email"].value() == "office@hanoi.gov.vn"
    assert not mine.is_dirty()


def test_merge_field_by_field_then_undo_returns_to_theirs(
        open_form: Callable[..., RecordForm], prompts: ScriptedPrompts, context: FormContext,
        sample_catalog: Catalog, theirs: Catalog) -> None:
    mine, chung = _two_edits(open_form, sample_catalog, theirs)
    prompts.answers.append(lambda rows: {r.key: r.default for r in rows})
    assert mine.save()
    saved = _person(sample_catalog, chung)
    assert (saved.email, saved.phone, saved.biography) == (
        "chung@hanoi.gov.vn", "+842438253536", "Their biography.")
    context.editing.stack.undo()  # undoes my save only: their edit stays
    back = _person(sample_catalog, chung)
    assert (back.email, back.phone, back.biography) == (
        "office@hanoi.gov.vn", None, "Their biography.")


def test_positions_changed_on_both_sides_are_chosen_as_a_list(
        qtbot: QtBot, open_form: Callable[..., RecordForm], prompts: ScriptedPrompts,
        sample_catalog: Catalog, theirs: Catalog) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    mine = open_form(K.PERSON, chung)
    other = open_form(K.PERSON, chung, FormContext.for_catalog(theirs,
                                                                prompts=ScriptedPrompts()))
    their_positions = other.fields.fields["positions"]
    assert isinstance(their_positions, RowsEditor)
    their_positions.add_row()
    commit_text(their_positions.row_form.fieldset.fields["title"].input(), "Party Secretary")
    assert other.save()
    my_positions = mine.fields.fields["positions"]
    assert isinstance(my_positions, RowsEditor)
    my_positions.select(0)
    _set_row = my_positions.row_form.fieldset.fields["rank"]
    _set_row.set_value(None)
    commit_text(_set_row.input(), "1")

    def choose(rows: list[ConflictRow]) -> dict[str, Choice]:
        (row,) = rows
        assert row.key == "positions" and row.both_changed
        assert "Party Secretary" in row.theirs and "Party Secretary" not in row.mine
        return {"positions": Choice.THEIRS}

    prompts.answers.append(choose)
    assert mine.save()
    titles = sorted(d.values["title"] for d in mine.draft().parts["positions"])
    assert titles == ["Chairman of the Hanoi People's Committee", "Party Secretary"]
