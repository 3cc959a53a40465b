"""A record's change history for the detail pane: who changed which field when, old → new.

The rows come from :func:`db.changes.history` (frozen values, safe to fetch on
the window's worker thread and hand over with :meth:`ChangeHistoryView.set_changes`);
:meth:`ChangeHistoryView.load` reads them directly for a form's History tab.
Values are user text: the model hands them to the view as plain display data,
never markup, with line breaks folded so each change is one row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from db.i18n import N_, _
from db.kinds import ChangeAction, RecordKind
from db.vocabulary import value_word
from gui.forms.labels import CHOICES, field_label, value_label

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.changes import ChangeView

AnyIndex = QModelIndex | QPersistentModelIndex
_CELL_CHARS = 300


class HistoryColumn(IntEnum):
    WHEN = 0
    WHO = 1
    WHAT = 2
    FIELD = 3
    OLD = 4
    NEW = 5


_HEADERS = {
    HistoryColumn.WHEN: N_("When"),
    HistoryColumn.WHO: N_("Who"),
    HistoryColumn.WHAT: N_("Change"),
    HistoryColumn.FIELD: N_("Field"),
    HistoryColumn.OLD: N_("Before"),
    HistoryColumn.NEW: N_("After"),
}


def _when(moment: dt.datetime) -> str:
    if moment.tzinfo is None:  # SQLite hands back the stored UTC time without its zone
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _cell(text: str | None) -> str:
    if text is None:
        return ""
    flat = " ".join(text.split())
    return flat if len(flat) <= _CELL_CHARS else flat[: _CELL_CHARS - 1] + "…"


class ChangeHistoryModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ChangeView, ...] = ()

    def set_changes(self, changes: Sequence[ChangeView]) -> None:
        self.beginResetModel()
        self._rows = tuple(changes)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HistoryColumn)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if index.row() >= len(self._rows):
            return None
        change = self._rows[index.row()]
        column = HistoryColumn(index.column())
        if column is HistoryColumn.WHEN:
            return _when(change.changed_at)
        if column is HistoryColumn.WHO:
            return change.actor
        if column is HistoryColumn.WHAT:
            action = value_word(ChangeAction, change.action)
            return f"{action} {change.record_label}" if change.record_label else action
        if column is HistoryColumn.FIELD:
            return field_label(change.field) if change.field else ""
        value = change.old_value if column is HistoryColumn.OLD else change.new_value
        if value is not None and (RecordKind(change.record_kind), change.field) in CHOICES:
            return value_label(value, RecordKind(change.record_kind), change.field)
        return _cell(value)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(_HEADERS[HistoryColumn(section)])
        return None


class ChangeHistoryView(QTableView):
    """The history table; give it rows with :meth:`set_changes` or let it :meth:`load`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeHistory")
        self.history_model = ChangeHistoryModel(self)
        self.setModel(self.history_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        for column, sample in ((HistoryColumn.WHEN, "0000-00-00 00:00"),
                               (HistoryColumn.WHO, "Liaison sample catalog"),
                               (HistoryColumn.WHAT, "Created Position “Chairman of the”"),
                               (HistoryColumn.FIELD, "Protocol notes"),
                               (HistoryColumn.OLD, "x" * 24)):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)

    def set_changes(self, changes: Sequence[ChangeView]) -> None:
        self.history_model.set_changes(changes)

    def load(self, catalog: Catalog, kind: RecordKind, record_id: int) -> None:
        from db.changes import history

        with catalog.read_session() as session:
            self.set_changes(history(session, kind, record_id))
