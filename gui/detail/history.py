"""A record's change history in the detail pane: collapsed, one line per save.

History is for the odd question ("who changed this title, and when?"), not for
reading every time a record opens: the section starts folded, saying how many
saves there were. Unfolded, each save (one ``db.ops`` operation: every field it
changed, on the record and the rows it owns) is one line with its time and its
author's name, and its fields below. The author is shown by the name the
operating system knows them by (``Nguyễn Thị Lan``), not the login (``lan``),
when there is one.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _, format_datetime, ngettext
from db.kinds import ChangeAction, RecordKind
from db.vocabulary import value_word
from gui.forms.labels import CHOICES, field_label, value_label
from gui.widgets import plain_label

if TYPE_CHECKING:
    from db.changes import ChangeView

_CELL_CHARS = 300


@functools.cache
def author_name(actor: str) -> str:
    """The full name the system records for a login (its GECOS field), else the login."""
    try:
        import pwd

        full = pwd.getpwnam(actor).pw_gecos.split(",")[0].strip()
    except (ImportError, KeyError, OSError):
        return actor
    return full if full and full.casefold() != actor.casefold() else actor


def _local(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:  # SQLite hands back the stored UTC time without its zone
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone()


def _cell(text: str | None) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= _CELL_CHARS else flat[: _CELL_CHARS - 1] + "…"


def _value(change: ChangeView, value: str | None) -> str:
    if value is not None and (RecordKind(change.record_kind), change.field) in CHOICES:
        return value_label(value, RecordKind(change.record_kind), change.field)
    return _cell(value)


def _what(change: ChangeView) -> str:
    action = value_word(ChangeAction, change.action)
    return f"{action} {change.record_label}" if change.record_label else action


def saves(changes: Sequence[ChangeView]) -> list[list[ChangeView]]:
    """The lines of each save, newest save first (lines come newest first)."""
    return [list(group) for _key, group in groupby(changes, key=lambda c: c.operation_id)]


class HistorySection(QWidget):
    """A fold-out "Change history (N saves)" over a tree of saves and their fields."""

    def __init__(self, changes: Sequence[ChangeView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historySection")
        grouped = saves(changes)
        # The heading looks like the pane's other section headings; the button beside it
        # shows or hides the saves.
        self.heading = plain_label(ngettext(
            "Change history ({n} save)", "Change history ({n} saves)", len(grouped)).format(
                n=len(grouped)), self, wrap=False, selectable=False)
        font = self.heading.font()
        font.setBold(True)
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        self.heading.setFont(font)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("historyToggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(False)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setText(_("Show"))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("changeHistory")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([_("Change"), _("Field"), _("Before"), _("After")])
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        for lines in grouped:
            first = lines[0]
            fields = ngettext("{n} change", "{n} changes", len(lines)).format(n=len(lines))
            heading = QTreeWidgetItem(self.tree, [
                f"{format_datetime(_local(first.changed_at))} · {author_name(first.actor)}"
                f" · {fields}"])
            heading.setFirstColumnSpanned(True)
            heading.setToolTip(0, first.actor)
            for change in lines:
                row = QTreeWidgetItem(heading, [
                    _what(change), field_label(change.field) if change.field else "",
                    _value(change, change.old_value), _value(change, change.new_value)])
                for column in range(4):
                    row.setToolTip(column, row.text(column))
        self.tree.setVisible(False)
        rows = min(len(grouped), 8) + 6
        self.tree.setMinimumHeight(self.tree.header().sizeHint().height()
                                   + rows * self.tree.fontMetrics().height() * 3 // 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(4)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.heading)
        bar.addWidget(self.toggle)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(self.tree)
        self.toggle.toggled.connect(self._toggled)

    def _toggled(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.toggle.setText(_("Hide") if shown else _("Show"))
        self.tree.setVisible(shown)

    def save_lines(self) -> list[str]:
        """Each save's line, newest first (tests and accessibility)."""
        return [item.text(0) for index in range(self.tree.topLevelItemCount())
                if (item := self.tree.topLevelItem(index)) is not None]
