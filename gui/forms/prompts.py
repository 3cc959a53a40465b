"""Every question a form asks the user, in one replaceable object.

Forms never open a message box directly: they ask their :class:`Prompts`. The
default shows ordinary Qt dialogs (plain text, since messages quote names); a
window can subclass it, and tests can answer without a human.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

if TYPE_CHECKING:
    from gui.conflict import Choice, ConflictRow

APP_NAME = "Liaison"


class Answer(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, text: str,
                informative: str = "") -> QMessageBox:
    box = QMessageBox(icon, APP_NAME, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    box.setObjectName("formPrompt")
    return box


def unsaved_changes_box(parent: QWidget | None, title: str) -> QMessageBox:
    box = message_box(parent, QMessageBox.Icon.Warning, f"Save your changes to “{title}”?",
                      "If you don't save, your changes will be lost.")
    box.setStandardButtons(QMessageBox.StandardButton.Save
                           | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box


def confirm_delete_box(parent: QWidget | None, text: str,
                       details: Sequence[str]) -> tuple[QMessageBox, QAbstractButton]:
    box = message_box(parent, QMessageBox.Icon.Question, text,
                      "\n".join(details) + ("\n\n" if details else "")
                      + "You can undo this with Edit ▸ Undo.")
    delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box, delete


class Prompts:
    def unsaved_changes(self, parent: QWidget | None, title: str) -> Answer:
        box = unsaved_changes_box(parent, title)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: Answer.SAVE,
                QMessageBox.StandardButton.Discard: Answer.DISCARD}.get(
            QMessageBox.StandardButton(answer), Answer.CANCEL)

    def confirm_delete(self, parent: QWidget | None, text: str,
                       details: Sequence[str]) -> bool:
        box, delete = confirm_delete_box(parent, text, details)
        box.exec()
        return box.clickedButton() is delete

    def problem(self, parent: QWidget | None, text: str) -> None:
        message_box(parent, QMessageBox.Icon.Warning, text).exec()

    def deleted_elsewhere(self, parent: QWidget | None, title: str) -> bool:
        """The record was deleted elsewhere while edited: save what was typed as new?"""
        box = message_box(parent, QMessageBox.Icon.Warning,
                          f"“{title}” was deleted elsewhere while you were editing it.",
                          "Save what you typed as a new record? (Cancel keeps the form open.)")
        save = box.addButton("Save as new", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is save

    def resolve_conflict(self, parent: QWidget | None, title: str,
                         rows: Sequence[ConflictRow]) -> dict[str, Choice] | None:
        from gui.conflict import ask

        return ask(parent, title, rows)
