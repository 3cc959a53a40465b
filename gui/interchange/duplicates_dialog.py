"""Tools > Find Duplicates, and the side-by-side merge of two records.

The candidates (rapidfuzz over folded names, raised by the same organisation,
e-mail or phone) are found on the database worker. Merging shows both records
field by field, like the conflict dialog: for every field where they differ
the user picks which value the kept record gets (preselected: the first
record's, or the other's where the first is empty). The merge moves positions,
memberships, participations, citations, attachments and history to the kept
record and is one step on the undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _
from db.vocabulary import field
from gui.interchange.commands import MergeCommand, push_applied
from gui.widgets import plain_label

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.interchange.duplicates import Candidate
    from db.interchange.merge import Merged
    from db.models import RecordKind
    from gui.undo import Editing
    from gui.worker import Worker

_SHOWN_CHARS = 60  # the whole value is in the tooltip


def find_candidates(catalog: Catalog, kind: RecordKind) -> list[Candidate]:
    """The worker's job."""
    from db.interchange.duplicates import candidates

    with catalog.read_session() as session:
        return candidates(session, kind)


@dataclass(frozen=True)
class Pair:
    """Both records' editable values, how to show them, and the versions seen."""

    first: dict[str, Any]
    second: dict[str, Any]
    versions: dict[int, int]
    shown: dict[int, dict[str, str]]  # 1 / 2 -> field -> words (a country's name)


def load_pair(catalog: Catalog, kind: RecordKind, a_id: int, b_id: int) -> Pair:
    """The worker's job: both records as :class:`Pair`."""
    from db import ops
    from db.interchange.merge import shown_values
    from db.models import TABLES

    with catalog.read_session() as session:
        a = session.get(TABLES[kind], a_id)
        b = session.get(TABLES[kind], b_id)
        if a is None or b is None:
            raise ops.NotFoundError(_("One of the two records no longer exists."))
        first, second = ops.editable_values(a), ops.editable_values(b)
        return Pair(first, second, {a_id: a.version, b_id: b.version},
                    {1: shown_values(session, kind, first), 2: shown_values(session, kind, second)})


def _full(value: Any) -> str:
    if value in (None, "", []):
        return _("(empty)")
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def _text(value: Any) -> str:
    text = " ".join(_full(value).split())
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS].rstrip() + "…"


class MergeDialog(QDialog):
    """Both records side by side; a choice per differing field; Merge keeps the first."""

    def __init__(self, candidate: Candidate, first: dict[str, Any], second: dict[str, Any],
                 parent: QWidget | None = None,
                 shown: dict[int, dict[str, str]] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(_("Merge two records"))
        self.candidate, self.first, self.second = candidate, first, second
        shown = shown or {}
        self.groups: dict[str, QButtonGroup] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel(_("Field"), self), 0, 0)
        grid.addWidget(plain_label(f"#{candidate.a_id} {candidate.a_label} " + _("(kept)"),
                                   self, wrap=False), 0, 1)
        grid.addWidget(plain_label(f"#{candidate.b_id} {candidate.b_label} "
                                   + _("(merged, then deleted)"), self, wrap=False),
                       0, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        row = 1
        for name in first:
            if first.get(name) == second.get(name) or name in ("id",):
                continue
            grid.addWidget(plain_label(field(name), self, wrap=False), row, 0)
            group = QButtonGroup(self)
            for column, value in ((1, first.get(name)), (2, second.get(name))):
                value = shown.get(column, {}).get(name, value)
                button = QRadioButton(_text(value), self)
                button.setToolTip(_full(value))
                button.setObjectName(f"merge_{name}_{column}")
                group.addButton(button, column)
                grid.addWidget(button, row, column)
            empty_first = first.get(name) in (None, "", [])
            group.button(2 if empty_first else 1).setChecked(True)
            self.groups[name] = group
            row += 1
        if row == 1:
            grid.addWidget(QLabel(_("The two records have the same values."), self), 1, 0,
                           1, 3)
        inner = QWidget(self)
        inner.setLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        note = plain_label(_("Positions, memberships, participations, sources, attachments "
                             "and history of the second record move to the first. You can "
                             "undo the merge."), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        merge = buttons.addButton(_("&Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setObjectName("mergeButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(860, 560)

    def values(self) -> dict[str, Any]:
        """The kept record's values where the user took the second record's."""
        return {name: self.second.get(name) for name, group in self.groups.items()
                if group.checkedId() == 2}


class DuplicatesDialog(QDialog):
    """Candidate pairs with their scores; Merge… opens the side-by-side dialog."""

    merged = Signal(object)  # db.ops.Result

    def __init__(self, catalog: Catalog, worker: Worker, editing: Editing, kind: RecordKind,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(_("Find Duplicates"))
        self.catalog, self.worker, self.editing, self.kind = catalog, worker, editing, kind
        self.found: list[Candidate] = []
        self.merge_dialog: MergeDialog | None = None
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("duplicatesTable")
        self.table.setHorizontalHeaderLabels([_("Score"), _("Record"), _("May be the same as"),
                                              _("Why")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _index: self.merge_selected())
        self.status = plain_label(_("Looking for duplicates…"), self)
        self.status.setObjectName("duplicatesStatus")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.merge_button = buttons.addButton(_("&Merge…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.setObjectName("mergeSelected")
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(820, 480)
        self.search()

    def search(self) -> None:
        catalog, kind = self.catalog, self.kind
        self.worker.submit(lambda: find_candidates(catalog, kind), self._show,
                           lambda error: self.status.setText(str(error)))

    def _show(self, found: list[Candidate]) -> None:
        self.found = found
        self.table.setRowCount(len(found))
        for row, pair in enumerate(found):
            for column, text in enumerate((f"{pair.score:.0f}", f"#{pair.a_id} {pair.a_label}",
                                           f"#{pair.b_id} {pair.b_label}",
                                           ", ".join(_(r) for r in pair.reasons))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        if found:
            self.table.selectRow(0)
        self.merge_button.setEnabled(bool(found) and not self.catalog.read_only)
        self.status.setText(_("{n} possible duplicates.").format(n=len(found)) if found
                            else _("No likely duplicates."))

    def merge_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.found:
            return
        pair = self.found[rows[0].row()]
        catalog, kind = self.catalog, self.kind
        self.worker.submit(lambda: load_pair(catalog, kind, pair.a_id, pair.b_id),
                           lambda loaded: self._ask(pair, loaded),
                           lambda error: self.status.setText(str(error)))

    def _ask(self, pair: Candidate, loaded: Pair) -> None:
        dialog = MergeDialog(pair, loaded.first, loaded.second, self, loaded.shown)
        self.merge_dialog = dialog
        dialog.accepted.connect(lambda: self._merge(pair, dialog.values(), loaded.versions))
        dialog.open()

    def _merge(self, pair: Candidate, values: dict[str, Any], versions: dict[int, int]
               ) -> None:
        from db.interchange.merge import merge

        catalog, kind = self.catalog, self.kind
        self.status.setText(_("Merging…"))
        self.worker.submit(
            lambda: merge(catalog, kind, pair.a_id, pair.b_id, values, expected=versions),
            lambda merged: self._merged(pair, values, merged),
            lambda error: self.status.setText(str(error)))

    def _merged(self, pair: Candidate, values: dict[str, Any], merged: Merged) -> None:
        command = MergeCommand(self.editing, self.kind, pair.a_id, pair.b_id, values, merged,
                               f"{pair.b_label} into {pair.a_label}")
        push_applied(self.editing, command, merged.result)
        self.merged.emit(merged.result)
        self.search()
