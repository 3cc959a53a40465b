"""A person's photo: chosen or dropped, checked before decoding, scaled, stored with the save."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QImageReader
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select

from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import Attachment
from gui.forms.base import RecordForm
from gui.forms.context import FormContext
from gui.photos import MAX_BYTES, PhotoField, photo_from_bytes
from tests.gui.forms.conftest import person_id

K = RecordKind


def _png(width: int, height: int, colour: str = "#3366aa", alpha: bool = False) -> bytes:
    image = QImage(width, height, QImage.Format.Format_ARGB32 if alpha
                   else QImage.Format.Format_RGB32)
    image.fill(QColor(0, 0, 0, 0) if alpha else QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def huge_png_header(width: int = 20000, height: int = 10000) -> bytes:
    """A few dozen bytes that claim to be a 200-megapixel PNG (a forged IHDR)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr)
            + _chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + _chunk(b"IEND", b""))


def _photos(catalog: Catalog, person: int) -> list[Attachment]:
    with catalog.read_session() as session:
        return list(session.exec(select(Attachment).where(
            Attachment.record_kind == "person", Attachment.record_id == person)).all())


def test_a_photo_is_scaled_stored_with_the_save_and_replaced(
        qtbot: QtBot, open_form: Callable[..., RecordForm], context: FormContext,
        sample_catalog: Catalog, tmp_path: Path) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    form = open_form(K.PERSON, chung)
    photo = form.fields.fields["photo"]
    assert isinstance(photo, PhotoField)
    big = tmp_path / "chung.png"
    big.write_bytes(_png(3000, 2000))
    assert photo.add_file(big)
    assert not photo.picture.pixmap().isNull()
    assert form.is_dirty() and form.save()
    (stored,) = _photos(sample_catalog, chung)
    assert (stored.role, stored.media_type, stored.filename) == ("photo", "image/jpeg",
                                                                 "chung.jpg")
    image = QImage.fromData(stored.data)
    assert image.width() == 1024 and image.height() in (682, 683)
    assert stored.size == len(stored.data)

    second = tmp_path / "logo.png"
    second.write_bytes(_png(200, 100, alpha=True))
    assert photo.add_file(second)
    assert form.save()
    (replaced,) = _photos(sample_catalog, chung)  # one photo: the old one went in the same save
    assert replaced.media_type == "image/png" and replaced.id != stored.id
    context.editing.stack.undo()
    (back,) = _photos(sample_catalog, chung)
    assert back.id == stored.id and back.data == stored.data


def test_a_dropped_file_becomes_the_photo(qtbot: QtBot, open_form: Callable[..., RecordForm],
                                          sample_catalog: Catalog, tmp_path: Path) -> None:
    form = open_form(K.PERSON, person_id(sample_catalog, "Nguyễn", "Đức Chung"))
    photo = form.fields.fields["photo"]
    assert isinstance(photo, PhotoField)
    path = tmp_path / "dropped.png"
    path.write_bytes(_png(300, 400))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(photo, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(photo, drop)
    assert drop.isAccepted()
    assert photo.display(photo.value()).startswith("dropped.jpg")


def test_bad_files_are_refused_with_a_message(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog,
        tmp_path: Path) -> None:
    form = open_form(K.PERSON, person_id(sample_catalog, "Nguyễn", "Đức Chung"))
    photo = form.fields.fields["photo"]
    assert isinstance(photo, PhotoField)

    huge = tmp_path / "huge.png"
    huge.write_bytes(huge_png_header())
    reader = QImageReader(str(huge))
    assert (reader.size().width(), reader.size().height()) == (20000, 10000)
    broken = tmp_path / "broken.png"
    broken.write_bytes(_png(400, 300, "#884422")[:300])
    text = tmp_path / "notes.png"
    text.write_text("<b>not</b> an image")
    heavy = tmp_path / "heavy.png"
    heavy.write_bytes(b"\x89PNG" + b"\0" * (MAX_BYTES + 1))
    expected = {
        huge: "“huge.png” is 20,000 × 10,000 pixels (200 megapixels): too large for a photo",
        broken: "“broken.png” is damaged or incomplete",
        text: "“notes.png” is not an image Liaison can read. Use a JPEG or PNG photo.",
        heavy: "“heavy.png” is 20.0 MB; a photo can be at most 20.0 MB.",
        tmp_path / "missing.jpg": "“missing.jpg” cannot be read",
    }
    for path, message in expected.items():
        with qtbot.waitSignal(photo.refused) as refused:
            assert not photo.add_file(path)
        assert refused.args[0].startswith(message), refused.args[0]
        assert not photo.problem.isHidden() and photo.problem.text() == refused.args[0]
        assert photo.problem.textFormat() == Qt.TextFormat.PlainText
        assert not form.is_dirty()  # the current photo (none) is kept


def test_photo_checks_without_a_form() -> None:
    small = photo_from_bytes(_png(80, 120), "portrait.png")
    assert (small.width, small.height, small.media_type) == (80, 120, "image/jpeg")
    assert QImage.fromData(QByteArray(small.data)).width() == 80
