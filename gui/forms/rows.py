"""Editable sub-tables: a person's positions, a delegation's members and programme.

A :class:`RowsEditor` shows the rows of one part in a table (a thin Qt model
over the rows) and edits the selected row in a small form beneath it, built
from the same field widgets as the record's own fields. Rows carry their id and
version, so saving knows which rows were added, changed or removed, and undo can
bring a removed row back with its id. Each row is checked live with the store's
rules, and a person listed twice is flagged on the second row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import vocabulary
from db.i18n import _
from db.kinds import RecordKind
from gui.forms.fields import FieldWidget, LineField, ParsedLineField
from gui.forms.fieldset import FieldSet, form_layout, message_label, say
from gui.forms.labels import field_label
from gui.forms.pickers import RecordPicker
from gui.forms.rows_model import Row, RowsModel


class RowForm(QWidget):
    """The fields of the selected row (and any rows nested in it, like a meeting's
    participants)."""

    changed = Signal()

    def __init__(self, kind: RecordKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.fieldset = FieldSet(kind, self)
        self.fieldset.changed.connect(self.changed)
        self.layout_ = form_layout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def add(self, field: FieldWidget, label: str | None = None) -> FieldWidget:
        return self.fieldset.add(self.layout_, field, label)

    def add_rows(self, editor: RowsEditor, label: str | None = None) -> RowsEditor:
        self.fieldset.add(None, editor)
        self.layout_.addRow(label if label is not None else field_label(editor.part or ""),
                            editor)
        return editor


def _main_column(columns: Sequence[tuple[str, str]], fieldset: FieldSet) -> int:
    """The column that takes the table's spare width: the first free-text or name column."""
    for number, (name, _header) in enumerate(columns):
        field = fieldset.fields.get(name)
        if isinstance(field, LineField | RecordPicker) and not isinstance(field,
                                                                         ParsedLineField):
            return number
    return 0


class RowsEditor(FieldWidget):
    """A part of a record as a table plus a form for the selected row."""

    def __init__(self, part: str, owner_kind: RecordKind, columns: Sequence[tuple[str, str]],
                 row_form: RowForm, parent: QWidget | None = None) -> None:
        super().__init__(part, parent)
        from db.ops import part as find_part

        self.part = part
        self.spec = find_part(owner_kind, part)
        self.owner_kind = owner_kind
        self.noun = vocabulary.noun(self.spec.kind)
        self.row_form = row_form
        self.row_form.fieldset.placeholders = self.spec.link_values(owner_kind, 0)
        self._base_values: dict[str, Any] = {}
        self._loading = False
        self.model = RowsModel(columns, row_form.fieldset.display, self)

        self.table = QTableView(self)
        self.table.setObjectName(f"table_{part}")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)  # Tab goes on to Add…, not round the cells
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        # The first column (title, person) takes the room; the others fit their content
        # up to a limit, so one long organisation name cannot squeeze the rest.
        header.setStretchLastSection(False)
        header.setMaximumSectionSize(self.table.fontMetrics().horizontalAdvance("x" * 34))
        stretch = _main_column(columns, row_form.fieldset)
        for column in range(len(columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch
                                        if column == stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 9)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.add_button = QPushButton(_("Add {noun}").format(noun=self.noun), self)
        self.add_button.setObjectName(f"add_{part}")
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.setObjectName(f"remove_{part}")
        self.up_button = QPushButton(_("Move up"), self)
        self.down_button = QPushButton(_("Move down"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        if self.spec.order or self.spec.ranked:
            buttons.addWidget(self.up_button)
            buttons.addWidget(self.down_button)
            self._move_keys()
        else:
            self.up_button.hide()
            self.down_button.hide()
        buttons.addStretch(1)
        self.message = message_label(self, reserve=True)  # a row's message moves nothing
        self.message.setObjectName(f"message_rows_{part}")

        self.editor_box = QGroupBox(_("Selected {noun}").format(noun=self.noun), self)
        box_layout = QVBoxLayout(self.editor_box)
        box_layout.addWidget(row_form)
        row_form.changed.connect(self._row_edited)

        self._layout.setDirection(QVBoxLayout.Direction.TopToBottom)
        self._layout.addWidget(self.table, 2)
        self._layout.addLayout(buttons)
        self._layout.addWidget(self.message)
        self._layout.addWidget(self.editor_box, 3)
        self._update_buttons()

    def input(self) -> QWidget:
        return self.table

    def _move_keys(self) -> None:
        """Ctrl+Up / Ctrl+Down move the selected row, from the table or the row's fields."""
        for button, keys, step in ((self.up_button, "Ctrl+Up", -1),
                                   (self.down_button, "Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.move_row(step))
            button.setToolTip(_("{command} ({keys})").format(
                command=button.text(),
                keys=QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)))

    # ------------------------------------------------------------ value

    def value(self) -> Any:
        from db.ops import Draft

        return tuple(Draft(self.spec.kind, dict(r.values), r.id, r.version, dict(r.parts))
                     for r in self.model.rows)

    def set_value(self, value: Any) -> None:
        from db.ops import defaults

        self._base_values = defaults(self.spec.kind, self.spec.hidden)
        rows = [Row(dict(d.values), d.id, d.version, dict(d.parts)) for d in value or ()]
        self._loading = True
        try:
            self.model.set_rows(rows)
            self._validate()
            self._select(0 if rows else -1)
        finally:
            self._loading = False
        self.changed.emit()

    def display(self, value: Any) -> str:
        rows = value or ()
        if not rows:
            return "—"
        columns = self.model.columns
        lines = []
        for row in rows:
            parts = [self.row_form.fieldset.display(name, row.values.get(name))
                     for name, _header in columns]
            lines.append(" · ".join(p for p in parts if p and p != "—"))
        return "\n".join(lines)

    def own_error(self) -> str | None:
        for number, row in enumerate(self.model.rows, start=1):
            if row.errors:
                return f"{self.noun.capitalize()} {number}: {next(iter(row.errors.values()))}"
        return None

    # ------------------------------------------------------------ rows

    def current(self) -> int:
        index = self.table.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def _select(self, row: int) -> None:
        selection = self.table.selectionModel()
        if row < 0 or row >= len(self.model.rows):
            selection.clearCurrentIndex()
            selection.clearSelection()
            self._load_row(-1)
            return
        index = self.model.index(row, 0)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        self._load_row(row)

    def select(self, row: int) -> None:
        self._select(row)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._load_row(current.row() if current.isValid() else -1)

    def _load_row(self, row: int) -> None:
        valid = 0 <= row < len(self.model.rows)
        self.editor_box.setEnabled(valid)
        self.editor_box.setTitle(f"{self.noun.capitalize()} {row + 1}" if valid
                                 else _("No {noun} selected").format(noun=self.noun))
        data = self.model.rows[row] if valid else Row(dict(self._base_values))
        was = self._loading
        self._loading = True
        try:
            self.row_form.fieldset.set_values(data.values, data.parts)
            self.row_form.fieldset.show_errors(data.errors if valid else {})
        finally:
            self._loading = was
        self._update_buttons()

    def add_row(self) -> None:
        self.model.beginInsertRows(QModelIndex(), len(self.model.rows), len(self.model.rows))
        self.model.rows.append(Row(dict(self._base_values)))
        ranked = self.spec.ranked
        if ranked and any(r.values.get(ranked) is not None for r in self.model.rows):
            self.model.rows[-1].values[ranked] = len(self.model.rows)  # after the ordered ones
        self.model.endInsertRows()
        self._validate()
        self._select(len(self.model.rows) - 1)
        first = next(iter(self.row_form.fieldset.fields.values()), None)
        if first is not None:
            first.setFocus()
        self.changed.emit()

    def remove_row(self) -> None:
        row = self.current()
        if row < 0:
            return
        self.model.beginRemoveRows(QModelIndex(), row, row)
        del self.model.rows[row]
        self.model.endRemoveRows()
        self._validate()
        self._select(min(row, len(self.model.rows) - 1))
        self.changed.emit()

    def move_row(self, step: int) -> None:
        row = self.current()
        target = row + step
        if row < 0 or not 0 <= target < len(self.model.rows):
            return
        rows = self.model.rows
        rows[row], rows[target] = rows[target], rows[row]
        if self.spec.ranked:  # the order shown becomes the order the user set
            for number, moved in enumerate(rows, start=1):
                moved.values[self.spec.ranked] = number
        self.model.row_changed(row)
        self.model.row_changed(target)
        self._select(target)
        self.changed.emit()

    def _update_buttons(self) -> None:
        row = self.current()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self.model.rows) - 1)

    def _row_edited(self) -> None:
        if self._loading:
            return
        row = self.current()
        if row < 0:
            return
        data = self.model.rows[row]
        data.values.update(self.row_form.fieldset.values())
        data.parts.update(self.row_form.fieldset.parts())
        data.own_errors = {name: message for name, field in self.row_form.fieldset.fields.items()
                           if (message := field.own_error())}
        self._validate()
        self.row_form.fieldset.show_errors(data.errors)
        self.model.row_changed(row)
        self.changed.emit()

    def show_row_errors(self, row: int, errors: dict[str, str]) -> None:
        """Errors the save reported for a row: select it and show them by its fields."""
        if 0 <= row < len(self.model.rows):
            self.model.rows[row].errors = dict(errors)
            self.model.row_changed(row)
            self._select(row)
            self.row_form.fieldset.show_errors(errors)
            self._show_message()

    def _validate(self) -> None:
        from db.validation import duplicate_rows

        fieldset = self.row_form.fieldset
        duplicates = duplicate_rows(self.spec.kind, [r.values for r in self.model.rows])
        for index, row in enumerate(self.model.rows):
            before = row.errors
            errors = _row_errors(fieldset, row)
            errors.update(duplicates.get(index, {}))
            errors.update(row.own_errors)
            row.errors = errors
            if before != errors:
                self.model.row_changed(index)
        self._show_message()

    def _show_message(self) -> None:
        say(self.message, self.own_error())


def _row_errors(fieldset: FieldSet, row: Row) -> dict[str, str]:
    """The store's checks for one row, and for the rows nested in it."""
    from db.ops import check
    from db.validation import duplicate_rows

    errors = check(fieldset.kind, {**row.values, **fieldset.placeholders})
    for name in fieldset.placeholders:
        errors.pop(name, None)
    for name, field_widget in fieldset.fields.items():
        if isinstance(field_widget, RowsEditor):
            nested = row.parts.get(name, ())
            repeated = duplicate_rows(field_widget.spec.kind, [d.values for d in nested])
            for number, draft in enumerate(nested, start=1):
                nested_errors = {**_row_errors(field_widget.row_form.fieldset,
                                               Row(dict(draft.values), parts=dict(draft.parts))),
                                 **repeated.get(number - 1, {})}
                if nested_errors:
                    errors[name] = (f"{field_widget.noun.capitalize()} {number}: "
                                    f"{next(iter(nested_errors.values()))}")
                    break
    return errors
