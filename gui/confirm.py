"""“Confirmed today…” on a title the catalog cannot vouch for: ask who confirmed it, then
record a dated attestation with that source as one undoable step (db.confirm)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _
from gui.undo import OperationCommand, refusals, short
from gui.widgets import plain_label

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.confirm import Confirmation
    from db.ops import Result, Tombstone
    from db.reads import PositionView
    from gui.forms.context import FormContext
    from gui.undo import ErrorCallback, ResultCallback


class ConfirmTitleDialog(QDialog):
    """Asks for the source: the call, the website, the person who confirmed the title."""

    def __init__(self, title: str, person: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmTitleDialog")
        self.setWindowTitle(_("Title confirmed today"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(_("{person} holds “{title}” today, as confirmed by:").format(
            person=person, title=title)))
        form = QFormLayout()
        self.source = QLineEdit(self)
        self.source.setObjectName("confirmSource")
        self.source.setPlaceholderText(_("Phone call to the protocol office, official website…"))
        self.source.setMinimumWidth(self.source.fontMetrics().horizontalAdvance("x" * 48))
        form.addRow(_("Source"), self.source)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.source.textChanged.connect(self._refresh)
        self._refresh()
        self.source.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refresh(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.source.text().strip()))

    def value(self) -> str:
        return self.source.text().strip()


class ConfirmTitleCommand(OperationCommand):
    """One step on the undo stack: the attestation and its source, or neither."""

    def __init__(self, catalog: Catalog, position_id: int, version: int, source: str,
                 text: str, on_changed: ResultCallback | None = None,
                 on_error: ErrorCallback | None = None) -> None:
        super().__init__(catalog, text, on_changed, on_error)
        self._position_id, self._version, self._source = position_id, version, source
        self._done: Confirmation | None = None
        self._grave: Tombstone | None = None
        self._undone_version = version

    def _apply(self) -> Result:
        from db import confirm

        if self._done is None or self._grave is None:
            self._done = confirm.confirm(self._catalog, self._position_id,
                                         expected_version=self._version, source=self._source)
        else:
            self._done = confirm.reconfirm(self._catalog, self._done, self._grave,
                                           self._undone_version)
        return self._done.result

    def _revert(self) -> Result:
        from db import confirm

        assert self._done is not None
        result, self._grave, self._undone_version = confirm.unconfirm(self._catalog, self._done)
        return result


def confirm_title(parent: QWidget, context: FormContext, position: PositionView,
                  person: str) -> ConfirmTitleCommand | None:
    """Ask for the source, then confirm; None when cancelled or refused (said why)."""
    editing = context.editing
    if editing.read_only:
        return None
    dialog = ConfirmTitleDialog(position.title, person, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    text = _("Confirm {label}").format(label=short(position.title))
    command = ConfirmTitleCommand(
        editing.catalog, position.id, position.version, dialog.value(),
        f"{text}\n{text.replace('&', '&&')}", editing.changed.emit, editing.failed.emit)
    try:
        editing.push(command)
    except refusals() as exc:
        from db.write_errors import refusal_message

        context.prompts.problem(parent, _("The title was not confirmed: {error}").format(
            error=refusal_message(exc)))
        return None
    return command
