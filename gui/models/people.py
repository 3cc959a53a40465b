"""The people list: a lazy table model over ``db.reads.people_page``.

Rows arrive a page at a time through ``canFetchMore``/``fetchMore``, so a
catalog of 100,000 people opens at once and memory grows only as the user
scrolls. Columns are named by :class:`PeopleColumn`, never by bare numbers.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.reads import Page, PersonRow

PAGE_SIZE = 200
AnyIndex = QModelIndex | QPersistentModelIndex


class PeopleColumn(IntEnum):
    NAME = 0
    TITLE = 1
    ORGANISATION = 2
    NATIONALITY = 3


_HEADERS = {
    PeopleColumn.NAME: "Name",
    PeopleColumn.TITLE: "Current title",
    PeopleColumn.ORGANISATION: "Organisation",
    PeopleColumn.NATIONALITY: "Nationality",
}


class PeopleModel(QAbstractTableModel):
    def __init__(self, catalog: Catalog | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._rows: list[PersonRow] = []
        self._total = 0
        self._fetching = False
        if catalog is not None:
            self.reload()

    def set_catalog(self, catalog: Catalog | None) -> None:
        self._catalog = catalog
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._total = 0
        if self._catalog is not None:
            page = self._next_page()
            self._rows = list(page.rows)
            self._total = page.total
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> PersonRow:
        return self._rows[row]

    def _next_page(self) -> Page[PersonRow]:
        from db import reads

        assert self._catalog is not None
        with self._catalog.read_session() as session:
            return reads.people_page(session, after=self._rows[-1] if self._rows else None,
                                     limit=PAGE_SIZE)

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PeopleColumn)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        # Views may ask again from inside beginInsertRows: one fetch at a time.
        if self._fetching or not self.canFetchMore(parent) or self._catalog is None:
            return
        self._fetching = True
        try:
            page = self._next_page()
            if not page.rows:
                self._total = len(self._rows)
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        finally:
            self._fetching = False

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = PeopleColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {
                PeopleColumn.NAME: row.display_name,
                PeopleColumn.TITLE: row.current_title,
                PeopleColumn.ORGANISATION: row.organisation,
                PeopleColumn.NATIONALITY: row.nationality,
            }[column]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(PeopleColumn)):
            return _HEADERS[PeopleColumn(section)]
        return None
