"""The strip that tells a first-time user they are looking at the sample catalog.

A new user's first catalog is the sample (five news articles made into records);
without a word saying so they take it for their own data. The banner says what it
is and where to start their own, and closes with its button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStyle, QToolButton, QWidget

from db.i18n import _


class SampleBanner(QWidget):
    """Shown above the content while the open catalog is the sample (hidden otherwise)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sampleBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#sampleBanner { background: #e5f1fb; "
                           "border-bottom: 1px solid #9cc3e5; }"
                           "#sampleBanner QLabel { color: #0b2e4f; }")
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(20, 20))
        self.label = QLabel(_("You are looking at a sample catalog built from five articles — "
                              "File > New Empty Catalog to start your own"), self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("closeSampleBanner")
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setToolTip(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.setSpacing(10)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hide()

    def set_sample(self, sample: bool) -> None:
        self.setVisible(sample)
