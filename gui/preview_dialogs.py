"""The questions the briefing preview asks before writing: where to save the PDF, and
which printer, pages and copies to print (the preview itself is :mod:`gui.preview`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from db.i18n import _
from gui.preview_output import match_paper


def ask_and_save(parent: QWidget, suggested: str, save_to: Callable[[Path], None],
                 problem: Callable[[str], None]) -> None:
    """Ask where to save the PDF (Documents, under *suggested*) and save it there;
    a disk that refuses is said through *problem*."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name, _filter = QFileDialog.getSaveFileName(
        parent, _("Save briefing as PDF"), str(Path(folder) / suggested),
        _("PDF files (*.pdf)"))
    if not name:
        return
    path = Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf")
    try:
        save_to(path)
    except OSError as exc:
        problem(_("The briefing could not be saved to {path}: {error}.").format(
            path=path, error=exc.strerror or exc))


def ask_and_print(parent: QWidget, document: QPdfDocument,
                  print_to: Callable[[QPrinter], bool]) -> bool:
    """The print dialog (paper as the sheet's, a page range allowed), then *print_to*;
    False only when printing failed (a cancelled dialog is not a failure)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    match_paper(document, printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, max(1, document.pageCount()))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return True
    return print_to(printer)
