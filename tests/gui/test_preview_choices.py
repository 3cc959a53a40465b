"""What the preview prints: the printout's language (the interface's by default), the
internal or the counterpart's copy, and Print to PDF writing the sheet's own PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from db import i18n
from db.catalog import Catalog
from gui.preview import BriefingPreview
from gui.preview_output import prints_to_pdf
from tests.briefing.pdfcheck import flat, fonts, text_of

NOTE = "Also present: unnamed delegates from Milan and Košice"


def _ready(qtbot: QtBot, dialog: BriefingPreview) -> str:
    qtbot.waitUntil(lambda: dialog.data is not None and dialog.page_count > 0, timeout=60_000)
    return flat(text_of(dialog.data or b""))


def test_the_printout_language_defaults_to_the_interface_and_can_change(
        qtbot: QtBot, sample_catalog: Catalog) -> None:
    i18n.set_language("vi")
    try:
        dialog = BriefingPreview(None, sample_catalog, "delegation", 1)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.language == "vi"
        assert dialog.language_box.currentText() == "Tiếng Việt"
        text = _ready(qtbot, dialog)
        assert "Thành phần đoàn (2)" in text and "Members (2)" not in text
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
        qtbot.waitUntil(lambda: dialog.data is not None
                        and "Members (2)" in flat(text_of(dialog.data)), timeout=60_000)
        assert "Thành phần đoàn" not in flat(text_of(dialog.data or b""))
        assert i18n.language() == "vi"  # the interface keeps its language
    finally:
        i18n.set_language("en")


def test_the_counterpart_copy_is_a_choice_in_the_preview(qtbot: QtBot,
                                                         sample_catalog: Catalog) -> None:
    dialog = BriefingPreview(None, sample_catalog, "delegation", 1)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.language == "en" and not dialog.counterpart
    assert NOTE in _ready(qtbot, dialog)
    dialog.copy_box.setCurrentIndex(dialog.copy_box.findData(True))
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=60_000)
    text = _ready(qtbot, dialog)
    assert NOTE not in text and "Meeting with Chairman Nguyễn Đức Chung" in text
    assert "(counterpart copy)" in dialog.windowTitle()


def test_print_to_pdf_writes_the_sheet_itself(qtbot: QtBot, sample_catalog: Catalog,
                                              tmp_path: Path) -> None:
    dialog = BriefingPreview(None, sample_catalog, "person", 1)
    qtbot.addWidget(dialog)
    dialog.show()
    _ready(qtbot, dialog)
    target = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    assert prints_to_pdf(printer)
    dialog._match_paper(printer)
    assert dialog.print_to(printer)
    data = target.read_bytes()
    assert data == dialog.data  # the ReportLab file: text, not pictures of pages
    assert "Nguyễn Đức Chung" in text_of(data)
    assert len(data) < 400_000
    assert any(name.startswith("NotoSans") for name in fonts(data))
    assert not prints_to_pdf(QPrinter(QPrinter.PrinterMode.HighResolution))
