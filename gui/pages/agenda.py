"""The "Upcoming" section: delegations and meetings of the coming weeks, day by day,
with who, where and status, and a tray of what is still to confirm.

The page reads :func:`db.reads.agenda.agenda` on the worker (one read, a fixed
number of queries) and only arranges it: a tree with a row per day (today first,
then in date order) holding that day's items, and beside it the "To confirm"
list. Enter, a double-click or a click in the tray opens the record in its
section (:attr:`AgendaPage.open_record`, wired to the window's one way of opening
records). "Print the week…" previews the week's programme
(:mod:`gui.briefing.agenda`), the same read on paper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import IntEnum
from itertools import groupby
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.i18n import N_, _, format_date, ngettext, pgettext
from db.kinds import DelegationStatus
from db.vocabulary import value_word
from gui.widgets import mute, plain_label

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.reads.agenda import Agenda, AgendaItem
    from gui.worker import Worker

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # (kind, id) of the record a row stands for
# How far ahead the section looks (days), as offered in its combo box.
SPANS = ((14, N_("Next 2 weeks")), (28, N_("Next 4 weeks")), (56, N_("Next 8 weeks")))


class Column(IntEnum):
    WHEN = 0
    WHAT = 1
    WHO = 2
    WHERE = 3
    STATUS = 4


HEADERS = {Column.WHEN: N_("When"), Column.WHAT: N_("What"), Column.WHERE: N_("Where"),
           Column.STATUS: N_("Status")}  # and Who: pgettext("agenda", "Who"), who takes part


def day_heading(day: dt.date, today: dt.date) -> str:
    """``Today — Monday, 3 March 2031``; ``Tomorrow — …``; else the full date."""
    full = format_date(day, "full")
    if day == today:
        return _("Today — {date}").format(date=full)
    if day == today + dt.timedelta(days=1):
        return _("Tomorrow — {date}").format(date=full)
    return full


class AgendaTree(QTreeWidget):
    """Days as top rows, their items below; Enter opens the current item."""

    open_record = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaTree")
        self.setColumnCount(len(Column))
        self.setHeaderLabels([_(HEADERS[c]) if c in HEADERS else pgettext("agenda", "Who")
                              for c in Column])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)  # Tab leaves the list
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.header()
        header.setStretchLastSection(False)
        for column in Column:
            mode = (QHeaderView.ResizeMode.Stretch if column is Column.WHAT
                    else QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(column, mode)
        self.itemActivated.connect(self._activated)

    def show_items(self, items: tuple[AgendaItem, ...], today: dt.date) -> None:
        self.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for day, members in groupby(items, key=lambda item: item.day):
            heading = QTreeWidgetItem(self, [day_heading(day, today)])
            heading.setFirstColumnSpanned(True)
            heading.setFont(Column.WHEN, bold)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for item in members:
                what = item.title if item.kind == "delegation" \
                    else f"{item.title} ({item.delegation})"
                row = QTreeWidgetItem(heading, [
                    item.when, what, ", ".join(item.who) or "", item.where,
                    value_word(DelegationStatus, item.status)])
                for column in Column:
                    row.setToolTip(column, row.text(column))
                row.setData(Column.WHEN, RECORD_ROLE, (item.kind, item.id))
                if item.kind == "delegation":
                    row.setFont(Column.WHAT, bold)
        self.expandAll()
        first = self.topLevelItem(0)
        child = first.child(0) if first is not None else None
        if child is not None:
            self.setCurrentItem(child)

    def titles(self) -> list[str]:
        """Each item's "What", in the order shown (tests, accessibility)."""
        found = []
        for top in range(self.topLevelItemCount()):
            day = self.topLevelItem(top)
            if day is None:
                continue
            for index in range(day.childCount()):
                row = day.child(index)
                if row is not None:
                    found.append(row.text(Column.WHAT))
        return found

    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        record = row.data(Column.WHEN, RECORD_ROLE)
        if record:
            self.open_record.emit(str(record[0]), int(record[1]))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
            self._activated(current, 0)
            return
        super().keyPressEvent(event)


class AgendaPage(QWidget):
    """The Upcoming section. *catalog* gives the open catalog (None while none is)."""

    open_record = Signal(str, int)
    loaded = Signal(int)  # items shown (tests wait on it)
    print_week = Signal(object)  # the first day (dt.date) of the week to print

    def __init__(self, worker: Worker, catalog: Callable[[], Catalog | None],
                 parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self.setObjectName("agendaPage")
        self._worker = worker
        self._catalog = catalog
        self._today = today
        self._ticket = 0
        self.agenda: Agenda | None = None

        self.span = QComboBox(self)
        self.span.setObjectName("agendaSpan")
        for days, text in SPANS:
            self.span.addItem(_(text), days)
        self.span.setCurrentIndex(1)
        self.span.currentIndexChanged.connect(lambda _index: self.reload())
        self.print_button = QPushButton(_("Print the week…"), self)
        self.print_button.setObjectName("printWeek")
        self.print_button.setToolTip(_("The programme of this week, Monday to Sunday, as a PDF"))
        self.print_button.clicked.connect(
            lambda: self.print_week.emit(self._week_start()))
        heading = plain_label(_("Upcoming"), self, wrap=False, selectable=False)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        bar.addWidget(self.span)
        bar.addWidget(self.print_button)

        self.tree = AgendaTree(self)
        self.tree.open_record.connect(self.open_record)
        self.empty = mute(plain_label("", self, selectable=False))
        self.empty.setObjectName("agendaEmpty")
        self.tray = QListWidget(self)
        self.tray.setObjectName("toConfirm")
        self.tray.setWordWrap(True)
        self.tray.setSpacing(3)
        self.tray.setAlternatingRowColors(True)
        self.tray.itemActivated.connect(self._tray_activated)
        self.tray.itemClicked.connect(self._tray_activated)
        self.tray_box = QGroupBox(_("To confirm"), self)
        tray_layout = QVBoxLayout(self.tray_box)
        tray_layout.addWidget(self.tray)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tray_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def _week_start(self) -> dt.date:
        from db.reads.agenda import week_of

        return week_of(self._today())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        """Read the agenda again (on the worker); a newer reload overtakes this one."""
        catalog = self._catalog()
        if catalog is None:
            return
        today, days = self._today(), int(self.span.currentData())
        ticket = self._ticket = self._ticket + 1

        def job() -> Agenda:
            from db.reads.agenda import agenda

            with catalog.read_session() as session:
                return agenda(session, today, days)

        self._worker.submit(job, lambda found: self._show(ticket, today, found))

    def _show(self, ticket: int, today: dt.date, found: Agenda) -> None:
        if ticket != self._ticket:
            return
        self.agenda = found
        self.tree.show_items(found.items, today)
        self.empty.setText("" if found.items else _(
            "Nothing is planned from {first} to {last}.").format(
                first=format_date(found.first, "medium"), last=format_date(found.last, "medium")))
        self.empty.setVisible(not found.items)
        self.tray.clear()
        for entry in found.to_confirm:
            line = QListWidgetItem(f"{format_date(entry.day, 'medium')} · {entry.label}\n"
                                   f"{entry.text}")
            line.setToolTip(line.text())
            line.setData(RECORD_ROLE, (entry.kind, entry.id))
            self.tray.addItem(line)
        count = len(found.to_confirm)
        self.tray_box.setTitle(ngettext("To confirm ({n})", "To confirm ({n})", count).format(
            n=count) if count else _("To confirm"))
        if not count:
            self.tray.addItem(QListWidgetItem(_("Nothing to confirm.")))
        self.loaded.emit(len(found.items))

    def _tray_activated(self, line: QListWidgetItem) -> None:
        record = line.data(RECORD_ROLE)
        if record:
            self.open_record.emit(str(record[0]), int(record[1]))

    def tray_texts(self) -> list[str]:
        return [self.tray.item(i).text() for i in range(self.tray.count())]
