"""The bundled font family every sheet prints with.

ReportLab's built-in (base-14) fonts have no Vietnamese glyphs: ``Nguyễn Đức
Chung`` would print with holes, and a PDF that relies on fonts the reader's
machine may lack is not what a protocol office hands over. Sheets therefore use
Noto Sans from ``assets/fonts`` (SIL OFL, see its README), embedded as subsets,
registered as one family so ``<b>`` and ``<i>`` in paragraphs pick the right
face.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FAMILY = "LiaisonSans"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"
_FILES = {
    REGULAR: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    ITALIC: "NotoSans-Italic.ttf",
    BOLD_ITALIC: "NotoSans-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


class FontMissingError(RuntimeError):
    """The bundled fonts are not where the installation should have put them."""


def register() -> str:
    """Register the family once per process (thread-safe); return its name."""
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if _registered:
            return FAMILY
        for name, filename in _FILES.items():
            path = FONT_DIR / filename
            if not path.is_file():
                raise FontMissingError(
                    f"The briefing font {path} is missing; reinstall Liaison.")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                      boldItalic=BOLD_ITALIC)
        # Paragraph markup maps <b>/<i> through these too (registerFontFamily does it,
        # but an explicit mapping survives a later registerFontFamily of another family).
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        _registered = True
    return FAMILY


def covers(text: str) -> bool:
    """Whether the family has a glyph for every printable character of *text*."""
    register()
    font = pdfmetrics.getFont(REGULAR)
    glyphs = font.face.charToGlyph
    return all(ord(ch) in glyphs for ch in text if ch.isprintable() and not ch.isspace())
