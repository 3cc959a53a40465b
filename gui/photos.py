"""A person's photo: chosen from a file or dropped, checked, scaled down, kept in the catalog.

A photo is stored *inside* the catalog as an Attachment (record kind "person",
role "photo") so a laptop copy is complete offline. Files are checked before
anything is decoded: too many bytes, not an image, or too many pixels (a
200-megapixel image would need most of a gigabyte to decode; ``QImageReader``
reads its size from the header) are refused with a message and change nothing.
What is kept is re-encoded at most 1024 pixels on its longest side (JPEG, or PNG
when it has transparency): small enough for every briefing sheet, upright
(camera orientation applied), and without the camera's metadata (location).

:class:`PhotoField` is the person form's photo: a thumbnail, "Choose…" and
"Remove" buttons, and drag and drop. Its value is the rows of the person's
``photo`` part, so a new photo replaces the old one in the same save.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QImageReader,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _
from gui.forms.fields import FieldWidget
from gui.forms.fieldset import message_label

if TYPE_CHECKING:
    from collections.abc import Callable

    from db.ops import Draft

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 100_000_000
MAX_SIDE = 1024
JPEG_QUALITY = 88
PHOTO_ROLE = "photo"
THUMBNAIL = QSize(150, 180)
FILE_FILTER = "Images (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff);;All files (*)"


class PhotoError(Exception):
    """A file refused as a photo; the message says why, for the user."""


@dataclass(frozen=True)
class Photo:
    data: bytes
    media_type: str
    filename: str
    width: int
    height: int

    def attachment_values(self) -> dict[str, Any]:
        return {"role": PHOTO_ROLE, "filename": self.filename, "media_type": self.media_type,
                "size": len(self.data), "sha256": hashlib.sha256(self.data).hexdigest(),
                "data": self.data}


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def photo_from_bytes(data: bytes, name: str) -> Photo:
    """Check and scale an image; raises :class:`PhotoError` with a message for the user."""
    if not data:
        raise PhotoError(f"“{name}” is empty.")
    if len(data) > MAX_BYTES:
        raise PhotoError(f"“{name}” is {_megabytes(len(data))}; a photo can be at most "
                         f"{_megabytes(MAX_BYTES)}.")
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setDecideFormatFromContent(True)
    if not reader.canRead():
        raise PhotoError(f"“{name}” is not an image Liaison can read. Use a JPEG or PNG photo.")
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        raise PhotoError(f"“{name}” is damaged: its size cannot be read.")
    pixels = size.width() * size.height()
    if pixels > _decodable_pixels():
        raise PhotoError(
            f"“{name}” is {size.width():,} × {size.height():,} pixels "
            f"({pixels / 1e6:,.0f} megapixels): too large for a photo, which can have at most "
            f"{_decodable_pixels() / 1e6:,.0f} megapixels. Scale it down first.")
    if bytes(reader.format().data()).lower() == b"jpeg" and not _jpeg_complete(data):
        raise PhotoError(f"“{name}” is incomplete: the picture stops part way (was the file "
                         "cut short while copying?). Copy it again from where it came from.")
    reader.setAutoTransform(True)
    if max(size.width(), size.height()) > MAX_SIDE:
        reader.setScaledSize(size.scaled(MAX_SIDE, MAX_SIDE,
                                         Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise PhotoError(f"“{name}” is damaged or incomplete ({reader.errorString()}).")
    return _encode(image, name)


def _decodable_pixels() -> int:
    """The most pixels Qt will decode (its allocation limit, 4 bytes a pixel) or
    :data:`MAX_PIXELS`, whichever is smaller: beyond it Qt fails as if damaged."""
    limit_mb = QImageReader.allocationLimit()
    if limit_mb <= 0:
        return MAX_PIXELS
    return min(MAX_PIXELS, limit_mb * 1024 * 1024 // 4)


def _jpeg_complete(data: bytes) -> bool:
    """Whether a JPEG ends its image: an end-of-image marker after its last scan.

    Qt shows a cut-short JPEG with its lower part grey and no error. ``FF D9``
    cannot occur inside scan data (a literal ``FF`` there is followed by ``00``),
    and an embedded thumbnail's end marker comes before the main image's scan.
    """
    return data.rfind(b"\xff\xd9") > data.rfind(b"\xff\xda") >= 0


def _encode(image: QImage, name: str) -> Photo:
    transparent = image.hasAlphaChannel() and not _opaque(image)
    out = QBuffer()
    out.open(QIODevice.OpenModeFlag.WriteOnly)
    if transparent:
        _save(image, out, "PNG")
        media_type, suffix = "image/png", ".png"
    else:
        _save(image.convertToFormat(QImage.Format.Format_RGB32), out, "JPEG", JPEG_QUALITY)
        media_type, suffix = "image/jpeg", ".jpg"
    stem = Path(name).stem or "photo"
    return Photo(bytes(out.data().data()), media_type, stem + suffix, image.width(),
                 image.height())


def _save(image: QImage, device: QBuffer, image_format: str, quality: int = -1) -> None:
    """QImage.save into a buffer (PySide6 wants the format as str, its stubs say bytes)."""
    if not image.save(device, image_format, quality):  # type: ignore[call-overload]
        raise PhotoError(f"The image could not be encoded as {image_format}.")


def _opaque(image: QImage) -> bool:
    """True when an image with an alpha channel uses none of it (most PNG screenshots)."""
    converted = image.convertToFormat(QImage.Format.Format_ARGB32)
    alpha = bytes(converted.constBits())[3::4]
    return alpha.count(255) == len(alpha)


def photo_from_file(path: str | Path) -> Photo:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # refuse before reading a huge file into memory
            raise PhotoError(f"“{path.name}” is {_megabytes(size)}; a photo can be at most "
                             f"{_megabytes(MAX_BYTES)}.")
        data = path.read_bytes()
    except OSError as exc:
        raise PhotoError(f"“{path.name}” cannot be read: {exc.strerror or exc}.") from exc
    return photo_from_bytes(data, path.name)


def thumbnail(data: bytes, size: QSize = THUMBNAIL) -> QPixmap:
    pixmap = QPixmap()
    if data and pixmap.loadFromData(data):
        return pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return QPixmap()


class PhotoField(FieldWidget):
    """The person's photo: thumbnail, Choose…, Remove, and drop a file on it."""

    part = "photo"
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None,
                 choose_file: Callable[[QWidget], str | None] | None = None) -> None:
        super().__init__("photo", parent)
        self.setAcceptDrops(True)
        self._rows: tuple[Draft, ...] = ()
        self._choose_file = choose_file or _ask_for_file
        self.picture = QLabel(self)
        self.picture.setObjectName("photoThumbnail")
        self.picture.setFixedSize(THUMBNAIL + QSize(8, 8))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setFrameShape(QFrame.Shape.StyledPanel)
        self.picture.setTextFormat(Qt.TextFormat.PlainText)
        self.picture.setWordWrap(True)
        self.choose_button = QPushButton(_("Choose…"), self)
        self.choose_button.setObjectName("choosePhoto")
        self.remove_button = QPushButton(_("Remove"), self)
        self.remove_button.setObjectName("removePhoto")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(lambda: self._set_rows(()))
        self.problem = message_label(self)
        self.problem.setObjectName("photoProblem")
        self.problem.setMaximumWidth(THUMBNAIL.width() + 60)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        column = QVBoxLayout()
        column.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addLayout(buttons)
        column.addWidget(self.problem)
        column.addStretch(1)
        self._layout.addLayout(column)
        self._show()

    def value(self) -> Any:
        return self._rows

    def set_value(self, value: Any) -> None:
        self._rows = tuple(value or ())
        self.problem.hide()
        self._show()
        self.changed.emit()

    def _set_rows(self, rows: tuple[Draft, ...]) -> None:
        self._rows = rows
        self.problem.hide()
        self._show()
        self.changed.emit()

    def display(self, value: Any) -> str:
        rows = tuple(value or ())
        if not rows:
            return "No photo"
        values = rows[-1].values
        return f"{values.get('filename')} ({_megabytes(int(values.get('size') or 0))})"

    def current_data(self) -> bytes:
        return bytes(self._rows[-1].values.get("data") or b"") if self._rows else b""

    def _show(self) -> None:
        pixmap = thumbnail(self.current_data())
        if pixmap.isNull():
            self.picture.setPixmap(QPixmap())
            self.picture.setText(_("No photo\n\nDrop an image here") if not self._rows
                                 else _("Photo cannot be shown"))
        else:
            self.picture.setPixmap(pixmap)
        self.remove_button.setEnabled(bool(self._rows))

    # ------------------------------------------------------------ adding

    def add_photo(self, photo: Photo) -> None:
        from db.kinds import RecordKind
        from db.ops import Draft

        self._set_rows((Draft(RecordKind.ATTACHMENT, photo.attachment_values()),))

    def add_file(self, path: str | Path) -> bool:
        """Use the image at *path*; on refusal show why and keep the current photo."""
        try:
            photo = photo_from_file(path)
        except PhotoError as exc:
            self._refuse(str(exc))
            return False
        self.add_photo(photo)
        return True

    def add_bytes(self, data: bytes, name: str) -> bool:
        try:
            photo = photo_from_bytes(data, name)
        except PhotoError as exc:
            self._refuse(str(exc))
            return False
        self.add_photo(photo)
        return True

    def _refuse(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
        self.refused.emit(message)

    def choose(self) -> None:
        path = self._choose_file(self)
        if path:
            self.add_file(path)

    # ------------------------------------------------------------ drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasImage() or any(url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if files:
            self.add_file(files[0])
            event.acceptProposedAction()
            return
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            out = QBuffer()
            out.open(QIODevice.OpenModeFlag.WriteOnly)
            _save(image, out, "PNG")
            self.add_bytes(bytes(out.data().data()), "dropped image.png")
            event.acceptProposedAction()
            return
        event.ignore()


def _ask_for_file(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(parent, "Choose a photo", "", FILE_FILTER)
    return path or None
