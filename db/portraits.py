"""A person's photo made fit for a sheet once, when it is saved: square, small, JPEG.

A photo attachment can be a 12-megapixel camera file, a PNG with transparency,
or bytes that are not an image at all. Sheets print portraits a few
centimetres wide; decoding and shrinking a dozen photos cost more than laying
out the whole delegation briefing (issue 16), so the store does it once, when
the photo is written (``db.ops`` derives the attachment's ``portrait`` column,
as it derives a person's ``sort_key``), and revision 0012 does it for the
photos already stored. Briefing sheets embed the stored bytes as they are
(``gui.briefing.photos``); a photo whose portrait could not be made (not an
image, too large) has none, and the sheet prints initials.

The image is decoded once (JPEG at reduced scale), cropped to a square around
the upper middle where faces are, shrunk to :data:`SIDE` pixels and re-encoded
as a small JPEG that ReportLab embeds without decoding it again. Pillow is
imported by :func:`square_jpeg` itself, for speed: the readers of this
module's constants (``db.reads``) never decode an image and do not pay for it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

SIDE = 360  # pixels: 30 mm at 300 dpi
MAX_SOURCE_PIXELS = 50_000_000
PHOTO_ROLE = "photo"
PHOTO_MEDIA_TYPES = frozenset({"image/jpeg", "image/png"})


def square_jpeg(data: bytes) -> bytes | None:
    """The portrait for a photo's bytes, or None when they are no image we can print."""
    from PIL import Image, ImageOps

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


def is_photo(row: Mapping[str, Any]) -> bool:
    """Whether an attachment's row is a person's photo a sheet prints."""
    return bool(row.get("record_kind") == "person" and row.get("role") == PHOTO_ROLE
                and row.get("media_type") in PHOTO_MEDIA_TYPES)


def derived(row: Mapping[str, Any]) -> bytes | None:
    """The ``portrait`` column of an attachment's row (None for anything but a photo)."""
    data = row.get("data")
    if not data or not is_photo(row):
        return None
    return square_jpeg(bytes(data))
