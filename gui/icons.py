"""The application icon, from the PNGs rendered out of ``assets/icons/liaison.svg``.

The PNGs are loaded rather than the SVG: each size was rendered once (see
``packaging/render_icons.py``), so title bars, task bars and the About dialog
get crisp pixels without loading the SVG plugin at start-up. The folder is found
relative to this file, which is also right inside the PyInstaller bundle, where
``assets/`` sits beside the ``gui`` package.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

ICONS_DIR = Path(__file__).resolve().parent.parent / "assets" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_path(size: int) -> Path:
    """The PNG of the application icon at *size* pixels (one of ``ICON_SIZES``)."""
    return ICONS_DIR / f"liaison-{size}.png"


def app_icon() -> QIcon:
    """Liaison's icon at every rendered size; an empty icon if the files are missing."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_path(size)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon
