"""The global search box: results grouped by kind, updated as you type, Enter opens.

Each keystroke sends the query to the database worker; only the answer to the
latest query is shown. Results appear in a completer popup over a plain item
model (group headings are unselectable rows), so the popup draws plain text.
The popup is as wide as its longest line needs (up to the window's width);
what is still too long is elided in the middle, so both a title's start and its
end stay readable, and the full line is the row's tooltip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

from db.i18n import N_, _

if TYPE_CHECKING:
    from db import search
    from db.catalog import Catalog
    from gui.worker import Worker

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
RESULT_LIMIT = 40
GROUP_TITLES = {
    "person": N_("People"), "organisation": N_("Organisations"), "city": N_("Cities"),
    "programme": N_("Programmes"), "pairing": N_("Pairings"), "delegation": N_("Delegations"),
    "engagement": N_("Meetings and visits"), "event": N_("Events"),
}


class SearchResultsModel(QStandardItemModel):
    """Hits grouped under a heading per kind, in the order of each kind's best hit."""

    def show_hits(self, hits: list[search.Hit]) -> None:
        self.clear()
        groups: dict[str, list[search.Hit]] = {}
        for hit in hits:
            groups.setdefault(hit.kind, []).append(hit)
        for kind, members in groups.items():
            heading = QStandardItem(_(GROUP_TITLES[kind]) if kind in GROUP_TITLES else kind)
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            font = QFont()
            font.setBold(True)
            heading.setFont(font)
            self.appendRow(heading)
            for hit in members:
                text = f"    {hit.title}" + (f"  —  {hit.subtitle}" if hit.subtitle else "")
                item = QStandardItem(text)
                item.setToolTip(text.strip())
                item.setData(hit.kind, KIND_ROLE)
                item.setData(hit.id, ID_ROLE)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.appendRow(item)

    def first_hit(self) -> QModelIndex | None:
        for row in range(self.rowCount()):
            index = self.index(row, 0)
            if index.data(KIND_ROLE):
                return index
        return None


class _Completer(QCompleter):
    """Shows our results as they are: the query already did the matching."""

    def splitPath(self, path: str) -> list[str]:
        return [""]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        return widget.text() if isinstance(widget, QLineEdit) else ""


class SearchBox(QLineEdit):
    open_record = Signal(str, int)
    searched = Signal(str, int)  # query, number of hits (tests wait on it)
    save_requested = Signal(str)  # "Save this search" (the sidebar keeps it)

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("globalSearch")
        self.setPlaceholderText(_("Search everything — names, places, events…  (Ctrl+K)"))
        self.setClearButtonEnabled(True)
        self.setToolTip(_("Narrow a search with title:, org:, city: or year:, e.g. "
                          "org:\"People's Committee\" year:2017"))
        self.setMinimumWidth(420)
        self._worker = worker
        self._catalog: Catalog | None = None
        self._latest = 0
        self.results = SearchResultsModel(self)
        self.completer_ = _Completer(self.results, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(16)
        self.completer_.setWidget(self)
        self.popup.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.completer_.activated[QModelIndex].connect(  # type: ignore[index]
            self._open_index)
        self.textEdited.connect(self._query)
        self.returnPressed.connect(self._open_first)
        self.save_action = QAction("☆", self)
        self.save_action.setObjectName("saveSearch")
        self.save_action.setToolTip(_("Save this search in the sidebar"))
        self.save_action.triggered.connect(lambda: self.save_requested.emit(self.text()))
        self.addAction(self.save_action, QLineEdit.ActionPosition.TrailingPosition)
        self.save_action.setVisible(False)
        self.textChanged.connect(lambda text: self.save_action.setVisible(bool(text.strip())))

    def run(self, text: str) -> None:
        """Search for *text* as if typed (a saved search): the box shows it, the popup opens."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setText(text)
        self._query(text)

    @property
    def popup(self) -> QAbstractItemView:
        popup = self.completer_.popup()
        assert popup is not None
        return popup

    def set_catalog(self, catalog: Catalog | None) -> None:
        self._catalog = catalog
        self.results.clear()

    def _query(self, text: str) -> None:
        from db import search

        catalog = self._catalog
        if catalog is None:
            return
        if not search.tokens(text):
            self._latest += 1
            self.results.clear()
            self.popup.hide()
            self.searched.emit(text, 0)
            return

        def job() -> list[search.Hit]:
            with catalog.read_session() as session:
                return search.search(session, text, limit=RESULT_LIMIT)

        ticket = self._latest = self._latest + 1
        self._worker.submit(job, lambda hits: self._show(ticket, text, hits))

    def _show(self, ticket: int, text: str, hits: list[search.Hit]) -> None:
        if ticket != self._latest:
            return
        self.results.show_hits(hits)
        if hits and self.hasFocus():
            self.completer_.complete(self._popup_rect())
            first = self.results.first_hit()
            if first is not None:
                self.popup.setCurrentIndex(first)
        else:
            self.popup.hide()
        self.searched.emit(text, len(hits))

    def _popup_rect(self) -> QRect:
        """Where the popup opens: under the box, as wide as its longest line needs,
        never narrower than the box nor wider than the window."""
        metrics = self.popup.fontMetrics()
        needed = max((metrics.horizontalAdvance(str(self.results.index(row, 0).data()))
                      for row in range(self.results.rowCount())), default=0)
        scroll = self.popup.verticalScrollBar()
        needed += 2 * self.popup.frameWidth() + 24 + (scroll.sizeHint().width() if scroll else 0)
        window = self.window()
        room = window.width() - self.mapTo(window, self.rect().topLeft()).x() \
            if window is not self else needed
        width = max(self.width(), min(needed, max(room, self.width())))
        return QRect(0, 0, width, self.height())

    def _open_index(self, index: QModelIndex) -> None:
        kind, record_id = index.data(KIND_ROLE), index.data(ID_ROLE)
        if kind:
            self.popup.hide()
            self.open_record.emit(str(kind), int(record_id))

    def _open_first(self) -> None:
        popup = self.popup
        index = popup.currentIndex() if popup.isVisible() else None
        if index is None or not index.isValid() or not index.data(KIND_ROLE):
            index = self.results.first_hit()
        if index is not None:
            self._open_index(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.popup.isVisible():
            self.clear()
            self.results.clear()
            return
        super().keyPressEvent(event)


