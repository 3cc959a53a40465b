"""Windows that fit the screen they open on: a dialog is never taller or wider than
the screen's available area (a 900-pixel-high laptop, a 1024×640 window manager
work area), whatever size it would like."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for the window frame and title bar, which the available area does not include.
FRAME_MARGIN = 48


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize *widget* to *width* × *height*, or less where its screen is smaller."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    widget.resize(min(width, room.width() - FRAME_MARGIN),
                  min(height, room.height() - FRAME_MARGIN))
