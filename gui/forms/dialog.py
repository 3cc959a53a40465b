"""A form in its own window (new records, or editing away from the detail pane)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from gui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from db.kinds import RecordKind
    from gui.forms.base import RecordForm
    from gui.forms.context import FormContext


class EditorDialog(QDialog):
    """Closes after a successful save; closing with unsaved changes asks first."""

    def __init__(self, form: RecordForm, parent: QWidget | None = None, *,
                 close_on_save: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("editorDialog")
        self.form = form
        form.setParent(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(form)
        self.setWindowTitle(form.title())
        # The title follows every keystroke of the name, not only the first edit.
        form.fields.changed.connect(lambda: self.setWindowTitle(form.title()))
        form.dirtyChanged.connect(lambda _dirty: self.setWindowTitle(form.title()))
        form.cancel_button.show()
        form.cancel_button.clicked.connect(self.reject)
        # Make Save the dialog's default button (Enter saves): the form set it before it
        # had a dialog, and Qt registers a default button only when it changes.
        form.save_button.setDefault(False)
        form.save_button.setDefault(True)
        if close_on_save:
            form.saved.connect(lambda _result: self.accept())
        form.deleted.connect(lambda _result: self.accept())
        fit_to_screen(self, 820, 720)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.form.record_id is None:
            self.form.focus_first_field()

    def reject(self) -> None:  # Escape, the Close button
        if self.form.maybe_save(self):
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.form.maybe_save(self):
            event.accept()
        else:
            event.ignore()


def open_editor(context: FormContext, kind: RecordKind, record_id: int | None = None,
                parent: QWidget | None = None, *,
                values: Mapping[str, Any] | None = None) -> EditorDialog | None:
    """A dialog editing *record_id* (or a new record, with *values* filled in); None if
    the record is gone."""
    from gui.forms import form_for

    form = form_for(kind, context)
    if record_id is not None and not form.load(record_id):
        form.deleteLater()
        return None
    if record_id is None and values:
        form.new(values)
    dialog = EditorDialog(form, parent)
    # An undo in the window, or a save in another editor, reaches an unchanged form.
    context.editing.changed.connect(form.catalog_changed)
    dialog.show()
    return dialog
