"""A small dialog for a record a picker could not find ("Create new organisation “…”").

Only the fields needed to recognise the record are asked (for a person: the
name, and the title and organisation that tell namesakes apart); the full form
can complete it later. Nothing is written here: the dialog checks the record
with the store's own rules and hands back a :class:`db.ops.NewRecord`, which the
picker holds until its form is saved; the save writes it in the same
transaction and the same undo step (see :mod:`gui.forms.pickers`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from db.i18n import N_, _
from db.kinds import RecordKind
from db.ops import Draft, NewRecord, check, defaults, values_label
from gui.forms.builder import Builder
from gui.forms.fields import FieldWidget
from gui.forms.fieldset import FieldSet, form_layout, message_label
from gui.forms.labels import kind_label

if TYPE_CHECKING:
    from gui.forms.context import FormContext

# A new person's present position, asked beside the name: (field, kind of its record).
POSITION_FIELDS = ("title", "organisation_id")
CAPTIONS = {"title": N_("Current title"), "organisation_id": N_("Organisation")}


def _fields(kind: RecordKind, b: Builder) -> list[FieldWidget]:
    if kind == RecordKind.PERSON:
        return [b.line("honorific", "H.E., Mr, Mrs, Dr…"), b.line("given_names"),
                b.line("family_name"), b.choice(kind, "name_order"),
                b.choice(kind, "address_by"), b.items("aliases"),
                b.line("title", _("Chairman, Ambassador, Director…")),
                b.picker("organisation_id", RecordKind.ORGANISATION)]
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
                "address_by": found.address_by, "aliases": list(found.aliases),
                "title": found.title}  # "Chairman Yoon…": their current title
    return {"title" if kind == RecordKind.SOURCE else "name": text}


def new_record(kind: RecordKind, values: Mapping[str, Any]) -> NewRecord:
    """The record the dialog's *values* describe (a person with their position)."""
    own = dict(values)
    parts: dict[str, tuple[Draft, ...]] = {}
    if kind == RecordKind.PERSON:
        position: dict[str, Any] = {name: own.pop(name, None) for name in POSITION_FIELDS}
        if any(v not in (None, "") for v in position.values()):
            # Typed as their title now: known as of today (db.titles prints "as of" it).
            position["attested_on"] = [dt.date.today().isoformat()]
            parts["positions"] = (Draft(RecordKind.POSITION, position),)
    return NewRecord(Draft(kind, own, parts=parts), values_label(kind, own))


def problems(kind: RecordKind, values: Mapping[str, Any]) -> dict[str, str]:
    """The store's messages for the record and, for a person, their position."""
    found = check(kind, values)
    if kind == RecordKind.PERSON:
        position = {name: values.get(name) for name in POSITION_FIELDS}
        if any(v not in (None, "") for v in position.values()):
            found.update({name: message for name, message in check(
                RecordKind.POSITION, {**position, "person_id": 0}).items()
                if name in POSITION_FIELDS})
    return found


class QuickCreateDialog(QDialog):
    def __init__(self, context: FormContext, kind: RecordKind, text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickCreate")
        self.setWindowTitle(_("New {kind}").format(kind=kind_label(kind)))
        self.context = context
        self.kind = kind
        self.created: NewRecord | None = None
        self.fieldset = FieldSet(kind, self)
        # Its own pickers may ask for new records too (a new person's new organisation).
        builder = Builder(context.lookup, self,
                          lambda asked, typed: create_on_the_spot(context, self, asked, typed))
        layout = form_layout()
        for field in _fields(kind, builder):
            self.fieldset.add(layout, field, _(CAPTIONS[field.name]) if (
                kind == RecordKind.PERSON and field.name in CAPTIONS) else None)
        self.fieldset.align_captions()
        self.fieldset.set_values({**defaults(kind), **_prefill(kind, text)}, {})
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton(
            _("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(layout)
        column.addWidget(self.message)
        column.addWidget(self.buttons)
        self.fieldset.changed.connect(self._check)
        self._check()
        self.setMinimumWidth(520)

    def values(self) -> dict[str, Any]:
        return self.fieldset.values()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        for field in self.fieldset.fields.values():  # the cursor where typing starts
            if field.input().isEnabled():
                field.input().setFocus()
                return

    def _check(self) -> bool:
        values = {**self.values(), **self.fieldset.placeholders}
        errors = {name: message for name, message in problems(self.kind, values).items()
                  if name not in self.fieldset.placeholders}
        errors.update({name: own for name, field in self.fieldset.fields.items()
                       if (own := field.own_error())})
        leftover = self.fieldset.show_errors(errors)
        self.message.setText(" ".join(leftover.values()))
        self.message.setVisible(bool(leftover))
        self.create_button.setEnabled(not errors)
        self._fit_messages()
        return not errors

    def _fit_messages(self) -> None:
        """Grow to show a message that wraps (never shrink under the user's pointer)."""
        needed = (self.heightForWidth(self.width()) if self.hasHeightForWidth()
                  else self.sizeHint().height())
        if self.isVisible() and needed > self.height():
            self.resize(self.width(), needed)

    def _create(self) -> None:
        if not self._check():
            return
        self.created = new_record(self.kind, self.values())
        self.accept()


def create_on_the_spot(context: FormContext, parent: QWidget | None, kind: RecordKind,
                       text: str) -> NewRecord | None:
    """Ask for a new *kind* prefilled from *text*: the record to write with the form
    that asked, None if cancelled. Nothing is written here."""
    dialog = QuickCreateDialog(context, kind, text, parent)
    try:
        return dialog.created if dialog.exec() else None
    finally:
        dialog.deleteLater()
