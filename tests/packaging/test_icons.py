"""The application icon: every size present, loadable by Qt, and in step with its SVG source."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from gui.icons import ICON_SIZES, ICONS_DIR, app_icon, icon_path


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return qapp


def test_every_size_is_a_square_png_of_that_size(app: QApplication) -> None:
    for size in ICON_SIZES:
        image = QImage(str(icon_path(size)))
        assert not image.isNull(), f"{icon_path(size)} is missing or unreadable"
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel(), "the rounded corners need transparency"


def test_app_icon_offers_every_size(app: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert {QSize(s, s) for s in ICON_SIZES} <= set(icon.availableSizes())
    # A title bar asks for 16 px: it gets the hand-rendered 16 px image, not a scaled 512.
    assert icon.pixmap(16, 16).toImage() == QImage(str(icon_path(16))).convertToFormat(
        icon.pixmap(16, 16).toImage().format())


@pytest.mark.parametrize("size", [16, 64, 256])
def test_pngs_were_rendered_from_the_current_svg(app: QApplication, size: int) -> None:
    """Edit liaison.svg and forget packaging/render_icons.py, and this fails."""
    renderer = QSvgRenderer(str(ICONS_DIR / "liaison.svg"))
    assert renderer.isValid()
    fresh = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    fresh.fill(Qt.GlobalColor.transparent)
    painter = QPainter(fresh)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    committed = QImage(str(icon_path(size))).convertToFormat(fresh.format())
    differing = sum(1 for y in range(size) for x in range(size)
                    if _distance(fresh.pixel(x, y), committed.pixel(x, y)) > 24)
    assert differing <= size * size // 100, f"{differing} pixels differ at {size} px"


def _distance(a: int, b: int) -> int:
    return max(abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) for shift in (0, 8, 16, 24))


def test_windows_and_macos_icon_files_hold_pngs() -> None:
    ico = (ICONS_DIR / "liaison.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 6
    first_offset = struct.unpack("<I", ico[6 + 12:6 + 16])[0]
    assert ico[first_offset:first_offset + 8] == b"\x89PNG\r\n\x1a\n"
    icns = (ICONS_DIR / "liaison.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns and b"icp4" in icns


def test_icon_folder_is_found_from_the_package_not_the_working_directory(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, app: QApplication) -> None:
    monkeypatch.chdir(tmp_path)
    assert not app_icon().isNull()
