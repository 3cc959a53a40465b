"""A source's link, opened only when the user says so.

A source's address is user text: clicking it must never open a browser by
surprise (a mistyped or planted address, a click made while scrolling). The
detail pane shows the address as text with an "Open link…" button; the button
asks first, naming the address, and only a "Open" answer hands it to the
desktop (``QDesktopServices``). Only web addresses (http, https) are offered.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _
from gui.widgets import mute, plain_label

WEB_SCHEMES = frozenset({"http", "https"})


def web_url(text: str | None) -> QUrl | None:
    """The address as a URL when it is a web one, else None (nothing to open)."""
    url = QUrl.fromUserInput((text or "").strip())
    if not text or not url.isValid() or url.scheme().lower() not in WEB_SCHEMES:
        return None
    return url


def ask_to_open(parent: QWidget, url: QUrl) -> QMessageBox:
    """Ask before opening *url*; the box is window-modal and opens it on "Open"."""
    box = QMessageBox(QMessageBox.Icon.Question, _("Open link"),
                      _("Open this link in your web browser?"), QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("openLinkQuestion")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.setInformativeText(url.toDisplayString())
    box.setTextFormat(Qt.TextFormat.PlainText)  # the address is user text, never markup
    opening = box.addButton(_("Open the link"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(opening)

    def answered() -> None:
        if box.clickedButton() is opening:
            QDesktopServices.openUrl(url)

    box.finished.connect(answered)
    box.open()
    return box


def source_entry(title: str, detail: str, address: str | None) -> QWidget:
    """A source: its title, publisher and date, its address and an "Open link…" button."""
    entry = QWidget()
    column = QVBoxLayout(entry)
    column.setContentsMargins(0, 0, 0, 4)
    column.setSpacing(0)
    column.addWidget(plain_label(title))
    if detail:
        column.addWidget(mute(plain_label(detail)))
    url = web_url(address)
    if address:
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(mute(plain_label(address)), 1)
        if url is not None:
            button = QPushButton(_("Open link…"), entry)
            button.setObjectName("openSourceLink")
            button.setToolTip(url.toDisplayString())
            button.clicked.connect(lambda: ask_to_open(entry, url))
            row.addWidget(button)
        column.addLayout(row)
    return entry
