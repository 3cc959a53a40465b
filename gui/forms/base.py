"""The editor every kind of record shares: load, edit, check, save, revert, delete.

A form holds the record as it was loaded (values, version, rows of its parts)
and compares what the widgets hold against it: that is how it knows it is
dirty, and what it hands to :class:`gui.undo.Editing` on Save as *one* undoable
command (one ``db.ops`` transaction: a person and their positions together).
Messages appear beside their fields as the user types, from the store's own
rules; Save stays disabled while any is shown. A save refused because the
record changed elsewhere opens the conflict dialog (:mod:`gui.conflict`) and is
retried against the new version; nothing is overwritten silently.

Public entry points: :meth:`RecordForm.load`, :meth:`new`, :meth:`save`,
:meth:`revert`, :meth:`delete`, :meth:`maybe_save`, :meth:`is_dirty`,
:meth:`catalog_changed`; signals :attr:`saved`, :attr:`deleted`,
:attr:`dirtyChanged`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from db.i18n import _
from db.kinds import RecordKind
from gui.forms.builder import Builder
from gui.forms.chrome import FormChrome
from gui.forms.fields import FieldWidget
from gui.forms.fieldset import FieldSet, form_layout
from gui.forms.labels import field_label, kind_label
from gui.forms.prompts import Answer
from gui.forms.quick_create import create_on_the_spot
from gui.forms.rows import RowsEditor
from gui.forms.saving import resolve_conflict, show_row_error
from gui.undo import command_text, refusals

if TYPE_CHECKING:
    from db.ops import Draft, Result, RowValidationError
    from gui.forms.context import FormContext
    from gui.undo import SaveCommand


def _read_only_text(catalog: object) -> str:
    found = getattr(catalog, "read_only_message", None)
    text = found() if callable(found) else found
    return str(text) if text else _("This catalog is open read-only: it cannot be changed.")


class RecordForm(QWidget):
    kind: ClassVar[RecordKind]

    saved = Signal(object)  # db.ops.Result
    deleted = Signal(object)  # db.ops.Result
    dirtyChanged = Signal(bool)

    def __init__(self, context: FormContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from db.ops import Draft, defaults

        self.setObjectName(f"{self.kind.value}Form")
        self.context = context
        self.fields = FieldSet(self.kind, self)
        self.builder = Builder(
            context.lookup, self,
            lambda kind, text: create_on_the_spot(context, self, kind, text))
        self._base: Draft = Draft(self.kind, defaults(self.kind))
        self._dirty = False
        self._errors: dict[str, str] = {}

        self.chrome = FormChrome(self, self.save)
        self.heading = self.chrome.heading
        self.tabs = self.chrome.tabs
        self.details = self.chrome.details
        self.details_layout = self.chrome.details_layout
        self.message = self.chrome.message
        self.delete_button = self.chrome.delete_button
        self.revert_button = self.chrome.revert_button
        self.cancel_button = self.chrome.cancel_button
        self.save_button = self.chrome.save_button
        self.delete_button.clicked.connect(self.delete)
        self.revert_button.clicked.connect(self.revert)

        self.build()
        self.details_layout.addStretch(1)
        self.fields.align_captions()
        self.history = None
        if self.kind is not RecordKind.COUNTRY:
            from gui.forms.history import ChangeHistoryView

            self.history = ChangeHistoryView(self)
            self.tabs.addTab(self.history, _("History"))
            self.tabs.currentChanged.connect(self._tab_changed)
        self.fields.changed.connect(self._refresh)
        self.new()

    # ------------------------------------------------------------ for subclasses

    def build(self) -> None:
        """Add the fields (subclasses): sections, part tabs, sources."""
        raise NotImplementedError

    def section(self, title: str, parent_layout: QVBoxLayout | QHBoxLayout | None = None,
                ) -> QFormLayout:
        box = QGroupBox(title)
        box.setObjectName(f"section_{title.lower().replace(' ', '_')}")
        layout = form_layout(box)
        (parent_layout or self.details_layout).addWidget(box)
        return layout

    def add(self, layout: QFormLayout | None, field: FieldWidget,
            label: str | None = None) -> FieldWidget:
        return self.fields.add(layout, field, label)

    def add_part_tab(self, editor: RowsEditor, title: str | None = None) -> RowsEditor:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(editor)
        self.fields.add(None, editor)
        self.chrome.add_tab(page, title or field_label(editor.part or ""))
        return editor

    def record_label(self, values: Mapping[str, Any]) -> str:
        """The record's name for titles, messages and undo texts."""
        from db.ops import values_label

        return values_label(self.kind, values)

    # ------------------------------------------------------------ state

    @property
    def record_id(self) -> int | None:
        return self._base.id

    @property
    def version(self) -> int | None:
        return self._base.version

    @property
    def edited_parts(self) -> tuple[str, ...]:
        return tuple(f.part for f in self.fields.fields.values() if f.part is not None)

    def _restricted(self, draft: Draft) -> Draft:
        """*draft* with only the parts this form edits (the others are left alone)."""
        from db.ops import Draft

        parts = {name: tuple(draft.parts.get(name, ())) for name in self.edited_parts}
        return Draft(draft.kind, dict(draft.values), draft.id, draft.version, parts)

    def base(self) -> Draft:
        return self._restricted(self._base)

    def draft(self) -> Draft:
        """The record as the widgets hold it now."""
        from db.ops import Draft

        values = {**self._base.values, **self.fields.values()}
        parts = {name: tuple(rows) for name, rows in self.fields.parts().items()}
        return Draft(self.kind, values, self._base.id, self._base.version, parts)

    def is_dirty(self) -> bool:
        return self._dirty

    def errors(self) -> dict[str, str]:
        return dict(self._errors)

    def title(self) -> str:
        label = self.record_label(self.draft().values)
        fallbacks = ("", kind_label(self.kind), self.kind.value.replace("_", " "))
        if self._base.id is None and label.strip() in fallbacks:
            # Nothing names the record yet (the label falls back to the kind's noun,
            # in English from the store: never shown in a Vietnamese window).
            text = _("New {kind}").format(kind=kind_label(self.kind))
            return text[:1].upper() + text[1:]  # "Đoàn mới", a title
        return label

    def focus_first_field(self) -> None:
        """Put the cursor in the first field a user fills in (new forms, quick-create)."""
        self.tabs.setCurrentIndex(0)
        for field in self.fields.fields.values():
            widget = field.input()
            if widget.isEnabled() and self.details.isAncestorOf(widget):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return

    # ------------------------------------------------------------ loading

    def load(self, record_id: int) -> bool:
        """Show the record as the catalog holds it now; False if it no longer exists."""
        draft = self.context.lookup.load(self.kind, record_id)
        if draft is None:
            self.context.prompts.problem(
                self, _("This {noun} no longer exists in the catalog.").format(
                    noun=kind_label(self.kind)))
            return False
        self._set_base(draft)
        return True

    def new(self, values: Mapping[str, Any] | None = None) -> None:
        """An empty record (with *values* filled in, which makes the form dirty)."""
        from db.ops import Draft, defaults

        self._set_base(Draft(self.kind, defaults(self.kind),
                             parts=dict.fromkeys(self.edited_parts, ())))
        if values:
            for name, value in values.items():
                if name in self.fields.fields:
                    self.fields.fields[name].set_value(value)
            self._refresh()

    def _set_base(self, draft: Draft) -> None:
        self._base = draft
        self.fields.set_values(draft.values, draft.parts)
        self.message.hide()
        self._refresh()
        if self.history is not None and self.tabs.currentWidget() is self.history:
            self._load_history()

    def revert(self) -> None:
        """Back to the record as loaded; nothing is written."""
        self._set_base(self._base)

    # ------------------------------------------------------------ live checks

    def _refresh(self) -> None:
        draft = self.draft()
        self._errors = self.fields.errors(draft.values)
        dirty = self._restricted(draft) != self.base()
        # A new, untouched form is not wrong yet: its messages wait for the first edit.
        shown = self._errors if dirty or self._base.id is not None else {}
        leftover = self.fields.show_errors(shown)
        self._show_message(" ".join(leftover.values()))
        self._mark_tabs(shown)
        read_only = self.context.editing.read_only
        self.save_button.setEnabled(dirty and not self._errors and not read_only)
        self.revert_button.setEnabled(dirty)
        self.delete_button.setEnabled(self._base.id is not None and not read_only)
        self.heading.setText(self.title() + (" •" if dirty else ""))
        if read_only:
            self._show_message(_read_only_text(self.context.catalog), error=False)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def _mark_tabs(self, errors: Mapping[str, str]) -> None:
        self.chrome.mark_tabs(field for name, field in self.fields.fields.items()
                              if name in errors)

    def _show_message(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        """Save as one undoable step; True when saved (or nothing to save)."""
        from db.ops import NotFoundError, RowValidationError, StaleVersionError, ValidationError

        self._refresh()
        if self._errors:
            self._focus_first_error()
            return False
        if not self._dirty:
            return True
        desired = self.draft()
        before = None if self._base.id is None else self.base()
        text = command_text("Create" if before is None else "Edit",
                            self.record_label(desired.values))
        try:
            try:
                command = self.context.editing.save(before, desired, text)
            except (StaleVersionError, NotFoundError):
                if before is None:
                    raise
                found = self._resolve_conflict(desired, text)
                if found is None:
                    return False
                command = found
        except RowValidationError as exc:
            self._show_row_error(exc)
            return False
        except ValidationError as exc:
            leftover = self.fields.show_errors(exc.errors)
            self._show_message(" ".join(leftover.values()) or str(exc))
            self.save_button.setEnabled(False)
            self._focus_first_error(exc.errors)
            return False
        except refusals() as exc:
            self.context.prompts.problem(self, _("“{title}” was not saved: {error}").format(
                title=self.title(), error=exc))
            return False
        assert command.state is not None
        self._set_base(command.state)
        assert command.result is not None
        self.saved.emit(command.result)
        return True

    def _resolve_conflict(self, desired: Draft, text: str) -> SaveCommand | None:
        """Show mine against the catalog's, field by field; save the user's choice."""
        return resolve_conflict(self.context, self, self.kind, self.base(), desired, text,
                                title=self.title(), display=self.fields.display,
                                restrict=self._restricted, label=self.record_label)

    def _show_row_error(self, exc: RowValidationError) -> None:
        editor = show_row_error(self.fields, exc)
        if editor is not None:
            self.chrome.show_tab_of(editor)
        self._show_message(str(exc))
        self.save_button.setEnabled(False)

    def _focus_first_error(self, errors: Mapping[str, str] | None = None) -> None:
        for name in errors or self._errors:
            field = self.fields.fields.get(name)
            if field is not None:
                self.chrome.show_tab_of(field)
                field.setFocus()
                return

    # ------------------------------------------------------------ leaving, deleting

    def maybe_save(self, parent: QWidget | None = None) -> bool:
        """Before the form is closed or shows another record: True when it may go on.

        Unsaved changes are offered Save / Discard / Cancel; Cancel (or a save that
        fails) returns False and keeps everything typed.
        """
        if not self._dirty:
            return True
        answer = self.context.prompts.unsaved_changes(parent or self, self.title())
        if answer is Answer.SAVE:
            return self.save()
        if answer is Answer.DISCARD:
            self.revert()
            return True
        return False

    def delete(self) -> bool:
        """Delete the record after confirmation (undoable); True when deleted."""
        from gui.forms.delete import delete_record

        if self._base.id is None:
            return False
        command = delete_record(self.context, self, self.kind, self._base.id,
                                self._base.version, self.record_label(self._base.values))
        if command is None:
            return False
        self.new()
        assert command.result is not None
        self.deleted.emit(command.result)
        return True

    def catalog_changed(self, result: Result) -> None:
        """Another step changed the catalog: reload if it touched this record and the
        form holds no unsaved edits (unsaved edits are kept; their save will conflict)."""
        if self._base.id is None or self._dirty:
            return
        mine = {(self.kind, self._base.id)}
        for part in self.edited_parts:
            for row in self._base.parts.get(part, ()):
                if row.id is not None:
                    mine.add((row.kind, row.id))
        if any((c.kind, c.id) in mine for c in result.changes):
            draft = self.context.lookup.load(self.kind, self._base.id)
            if draft is None:
                self.new()
            else:
                self._set_base(draft)

    # ------------------------------------------------------------ history

    def _tab_changed(self, index: int) -> None:
        if self.history is not None and self.tabs.widget(index) is self.history:
            self._load_history()

    def _load_history(self) -> None:
        assert self.history is not None
        if self._base.id is None:
            self.history.set_changes(())
        else:
            self.history.load(self.context.catalog, self.kind, self._base.id)
