"""Photos as sheets print them: the portrait the store made when the photo was saved.

The store shrinks each photo once, when it is written (:mod:`db.portraits`), so
a sheet embeds the stored portrait's JPEG bytes as they are, decoding nothing.
A photo stored without one (written by an older Liaison and not yet upgraded
through the store) is shrunk here in memory, with the same code, and cached by
content, so a pack that shows a person twice, or a batch that prints the same
face many times, pays once. Anything unreadable gives None and the sheet falls
back to initials.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfutils import readJPEGInfo

from db.portraits import square_jpeg

_CACHE_SIZE = 256
_cache: OrderedDict[str, bytes | None] = OrderedDict()
_lock = threading.Lock()


class _JpegReader(ImageReader):
    """An image reader for our own small JPEGs that ReportLab need not decode.

    ``Canvas.drawImage`` names each image by a digest of its decoded pixels, which
    decodes every portrait on every page it appears on; the JPEG bytes identify it
    just as well, and are what gets embedded anyway (ReportLab reads a JPEG's size
    from its header and copies the bytes into the PDF). ``ImageReader.__init__`` is
    not called: it opens the bytes with Pillow, loading its image plugins (a tenth of
    a whole ``liaison brief`` process) only to learn they are a JPEG, which we know.
    """

    def __init__(self, jpeg: bytes) -> None:
        self._jpeg = jpeg
        self._ident = None
        self.fileName = f"portrait-{hashlib.sha256(jpeg).hexdigest()[:12]}"
        self.fp = io.BytesIO(jpeg)
        self._image = None
        self._width, self._height = readJPEGInfo(io.BytesIO(jpeg))[:2]
        self._transparent = None
        self._data = None
        self._dataA = None  # no alpha channel: JPEG

    def jpeg_fh(self) -> io.BytesIO:
        self.fp.seek(0)
        return self.fp

    def getSize(self) -> tuple[int, int]:
        return self._width, self._height

    def getRGBData(self) -> bytes:
        return self._jpeg


def portrait(data: bytes | None, prepared: bytes | None = None) -> ImageReader | None:
    """An image reader for a round portrait, or None to print initials.

    *prepared* is the portrait the store keeps with the photo (:mod:`db.portraits`);
    without one, it is made from *data* here.
    """
    if prepared:
        return _jpeg_reader(prepared)
    if not data:
        return None
    key = hashlib.sha256(data).hexdigest()
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            cached = _cache[key]
            return _jpeg_reader(cached) if cached else None
    made = square_jpeg(data)
    with _lock:
        _cache[key] = made
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return _jpeg_reader(made) if made else None


def _jpeg_reader(jpeg: bytes) -> ImageReader | None:
    """A reader for *jpeg*, or None (initials) when its header cannot be read: a portrait
    damaged in the file must not stop the sheet."""
    try:
        return _JpegReader(jpeg)
    except Exception:  # ReportLab's header reader raises several kinds; any means unreadable
        return None
