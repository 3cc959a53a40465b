"""Small widgets that show user text safely.

User text is never markup: every label here uses ``Qt.PlainText`` so a name
like ``<b>x</b>`` or ``<a href=...>`` shows literally, and links are our own
clickable labels (not rich-text anchors) so no user string is ever parsed.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QStyle, QWidget

from db.i18n import _


def plain_label(text: str, parent: QWidget | None = None, *, wrap: bool = True,
                selectable: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(wrapping_policy(wrap))
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def wrapping_policy(wrap: bool = True,
                    horizontal: QSizePolicy.Policy = QSizePolicy.Policy.Preferred) -> QSizePolicy:
    """A label's policy that keeps height-for-width, which ``setWordWrap`` had switched on:
    without it layouts size wrapped text for a guessed width and leave gaps."""
    policy = QSizePolicy(horizontal, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(wrap)
    return policy


def mute(label: QLabel) -> QLabel:
    """Secondary text: readable grey, unlike a disabled label's washed-out look."""
    palette = label.palette()
    base = palette.color(QPalette.ColorRole.WindowText)
    grey = QColor(base)
    grey.setAlphaF(0.62)
    palette.setColor(QPalette.ColorRole.WindowText, grey)
    label.setPalette(palette)
    return label


class LinkLabel(QLabel):
    """Plain text that opens a record when clicked, or on Enter/Space when focused."""

    activated = Signal(str, int)

    def __init__(self, text: str, kind: str, record_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.record_id = kind, record_id
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(_("Open this record"))
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText,
                         palette.color(QPalette.ColorRole.Link))
        self.setPalette(palette)
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)
        self.setSizePolicy(wrapping_policy(True, QSizePolicy.Policy.Maximum))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.activated.emit(self.kind, self.record_id)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.kind, self.record_id)
            return
        super().keyPressEvent(event)


def initials(name: str) -> str:
    """Two letters for an avatar: first and last word's initials (``Nguyễn Đức Chung`` -> NC)."""
    words = [w for w in name.split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


_AVATAR_COLOURS = ("#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#76B7B2", "#EDC948",
                   "#E15759", "#9C755F")


def avatar(name: str, size: int = 72, photo: bytes | None = None) -> QPixmap:
    """A round photo when there is one, else coloured initials."""
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    clip = QPainterPath()
    clip.addEllipse(QRectF(0, 0, size, size))
    painter.setClipPath(clip)
    image = QPixmap()
    if photo and image.loadFromData(photo):
        scaled = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                              Qt.TransformationMode.SmoothTransformation)
        painter.drawPixmap((size - scaled.width()) // 2, (size - scaled.height()) // 2, scaled)
    else:
        colour = _AVATAR_COLOURS[sum(map(ord, name)) % len(_AVATAR_COLOURS)]
        painter.fillRect(0, 0, size, size, QColor(colour))
        font = QFont()
        font.setPixelSize(int(size * 0.38))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pixmap


class Banner(QWidget):
    """A coloured strip above the content with an information icon and a plain-text line
    (the sample catalog, a read-only catalog); hidden until a subclass shows it."""

    def __init__(self, name: str, colours: tuple[str, str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        background, border, text = colours
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"#{name} {{ background: {background}; "
                           f"border-bottom: 1px solid {border}; }}"
                           f"#{name} QLabel {{ color: {text}; }}")
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(20, 20))
        self.label = plain_label("", self, selectable=False)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(12, 6, 12, 6)
        self.row.setSpacing(10)
        self.row.addWidget(icon, 0, Qt.AlignmentFlag.AlignVCenter)
        self.row.addWidget(self.label, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hide()
