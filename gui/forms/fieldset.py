"""The fields of one record (or one row), their layout, and their messages.

A record form and a row of a sub-table both hold a :class:`FieldSet`: it lays
out each field with a plain-text message line under it, collects values and
parts, and checks them live with the store's own rules (``db.ops.check``, which
runs ``db.validation.validate``), so the message beside a field is the one the
save would give.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from db.kinds import RecordKind
from gui.forms.fields import FieldWidget
from gui.forms.labels import field_label

ERROR_COLOUR = QColor("#b3261e")
RESERVED = "reservedLine"  # a message line that keeps its height when empty


def message_label(parent: QWidget | None = None, *, error: bool = True,
                  reserve: bool = False) -> QLabel:
    """A plain-text message line (never markup: messages can quote user input).

    A *reserve*d line keeps its height when empty, so a message appearing under a
    field never moves what is below it (nothing jumps under the mouse); see
    :func:`say`. Otherwise the line is hidden while empty.
    """
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    if error:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOUR)
        label.setPalette(palette)
    label.setProperty(RESERVED, reserve)
    if reserve:
        label.setMinimumHeight(label.fontMetrics().height())
    else:
        label.hide()
    return label


def say(label: QLabel, text: str | None) -> None:
    """Show *text* on a message line (or empty it): a reserved line stays in place."""
    label.setText(text or "")
    if not label.property(RESERVED):
        label.setVisible(bool(text))


def _line_height() -> int:
    from PySide6.QtWidgets import QLineEdit

    global _LINE_HEIGHT
    if _LINE_HEIGHT is None:
        _LINE_HEIGHT = QLineEdit().sizeHint().height()
    return _LINE_HEIGHT


_LINE_HEIGHT: int | None = None


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    layout = QFormLayout(parent)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    layout.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    layout.setVerticalSpacing(6)
    return layout


class FieldSet(QObject):
    changed = Signal()

    def __init__(self, kind: RecordKind, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.fields: dict[str, FieldWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.placeholders: dict[str, Any] = {}  # link columns a row gets when saved
        self.captions: list[QLabel] = []
        self._loading = False

    # ------------------------------------------------------------ building

    def add(self, layout: QFormLayout | None, field: FieldWidget,
            label: str | None = None) -> FieldWidget:
        """Register *field*; with a layout, add it as a row with its message line."""
        self.fields[field.name] = field
        field.changed.connect(self._field_changed)
        if layout is not None:
            # Only a field laid out here gets a message line, inside its row: a label
            # with no parent would open as a window of its own and take the keyboard.
            # A field placed elsewhere (a table of rows) shows its own message.
            message = message_label(reserve=True)
            message.setObjectName(f"message_{field.name}")
            self.messages[field.name] = message
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(message)
            caption = QLabel(label if label is not None else field_label(field.name, self.kind))
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.setBuddy(field.input())
            # Line the caption up with the input's first line, not the middle of the row.
            caption.setFixedHeight(min(field.input().sizeHint().height(), _line_height()))
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.captions.append(caption)
            layout.addRow(caption, box)
        return field

    def align_captions(self) -> None:
        """One caption width for all sections, so fields line up down the whole form."""
        if self.captions:
            width = max(caption.sizeHint().width() for caption in self.captions)
            for caption in self.captions:
                caption.setMinimumWidth(width)

    def _field_changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    # ------------------------------------------------------------ values

    def values(self) -> dict[str, Any]:
        return {name: f.value() for name, f in self.fields.items() if f.part is None}

    def parts(self) -> dict[str, Any]:
        return {f.part: f.value() for f in self.fields.values() if f.part is not None}

    def set_values(self, values: Mapping[str, Any], parts: Mapping[str, Any]) -> None:
        self._loading = True
        try:
            for name, field in self.fields.items():
                if field.part is not None:
                    field.set_value(parts.get(field.part, ()))
                else:
                    field.set_value(values.get(name))
        finally:
            self._loading = False

    # ------------------------------------------------------------ checks

    def errors(self, values: Mapping[str, Any]) -> dict[str, str]:
        """Messages by field for *values* (a full row: base values plus these fields)."""
        from db.ops import check

        found = check(self.kind, {**values, **self.placeholders})
        for name in self.placeholders:
            found.pop(name, None)
        for name, field in self.fields.items():
            own = field.own_error()
            if own:
                found[name] = own
        return found

    def show_errors(self, errors: Mapping[str, str]) -> dict[str, str]:
        """Show each message under its field; returns those that have no field here."""
        for name, field in self.fields.items():
            message = errors.get(name)
            field.set_invalid(bool(message))
            label = self.messages.get(name)
            if label is not None:
                say(label, message)
        return {k: v for k, v in errors.items() if k not in self.fields}

    def display(self, name: str, value: Any) -> str:
        field = self.fields.get(name)
        if field is None:
            return "—" if value in (None, "", [], ()) else str(value)
        return field.display(value)
