"""The briefing preview as a user drives it: it prepares the PDF off the GUI thread, shows
it, pages through it, saves it and prints it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from db.catalog import Catalog
from gui.preview import BriefingPreview, open_briefing
from tests.briefing.pdfcheck import pages_text, text_of


def _open(qtbot: QtBot, catalog: Catalog, kind: str, record_id: int,
          **kwargs: str) -> BriefingPreview:
    dialog = BriefingPreview(None, catalog, kind, record_id, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_preview_prepares_pages_saves_and_prints(qtbot: QtBot, sample_catalog: Catalog,
                                                 tmp_path: Path) -> None:
    dialog = _open(qtbot, sample_catalog, "pack", 1, classification="For official use")
    assert dialog.message.text() == "Preparing the briefing…" or dialog.page_count
    qtbot.waitUntil(lambda: dialog.page_count > 0, timeout=30_000)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=5_000)
    count = dialog.page_count
    assert count >= 5
    assert dialog.stack.currentWidget() is dialog.view
    assert dialog.page_label.text() == f"Page 1 of {count}"
    assert not dialog.previous_button.isEnabled()
    assert "Briefing pack: EU World Cities delegation to Hanoi" in dialog.windowTitle()

    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.current_page == 1)
    assert dialog.page_label.text() == f"Page 2 of {count}"
    assert dialog.previous_button.isEnabled()
    dialog.go_to_page(count - 1)
    qtbot.waitUntil(lambda: dialog.page_label.text() == f"Page {count} of {count}")
    assert not dialog.next_button.isEnabled()

    before = dialog.view.zoomFactor()
    dialog.zoom_in_button.click()
    assert dialog.view.zoomFactor() > before
    dialog.zoom_out_button.click()
    dialog.zoom_out_button.click()
    assert dialog.view.zoomFactor() < before or dialog.view.zoomFactor() == 0.5

    target = tmp_path / "out" / "pack.pdf"
    target.parent.mkdir()
    dialog.save_to(target)
    saved = target.read_bytes()
    assert saved == dialog.data
    pages = pages_text(saved)
    assert len(pages) == count and "FOR OFFICIAL USE" in pages[0]
    assert sorted(p.name for p in target.parent.iterdir()) == ["pack.pdf"]
    assert dialog.suggested_file_name().startswith("pack-001-eu-world-cities-delegation")

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    dialog._match_paper(printer)
    assert dialog.print_to(printer)
    assert len(pages_text(printed.read_bytes())) == count


def test_preview_says_when_the_record_is_gone(qtbot: QtBot, sample_catalog: Catalog) -> None:
    dialog = _open(qtbot, sample_catalog, "delegation", 99)
    with qtbot.waitSignal(dialog.failed, timeout=30_000) as blocker:
        pass
    assert blocker.args == ["There is no delegation with id 99."]
    assert dialog.message.text() == "There is no delegation with id 99."
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()


def test_open_briefing_is_what_the_main_window_calls(qtbot: QtBot, sample_catalog: Catalog,
                                                     tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_briefing(parent, sample_catalog, "person", 1, paper="letter")
    with qtbot.waitSignal(dialog.ready, timeout=30_000):
        pass
    assert dialog.isVisible() and dialog.page_label.text().startswith("Page 1 of ")
    assert "Nguyễn Đức Chung" in text_of(dialog.data or b"")
    dialog.close()
