"""Text in any script on a sheet: which bundled font prints each run of it, right-to-left
text shaped and put in visual order, emoji made visible, direction controls dropped.

ReportLab draws glyphs left to right, one font per run, with no shaping: Arabic
letters would print unjoined and backwards, a Korean name in Noto Sans (which has
no Hangul) would print as nothing. So before text reaches a paragraph, a table
cell or the canvas:

* lines holding right-to-left letters are shaped (``arabic_reshaper``: the joined
  presentation forms) and reordered (``python-bidi``: the Unicode bidirectional
  algorithm) into the order they are drawn in. A right-to-left paragraph long
  enough to wrap is reordered as one line before ReportLab cuts it, so its
  wrapped lines read in the wrong order: names, titles and short notes, what
  sheets hold, are right;
* direction controls (LRM, RLM, embeddings, isolates) are dropped once used:
  no font draws them, and ReportLab would print a box;
* a character no bundled font has (emoji, rare symbols) becomes a visible marker;
* the rest is cut into runs, each in the first bundled font that has its glyphs
  (Noto Sans, then WenQuanYi Micro Hei for Chinese, Japanese and Korean, Noto
  Sans Arabic, Noto Sans Hebrew).

The shaping libraries are imported by :func:`_right_to_left` when a line first
needs them, for speed: most sheets hold none, and ``liaison brief`` is a whole
process that pays for every module it loads (issue 16).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from html import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from gui.briefing import fonts

MISSING = "[?]"  # printed for a character no bundled font has
EMOJI = "[emoji]"
_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufe00-\ufe0f\u200d]")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_SKIN = re.compile("[\U0001f3fb-\U0001f3ff]")


def visual(text: str) -> str:
    """*text* ready to draw: shaped and reordered where right-to-left, without
    direction controls, with a marker for what no bundled font can print."""
    if text.isascii():
        return text
    lines = []
    for line in text.split("\n"):
        if _RTL.search(line):
            line = _right_to_left(line)
        lines.append(_CONTROLS.sub("", _SKIN.sub("", line)))
    return "\n".join(_visible(line) for line in lines)


def _right_to_left(line: str) -> str:
    """A line holding right-to-left letters, shaped and in drawing order."""
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(line)))


def _visible(line: str) -> str:
    if fonts.glyphs(fonts.REGULAR).issuperset(map(ord, line)):
        return line  # every character in the main font (as the loop below would find)
    out = []
    for ch in line:
        if ch in " \t" or _font_for(ch, fonts.REGULAR) is not None:
            out.append(ch)
        elif not ch.isprintable():
            continue
        elif unicodedata.category(ch) == "So" or ord(ch) >= 0x1F000:
            out.append(EMOJI)
        else:
            out.append(MISSING)
    return "".join(out)


def _font_for(ch: str, font: str) -> str | None:
    """The font to draw *ch* in: *font* itself, else the first fallback that has it."""
    code = ord(ch)
    if code in fonts.glyphs(font):
        return font
    for fallback in fonts.fallbacks(font):
        if code in fonts.glyphs(fallback):
            return fonts.use(fallback)
    return None


def runs(text: str, font: str) -> Iterator[tuple[str, str]]:
    """(text, font) pieces of already-visual *text*: each in a font that has its glyphs."""
    if not text:
        return
    if fonts.glyphs(font).issuperset(map(ord, text)):
        yield text, font  # every character in *font*: one run (as the loop would find)
        return
    current = font
    start = 0
    for index, ch in enumerate(text):
        if ch in " \t":
            continue  # spaces go with the run around them
        chosen = _font_for(ch, font) or font
        if chosen != current:
            if index > start:
                yield text[start:index], current
            start, current = index, chosen
    yield text[start:], current


def markup(text: str, font: str = fonts.REGULAR) -> str:
    """Escaped paragraph markup for visual *text*: runs in a fallback font wrapped in
    ``<font name=...>`` (bold and italic in them map through their own families)."""
    if text.isascii():
        return escape(text, quote=False)
    parts = []
    for piece, chosen in runs(text, font):
        family = fonts.family_of(chosen)
        if family == fonts.family_of(font):
            parts.append(escape(piece, quote=False))
        else:
            parts.append(f'<font name="{family}">{escape(piece, quote=False)}</font>')
    return "".join(parts)


def width(text: str, font: str, size: float) -> float:
    """The width of visual *text* drawn with :func:`draw`."""
    return sum(stringWidth(piece, chosen, size) for piece, chosen in runs(text, font))


def draw(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, *,
         anchor: str = "left") -> None:
    """Draw visual *text* at (x, y), each run in a font that has it; *anchor* is
    ``left``, ``right`` or ``centre``."""
    if anchor != "left":
        total = width(text, font, size)
        x -= total if anchor == "right" else total / 2
    for piece, chosen in runs(text, font):
        canvas.setFont(chosen, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, chosen, size)
