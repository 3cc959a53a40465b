"""Photos made fit for a sheet: square, small, JPEG, or nothing.

A photo attachment can be a 12-megapixel camera file, a PNG with transparency,
or bytes that are not an image at all. Sheets print portraits a few
centimetres wide, so each photo is decoded once (JPEG at reduced scale),
cropped to a square around the upper middle where faces are, shrunk, and
re-encoded as a small JPEG that ReportLab embeds without decoding again. The
result is cached by content, so a pack that shows a person twice, or a batch
that prints the same face many times, pays once. Anything unreadable gives
None and the sheet falls back to initials.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict

from PIL import Image, ImageOps
from reportlab.lib.utils import ImageReader

SIDE = 360  # pixels: 30 mm at 300 dpi
MAX_SOURCE_PIXELS = 50_000_000
_CACHE_SIZE = 256
_cache: OrderedDict[str, bytes | None] = OrderedDict()
_lock = threading.Lock()


def _square_jpeg(data: bytes) -> bytes | None:
    try:
        with Image.open(io.BytesIO(data)) as source:
            width, height = source.size
            if width < 1 or height < 1 or width * height > MAX_SOURCE_PIXELS:
                return None
            if source.format == "JPEG":
                source.draft("RGB", (SIDE * 2, SIDE * 2))
            image: Image.Image = ImageOps.exif_transpose(source)
            if image.mode in ("RGBA", "LA", "P"):
                rgba = image.convert("RGBA")
                image = Image.new("RGB", rgba.size, (255, 255, 255))
                image.paste(rgba, mask=rgba.getchannel("A"))
            elif image.mode != "RGB":
                image = image.convert("RGB")
            square = ImageOps.fit(image, (SIDE, SIDE), Image.Resampling.LANCZOS,
                                  centering=(0.5, 0.35))
            out = io.BytesIO()
            square.save(out, "JPEG", quality=85, optimize=True)
            return out.getvalue()
    except Exception:  # any undecodable, truncated or hostile file: print initials instead
        return None


class _JpegReader(ImageReader):
    """An image reader for our own small JPEGs that ReportLab need not decode.

    ``Canvas.drawImage`` names each image by a digest of its decoded pixels, which
    decodes every portrait on every page it appears on; the JPEG bytes identify it
    just as well, and are what gets embedded anyway.
    """

    def __init__(self, jpeg: bytes) -> None:
        super().__init__(io.BytesIO(jpeg))
        self._jpeg = jpeg
        self._dataA = None  # no alpha channel: JPEG

    def getRGBData(self) -> bytes:
        return self._jpeg


def portrait(data: bytes | None) -> ImageReader | None:
    """An image reader for a round portrait, or None to print initials."""
    if not data:
        return None
    key = hashlib.sha256(data).hexdigest()
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            cached = _cache[key]
            return _JpegReader(cached) if cached else None
    prepared = _square_jpeg(data)
    with _lock:
        _cache[key] = prepared
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return _JpegReader(prepared) if prepared else None
