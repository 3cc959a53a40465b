"""What a form's save does when the store says no: conflicts and bad rows.

A save refused because the record changed elsewhere shows mine against the
catalog's, field by field (:mod:`gui.conflict`), and saves the user's choice
against the new version; nothing is overwritten silently. A row of a part that
the store refuses gets its message beside the row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from db.kinds import RecordKind
from gui.conflict import conflict_rows, merge
from gui.forms.fieldset import FieldSet
from gui.forms.labels import field_label
from gui.forms.rows import RowsEditor
from gui.undo import command_text

if TYPE_CHECKING:
    from db.ops import Draft, RowValidationError
    from gui.forms.context import FormContext
    from gui.undo import SaveCommand


def resolve_conflict(context: FormContext, parent: QWidget, kind: RecordKind, base: Draft,
                     desired: Draft, text: str, *, title: str, display: Callable[[str, Any], str],
                     restrict: Callable[[Draft], Draft],
                     label: Callable[[Any], str]) -> SaveCommand | None:
    """Save *desired* (edited from *base*) over what the catalog holds now, asking the
    user field by field where both changed; None when the user gives up.

    *restrict* keeps only the parts the form edits; *label* names a record from its
    values (for the undo text when the record was deleted elsewhere and is re-created).
    """
    from db.ops import Draft, NotFoundError, StaleVersionError

    while True:
        current = context.lookup.load(kind, base.id or 0)
        if current is None:
            if not context.prompts.deleted_elsewhere(parent, title):
                return None
            fresh = merge(desired, Draft(kind, {}), {})
            return context.editing.save(
                None, Draft(kind, fresh.values, None, None, fresh.parts),
                command_text("Create", label(desired.values)))
        theirs = restrict(current)
        rows = conflict_rows(base, desired, theirs, label=field_label, display=display)
        choices = {}
        if rows:
            found = context.prompts.resolve_conflict(parent, title, rows)
            if found is None:
                return None
            choices = found
        merged = merge(desired, theirs, choices)
        try:
            return context.editing.save(theirs, merged, text)
        except (StaleVersionError, NotFoundError):
            base, desired = theirs, merged  # moved on again while we asked: ask again


def show_row_error(fields: FieldSet, exc: RowValidationError) -> RowsEditor | None:
    """Show a refused row's message beside it; the sub-table that holds it, if any."""
    name, index = exc.path[0]
    editor = fields.fields.get(name)
    if not isinstance(editor, RowsEditor):
        return None
    errors = dict(exc.errors)
    if len(exc.path) > 1:
        nested_name, nested_index = exc.path[1]
        nested = editor.row_form.fieldset.fields.get(nested_name)
        noun = nested.noun if isinstance(nested, RowsEditor) else nested_name
        errors = {nested_name: f"{noun.capitalize()} {nested_index + 1}: "
                               + " ".join(exc.errors.values())}
    editor.show_row_errors(index, errors)
    return editor
