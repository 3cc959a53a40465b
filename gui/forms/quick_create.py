"""A small dialog for a record a picker could not find ("Create new organisation “…”").

Only the fields needed to recognise the record are asked; the full form can
complete it later. The record is created at once, as its own undoable step, so
the picker that asked gets a real id (see :mod:`gui.forms.pickers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from db.i18n import _
from db.kinds import RecordKind
from gui.forms.builder import Builder
from gui.forms.fields import FieldWidget
from gui.forms.fieldset import FieldSet, form_layout, message_label
from gui.forms.labels import kind_label
from gui.undo import command_text, refusals

if TYPE_CHECKING:
    from gui.forms.context import FormContext


def _fields(kind: RecordKind, b: Builder) -> list[FieldWidget]:
    if kind == RecordKind.PERSON:
        return [b.line("honorific", "H.E., Mr, Mrs, Dr…"), b.line("given_names"),
                b.line("family_name"), b.choice(kind, "name_order"),
                b.choice(kind, "address_by"), b.items("aliases")]
    if kind == RecordKind.ORGANISATION:
        return [b.line("name"), b.line("acronym"), b.choice(kind, "org_kind"),
                b.country("country_id")]
    if kind == RecordKind.CITY:
        return [b.line("name"), b.line("local_name"), b.country("country_id")]
    if kind == RecordKind.SOURCE:
        return [b.line("title"), b.line("publisher"), b.line("url", "https://…"),
                b.date("published_on")]
    if kind == RecordKind.EVENT:
        return [b.line("name"), b.date("start_date")]
    return [b.line("name")]  # programme, cooperation area


def _prefill(kind: RecordKind, text: str) -> dict[str, Any]:
    """What the user typed in the picker, split into the right fields."""
    text = " ".join(text.split())
    if kind == RecordKind.PERSON:
        from db.names_parse import split_name

        found = split_name(text)
        if found is None:
            return {}
        return {"honorific": found.honorific, "given_names": found.given_names,
                "family_name": found.family_name, "name_order": found.name_order,
                "address_by": found.address_by, "aliases": list(found.aliases)}
    return {"title" if kind == RecordKind.SOURCE else "name": text}


class QuickCreateDialog(QDialog):
    def __init__(self, context: FormContext, kind: RecordKind, text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from db.ops import defaults

        self.setObjectName("quickCreate")
        self.setWindowTitle(_("New {kind}").format(kind=kind_label(kind)))
        self.context = context
        self.kind = kind
        self.created_id: int | None = None
        self.fieldset = FieldSet(kind, self)
        builder = Builder(context.lookup, self)  # its fields have no pickers
        layout = form_layout()
        for field in _fields(kind, builder):
            self.fieldset.add(layout, field)
        self.fieldset.set_values({**defaults(kind), **_prefill(kind, text)}, {})
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton(
            _("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createButton")
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(layout)
        column.addWidget(self.message)
        column.addWidget(self.buttons)
        self.fieldset.changed.connect(self._check)
        self._check()
        self.setMinimumWidth(460)

    def values(self) -> dict[str, Any]:
        return self.fieldset.values()

    def _check(self) -> bool:
        errors = self.fieldset.errors(self.values())
        leftover = self.fieldset.show_errors(errors)
        self.message.setText(" ".join(leftover.values()))
        self.message.setVisible(bool(leftover))
        self.create_button.setEnabled(not errors)
        return not errors

    def _create(self) -> None:
        from db.ops import Draft, ValidationError, values_label

        if not self._check():
            return
        values = self.values()
        try:
            command = self.context.editing.save(
                None, Draft(self.kind, values),
                command_text("Create", values_label(self.kind, values)))
        except ValidationError as exc:
            leftover = self.fieldset.show_errors(exc.errors)
            self.message.setText(" ".join(leftover.values()))
            self.message.setVisible(bool(leftover))
            return
        except refusals() as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        assert command.state is not None
        self.created_id = command.state.id
        self.accept()


def create_on_the_spot(context: FormContext, parent: QWidget | None, kind: RecordKind,
                       text: str) -> int | None:
    """Ask for a new *kind* prefilled from *text*; its id once created, None if cancelled."""
    dialog = QuickCreateDialog(context, kind, text, parent)
    try:
        return dialog.created_id if dialog.exec() else None
    finally:
        dialog.deleteLater()
