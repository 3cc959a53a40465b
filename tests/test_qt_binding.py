"""The Qt binding itself must not corrupt the interpreter.

PySide6 6.12.0 returns a borrowed ``True`` from ``Signal.emit()``: each emit
whose result is dropped releases ``True`` once more, and a few thousand emits
later Python aborts with "deallocating True or False". This pins that down.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


class _Sender(QObject):
    fired = Signal(int)


def test_emit_keeps_reference_counts(qapp: object) -> None:
    sender = _Sender()
    received: list[int] = []
    sender.fired.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for number in range(200):
        sender.fired.emit(number)
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert received == list(range(200))
    assert [a - b for a, b in zip(after, before, strict=True)] == [0, 0, 0]


def test_pdf_preview_modules_are_installed(qapp: object, tmp_path: Path) -> None:
    """The preview's QtPdf really opens, reads and draws a PDF (not just imports)."""
    pdf = tmp_path / "page.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4, invariant=1)
    page.setFont("Helvetica", 28)
    page.drawString(72, 700, "Liaison preview")
    page.showPage()
    page.save()
    document = QPdfDocument()
    assert document.load(str(pdf)) == QPdfDocument.Error.None_
    assert document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() == 1
    assert "Liaison preview" in document.getAllText(0).text()
    image = document.render(0, QSize(210, 297))
    assert not image.isNull()
    pixels = {image.pixel(x, y) for x in range(0, 210, 3) for y in range(0, 297, 3)}
    assert len(pixels) > 1  # something was drawn, not a blank page
    view = QPdfView()
    view.setDocument(document)
    assert view.document() is document
