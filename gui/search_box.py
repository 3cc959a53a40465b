"""The global search box: results grouped by kind, updated as you type, Enter opens.

Each keystroke sends the query to the database worker; only the answer to the
latest query is shown. Results appear in a completer popup over a plain item
model (group headings are unselectable rows), so the popup draws plain text.
The popup is as wide as its longest line needs (up to the window's width);
what is still too long is elided in the middle, so both a title's start and its
end stay readable, and the full line is the row's tooltip.

The box is part of the window's first frame (issue 16): the popup, its model
and the clear button are made after it, the first two when first needed.
Words typed before the catalog is open are searched for once it is.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRect, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QWidget

from db.i18n import _
from gui import lazy

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QAbstractItemView, QCompleter

    from db import search
    from db.catalog import Catalog
    from gui import search_results
    from gui.search_results import SearchResultsModel
    from gui.worker import Worker
else:  # not needed before the first frame (see gui.lazy)
    Qt = lazy.attribute("PySide6.QtCore", "Qt")
    search_results = lazy.module("gui.search_results")

RESULT_LIMIT = 40


class SearchBox(QLineEdit):
    open_record = Signal(str, int)
    searched = Signal(str, int)  # query, number of hits (tests wait on it)
    save_requested = Signal(str)  # "Save this search" (the sidebar keeps it)

    def __init__(self, worker: Callable[[], Worker], parent: QWidget | None = None) -> None:
        """*worker* gives the database worker when a search is to run (it starts after
        the first frame, which shows this box)."""
        super().__init__(parent)
        self.setObjectName("globalSearch")
        self.setPlaceholderText(_("Search everything — names, places, events…  (Ctrl+K)"))
        self.setToolTip(_("Narrow a search with title:, org:, city: or year:, e.g. "
                          "org:\"People's Committee\" year:2017"))
        self.setMinimumWidth(420)
        self._worker = worker
        self._catalog: Catalog | None = None
        self._latest = 0
        self.textEdited.connect(self._query)
        self.returnPressed.connect(self._open_first)
        self.save_action = QAction("☆", self)
        self.save_action.setObjectName("saveSearch")
        self.save_action.setToolTip(_("Save this search in the sidebar"))
        self.save_action.triggered.connect(lambda: self.save_requested.emit(self.text()))
        self.addAction(self.save_action, QLineEdit.ActionPosition.TrailingPosition)
        self.save_action.setVisible(False)
        self.textChanged.connect(lambda text: self.save_action.setVisible(bool(text.strip())))

    def finish(self) -> None:
        """The parts the first frame does not show (the clear button shows with text)."""
        self.setClearButtonEnabled(True)

    @cached_property
    def results(self) -> SearchResultsModel:
        return search_results.SearchResultsModel(self)

    @cached_property
    def completer_(self) -> QCompleter:
        completer = search_results.ResultsCompleter(self.results, self)
        completer.setCompletionMode(completer.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(16)
        completer.setWidget(self)
        popup = completer.popup()
        assert popup is not None
        popup.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        completer.activated[QModelIndex].connect(self._open_index)  # type: ignore[index]
        return completer

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
        """Search *catalog* from now on: for what the box holds already, at once (words
        typed while the catalog was opening are not lost)."""
        self._catalog = catalog
        self.results.clear()
        if self.text().strip():
            self._query(self.text())

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
        self._worker().submit(job, lambda hits: self._show(ticket, text, hits))

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
        kind, record_id = index.data(search_results.KIND_ROLE), index.data(search_results.ID_ROLE)
        if kind:
            self.popup.hide()
            self.open_record.emit(str(kind), int(record_id))

    def _open_first(self) -> None:
        popup = self.popup
        index = popup.currentIndex() if popup.isVisible() else None
        if index is None or not index.isValid() or not index.data(search_results.KIND_ROLE):
            index = self.results.first_hit()
        if index is not None:
            self._open_index(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.popup.isVisible():
            self.clear()
            self.results.clear()
            return
        super().keyPressEvent(event)


