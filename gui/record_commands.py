"""Edit > New, Edit and Delete, as the window runs them: on the section's kind, a
row of a list, or the record its detail pane shows. Each opens the record's form
in a window of its own (:mod:`gui.forms.dialog`) or asks before deleting."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from db.i18n import _
from db.kinds import RecordKind
from gui.forms.dialog import open_editor

if TYPE_CHECKING:
    from gui.forms.context import FormContext

# The record a detail pane shows: kind, id, version (for the delete's check) and label.
ShownRecord = tuple[RecordKind, int, int, str]


def new_record(forms: FormContext, kind: RecordKind, parent: QWidget,
               show: Callable[[str, int], None]) -> None:
    """Edit > New: an empty form; once saved, *show* opens the new record where it
    is listed (the user sees what they just entered)."""
    dialog = open_editor(forms, kind, None, parent)
    if dialog is None:
        return
    form = dialog.form

    def saved(_result: object) -> None:
        if form.record_id is not None:
            show(kind.value, form.record_id)

    form.saved.connect(saved)


def edit_record(forms: FormContext, kind: RecordKind, record_id: int, parent: QWidget,
                problem: Callable[[str], None]) -> None:
    """Open *record_id*'s form; *problem* hears when the record is gone meanwhile."""
    if open_editor(forms, kind, record_id, parent) is None:
        problem(_("This record no longer exists."))


def delete_shown(forms: FormContext, parent: QWidget, shown: ShownRecord) -> bool:
    """Delete the record shown (only it: a meeting shown is deleted without its
    delegation), after confirmation, as one undoable step; True when deleted."""
    from gui.forms.delete import delete_record  # loads the store: not before first paint

    kind, record_id, version, label = shown
    return delete_record(forms, parent, kind, record_id, version, label) is not None
