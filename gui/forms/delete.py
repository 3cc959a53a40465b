"""Deleting a record: say what refers to it, refuse while something needs it, make it undoable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from db.i18n import _
from gui.forms.labels import kind_label
from gui.undo import refusals, short

if TYPE_CHECKING:
    from db.kinds import RecordKind
    from gui.forms.context import FormContext
    from gui.undo import DeleteCommand


_PHRASES = {
    "delegation member": ("membership of a delegation", "memberships of delegations"),
    "engagement participant": ("place in a meeting", "places in meetings"),
    "event participant": ("place at an event", "places at events"),
    "event organiser": ("event organiser role", "event organiser roles"),
    "pairing area": ("area of cooperation", "areas of cooperation"),
}


def _phrase(label: str, count: int) -> str:
    singular = label[:-1] if count != 1 and label.endswith("s") else label
    words = _PHRASES.get(singular)
    if words is None:
        return f"{count} {label}"
    return f"{count} {words[0] if count == 1 else words[1]}"


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
