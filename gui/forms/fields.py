"""Input widgets for one field each, with one small protocol the forms rely on.

Every field widget has a ``name`` (the column, or the part for list-valued
fields), a ``changed`` signal, ``value()`` / ``set_value()`` in the store's
types (``datetime.date``, ``int``, ``list[str]``, ``None`` for empty), a
``display()`` text for a value (conflict dialog, tables) and ``own_error()`` for
input only the widget can judge (a picker whose text matches nothing). Text the
user typed but that does not parse (a date like ``2017-13-01``) is returned as
the raw string: ``db.ops.check`` turns it into the same message the save would.

User text is only ever shown through plain-text widgets (QLineEdit,
QPlainTextEdit, plain-text QLabel), never as markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from db import phones
from db.date_input import parse_day
from db.folding import nfc
from db.i18n import _, format_date

ERROR_PROPERTY = "invalid"
_INVALID_STYLE = "*[invalid=\"true\"] { border: 1px solid #c0392b; }"


def clean_text(text: str) -> str | None:
    """As the store keeps text: NFC, trimmed, empty means no value."""
    return nfc(text).strip() or None


class FieldWidget(QWidget):
    """Base: a container for one input (plus helper buttons), laid out without margins."""

    changed = Signal()
    part: str | None = None  # set on list-valued fields that edit a part of the record

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"field_{name}")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def display(self, value: Any) -> str:
        if value is None or value == [] or value == ():
            return "—"
        if isinstance(value, dt.date | dt.time):
            return value.isoformat(timespec="minutes") if isinstance(value, dt.time) else (
                value.isoformat())
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        return str(value)

    def own_error(self) -> str | None:
        return None

    def input(self) -> QWidget:
        """The widget that takes focus and shows the invalid state."""
        return self

    def set_invalid(self, invalid: bool) -> None:
        widget = self.input()
        if widget.property(ERROR_PROPERTY) == invalid:
            return
        if widget.sizePolicy().verticalPolicy() == QSizePolicy.Policy.Fixed:
            # The red frame must not change the line's height: the form would jump. A
            # height already fixed (a text field's few lines) is kept, not its 192 px hint.
            fixed = widget.minimumHeight() == widget.maximumHeight()
            widget.setFixedHeight(widget.maximumHeight() if fixed
                                  else widget.sizeHint().height())
        widget.setProperty(ERROR_PROPERTY, invalid)
        widget.setStyleSheet(_INVALID_STYLE if invalid else "")

    def setFocus(self) -> None:  # type: ignore[override]
        self.input().setFocus()


class LineField(FieldWidget):
    """One line of user text."""

    def __init__(self, name: str, *, placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"edit_{name}")
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(False)
        self.edit.textChanged.connect(self.changed)
        self._layout.addWidget(self.edit)

    def input(self) -> QWidget:
        return self.edit

    def text(self) -> str:
        return self.edit.text()

    def value(self) -> Any:
        return clean_text(self.edit.text())

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setText("" if value is None else str(value))
            self.edit.setCursorPosition(0)
        self.changed.emit()


class TextField(FieldWidget):
    """Several lines of user text (biography, notes)."""

    def __init__(self, name: str, *, lines: int = 4, placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName(f"edit_{name}")
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(placeholder)
        metrics = self.edit.fontMetrics()
        margins = self.edit.contentsMargins()
        # A fixed number of lines: longer text scrolls inside, the form keeps its shape.
        self.edit.setFixedHeight(metrics.lineSpacing() * lines + margins.top()
                                 + margins.bottom() + int(self.edit.document().documentMargin() * 2)
                                 + 4)
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.edit.textChanged.connect(self.changed)
        self._layout.addWidget(self.edit)

    def input(self) -> QWidget:
        return self.edit

    def value(self) -> Any:
        return clean_text(self.edit.toPlainText())

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setPlainText("" if value is None else str(value))
        self.changed.emit()


class ChoiceField(FieldWidget):
    """An enumerated value shown with its label ("Guest of honour")."""

    def __init__(self, name: str, choices: Sequence[tuple[str, str]], *, optional: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"combo_{name}")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if optional:
            self.combo.addItem("—", None)
        for value, label in choices:
            self.combo.addItem(label, value)
        self.combo.currentIndexChanged.connect(self.changed)
        self._layout.addWidget(self.combo)
        self._layout.addStretch(1)

    def input(self) -> QWidget:
        return self.combo

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index < 0 and value is not None:
            # A value this version does not know (a newer catalog): keep it, shown as is.
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(max(index, 0))
        self.changed.emit()

    def display(self, value: Any) -> str:
        index = self.combo.findData(value)
        return self.combo.itemText(index) if index >= 0 else super().display(value)


class ParsedLineField(LineField):
    """A line whose text parses into a value; unparsable text is returned raw."""

    def parse(self, text: str) -> Any:
        raise NotImplementedError

    def format(self, value: Any) -> str:
        return "" if value is None else str(value)

    def value(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return None
        try:
            return self.parse(text)
        except ValueError:
            return text

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setText(self.format(value))
        self.changed.emit()

    def display(self, value: Any) -> str:
        return self.format(value) or "—"


class DateField(ParsedLineField):
    """A date that may be empty (many are unknown): typed as people write it
    (``13/06/2017``, ``13.6.2017``, ``13 Jun 2017``, ``13 tháng 6 năm 2017``, ISO) or
    picked from a calendar, and shown day first in the interface's language."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, placeholder=_("dd/mm/yyyy"), parent=parent)
        metrics = self.edit.fontMetrics()
        self.edit.setMinimumWidth(metrics.horizontalAdvance("00/00/00000") + 16)
        self.edit.setMaximumWidth(metrics.horizontalAdvance("00 tháng 00 năm 0000") + 16)
        self.pick = QToolButton(self)
        self.pick.setObjectName(f"pick_{name}")
        self.pick.setText("…")
        self.pick.setToolTip(_("Choose a date"))
        self.pick.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.pick)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar.clicked.connect(self._picked)
        self.calendar.clicked.connect(menu.close)
        self.pick.setMenu(menu)
        self._layout.addWidget(self.pick)
        self._layout.addStretch(1)

    def parse(self, text: str) -> Any:
        return parse_day(text)

    def format(self, value: Any) -> str:
        return format_date(value, "short") if isinstance(value, dt.date) else (
            "" if value is None else str(value))

    def _prepare_calendar(self) -> None:
        value = self.value()
        day = value if isinstance(value, dt.date) else dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, day: QDate) -> None:
        self.edit.setText(self.format(dt.date(day.year(), day.month(), day.day())))


class PhoneField(ParsedLineField):
    """A phone number typed as the office writes it (``024 3825 3536``); holds the
    stored form (E.164) and shows home numbers nationally, others internationally."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, placeholder=_("024 3825 3536 or +39 02 8845 6789"),
                         parent=parent)

    def parse(self, text: str) -> Any:
        phones.parse(text)  # ValueError: the raw text goes to validation's message
        return phones.stored(text)

    def format(self, value: Any) -> str:
        return phones.shown(value) if isinstance(value, str) else ""


class TimeField(ParsedLineField):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, placeholder="HH:MM", parent=parent)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("00:00") + 28)
        self._layout.addStretch(1)

    def parse(self, text: str) -> Any:
        return dt.time.fromisoformat(text)

    def format(self, value: Any) -> str:
        if isinstance(value, dt.time):
            exact = value.second or value.microsecond
            return value.isoformat(timespec="seconds" if exact else "minutes")
        return "" if value is None else str(value)


class NumberField(ParsedLineField):
    def __init__(self, name: str, *, decimals: bool = False, width_chars: int = 10,
                 parent: QWidget | None = None) -> None:
        super().__init__(name, parent=parent)
        self._decimals = decimals
        self.edit.setValidator(QDoubleValidator(self.edit) if decimals
                               else QIntValidator(self.edit))
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0" * width_chars)
                                  + 16)
        self._layout.addStretch(1)

    def parse(self, text: str) -> Any:
        return float(text) if self._decimals else int(text)

    def format(self, value: Any) -> str:
        return "" if value is None else repr(value) if isinstance(value, float) else str(value)


class ListField(LineField):
    """Several short values on one line, separated by commas (aliases, languages)."""

    def value(self) -> Any:
        return [v for v in (clean_text(part) for part in self.edit.text().split(",")) if v]

    def set_value(self, value: Any) -> None:
        super().set_value(", ".join(value or []))
