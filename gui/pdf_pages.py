"""Some pages of a PDF as a PDF of their own, the pages themselves (text, fonts, links).

Print to PDF with a page range writes the chosen pages of the sheet's own ReportLab
file, so the text stays selectable and searchable, as it is when the whole sheet is
printed; drawing the pages as pictures would lose it. Qt-free, so it is tested alone.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from pypdf import PdfReader, PdfWriter


def pages_of(data: bytes, pages: Iterable[int]) -> bytes:
    """The PDF *data* reduced to *pages* (0-based, in the order given)."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    for page in pages:
        writer.add_page(reader.pages[page])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
