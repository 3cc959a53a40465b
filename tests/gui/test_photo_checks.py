"""Photos refused for the right reason: a cut-short JPEG is incomplete, not accepted half
grey; a 100-megapixel PNG is too large, not "damaged"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from gui.photos import PhotoError, photo_from_bytes
from tests.gui.forms.test_photos import huge_png_header


def _jpeg(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    for y in range(height):  # detail, so the scan is long enough to cut
        for x in range(0, width, 7):
            image.setPixelColor(x, y, QColor((x * 7) % 256, (y * 3) % 256, (x + y) % 256))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 90)  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def test_a_whole_jpeg_is_kept(qapp: object) -> None:
    photo = photo_from_bytes(_jpeg(300, 200), "whole.jpg")
    assert (photo.width, photo.height) == (300, 200)


def test_a_truncated_jpeg_is_refused_as_incomplete(qapp: object) -> None:
    data = _jpeg(300, 200)
    with pytest.raises(PhotoError, match="is incomplete"):
        photo_from_bytes(data[: len(data) * 2 // 3], "cut.jpg")


def test_a_100_megapixel_png_is_too_large_not_damaged(qapp: object) -> None:
    with pytest.raises(PhotoError) as refused:
        photo_from_bytes(huge_png_header(10_000, 10_000), "poster.png")
    assert "too large" in str(refused.value) and "damaged" not in str(refused.value)
