"""Render assets/icons/liaison.svg into the PNG, ICO and ICNS files the app and installers use.

Run after editing the SVG and commit what it writes:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

The SVG is drawn with Qt's own renderer (QtSvg, part of PySide6-Essentials), so
no extra tool is needed and the PNGs look exactly like the icon Qt draws at
run time. The Windows ``.ico`` and macOS ``.icns`` containers simply wrap the
PNGs (both formats accept PNG-compressed entries), which needs no image library.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "assets" / "icons"
SOURCE = ICONS / "liaison.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, by pixel size (1024 is 512@2x).
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic09", 512), (b"ic10", 1024))


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon as PNG bytes at *size* x *size* pixels, antialiased on transparency."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, b"PNG"):
        raise RuntimeError(f"could not encode the {size} px icon as PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon file whose entries are PNGs (supported since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        # Width and height 0 mean 256 in the ICO directory.
        directory += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32,
                                 len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + directory + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon file whose entries are PNGs (the modern ICNS types)."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"{SOURCE}: Qt cannot read this SVG", file=sys.stderr)
        return 1
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _kind, size in ICNS_TYPES)})
    pngs = {size: render(renderer, size) for size in sizes}
    for size in PNG_SIZES:
        (ICONS / f"liaison-{size}.png").write_bytes(pngs[size])
    (ICONS / "liaison.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    (ICONS / "liaison.icns").write_bytes(icns(pngs))
    print(f"Wrote {len(PNG_SIZES)} PNGs, liaison.ico and liaison.icns to {ICONS}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
