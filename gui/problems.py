"""Telling the user something went wrong: one message box, never a pile of them.

A failure the user caused or can act on (a file that will not open) gets its
own box. Failures of background reads (a list, a filter's choices) arrive
while a box may already be open: they are added to it, with where the log
keeps the details.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from gui.log import log_file

APP_NAME = "Liaison"


class Problems(QObject):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._box: QMessageBox | None = None
        self.last = ""  # the text of the latest message (tests read it)

    def show(self, message: str) -> None:
        self.last = message
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message, parent=self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        self._box = box

    def background(self, message: str) -> None:
        """A job without its own error path failed; the traceback is in the log."""
        box = self._box
        footer = f"\n\nDetails were written to {log_file()}."
        if box is not None and box.isVisible() and box.text().endswith(footer):
            shown = box.text().removesuffix(footer)
            if message not in shown.splitlines():
                self.last = f"{shown}\n{message}{footer}"
                box.setText(self.last)
        else:
            self.show(message + footer)
