"""What the briefing preview hands to the world: which printout (its language, the
internal or the counterpart's copy), the PDF built on the worker, and the PDF put on a
printer.

Printing renders each page at the printer's resolution (capped, so a 1200 dpi printer
does not need gigabytes), except printing the whole sheet to a PDF file, which writes the
sheet's own PDF there: selectable text, a fraction of the size of page images. A page
range printed to a PDF file is drawn page by page like paper, so the file holds exactly
the pages asked for (the sheet's own PDF cannot be cut without a PDF library).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from pypdf.errors import PyPdfError
from PySide6.QtCore import QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QWidget

from db import i18n
from db.i18n import N_, _
from gui.pdf_pages import pages_of

if TYPE_CHECKING:
    from db.catalog import Catalog

PRINT_DPI_CAP = 300
KIND_TITLES = {  # the briefings the preview prints, by the kind of sheet
    "delegation": N_("Delegation briefing"),
    "pack": N_("Delegation briefing pack"),
    "person": N_("Bio sheet"),
    "pairing": N_("Pairing profile"),
    "event": N_("Event briefing"),
    "week": N_("Programme of the week"),  # record_id: the first day's ordinal (agenda)
}


def language_box(parent: QWidget, language: str | None) -> QComboBox:
    """The printout's language, each named in itself; *language* or the interface's."""
    box = QComboBox(parent)
    box.setObjectName("printoutLanguage")
    for code in i18n.LANGUAGES:
        box.addItem(i18n.native_name(code), code)
    box.setCurrentIndex(box.findData(i18n.parse_language(language) or i18n.language()))
    box.setToolTip(_("The language the briefing is printed in"))
    return box


def copy_box(parent: QWidget, counterpart: bool) -> QComboBox:
    """Whose copy: the internal one, or the counterpart's (programme and participants)."""
    box = QComboBox(parent)
    box.setObjectName("printoutCopy")
    box.addItem(_("Internal copy"), False)
    box.addItem(_("Counterpart's copy"), True)
    box.setCurrentIndex(1 if counterpart else 0)
    box.setToolTip(_("The counterpart's copy has the programme and the participants only: "
                     "no protocol notes, notes on people, items to confirm or the office's "
                     "remarks."))
    return box


class BriefingError(Exception):
    """The briefing could not be prepared; the message is meant for the user."""


def build_pdf(catalog: Catalog, kind: str, record_id: int, paper: str,
              classification: str | None, language: str | None = None,
              counterpart: bool = False) -> bytes:
    """The PDF's bytes (runs on the worker) in *language* (None: the interface's), the
    counterpart's copy or the internal one; :class:`BriefingError` says why not."""
    from gui.briefing.document import SheetOptions
    from gui.briefing.fonts import FontMissingError
    from gui.briefing.render import NotFoundError, render
    from gui.briefing.styles import Paper

    try:
        options = SheetOptions(paper=Paper(paper), classification=classification,
                               language=language or i18n.language(), counterpart=counterpart)
        if kind == "week":  # the Upcoming section's programme (gui.briefing.agenda)
            from gui.briefing.agenda import render_week

            return render_week(catalog, dt.date.fromordinal(record_id), options)
        return render(catalog, kind, record_id, options)
    except (NotFoundError, FontMissingError) as exc:
        raise BriefingError(str(exc)) from exc
    except Exception as exc:  # the dialog must say something rather than hang
        raise BriefingError(
            _("The briefing could not be prepared: {error}").format(error=exc)) from exc


def prints_to_pdf(printer: QPrinter) -> bool:
    """Whether *printer* writes a PDF file (Qt's "Print to File" / PDF printer).

    Then the sheet's own PDF is copied there: its text stays text (selectable,
    searchable, read aloud) and the file is a fraction of the size of the page images
    Qt would otherwise draw into it.
    """
    name = printer.outputFileName()
    return bool(name) and (printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
                           or name.lower().endswith(".pdf"))


def match_paper(document: QPdfDocument, printer: QPrinter) -> None:
    """The printer's paper as the PDF's first page, the whole page printable."""
    size = document.pagePointSize(0)
    page = (QPageSize(size, QPageSize.Unit.Point) if size.isValid()
            else QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageSize(page)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins


def print_pdf(document: QPdfDocument, data: bytes, printer: QPrinter) -> bool:
    """Put the PDF (*data*, loaded in *document*) on *printer*: all its pages or the
    printer's chosen range; to a PDF file, the sheet's own file (or its chosen pages).
    False when it failed."""
    count = document.pageCount()
    if not count:
        return False
    if prints_to_pdf(printer):
        from gui.briefing.document import write_atomic

        pages = chosen_pages(printer, count)
        try:
            chosen = data if pages == range(count) else pages_of(data, pages)
            write_atomic(Path(printer.outputFileName()).expanduser(), chosen)
        except (OSError, PyPdfError):
            return False
        return True
    return paint_pages(document, printer)


def chosen_pages(printer: QPrinter, count: int) -> range:
    """The pages (0-based) the print dialog's From/To chose, within the sheet; all
    when no range was chosen."""
    first, last = printer.fromPage(), printer.toPage()
    pages = range(first - 1, last) if first > 0 and last >= first else range(count)
    return range(max(0, pages.start), min(count, pages.stop))


def paint_pages(document: QPdfDocument, printer: QPrinter) -> bool:
    """Draw the pages (all, or the printer's chosen range) as pictures at the printer's
    resolution, as a paper printer gets them; False when the printer cannot start."""
    pages = chosen_pages(printer, document.pageCount())
    dpi = min(printer.resolution(), PRINT_DPI_CAP)
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        target = printer.pageRect(QPrinter.Unit.DevicePixel)
        for n, page in enumerate(pages):
            if n:
                printer.newPage()
            size = document.pagePointSize(page)
            image = document.render(page, QSize(round(size.width() * dpi / 72),
                                                round(size.height() * dpi / 72)))
            painter.drawImage(target, image)
    finally:
        painter.end()
    return True
