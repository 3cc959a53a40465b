"""The bundled font family every sheet prints with.

ReportLab's built-in (base-14) fonts have no Vietnamese glyphs: ``Nguyễn Đức
Chung`` would print with holes, and a PDF that relies on fonts the reader's
machine may lack is not what a protocol office hands over. Sheets therefore use
Noto Sans from ``assets/fonts`` (SIL OFL, see its README), embedded as subsets,
registered as one family so ``<b>`` and ``<i>`` in paragraphs pick the right
face; fallback fonts for Chinese, Japanese, Korean, Arabic and Hebrew are
registered family by family when a character first needs one (see gui.briefing.scripts).

Which characters the fallbacks have is read from ``assets/fonts/coverage.json``,
made from the font files themselves (:func:`write_coverage`; a test checks it
still matches them): asking whether a character Noto Sans lacks (``☐``) is
anywhere used to read all three fallback fonts, the CJK collection alone a
third of a second, on every bio sheet (issue 16).
"""

from __future__ import annotations

import functools
import json
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

# Fallbacks for what Noto Sans lacks, tried in this order (see gui.briefing.scripts):
# WenQuanYi Micro Hei (Chinese, Japanese kana, Korean Hangul; one 5 MB TrueType
# collection), Noto Sans Arabic and Noto Sans Hebrew. Registered on first use.
CJK = "LiaisonCJK"
ARABIC = "LiaisonArabic"
ARABIC_BOLD = "LiaisonArabic-Bold"
HEBREW = "LiaisonHebrew"
HEBREW_BOLD = "LiaisonHebrew-Bold"
_FALLBACK_FILES = {
    CJK: ("WenQuanYiMicroHei.ttc", 0),
    ARABIC: ("NotoSansArabic-Regular.ttf", 0),
    ARABIC_BOLD: ("NotoSansArabic-Bold.ttf", 0),
    HEBREW: ("NotoSansHebrew-Regular.ttf", 0),
    HEBREW_BOLD: ("NotoSansHebrew-Bold.ttf", 0),
}
_FAMILIES = {  # family -> (normal, bold): the fallbacks have no italics
    CJK: (CJK, CJK),
    ARABIC: (ARABIC, ARABIC_BOLD),
    HEBREW: (HEBREW, HEBREW_BOLD),
}
_FAMILY_OF = {REGULAR: FAMILY, BOLD: FAMILY, ITALIC: FAMILY, BOLD_ITALIC: FAMILY,
              CJK: CJK, ARABIC: ARABIC, ARABIC_BOLD: ARABIC, HEBREW: HEBREW,
              HEBREW_BOLD: HEBREW}

COVERAGE = FONT_DIR / "coverage.json"  # fallback face -> [[first, last], ...] code points

_lock = threading.Lock()
_registered = False
_fallbacks_registered: set[str] = set()  # fallback families


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


def _register_fallback(family: str) -> None:
    """Register the faces of one fallback family, the first time a character needs it.

    Only what a sheet prints is paid for: the CJK collection alone takes a third of
    a second to read, and a Vietnamese or European sheet never needs it.
    """
    register()
    if family in _fallbacks_registered:
        return
    with _lock:
        if family in _fallbacks_registered:
            return
        normal, bold = _FAMILIES[family]
        for name in dict.fromkeys((normal, bold)):
            filename, index = _FALLBACK_FILES[name]
            path = FONT_DIR / filename
            if not path.is_file():
                raise FontMissingError(
                    f"The briefing font {path} is missing; reinstall Liaison.")
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
        pdfmetrics.registerFontFamily(family, normal=normal, bold=bold, italic=normal,
                                      boldItalic=bold)
        for is_bold, is_italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
            addMapping(family, is_bold, is_italic, bold if is_bold else normal)
        _fallbacks_registered.add(family)


def fallbacks(font: str) -> tuple[str, ...]:
    """The fonts tried, in order, for a character *font* lacks (bold stays bold).

    They are registered when first looked into (:func:`glyphs`), not before.
    """
    if font in (BOLD, BOLD_ITALIC):
        return CJK, ARABIC_BOLD, HEBREW_BOLD
    return CJK, ARABIC, HEBREW


@functools.cache
def glyphs(font: str) -> frozenset[int]:
    """The characters (code points) *font* has.

    A fallback face is not read for this (see the module docstring): call
    :func:`use` before drawing with one.
    """
    if family_of(font) in _FAMILIES:
        return _coverage().get(font, frozenset())
    register()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


def use(font: str) -> str:
    """Make *font* ready to draw with (a fallback's family is registered on first use)."""
    register()
    family = family_of(font)
    if family in _FAMILIES:
        _register_fallback(family)
    return font


@functools.cache
def _coverage() -> dict[str, frozenset[int]]:
    try:
        stored = json.loads(COVERAGE.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FontMissingError(
            f"The briefing font list {COVERAGE} is missing or damaged; reinstall Liaison."
        ) from exc
    return {name: frozenset(code for first, last in ranges for code in range(first, last + 1))
            for name, ranges in stored.items()}


def measured_coverage() -> dict[str, list[list[int]]]:
    """What each fallback face has, read from the font files: what :data:`COVERAGE` holds."""
    found: dict[str, list[list[int]]] = {}
    for family in _FAMILIES:
        _register_fallback(family)
    for name in _FALLBACK_FILES:
        ranges: list[list[int]] = []
        for code in sorted(pdfmetrics.getFont(name).face.charToGlyph):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
        found[name] = ranges
    return found


def write_coverage() -> None:
    """Rewrite :data:`COVERAGE` after a fallback font file changed."""
    COVERAGE.write_text(json.dumps(measured_coverage(), separators=(",", ":")) + "\n",
                        encoding="utf-8")


def family_of(font: str) -> str:
    """The family a registered face belongs to (paragraph markup names families)."""
    return _FAMILY_OF.get(font, font)


def covers(text: str) -> bool:
    """Whether the bundled fonts together have a glyph for every printable character.

    The fallbacks are looked into only for characters Noto Sans lacks.
    """
    wanted = {ord(ch) for ch in text if ch.isprintable() and not ch.isspace()}
    missing = wanted - glyphs(REGULAR)
    return all(any(code in glyphs(name) for name in fallbacks(REGULAR)) for code in missing)
