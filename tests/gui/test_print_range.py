"""Print to PDF with a page range: the file holds exactly the pages chosen, those pages."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from db.catalog import Catalog
from gui.preview import BriefingPreview
from tests.briefing.pdfcheck import pages_text

THUMB = QSize(120, 170)


def _thumbs(data: bytes) -> list[QImage]:
    """Every page drawn small and grey, to tell pages apart by what they show."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    thumbs = []
    for n in range(document.pageCount()):
        page = QImage(THUMB, QImage.Format.Format_RGB32)
        page.fill(Qt.GlobalColor.white)  # the page is drawn with a transparent ground
        painter = QPainter(page)
        painter.drawImage(0, 0, document.render(n, THUMB))
        painter.end()
        thumbs.append(page.convertToFormat(QImage.Format.Format_Grayscale8))
    return thumbs


def _profile(image: QImage) -> list[float]:
    """How much ink each row band holds, top to bottom: a page's layout at a glance."""
    bands = 40
    rows = image.height() // bands
    return [sum(255 - image.pixelColor(x, y).value()
                for y in range(band * rows, (band + 1) * rows) for x in range(image.width()))
            / (rows * image.width()) for band in range(bands)]


def _difference(a: QImage, b: QImage) -> float:
    return sum(abs(x - y) for x, y in zip(_profile(a), _profile(b), strict=True))


def _print(dialog: BriefingPreview, path: Path, pages: tuple[int, int] | None) -> bytes:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    dialog._match_paper(printer)
    if pages is not None:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(*pages)
    assert dialog.print_to(printer)
    return path.read_bytes()


def test_a_page_range_printed_to_pdf_holds_only_those_pages(
        qtbot: QtBot, sample_catalog: Catalog, tmp_path: Path) -> None:
    dialog = BriefingPreview(None, sample_catalog, "pack", 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.page_count > 0, timeout=30_000)
    count = dialog.page_count
    assert count >= 5
    assert dialog.data is not None
    sheet = _thumbs(dialog.data)

    ranged = _print(dialog, tmp_path / "pages-2-3.pdf", (2, 3))
    with pdfplumber.open(io.BytesIO(ranged)) as pdf:
        assert len(pdf.pages) == 2
    # The sheet's own pages, text and all (selectable, searchable), not pictures of them.
    assert pages_text(ranged) == pages_text(dialog.data)[1:3]
    assert all(text.strip() for text in pages_text(ranged))
    printed = _thumbs(ranged)
    for index, page in enumerate(printed):
        distances = [_difference(page, original) for original in sheet]
        # Each printed page looks like the sheet's page it should be, more than any other.
        assert distances.index(min(distances)) == 1 + index, distances

    one = _print(dialog, tmp_path / "page-5.pdf", (5, 5))
    with pdfplumber.open(io.BytesIO(one)) as pdf:
        assert len(pdf.pages) == 1

    # No range (or the whole range): the sheet's own PDF, its text selectable.
    whole = _print(dialog, tmp_path / "all.pdf", None)
    assert whole == dialog.data and len(pages_text(whole)) == count
    everything = _print(dialog, tmp_path / "all-by-range.pdf", (1, count))
    assert everything == dialog.data
