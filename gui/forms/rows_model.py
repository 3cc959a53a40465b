"""The rows of one sub-table as edited, and the thin Qt table model over them.

Kept apart from :mod:`gui.forms.rows` (the editor widget) because the row record
and its model are plain data plus display, with no editing behaviour of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass
class Row:
    """One row as edited: values, nested parts, and what is wrong with it."""

    values: dict[str, Any]
    id: int | None = None
    version: int | None = None
    parts: dict[str, Any] = field(default_factory=dict)
    own_errors: dict[str, str] = field(default_factory=dict)  # from the widgets
    errors: dict[str, str] = field(default_factory=dict)


class RowsModel(QAbstractTableModel):
    """The rows of one part, one column per field shown."""

    def __init__(self, columns: Sequence[tuple[str, str]], display: Callable[[str, Any], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._display = display
        self.rows: list[Row] = []
        self._warning: QIcon | None = None

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        name = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._display(name, row.values.get(name))
            return " ".join(text.split()) if text != "—" else ""
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and row.errors:
            if self._warning is None:
                self._warning = QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxWarning)
            return self._warning
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        return str(section + 1)

    def row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
