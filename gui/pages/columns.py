"""Columns that fit what they hold, leaving the spare width to the record's name.

Each column but the name is sized to its contents (within reason); when the list
is narrow (a 1024-pixel window with the detail pane open) they shrink together
so the name keeps a good share of the width, and they follow the list as it is
resized, until the user sizes a column by hand: from then on the layout is theirs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

# No column sized to its contents grows wider than this many "M"s.
FITTED_COLUMN_EMS = 18
NAME_SHARE = 0.4  # at least this much of the list's width is the name's
MIN_COLUMN_WIDTH = 40


class ColumnFit(QObject):
    """Fits *view*'s columns; *name_column* (stretched by the header) takes the rest."""

    def __init__(self, view: QTableView, name_column: int) -> None:
        super().__init__(view)
        self._view = view
        self._name = name_column
        self.wanted: dict[int, int] = {}  # column -> width wanted, while the fit is ours
        view.horizontalHeader().sectionResized.connect(self._resized)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)

    def fit(self) -> None:
        """Size the columns to the rows now loaded."""
        view, header = self._view, self._view.horizontalHeader()
        widest = view.fontMetrics().horizontalAdvance("M") * FITTED_COLUMN_EMS
        model = view.model()
        self.wanted = {column: min(widest, max(header.sectionSizeHint(column),
                                               view.sizeHintForColumn(column)))
                       for column in range(model.columnCount() if model else 0)
                       if column != self._name and not header.isSectionHidden(column)}
        self._apply()

    def _apply(self) -> None:
        if not self.wanted:
            return
        budget = self._view.viewport().width() * (1 - NAME_SHARE)
        scale = min(1.0, budget / max(sum(self.wanted.values()), 1))
        header = self._view.horizontalHeader()
        header.blockSignals(True)  # a fitted width is not the user's choice to remember
        for column, width in self.wanted.items():
            self._view.setColumnWidth(column, max(int(width * scale), MIN_COLUMN_WIDTH))
        header.blockSignals(False)

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column != self._name:  # the user sized a column: the layout is theirs now
            self.wanted = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self._apply()  # (no call into the view for other events: it may be going)
        return super().eventFilter(watched, event)
