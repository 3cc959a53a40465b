"""File > Print List: what a section's list shows, as a plain table on paper.

The rows come ready from :func:`db.interchange.list_export.list_table` (the
list's filters, sort and shown columns, the headers in the interface language);
this module only lays them out with the briefing sheets' fonts, styles and page
frame (running header, "Page X of Y", the optional classification line).
Column widths follow what each column holds (:func:`widths`), so a name stays
on one line and a long title column wraps.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from db.i18n import _, format_number
from db.interchange.list_export import ListTable
from gui.briefing.common import title_block
from gui.briefing.document import Metadata, SheetOptions, build_pdf
from gui.briefing.flowables import list_table
from gui.briefing.render import new_sheet
from gui.briefing.text import clean, esc

_PADDING = 10.0  # the table's left and right cell padding, in points
_WIDEST_SHARE = 0.5  # no column asks for more than half the page


def widths(table: ListTable, room: float, font: str, size: float) -> list[float]:
    """Each column's width: what its longest cell needs on one line when all fit;
    otherwise the columns that need less than an equal share keep what they need
    (a name stays on one line) and the rest share what is left, by need."""
    if not table.headers:
        return []
    needs = [min(max(stringWidth(clean(text), font, size)
                     for text in (header, *(row[i] for row in table.rows))) + _PADDING,
                 room * _WIDEST_SHARE)
             for i, header in enumerate(table.headers)]
    if sum(needs) <= room:
        return [need * room / sum(needs) for need in needs]
    fixed = [need if need <= room / len(needs) else 0.0 for need in needs]
    rest = room - sum(fixed)
    wide = sum(need for need, kept in zip(needs, fixed, strict=True) if not kept)
    return [kept or need * rest / wide for need, kept in zip(needs, fixed, strict=True)]


def story(table: ListTable, options: SheetOptions, filters: Sequence[str] = ()) -> list[Flowable]:
    """The title (the list's name, how many rows, the filters applied) and the table."""
    sheet = new_sheet(options)
    count = format_number(len(table.rows))
    subtitle = " · ".join([_("{n} rows").format(n=count), *filters])
    flowables = title_block(sheet, _("List"), table.title, esc(subtitle))
    rows = [[esc(cell) for cell in row] for row in table.rows]
    cell = sheet.st.cell
    flowables.append(list_table(list(table.headers), rows,
                                widths(table, sheet.width, cell.fontName, cell.fontSize),
                                sheet.st))
    return flowables


def render_list(table: ListTable, options: SheetOptions, filters: Sequence[str] = ()) -> bytes:
    """The list's PDF, as bytes."""
    return build_pdf(story(table, options, filters), options,
                     Metadata(f"{_('List')}: {table.title}", _("List"), ("list",)))
