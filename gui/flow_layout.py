"""A layout that puts its widgets in a row and wraps them onto more rows when narrow.

A list's filter bar holds a text box and up to four combos, each as wide as
its "Any …" choice in the interface language ("Cả đoàn ra và đoàn vào" is long).
In one row they would set the window's minimum width above 1024 pixels; wrapped,
the minimum is the widest single filter. The spare width of each row is shared
among its widgets (a text box twice a combo's share), so a wide window shows one
full row as before. (After Qt's own Flow Layout example, shipped only as C++.)
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QLineEdit, QWidget


def _weight(item: QLayoutItem) -> int:
    """A text box takes twice a combo's share of the spare width (it holds typing)."""
    return 2 if isinstance(item.widget(), QLineEdit) else 1


class FlowLayout(QLayout):
    """Widgets left to right, wrapped onto the next row when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        """One row of everything: what the layout would like."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        """The widest single widget: everything else can wrap."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            wanted = item.sizeHint().width()
            if rows[-1] and used + self._spacing + wanted > width:
                rows.append([])
                used = 0
            used += (self._spacing if rows[-1] else 0) + wanted
            rows[-1].append(item)
        return [row for row in rows if row]

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the rows out in *rect* (when *place*); returns the height they take."""
        y = rect.y()
        for row in self._rows(rect.width()):
            hints = [max(i.sizeHint().width(), i.minimumSize().width()) for i in row]
            spare = max(0, rect.width() - sum(hints) - self._spacing * (len(row) - 1))
            height = max(i.sizeHint().height() for i in row)
            weights = [_weight(i) for i in row]
            x = rect.x()
            for item, hint, weight in zip(row, hints, weights, strict=True):
                share = spare * weight // sum(weights)
                width = min(hint + share, rect.right() - x + 1)
                if place:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + self._spacing
            y += height + self._spacing
        return y - rect.y() - self._spacing if y > rect.y() else 0
