"""The look of every sheet: paper, margins, colours, paragraph and table styles.

One place, so the four sheets and the pack look like one product and a change of
type size is one edit.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from gui.briefing import fonts


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def size(self) -> tuple[float, float]:
        return A4 if self is Paper.A4 else LETTER


MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
HEADER_Y = 12 * mm  # baseline of the running header, from the top edge
FOOTER_Y = 10 * mm  # baseline of the running footer, from the bottom edge

INK = colors.HexColor("#1B1F24")
MUTED = colors.HexColor("#5B6472")
FAINT = colors.HexColor("#8A93A0")
ACCENT = colors.HexColor("#1F4E79")
ACCENT_LIGHT = colors.HexColor("#E8EEF5")
RULE = colors.HexColor("#D3D9E0")
BAND = colors.HexColor("#F4F6F8")
CLASSIFIED = colors.HexColor("#A4161A")
CAUTION = colors.HexColor("#8A4B08")  # titles to confirm, forms of address that fell back
AVATAR_COLOURS = tuple(colors.HexColor(c) for c in (
    "#1F4E79", "#2E6B5E", "#7A4E2D", "#5B3F7A", "#8A3B48", "#3D5A80", "#4F6D3A", "#6B5B2E",
))
STATUS_COLOURS = {
    "planned": colors.HexColor("#6B5B2E"),
    "confirmed": colors.HexColor("#1F4E79"),
    "completed": colors.HexColor("#2E6B5E"),
    "cancelled": colors.HexColor("#A4161A"),
    "proposed": colors.HexColor("#6B5B2E"),
    "active": colors.HexColor("#2E6B5E"),
    "dormant": colors.HexColor("#5B6472"),
    "ended": colors.HexColor("#5B6472"),
}


@dataclass(frozen=True)
class Styles:
    kicker: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_small: ParagraphStyle
    cell_muted: ParagraphStyle
    cell_note: ParagraphStyle
    name: ParagraphStyle


@functools.cache
def make_styles() -> Styles:
    """The shared styles (made once: sheets only read them)."""
    family = fonts.register()
    base = ParagraphStyle("base", fontName=family, fontSize=9.5, leading=13.2, textColor=INK,
                          alignment=TA_LEFT, splitLongWords=True, allowWidows=0,
                          allowOrphans=0)

    def style(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        kicker=style("kicker", fontName=fonts.BOLD, fontSize=8, leading=10, textColor=ACCENT,
                     spaceAfter=3),
        title=style("title", fontName=fonts.BOLD, fontSize=19, leading=23, spaceAfter=4),
        subtitle=style("subtitle", fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=2),
        heading=style("heading", fontName=fonts.BOLD, fontSize=12, leading=15,
                      textColor=ACCENT),
        subheading=style("subheading", fontName=fonts.BOLD, fontSize=10, leading=13,
                         spaceBefore=6, spaceAfter=3),
        body=style("body", spaceAfter=5),
        small=style("small", fontSize=8.5, leading=11.5, textColor=MUTED),
        cell=style("cell", fontSize=9, leading=12),
        cell_small=style("cell_small", fontSize=8, leading=10.5, textColor=MUTED),
        cell_muted=style("cell_muted", fontSize=9, leading=12, textColor=MUTED),
        cell_note=style("cell_note", fontName=fonts.ITALIC, fontSize=9, leading=12,
                        textColor=MUTED),
        name=style("name", fontName=fonts.BOLD, fontSize=10.5, leading=13),
    )
