"""When two windows (or two laptops) saved the same record: show both, let the user choose.

The second save is refused by the version check (``db.ops.StaleVersionError``);
nothing has been overwritten at that point. :func:`conflict_rows` compares three
states of the record: what the form loaded (*base*), what the user typed
(*mine*) and what the catalog holds now (*theirs*). Every field that differs
between mine and theirs is shown, preselected with the side that changed it
(both changed: a real conflict, preselected "mine" and marked). The user keeps
theirs, takes the other, or picks field by field; :func:`merge` builds the draft
to save against the new version. A list of rows (positions, members) is chosen
as a whole.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _
from gui.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from db.ops import Draft

_SHOWN_CHARS = 1200


class Choice(enum.Enum):
    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True)
class ConflictRow:
    key: str  # a field, or a part name for a list of rows
    label: str
    mine: str
    theirs: str
    default: Choice
    both_changed: bool


def _rows_equal(a: Sequence[Draft], b: Sequence[Draft]) -> bool:
    """Lists of rows compare by content (ids and versions aside)."""
    if len(a) != len(b):
        return False
    return all(x.values == y.values and _parts_equal(x.parts, y.parts) for x, y in zip(a, b,
                                                                                     strict=True))


def _parts_equal(a: Mapping[str, Sequence[Draft]], b: Mapping[str, Sequence[Draft]]) -> bool:
    return all(_rows_equal(a.get(k, ()), b.get(k, ())) for k in set(a) | set(b))


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple):
        return _rows_equal(a, b)
    return bool(a == b)


def conflict_rows(base: Draft, mine: Draft, theirs: Draft, *,
                  label: Callable[[str], str],
                  display: Callable[[str, Any], str]) -> list[ConflictRow]:
    """The fields and parts where *mine* and *theirs* differ, in the form's order."""
    rows: list[ConflictRow] = []
    keys = [(k, False) for k in mine.values] + [(k, True) for k in mine.parts]
    for key, is_part in keys:
        source_mine = mine.parts if is_part else mine.values
        source_theirs = theirs.parts if is_part else theirs.values
        source_base = base.parts if is_part else base.values
        empty: Any = () if is_part else None
        value_mine = source_mine.get(key, empty)
        value_theirs = source_theirs.get(key, empty)
        if _same(value_mine, value_theirs):
            continue
        value_base = source_base.get(key, empty)
        i_changed = not _same(value_mine, value_base)
        they_changed = not _same(value_theirs, value_base)
        rows.append(ConflictRow(
            key, label(key), display(key, value_mine), display(key, value_theirs),
            Choice.THEIRS if they_changed and not i_changed else Choice.MINE,
            i_changed and they_changed,
        ))
    return rows


def _adopt(row: Draft, theirs: Draft | None) -> Draft:
    """My row, saved against their version: ids they no longer have become new rows."""
    from db.ops import Draft

    if theirs is None:
        return Draft(row.kind, row.values, None, None,
                     {k: tuple(_adopt(r, None) for r in rs) for k, rs in row.parts.items()})
    by_id: dict[str, dict[int | None, Draft]] = {
        k: {r.id: r for r in rs} for k, rs in theirs.parts.items()}
    parts = {k: tuple(_adopt(r, by_id.get(k, {}).get(r.id) if r.id is not None else None)
                      for r in rs) for k, rs in row.parts.items()}
    return Draft(row.kind, row.values, row.id, theirs.version, parts)


def merge(mine: Draft, theirs: Draft, choices: Mapping[str, Choice]) -> Draft:
    """The draft to save on top of *theirs*: each field and list from the chosen side."""
    from db.ops import Draft

    values = dict(mine.values)
    for key in mine.values:
        if choices.get(key) is Choice.THEIRS:
            values[key] = theirs.values.get(key)
    parts: dict[str, tuple[Draft, ...]] = {}
    for key, rows in mine.parts.items():
        if choices.get(key) is Choice.THEIRS:
            parts[key] = tuple(theirs.parts.get(key, ()))
        else:
            theirs_rows = {r.id: r for r in theirs.parts.get(key, ())}
            parts[key] = tuple(_adopt(r, theirs_rows.get(r.id) if r.id is not None else None)
                               for r in rows)
    return Draft(mine.kind, values, theirs.id, theirs.version, parts)


def _clip(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def _plain(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class ConflictDialog(QDialog):
    """Field by field: your value, the catalog's value, and which one to keep."""

    def __init__(self, title: str, rows: Sequence[ConflictRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(_("Saved elsewhere meanwhile"))
        self.rows = list(rows)
        self._groups: dict[str, QButtonGroup] = {}
        self.radios: dict[tuple[str, Choice], QRadioButton] = {}

        intro = _plain(
            _("“{title}” was changed and saved elsewhere (another window or another copy of "
              "Liaison) while you were editing it. Nothing has been overwritten. Choose, for "
              "each difference, which value to keep; ● marks fields both of you changed.")
            .format(title=title), self)

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        bold = QFont(self.font())
        bold.setBold(True)
        headings = (_("Field"), _("Yours (not saved)"), _("In the catalog now"))
        for column, text in enumerate(headings):
            heading = _plain(text)
            heading.setFont(bold)
            grid.addWidget(heading, 0, column)
        for number, row in enumerate(self.rows, start=1):
            name = _plain(("● " if row.both_changed else "") + row.label)
            group = QButtonGroup(self)
            self._groups[row.key] = group
            for column, (choice, text) in enumerate(((Choice.MINE, row.mine),
                                                     (Choice.THEIRS, row.theirs)), start=1):
                radio = QRadioButton()
                radio.setObjectName(f"{choice.value}_{row.key}")
                radio.setChecked(choice is row.default)
                group.addButton(radio)
                self.radios[(row.key, choice)] = radio
                cell = QWidget()
                cell_layout = QGridLayout(cell)
                cell_layout.setContentsMargins(0, 0, 0, 0)
                cell_layout.addWidget(radio, 0, 0, Qt.AlignmentFlag.AlignTop)
                value = _plain(_clip(text) or "—")
                value.setMinimumWidth(220)
                value.setBuddy(radio)
                cell_layout.addWidget(value, 0, 1)
                cell_layout.setColumnStretch(1, 1)
                grid.addWidget(cell, number, column)
            grid.addWidget(name, number, 0, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(self.rows) + 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)

        buttons = QDialogButtonBox(self)
        self.keep_mine = QPushButton(_("Keep all mine"))
        self.take_theirs = QPushButton(_("Take all theirs"))
        self.save_chosen = QPushButton(_("Save as chosen"))
        self.save_chosen.setDefault(True)
        for button in (self.keep_mine, self.take_theirs, self.save_chosen):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.keep_mine.clicked.connect(lambda: self._accept_all(Choice.MINE))
        self.take_theirs.clicked.connect(lambda: self._accept_all(Choice.THEIRS))
        self.save_chosen.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, min(640, 200 + 70 * len(self.rows)))

    def _accept_all(self, choice: Choice) -> None:
        for row in self.rows:
            self.radios[(row.key, choice)].setChecked(True)
        self.accept()

    def choose(self, key: str, choice: Choice) -> None:
        self.radios[(key, choice)].setChecked(True)

    def choices(self) -> dict[str, Choice]:
        return {row.key: (Choice.MINE if self.radios[(row.key, Choice.MINE)].isChecked()
                          else Choice.THEIRS) for row in self.rows}


def ask(parent: QWidget | None, title: str,
        rows: Sequence[ConflictRow]) -> dict[str, Choice] | None:
    """Show the dialog; the choices, or None when the user cancels (keeps editing)."""
    dialog = ConflictDialog(title, rows, parent)
    try:
        return dialog.choices() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


__all__ = ["Choice", "ConflictDialog", "ConflictRow", "ask", "conflict_rows", "merge"]
