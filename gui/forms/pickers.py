"""Choosing a linked record by typing: a line edit and a popup of matches.

Matches come from the same accent-proof search as the global box (typing
``nguyen duc`` offers Nguyễn Đức Chung), with a line telling namesakes apart.
Records named exactly what was typed (accents, case and spaces aside: "ha noi"
is Hanoi) come first. Only when none is, the last entry is "Create new “…”": it
opens a small dialog, and the picker then holds the new record as a
:class:`db.ops.NewRecord`, written by the form's own save in the same
transaction and undone by the same undo. Clearing the field or abandoning the
form writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QToolButton, QWidget

from db.i18n import _
from db.kinds import RecordKind
from db.ops.drafts import NewRecord
from db.vocabulary import noun
from gui.forms.fields import FieldWidget
from gui.forms.lookup import Lookup

ID_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2
CREATE_ID = -1

# Asked for a new record: (kind, text typed) -> the record to write with the form, or
# None if cancelled.
Creator = Callable[[RecordKind, str], NewRecord | None]


class RecordPicker(FieldWidget):
    """A reference to another record; the value is its id or None."""

    def __init__(self, name: str, kind: RecordKind, lookup: Lookup, *,
                 creator: Creator | None = None, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.kind = kind
        self._lookup = lookup
        self._creator = creator
        self._id: int | None = None
        self._new: NewRecord | None = None  # a record to create when the form is saved
        self._label = ""
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"picker_{name}")
        self.edit.setPlaceholderText(_("Search {nouns}…").format(nouns=noun(kind, 2)))
        self.matches = QStandardItemModel(self)
        self.completer = QCompleter(self.matches, self.edit)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(LABEL_ROLE)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.edit)
        self.completer.activated[QModelIndex].connect(  # type: ignore[index]
            self._activated)
        self.edit.textEdited.connect(self._typed)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setToolTip(_("Clear"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        self._layout.addWidget(self.edit, 1)
        self._layout.addWidget(self.clear_button)

    def input(self) -> QWidget:
        return self.edit

    # ------------------------------------------------------------ value

    def value(self) -> Any:
        """The chosen id (or :class:`NewRecord`) while the text still shows its label;
        otherwise None."""
        if self.edit.text().strip() != self._label or not self._label:
            return None
        return self._new if self._new is not None else self._id

    def set_value(self, value: Any) -> None:
        self._new = value if isinstance(value, NewRecord) else None
        self._id = value if isinstance(value, int) else None
        self._label = (self._lookup.label(self.kind, self._id) or "") if self._id else ""
        if self._new is not None:
            self._label = self._new.label
        if self._id is not None and not self._label:
            self._label = _("(missing {noun} {id})").format(noun=noun(self.kind), id=self._id)
        with QSignalBlocker(self.edit):
            self.edit.setText(self._label)
            self.edit.setCursorPosition(0)
        self.changed.emit()

    def own_error(self) -> str | None:
        text = self.edit.text().strip()
        if text and (self.value() is None):
            return _("Choose one of the {nouns} listed, or clear the field.").format(
                nouns=noun(self.kind, 2))
        return None

    def display(self, value: Any) -> str:
        if isinstance(value, NewRecord):
            return _("{label} (new)").format(label=value.label)
        if not isinstance(value, int):
            return "—"
        return self._lookup.label(self.kind, value) or _("(missing {noun})").format(
            noun=noun(self.kind))

    # ------------------------------------------------------------ type-ahead

    def _typed(self, text: str) -> None:
        self.refresh_matches(text)
        self.changed.emit()
        if self.matches.rowCount():
            self.completer.complete()
        else:
            self._hide_popup()

    def refresh_matches(self, text: str) -> None:
        self.matches.clear()
        if not text.strip():
            return
        found = self._lookup.find(self.kind, text)  # those named exactly *text* first
        for match in found:
            shown = f"{match.label} — {match.detail}" if match.detail else match.label
            item = QStandardItem(shown)
            item.setData(match.id, ID_ROLE)
            item.setData(match.label, LABEL_ROLE)
            item.setEditable(False)
            self.matches.appendRow(item)
        if self._creator is not None and not any(match.exact for match in found):
            item = QStandardItem(_("Create new {noun} “{text}”…").format(
                noun=noun(self.kind), text=text.strip()))
            item.setData(CREATE_ID, ID_ROLE)
            item.setData(text, LABEL_ROLE)
            item.setEditable(False)
            self.matches.appendRow(item)

    def _hide_popup(self) -> None:
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()

    def choose(self, row: int) -> None:
        """Take the match in *row* (as clicking it in the popup does)."""
        self._activated(self.matches.index(row, 0))

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        self._hide_popup()
        if record_id == CREATE_ID:
            assert self._creator is not None
            typed = str(index.data(LABEL_ROLE) or "")
            asked = self._creator(self.kind, typed)
            if asked is None:
                with QSignalBlocker(self.edit):
                    self.edit.setText(typed)
                self.changed.emit()
                return
            self.set_value(asked)
            return
        self.set_value(int(record_id))
