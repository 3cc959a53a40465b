"""Deleting a record: say what refers to it, refuse while something needs it, make it undoable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from db import vocabulary
from db.i18n import N_, _, format_number
from db.kinds import RecordKind
from gui.forms.labels import kind_label
from gui.undo import refusals, short

if TYPE_CHECKING:
    from gui.forms.context import FormContext
    from gui.undo import DeleteCommand


# What a deleted link row is, said from the record being deleted ("1 membership of a
# delegation" rather than "1 member"); other kinds by their noun (db.vocabulary).
_PHRASES = {
    RecordKind.DELEGATION_MEMBER: (N_("membership of a delegation"),
                                   N_("memberships of delegations")),
    RecordKind.ENGAGEMENT_PARTICIPANT: (N_("place in a meeting"), N_("places in meetings")),
    RecordKind.EVENT_PARTICIPANT: (N_("place at an event"), N_("places at events")),
    RecordKind.EVENT_ORGANISER: (N_("event organiser role"), N_("event organiser roles")),
    RecordKind.PAIRING_AREA: (N_("area of cooperation"), N_("areas of cooperation")),
}


def _phrase(kind_value: str, count: int) -> str:
    kind = RecordKind(kind_value)
    words = _PHRASES.get(kind)
    if words is None:
        return vocabulary.count(kind, count)
    return f"{format_number(count)} {_(words[0] if count == 1 else words[1])}"


def describe(references: list[tuple[str, int, str]]) -> tuple[list[str], list[str]]:
    """(what blocks the delete, what the delete does) as sentences for the user."""
    blocking = [_phrase(label, n) for label, n, mode in references
                if mode in ("RESTRICT", "NO ACTION") and n]
    goes = [_phrase(label, n) for label, n, mode in references if mode == "CASCADE" and n]
    cleared = [_phrase(label, n) for label, n, mode in references if mode == "SET NULL" and n]
    details = []
    if goes:
        details.append(_("Also deleted with it: {items}.").format(items=", ".join(goes)))
    if cleared:
        details.append(_("No longer linked to it: {items}.").format(items=", ".join(cleared)))
    return blocking, details


def delete_record(context: FormContext, parent: QWidget | None, kind: RecordKind,
                  record_id: int, version: int | None, label: str) -> DeleteCommand | None:
    """Ask, then delete as one undoable step ("Delete Nguyễn Đức Chung"); None if not deleted."""
    noun = kind_label(kind)
    try:
        blocking, details = describe(context.lookup.references(kind, record_id))
    except refusals() as exc:
        context.prompts.problem(parent, _("Could not read the catalog: {error}").format(error=exc))
        return None
    if blocking:
        context.prompts.problem(
            parent, _("“{label}” cannot be deleted: it is still used by {items}. Change or "
                      "delete those first.").format(label=short(label), items=", ".join(blocking)))
        return None
    question = _("Delete the {noun} “{label}”?").format(noun=noun, label=short(label))
    if not context.prompts.confirm_delete(parent, question, details):
        return None
    try:
        return context.editing.delete(kind, record_id, version, label)
    except refusals() as exc:
        context.prompts.problem(parent, _("“{label}” was not deleted: {error}").format(
            label=short(label), error=exc))
        return None
