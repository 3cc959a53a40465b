"""The building blocks sheets are made of: headings with bookmarks, portraits, tables that
split well across pages.

Every text argument here is already-escaped markup (see :func:`text.esc`);
nothing in this module escapes or trusts user text itself.
"""

from __future__ import annotations

import functools
import itertools
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from gui.briefing import fonts, scripts, styles
from gui.briefing.styles import Styles

# A table row may split across pages (so one huge cell never stops a sheet from printing),
# but never leaving less than this many points of it on either page.
MIN_ROW_SPLIT = 30
# A row taller than this can never fit a page's frame (A4 or Letter): if ReportLab
# cannot cut it, its cells are laid out one after another instead (SheetTable.linear).
NEVER_FITS = 600.0
_LINEAR_STYLE = ParagraphStyle("linear", fontName=fonts.BOLD, fontSize=8, leading=10)


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A table style that starts from the bundled font: ReportLab sets a cell font on
    every table, and its default (Helvetica, a base-14 font) would be listed in the PDF."""
    return TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, 9), *commands])


class Keys:
    """Bookmark keys unique within one PDF, deterministic for reproducible output."""

    def __init__(self) -> None:
        self._count = itertools.count(1)

    def next(self) -> str:
        return f"liaison-{next(self._count)}"


class Heading(Flowable):
    """A section heading with a rule under it and, optionally, an outline entry.

    Put it in a :class:`HeadedBlock` with what follows, so it never ends a page alone.
    """

    def __init__(self, markup: str, style: Any, *, outline: str | None = None,
                 level: int = 0, key: str | None = None, space_before: float = 10,
                 closed: bool = False, continued: str | None = None) -> None:
        super().__init__()
        self.paragraph = Paragraph(markup, style)
        # Plain text the page frame repeats, "… (continued)", atop the pages it runs onto.
        self.liaison_heading = continued
        self.outline = outline
        self.level = level
        self.key = key
        self.space_before = space_before
        self.closed = closed

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _, h = self.paragraph.wrap(avail_width, avail_height)
        self.height = h + 5
        return avail_width, self.height

    def getSpaceBefore(self) -> float:
        return self.space_before

    def getSpaceAfter(self) -> float:
        return 5

    def draw(self) -> None:
        canvas = self.canv
        self.paragraph.drawOn(canvas, 0, 5)
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.8)
        canvas.line(0, 1.5, self.width, 1.5)
        if self.outline and self.key:
            canvas.bookmarkHorizontal(self.key, 0, self.height + 4)
            canvas.addOutlineEntry(self.outline, self.key, level=self.level, closed=self.closed)


class HeadedBlock(Flowable):
    """A heading and the first flowable under it, kept together only as far as needed.

    ReportLab's ``keepWithNext`` keeps a heading with the *whole* next flowable, so a
    heading followed by a long table jumps to the next page and leaves a hole. Here
    the block splits like its body does, as long as the heading gets at least
    *min_body* points of body under it on the same page.
    """

    def __init__(self, heading: Flowable, body: Flowable, *, min_body: float = 42) -> None:
        super().__init__()
        self.heading = heading
        self.body = body
        self.min_body = min_body
        self.liaison_heading = getattr(heading, "liaison_heading", None)
        self._heading_h = self._body_h = self._gap = 0.0

    def _measure_heading(self, avail_width: float, avail_height: float) -> float:
        _, self._heading_h = self.heading.wrap(avail_width, avail_height)
        self._gap = max(self.heading.getSpaceAfter(), self.body.getSpaceBefore())
        return float(self._heading_h + self._gap)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        top = self._measure_heading(avail_width, avail_height)
        _, self._body_h = self.body.wrap(avail_width, max(avail_height - top, 0))
        self.width, self.height = avail_width, top + self._body_h
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.heading.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.body.getSpaceAfter())

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self._measure_heading(avail_width, avail_height)
        if room < self.min_body:
            return []
        parts = self.body.split(avail_width, room)
        if not parts:
            return []
        return [self.heading, *parts]

    def draw(self) -> None:
        self.body.drawOn(self.canv, 0, 0)
        self.heading.drawOn(self.canv, 0, self._body_h + self._gap)


class Part(Flowable):
    """An invisible marker at the start of a sheet: names it in the running header
    and adds its outline entry (one per part of a briefing pack)."""

    def __init__(self, section: str, *, outline: str | None, key: str, level: int = 0) -> None:
        super().__init__()
        self.liaison_section = section
        self.outline = outline
        self.key = key
        self.level = level
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.outline:
            self.canv.bookmarkHorizontal(self.key, 0, 0)
            self.canv.addOutlineEntry(self.outline, self.key, level=self.level, closed=False)


class Portrait(Flowable):
    """A round photo, or initials on a coloured disc when there is no usable photo."""

    def __init__(self, diameter: float, image: ImageReader | None, initials: str,
                 seed: str) -> None:
        super().__init__()
        self.diameter = diameter
        self.image = image
        self.initials = initials
        self.colour = styles.AVATAR_COLOURS[zlib.crc32(seed.encode("utf-8"))
                                            % len(styles.AVATAR_COLOURS)]
        self.width = self.height = diameter

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.diameter, self.diameter

    def draw(self) -> None:
        canvas = self.canv
        r = self.diameter / 2
        canvas.saveState()
        if self.image is not None:
            path = canvas.beginPath()
            path.circle(r, r, r)
            canvas.clipPath(path, stroke=0, fill=0)
            canvas.drawImage(self.image, 0, 0, self.diameter, self.diameter,
                             preserveAspectRatio=False)
            canvas.restoreState()
            canvas.saveState()
            canvas.setStrokeColor(styles.RULE)
            canvas.setLineWidth(0.6)
            canvas.circle(r, r, r, stroke=1, fill=0)
        else:
            canvas.setFillColor(self.colour)
            canvas.circle(r, r, r, stroke=0, fill=1)
            size = self.diameter * 0.36
            canvas.setFillColor(colors.white)
            scripts.draw(canvas, r, r - size * 0.36, scripts.visual(self.initials), fonts.BOLD,
                         size, anchor="centre")
        canvas.restoreState()


@dataclass(frozen=True)
class Run:
    """Plain text in one font, size and colour. Never parsed: it prints as typed."""

    text: str
    font: str
    size: float
    colour: colors.Color


class TextLines(Flowable):
    """Short lines of plain text, each made of a few runs, wrapped at spaces (and inside
    words wider than the column).

    For the name, title and form of address of every person on a sheet: a Paragraph
    parses markup and costs several times more to make and lay out, and a list of
    forty people is made of little else. No markup means user text is printed
    literally without escaping.
    """

    def __init__(self, lines: Sequence[Sequence[Run]], *, leading: float = 1.3) -> None:
        super().__init__()
        # Each run in the order it is drawn, cut where another bundled font must draw it.
        self.lines = [[Run(piece, font, r.size, r.colour)
                       for r in line if r.text
                       for piece, font in scripts.runs(scripts.visual(r.text), r.font)]
                      for line in lines]
        self.lines = [line for line in self.lines if line]
        self.leading = leading
        self._laid: list[tuple[float, float, list[tuple[float, Run]]]] = []
        self.width = self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._laid = []
        top = 0.0
        for line in self.lines:
            for row in _wrap_runs(line, max(avail_width, 1.0)):
                size = max(run.size for _, run in row)
                self._laid.append((top + size, size, row))  # baseline, from the top
                top += size * self.leading
        self.width, self.height = avail_width, top
        return avail_width, top

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fits = [n for n, (baseline, size, _) in enumerate(self._laid)
                if baseline + size * 0.3 <= avail_height]
        if not fits or len(fits) == len(self._laid):
            return []
        cut = fits[-1] + 1
        rows = [[run for _, run in row] for _, _, row in self._laid]
        return [TextLines(rows[:cut], leading=self.leading),
                TextLines(rows[cut:], leading=self.leading)]

    def draw(self) -> None:
        canvas = self.canv
        for baseline, _size, row in self._laid:
            for x, run in row:
                canvas.setFont(run.font, run.size)
                canvas.setFillColor(run.colour)
                canvas.drawString(x, self.height - baseline, run.text)


def _wrap_runs(line: Sequence[Run], width: float) -> list[list[tuple[float, Run]]]:
    """Greedy word wrap of one line of runs; returns rows of (x, text in one style).

    Words of one style on a row are drawn as one string with real spaces, so text
    extraction, search and screen readers see words, not letters placed near each other.
    """
    words: list[tuple[bool, Run]] = []  # (space before it, the word in its run's style)
    spaced = False
    for run in line:
        for index, piece in enumerate(run.text.split(" ")):
            spaced = spaced or index > 0
            if piece:
                words.append((spaced, replace(run, text=piece)))
                spaced = False
    rows: list[list[tuple[float, Run]]] = [[]]
    x = 0.0

    def put(at: float, text: str, style: Run, space: bool) -> None:
        row = rows[-1]
        if row:
            start, last = row[-1]
            same = (last.font, last.size, last.colour) == (style.font, style.size, style.colour)
            if same:
                row[-1] = (start, replace(last, text=last.text + (" " if space else "") + text))
                return
            if space:
                row[-1] = (start, replace(last, text=last.text + " "))
        row.append((at, replace(style, text=text)))

    for space_before, word in words:
        measure = functools.partial(stringWidth, fontName=word.font, fontSize=word.size)
        glue = measure(" ") if space_before and rows[-1] else 0.0
        w = measure(word.text)
        if rows[-1] and x + glue + w > width:
            rows.append([])
            x = glue = 0.0
        text = word.text
        while w > width and len(text) > 1:  # wider than the column on its own: cut it
            cut = len(text) - 1
            while cut > 1 and measure(text[:cut]) > width:
                cut -= 1
            put(0.0, text[:cut], word, False)
            rows.append([])
            text = text[cut:]
            w = measure(text)
        put(x + glue, text, word, glue > 0)
        x += glue + w
    return [row for row in rows if row]


class SheetTable(Table):
    """A table that splits between rows, and inside a row only when that row is tall.

    Cutting a short row in two (its date on one page, its text on the next) reads
    badly; a row taller than :attr:`tall_row` points must be cut or it could never
    be printed.
    """

    tall_row = 150.0

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._calc(avail_width, avail_height)
        in_row: int = getattr(self, "splitInRow", 0)
        self.splitInRow = 0
        try:
            parts: list[Flowable] = super().split(avail_width, avail_height)
        finally:
            self.splitInRow = in_row
        for part in parts:
            part.splitInRow = in_row
        if parts or not in_row or max(self._rowHeights, default=0) < self.tall_row:
            return parts
        parts = super().split(avail_width, avail_height)
        if parts and parts[0].wrap(avail_width, avail_height)[1] <= avail_height + 1:
            return parts
        # ReportLab could not cut the row, or cut it so its first part is still too tall
        # (it happens with long paragraphs in several cells): if the row cannot fit any
        # page, lay its cells out one after another instead.
        if max(self._rowHeights, default=0) <= NEVER_FITS:
            return []
        return self.linear()

    def linear(self) -> list[Flowable]:
        """The cells one after another, row by row: the last resort for a row taller
        than any page that ReportLab cannot cut (a cell that does not split). The grid
        is lost, never the text.

        ReportLab places the first part of a split without splitting it again, so the
        list starts with an empty spacer; the cells after it flow and split as usual.
        """
        out: list[Flowable] = [Spacer(0, 0)]
        for row in self._cellvalues:
            for value in row:
                if isinstance(value, list | tuple):
                    out.extend(v for v in value if isinstance(v, Flowable))
                elif isinstance(value, Flowable):
                    out.append(value)
                elif value not in (None, ""):
                    out.append(Paragraph(escape(str(value)), _LINEAR_STYLE))
            out.append(Spacer(0, 4))
        return out


class CompactTable(SheetTable):
    """A table that moves to the next page whole when it is short, and splits only when
    it is long: an at-a-glance box cut after its first rows reads as two boxes."""

    keep_whole_below = 200.0  # points

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._calc(avail_width, avail_height)
        if self._height <= self.keep_whole_below:
            return []
        return super().split(avail_width, avail_height)


def facts_table(rows: Sequence[tuple[str, Any]], width: float, st: Styles, *,
                label_width: float = 34 * mm) -> Table | Spacer:
    """The at-a-glance box: label on the left, value (markup or flowable) on the right.

    Labels are this package's own short words, drawn as plain table text (no markup
    to parse); values are markup or flowables. Rows whose value is empty are left
    out, so unknown facts leave no blank lines.
    """
    data = []
    for label_text, value in rows:
        if value is None or value == "" or value == []:
            continue
        cell = Paragraph(value, st.cell) if isinstance(value, str) else value
        data.append([label_text, cell])
    if not data:
        return Spacer(0, 0)
    table = CompactTable(data, colWidths=[label_width, width - label_width], hAlign="LEFT",
                  splitInRow=MIN_ROW_SPLIT)
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), styles.BAND),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 3.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.2),
        ("TOPPADDING", (0, 0), (-1, 0), 7),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ("LINEBEFORE", (0, 0), (0, -1), 2.2, styles.ACCENT),
        ("FONT", (0, 0), (0, -1), fonts.BOLD, 7.5, 10),
        ("TEXTCOLOR", (0, 0), (0, -1), styles.MUTED),
        ("TOPPADDING", (0, 0), (0, -1), 4.2),
        ("TOPPADDING", (0, 0), (0, 0), 8.0),
    ]))
    return table


def list_table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float],
               st: Styles, *, zebra: bool = True) -> Table:
    """A ruled table with a repeating header row; cells are markup or flowables.

    *header* is plain text of this package's own (drawn without markup parsing).
    Rows may split across pages, so a very long cell never raises a layout error.
    """
    data: list[list[Any]] = [list(header)]
    for row in rows:
        data.append([Paragraph(c, st.cell) if isinstance(c, str) else c for c in row])
    table = SheetTable(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT",
                  splitInRow=MIN_ROW_SPLIT)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, styles.ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, styles.RULE),
        ("FONT", (0, 0), (-1, 0), fonts.BOLD, 7.5, 10),
        ("TEXTCOLOR", (0, 0), (-1, 0), styles.MUTED),
    ]
    if zebra:
        commands.extend(("BACKGROUND", (0, i), (-1, i), styles.BAND)
                        for i in range(2, len(data), 2))
    table.setStyle(table_style(commands))
    return table
