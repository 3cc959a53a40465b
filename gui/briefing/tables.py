"""Tables that split well across pages: the ruled list with a repeating header, the
at-a-glance facts box, and the rules for cutting a row that is taller than a page.

Every text argument here is already-escaped markup (see :func:`text.esc`);
nothing in this module escapes or trusts user text itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from gui.briefing import fonts, styles
from gui.briefing.paragraphs import Paragraph
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
        # The row that stops a split between rows: the first one of the rest.
        blocking = self._blocking_row(parts)
        if not in_row or blocking is None or self._rowHeights[blocking] < self.tall_row:
            return parts
        # A tall row is cut here, on this page. Left for the rest of the table, it would be
        # cut into the room under this part: its header repeated in the middle of a page.
        # (ReportLab's own split prefers a cut between rows whenever there is one.)
        cut: list[Flowable] = self._splitRows(avail_height, doInRowSplit=True)
        if cut and cut[0].wrap(avail_width, avail_height)[1] <= avail_height + 1:
            return cut
        if parts:
            return parts
        # ReportLab could not cut the row, or cut it so its first part is still too tall
        # (it happens with long paragraphs in several cells): if the row cannot fit any
        # page, lay its cells out one after another instead.
        if max(self._rowHeights, default=0) <= NEVER_FITS:
            return []
        return self.linear()

    def _blocking_row(self, parts: Sequence[Flowable]) -> int | None:
        """Index of the first row not in the first of *parts* (of the first body row when
        nothing fits); None when every row fits."""
        if parts:
            first = parts[0]
            taken = len(getattr(first, "_cellvalues", ()))
            return taken if taken < len(self._rowHeights) else None
        head = getattr(self, "repeatRows", 0)
        head = head if isinstance(head, int) else len(head)
        return min(head, len(self._rowHeights) - 1) if self._rowHeights else None

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
                    out.append(Paragraph(escape(str(value), quote=False), _LINEAR_STYLE))
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
