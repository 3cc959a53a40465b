"""The strip that tells a first-time user they are looking at the sample catalog.

A new user's first catalog is the sample (five news articles made into records);
without a word saying so they take it for their own data. The banner says what it
is and where to start their own, and closes with its button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QToolButton, QWidget

from db.i18n import _
from gui.widgets import Banner


class SampleBanner(Banner):
    """Shown above the content while the open catalog is the sample (hidden otherwise)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("sampleBanner", ("#e5f1fb", "#9cc3e5", "#0b2e4f"), parent)
        self.label.setText(_("You are looking at a sample catalog built from five articles — "
                             "File > New Empty Catalog to start your own"))
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("closeSampleBanner")
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setToolTip(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
        self.close_button.clicked.connect(self.hide)
        self.row.setContentsMargins(12, 6, 6, 6)
        self.row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_sample(self, sample: bool) -> None:
        self.setVisible(sample)
