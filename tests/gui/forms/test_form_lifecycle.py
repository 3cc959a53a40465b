"""A form among others: a read-only catalog, a dialog that asks before closing, and forms
that follow changes saved by other forms of the same window."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from db.catalog import Catalog
from db.kinds import RecordKind
from gui.forms.base import RecordForm
from gui.forms.context import FormContext
from gui.forms.dialog import EditorDialog
from gui.forms.prompts import Answer
from tests.gui.forms.conftest import ScriptedPrompts, commit_text, person_id

K = RecordKind


def test_a_read_only_catalog_cannot_be_saved_to(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog) -> None:
    read_only = dataclasses.replace(sample_catalog, read_only=True,
                                    read_only_reason="opened read-only on request")
    form = open_form(K.PERSON, person_id(sample_catalog, "Nguyễn", "Đức Chung"),
                     FormContext.for_catalog(read_only, prompts=ScriptedPrompts()))
    commit_text(form.fields.fields["email"].input(), "chung@hanoi.gov.vn")
    assert form.is_dirty() and not form.save_button.isEnabled()
    assert not form.delete_button.isEnabled()
    assert "read-only" in form.message.text() and not form.message.isHidden()


def test_the_editor_dialog_asks_before_closing_and_closes_after_saving(
        qtbot: QtBot, open_form: Callable[..., RecordForm], prompts: ScriptedPrompts,
        sample_catalog: Catalog) -> None:
    form = open_form(K.PERSON, person_id(sample_catalog, "Nguyễn", "Đức Chung"))
    dialog = EditorDialog(form)
    qtbot.addWidget(dialog)
    dialog.show()
    commit_text(form.fields.fields["email"].input(), "chung@hanoi.gov.vn")
    prompts.answers.append(Answer.CANCEL)
    dialog.reject()
    assert dialog.isVisible() and form.is_dirty()
    with qtbot.waitSignal(dialog.accepted):
        form.save()
    assert not dialog.isVisible()


def test_a_clean_form_follows_changes_saved_elsewhere_in_the_window(
        qtbot: QtBot, open_form: Callable[..., RecordForm], context: FormContext,
        sample_catalog: Catalog) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    shown, editing = open_form(K.PERSON, chung), open_form(K.PERSON, chung)
    context.editing.changed.connect(shown.catalog_changed)
    commit_text(editing.fields.fields["email"].input(), "chung@hanoi.gov.vn")
    assert editing.save()
    assert shown.fields.fields["email"].value() == "chung@hanoi.gov.vn"
    assert shown.version == editing.version
    # A form with unsaved edits keeps them; its save would meet the conflict dialog.
    commit_text(shown.fields.fields["phone"].input(), "+84 24 3825 3536")
    context.editing.stack.undo()
    assert shown.fields.fields["phone"].value() == "+842438253536"
    assert shown.fields.fields["email"].value() == "chung@hanoi.gov.vn"
