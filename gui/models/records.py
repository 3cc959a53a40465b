"""A lazy, sortable, filterable table of one kind of record over ``db.listing``.

Rows arrive a page at a time (``canFetchMore``/``fetchMore``) from the
database worker, so 100,000 people open at once and memory grows only as the
user scrolls. Sorting and filtering are done by the query, not by a proxy over
loaded rows: a proxy cannot sort rows that were never fetched. Every request
carries the model's generation; answers to an outdated query are dropped.

After an edit the model does not reload: :meth:`RecordListModel.records_changed`
re-reads only the rows it holds that changed (``db.list_rows``), removes
deleted ones, and reloads only when a record of its kind was created (where it
sorts is the query's business). Selection and scroll position stay put.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from db import list_rows, listing
from db.i18n import _
from db.kinds import RecordKind
from db.listing import ListPage, ListQuery, ListRow

if TYPE_CHECKING:
    from db.catalog import Catalog
    from gui.changes import KindChanges
    from gui.worker import Worker

PAGE_SIZE = 200
AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole


class RecordListModel(QAbstractTableModel):
    loaded = Signal()  # a page arrived (the first one carries the total)
    cleared = Signal()  # the rows were dropped for a new query
    failed = Signal(str)
    fetching = Signal(int)  # a page was asked for, from this offset
    refreshed = Signal()  # rows re-read after an edit arrived (no reload)

    def __init__(self, kind: RecordKind, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.spec = listing.SPECS[kind]
        self._worker = worker
        self._catalog: Catalog | None = None
        self._query = ListQuery()
        self._rows: list[ListRow] = []
        self._total = 0
        self._generation = 0
        self._pending = False

    # ------------------------------------------------------------ state

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int:
        """Rows matching the current query (loaded or not)."""
        return self._total

    @property
    def loading(self) -> bool:
        return self._pending

    def row_at(self, row: int) -> ListRow:
        return self._rows[row]

    def row_of(self, record_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), None)

    def column(self, key: str) -> int:
        """The column showing *key* (``"name"``, ``"title"``): code never counts columns."""
        return next(i for i, c in enumerate(self.spec.columns) if c.key == key)

    def set_catalog(self, catalog: Catalog | None) -> None:
        self._catalog = catalog
        self.reload()

    def set_query(self, query: ListQuery) -> None:
        if query != self._query:
            self._query = query
            self.reload()

    def set_text(self, text: str) -> None:
        self.set_query(replace(self._query, text=text))

    def set_filter(self, name: str, value: Any) -> None:
        filters = {k: v for k, v in self._query.filters if k != name}
        if value is not None:
            filters[name] = value
        self.set_query(replace(self._query, filters=tuple(sorted(filters.items(),
                                                                 key=lambda kv: kv[0]))))

    def reload(self) -> None:
        """Drop loaded rows and ask for the first page of the current query."""
        self._generation += 1
        # Remove rows rather than reset: the columns never change, and a reset would make
        # the header forget which columns the user hid.
        if self._rows:
            self.beginRemoveRows(QModelIndex(), 0, len(self._rows) - 1)
            self._rows = []
            self.endRemoveRows()
        self._total = 0
        self._pending = False
        self.cleared.emit()
        if self._catalog is not None:
            self._request(0, None)

    def _request(self, offset: int, total: int | None) -> None:
        catalog, kind, query, generation = self._catalog, self.kind, self._query, self._generation
        assert catalog is not None
        self._pending = True
        self.fetching.emit(offset)

        def job() -> ListPage:
            with catalog.read_session() as session:
                return listing.page(session, kind, query, offset=offset, limit=PAGE_SIZE,
                                    total=total)

        self._worker.submit(job, lambda page: self._arrived(generation, page),
                            lambda error: self._broke(generation, error))

    def _arrived(self, generation: int, page: ListPage) -> None:
        if generation != self._generation:
            return
        self._pending = False
        self._total = page.total
        if page.rows and page.offset == len(self._rows):
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        elif not page.rows:
            self._total = len(self._rows)
        self.loaded.emit()

    def _broke(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self._pending = False
            self.failed.emit(str(error))

    # ------------------------------------------------------------ after an edit

    def records_changed(self, changes: KindChanges) -> None:
        """Records of this list's kind changed: re-read held rows, drop deleted ones.

        A created record (or a deleted one never loaded, which the total still
        counts) means a reload: only the query knows where it sorts.
        """
        if self._catalog is None or (not self._rows and not self._pending):
            return  # never loaded: it will read everything when first shown
        held = {r.id for r in self._rows}
        if changes.created or (changes.deleted - held):
            self.reload()
            return
        for record_id in sorted(changes.deleted, reverse=True):
            row = self.row_of(record_id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
                self._total -= 1
        if changes.deleted:
            self.loaded.emit()  # the count shown below the list follows
        self.refresh_rows(changes.updated & held)

    def names_changed(self, _changes: KindChanges) -> None:
        """Records this list names in its cells changed (a renamed city): re-read held rows."""
        self.refresh_rows({r.id for r in self._rows})

    def refresh_rows(self, ids: set[int] | frozenset[int]) -> None:
        """Re-read the rows of *ids* that this model holds, in one job; no reload."""
        catalog, kind, generation = self._catalog, self.kind, self._generation
        if catalog is None or not ids:
            return
        wanted = frozenset(ids)

        def job() -> dict[int, ListRow]:
            with catalog.read_session() as session:
                return list_rows.rows(session, kind, wanted)

        self._worker.submit(job, lambda rows: self._rows_arrived(generation, rows),
                            lambda error: self._broke(generation, error))

    def _rows_arrived(self, generation: int, rows: dict[int, ListRow]) -> None:
        if generation != self._generation:
            return  # the list was reloaded meanwhile: it has fresh rows already
        last = self.columnCount() - 1
        for index, row in enumerate(self._rows):
            fresh = rows.get(row.id)
            if fresh is not None and fresh != row:
                self._rows[index] = fresh
                self.dataChanged.emit(self.index(index, 0), self.index(index, last))
        self.refreshed.emit()

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._pending and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self._catalog is not None:
            self._request(len(self._rows), self._total)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells[index.column()]
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.spec.columns)
                and role == Qt.ItemDataRole.DisplayRole):
            return _(self.spec.columns[section].header)
        return None

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.spec.columns) and self.spec.columns[column].sort is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        self.set_query(replace(self._query, sort=self.spec.columns[column].key,
                               descending=order == Qt.SortOrder.DescendingOrder))
