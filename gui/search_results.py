"""What the global search box shows: hits grouped under a heading per kind.

A plain item model (group headings are unselectable rows) in a completer popup
that shows the rows as they are: the query did the matching. Kept apart from
:mod:`gui.search_box`, whose line edit is part of the window's first frame:
these classes load when the first search shows its answer (issue 16).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from db.i18n import N_, _
from gui.lazy import USER_ROLE

if TYPE_CHECKING:
    from db import search

KIND_ROLE = USER_ROLE + 1  # a hit's kind (a heading has none)
ID_ROLE = USER_ROLE + 2
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


class ResultsCompleter(QCompleter):
    """Shows our results as they are: the query already did the matching."""

    def splitPath(self, path: str) -> list[str]:
        return [""]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        return widget.text() if isinstance(widget, QLineEdit) else ""
