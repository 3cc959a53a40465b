"""A section page: one or more filterable lists beside the detail pane."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db import filters, vocabulary
from db.i18n import _, format_number
from db.kinds import RecordKind
from db.list_rows import NAMES_SHOWN
from gui import settings as registry
from gui.detail.pane import DetailPane
from gui.flow_layout import FlowLayout
from gui.models.records import ID_ROLE, RecordListModel
from gui.pages.columns import ColumnFit
from gui.pages.filter_box import FilterBox
from gui.pages.filters import FILTERS, Choices

if TYPE_CHECKING:
    from db.catalog import Catalog
    from gui.changes import ChangeRouter, KindChanges
    from gui.worker import Worker

def count_text(kind: RecordKind, shown: int, total: int) -> str:
    """``18 people`` or ``Showing 5 of 18 people`` (``Đang hiện 5 / 18 người``)."""
    if shown < total:
        return _("Showing {shown} of {total}").format(shown=format_number(shown),
                                                      total=vocabulary.count(kind, total))
    return vocabulary.count(kind, total)


# The column that takes the width to spare (the record's name or title: the first).
NAME_COLUMN = 0


class ListPanel(QWidget):
    """A filter bar, a lazy sortable table, and a count."""

    record_selected = Signal(str, int)
    edit_requested = Signal(str, int)  # Enter or a double-click on a row
    counts_changed = Signal()
    problem = Signal(str)  # the list or a filter's choices could not be read

    def __init__(self, kind: RecordKind, worker: Worker, settings: registry.Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._worker = worker
        self._settings = settings
        self.model = RecordListModel(kind, worker, self)
        self._catalog: Catalog | None = None
        self._loaded = False
        self._wanted: int | None = None
        self._current_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        bar_widget = QWidget(self)  # the filters wrap onto a second row when narrow
        bar = FlowLayout(bar_widget)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName(f"filter_text_{kind.value}")
        placeholder = _("Filter {records}…  (Ctrl+F)").format(records=vocabulary.noun(kind, 2))
        self.filter_edit.setPlaceholderText(placeholder)
        self.filter_edit.setClearButtonEnabled(True)
        # Wide enough for its placeholder, in either language, beside the clear button
        # (the filters wrap onto a second row before the box is squeezed and clips it).
        self.filter_edit.setMinimumWidth(
            self.filter_edit.fontMetrics().horizontalAdvance(placeholder) + 48)
        self.filter_edit.textChanged.connect(self.model.set_text)
        bar.addWidget(self.filter_edit)
        self.filters: dict[str, FilterBox] = {}
        for spec in FILTERS[kind]:
            box = FilterBox(spec, self)
            box.changed.connect(self.model.set_filter)
            self.filters[spec.name] = box
            bar.addWidget(box)
        layout.addWidget(bar_widget)
        self.view = QTableView(self)
        self.view.setObjectName(f"list_{kind.value}")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(
            self.view.fontMetrics().height() + 10)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the list for the next control instead of walking its rows (each
        # step would change the record shown and fill Back's history).
        self.view.setTabKeyNavigation(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The name takes the width to spare; the other columns fit their contents.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        # A narrow column shows the start of its heading, cut with "…", not its middle.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._fitted = False
        header.setSortIndicatorShown(True)
        self._show_default_sort()
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._sort_requested)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._sorted_column = self.model.spec.default_sort_column()
        self._default_widths()
        layout.addWidget(self.view, 1)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.count_label)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.activated.connect(self._activated)
        self.model.loaded.connect(self._update_count)
        self.model.loaded.connect(self._select_wanted)
        self.model.loaded.connect(self._fit_columns)
        self.model.cleared.connect(self._update_count)
        self.model.failed.connect(self._failed)
        self._restore_header()
        # Only now: default widths and the restore itself must not overwrite what was saved.
        # (The name column is sized by the header itself, stretched: not the user's doing.)
        header.sectionResized.connect(self._section_resized)
        self.column_fit = ColumnFit(self.view, NAME_COLUMN)
        header.sectionMoved.connect(lambda *_: self._save_header())

    # ------------------------------------------------------------ columns

    def _default_widths(self) -> None:
        width = self.view.fontMetrics().horizontalAdvance("M")
        first = 24 if self.kind in (RecordKind.DELEGATION, RecordKind.EVENT,
                                    RecordKind.ORGANISATION) else 18
        for column in range(self.model.columnCount()):
            self.view.setColumnWidth(column, width * (first if column == 0 else 14))

    def _fit_columns(self) -> None:
        """Once the first rows are in, fit the columns (a layout the user saved stays)."""
        if self._fitted or not self.model.rowCount():
            return
        self._fitted = True
        if self._settings.value(self._header_setting()).isEmpty():
            self.column_fit.fit()

    def _show_default_sort(self) -> None:
        """The sort arrow on the column the list is sorted by before the user sorts
        (set with the header's signals off: the rows are already in that order)."""
        spec = self.model.spec
        self.view.horizontalHeader().setSortIndicator(
            spec.default_sort_column(),
            Qt.SortOrder.DescendingOrder if spec.default_descending
            else Qt.SortOrder.AscendingOrder)

    def _header_setting(self) -> registry.Setting[QByteArray]:
        return registry.header_state(self.kind.value)

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != NAME_COLUMN:
            self._save_header()

    def _save_header(self) -> None:
        self._settings.set_value(self._header_setting(),
                                 self.view.horizontalHeader().saveState())

    def _restore_header(self) -> None:
        state = self._settings.value(self._header_setting())
        if not state.isEmpty():
            header = self.view.horizontalHeader()
            header.blockSignals(True)
            header.restoreState(state)
            self._show_default_sort()
            header.blockSignals(False)

    def _column_menu(self, point: QPoint) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for column in range(1, self.model.columnCount()):
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self.set_column_visible(c, shown))
        menu.popup(header.mapToGlobal(point))

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(column, not visible)
        self._save_header()

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        header = self.view.horizontalHeader()
        if not self.model.is_sortable(column):
            header.blockSignals(True)
            header.setSortIndicator(self._sorted_column, header.sortIndicatorOrder())
            header.blockSignals(False)
            return
        self._sorted_column = column
        self.model.sort(column, order)

    # ------------------------------------------------------------ data

    def follow(self, router: ChangeRouter) -> None:
        """Hear about edits to this list's records and to the records its rows name."""
        router.channel(self.kind).changed.connect(self._records_changed)
        for kind in NAMES_SHOWN.get(self.kind, ()):
            router.channel(kind).changed.connect(self.model.names_changed)

    def set_catalog(self, catalog: Catalog | None) -> None:
        """Attach a catalog; the list loads when first shown, so the list the user is
        looking at never waits behind lists they are not."""
        self._catalog = catalog
        self._loaded = False
        if catalog is None:
            self.model.set_catalog(None)
        elif self.isVisible():
            self.ensure_loaded()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        catalog = self._catalog
        if self._loaded or catalog is None:
            return
        self._loaded = True
        self.model.set_catalog(catalog)
        for box in self.filters.values():

            def job(name: str = box.spec.name) -> Choices:
                with catalog.read_session() as session:
                    return filters.choices(session, self.kind, name)

            self._worker.submit(job, box.set_choices, partial(self._choices_failed, box))

    def _choices_failed(self, box: FilterBox, error: Exception) -> None:
        box.setEnabled(False)
        box.setToolTip(_("The choices could not be read: {error}").format(error=error))
        self.problem.emit(_("The {filter} filter could not be filled: {error}").format(
            filter=_(box.spec.label).lower(), error=error))

    def _failed(self, message: str) -> None:
        self.count_label.setText(_("Could not load the list: {error}").format(error=message))
        self.problem.emit(_("The list of {records} could not be read: {error}").format(
            records=vocabulary.noun(self.kind, 2), error=message))

    def _update_count(self) -> None:
        self.count_label.setText(
            _("Loading…") if self.model.loading and not self.model.rowCount()
            else count_text(self.kind, self.model.rowCount(), self.model.total))
        self.counts_changed.emit()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():  # the user chose a row (rows dropped for a reload are not)
            self._wanted = None
            self._current_id = int(current.data(ID_ROLE))
            self.record_selected.emit(self.kind.value, self._current_id)

    def _records_changed(self, changes: KindChanges) -> None:
        """A record of this kind changed: a reload (a new record) keeps the selection."""
        if self._wanted is None:
            self._wanted = self._current_id
        self.model.records_changed(changes)
        if self.model.row_of(self._wanted or 0) is not None:
            self._wanted = None  # no reload happened: the selection never moved

    def _activated(self, index: QModelIndex) -> None:
        """Enter or a double-click opens the row for editing, as Edit… does."""
        if index.isValid():
            record_id = int(index.data(ID_ROLE))
            self.record_selected.emit(self.kind.value, record_id)
            self.edit_requested.emit(self.kind.value, record_id)

    def select_record(self, record_id: int) -> None:
        """Highlight the record once its row is loaded (without emitting a new visit)."""
        self._wanted = self._current_id = record_id
        row = self.model.row_of(record_id)
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        if row is None:
            selection.clearSelection()
        else:
            index = self.model.index(row, 0)
            selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect
                                      | selection.SelectionFlag.Rows)
            self.view.scrollTo(index)
        selection.blockSignals(False)
        self.view.viewport().update()

    def _select_wanted(self) -> None:
        if self._wanted is not None and self.model.row_of(self._wanted) is not None:
            self.select_record(self._wanted)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()


class SectionPage(QWidget):
    """Lists on the left (tabs when there are several), the detail pane on the right."""

    def __init__(self, name: str, panels: list[ListPanel], detail: DetailPane,
                 settings: registry.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.panels = {panel.kind: panel for panel in panels}
        self.detail = detail
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(f"splitter_{name}")
        self.tabs: QTabWidget | None = None
        if len(panels) == 1:
            self.splitter.addWidget(panels[0])
        else:
            self.tabs = QTabWidget(self)
            for panel in panels:
                plural = vocabulary.noun(panel.kind, 2)
                self.tabs.addTab(panel, plural[:1].upper() + plural[1:])
            self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The detail pane folds away (drag it to the edge, or View > Detail Pane): the
        # list then has the whole width. The list itself never folds.
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, True)
        layout.addWidget(self.splitter)
        state = settings.value(registry.splitter_state(name))
        if not state.isEmpty():
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([700, 480])
        self.splitter.splitterMoved.connect(
            lambda *_: settings.set_value(registry.splitter_state(name),
                                          self.splitter.saveState()))

    def detail_shown(self) -> bool:
        sizes = self.splitter.sizes()
        return sizes[-1] > 0 or not any(sizes)  # not laid out yet: as it will open

    def show_detail(self, shown: bool) -> None:
        """Unfold or fold the detail pane (remembered like a dragged splitter)."""
        if shown == self.detail_shown():
            return
        total = sum(self.splitter.sizes())
        if shown:
            width = max(self.detail.minimumWidth(), total * 2 // 5)
            self.splitter.setSizes([max(total - width, 1), width])
        else:
            self.splitter.setSizes([total, 0])
        self._settings.set_value(registry.splitter_state(self.name), self.splitter.saveState())

    def current_panel(self) -> ListPanel:
        if self.tabs is not None:
            widget = self.tabs.currentWidget()
            assert isinstance(widget, ListPanel)
            return widget
        return next(iter(self.panels.values()))

    def show_panel(self, kind: RecordKind) -> ListPanel | None:
        panel = self.panels.get(kind)
        if panel is not None and self.tabs is not None:
            self.tabs.setCurrentWidget(panel)
        return panel
