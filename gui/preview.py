"""The briefing preview: see the PDF before printing it, save it, print it.

The PDF is built on the window's database worker (:mod:`gui.worker`), so the window
stays responsive while ReportLab lays out a long pack; "Preparing the briefing…" shows
until the bytes arrive. Saving writes them atomically; printing renders each page, and
printing to a PDF file writes the sheet's own PDF (:mod:`gui.preview_output`; the file
and print dialogs are in :mod:`gui.preview_dialogs`). Each
printout has its language (the interface's by default) and its reader (the internal or
the counterpart's copy); changing either prepares the sheet again. File > Print
briefing… opens it with :func:`open_briefing`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPointF,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _
from gui.preview_dialogs import ask_and_print, ask_and_save
from gui.preview_output import (
    KIND_TITLES,
    build_pdf,
    copy_box,
    language_box,
    match_paper,
    paint_pages,
    print_pdf,
)
from gui.screen_fit import fit_to_screen
from gui.worker import Worker

if TYPE_CHECKING:
    from db.catalog import Catalog

ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


class BriefingPreview(QDialog):
    """A PDF preview with page navigation, zoom, Save as PDF… and Print…."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QWidget | None, catalog: Catalog, kind: str, record_id: int, *,
                 paper: str = "a4", classification: str | None = None,
                 worker: Worker | None = None, language: str | None = None,
                 counterpart: bool = False) -> None:
        super().__init__(parent)
        self.kind = kind
        self.record_id = record_id
        self.data: bytes | None = None
        self._catalog, self._paper, self._classification = catalog, paper, classification
        self._generation = 0  # answers for an earlier choice of language or copy are dropped
        self.setWindowTitle(_("{briefing} — Preview").format(
            briefing=_(KIND_TITLES[kind]) if kind in KIND_TITLES else _("Briefing")))
        fit_to_screen(self, 900, 1000)

        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self.view = QPdfView(self)
        self.view.setObjectName("briefingView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.message = QLabel(_("Preparing the briefing…"), self)
        self.message.setObjectName("briefingMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)

        self.previous_button = QPushButton(_("◀ Previous"), self)
        self.next_button = QPushButton(_("Next ▶"), self)
        self.page_label = QLabel("", self)
        self.page_label.setObjectName("pageLabel")
        self.page_label.setMinimumWidth(110)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_out_button = QPushButton("−", self)
        self.zoom_in_button = QPushButton("+", self)
        self.fit_button = QPushButton(_("Fit page"), self)
        self.fit_width_button = QPushButton(_("Fit width"), self)
        for button, tip in ((self.zoom_out_button, _("Zoom out (Ctrl+-)")),
                            (self.zoom_in_button, _("Zoom in (Ctrl++)"))):
            button.setToolTip(tip)
            button.setFixedWidth(36)
        self.save_button = QPushButton(_("Save as PDF…"), self)
        self.print_button = QPushButton(_("Print…"), self)
        close_button = QPushButton(_("Close"), self)

        self.language_box = language_box(self, language)
        self.copy_box = copy_box(self, counterpart)

        bar = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button,
                       self.fit_width_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        choices = QHBoxLayout()
        for caption, box in ((_("Printout language:"), self.language_box),
                             (_("Copy:"), self.copy_box)):
            label = QLabel(caption, self)
            label.setBuddy(box)
            choices.addWidget(label)
            choices.addWidget(box)
            choices.addSpacing(12)
            # Languages and copies are a briefing's (a printed list brings its own job).
            label.setVisible(kind in KIND_TITLES)
            box.setVisible(kind in KIND_TITLES)
        choices.addStretch(1)
        for button in (self.save_button, self.print_button, close_button):
            choices.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(choices)
        layout.addWidget(self.stack, 1)

        self.previous_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.fit_width_button.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_dialog)
        close_button.clicked.connect(self.close)
        self.language_box.currentIndexChanged.connect(self.rebuild)
        self.copy_box.currentIndexChanged.connect(self.rebuild)
        self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)
        self.document.statusChanged.connect(self._document_status)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
                           (QKeySequence.StandardKey.Save, self.save_as),
                           (QKeySequence.StandardKey.Print, self.print_dialog),
                           (QKeySequence(Qt.Key.Key_PageDown), self.next_page),
                           (QKeySequence(Qt.Key.Key_PageUp), self.previous_page)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        self._set_enabled(False)

        # The window's worker; a dialog opened on its own (scripts, tests) brings one,
        # which stops once the PDF is built (a running thread must never outlive it).
        self._shared_worker = worker
        self._worker = worker if worker is not None else self._own_worker()
        self.rebuild()

    def _own_worker(self) -> Worker:
        own = Worker(self)
        own.idle.connect(own.shutdown)
        return own

    @property
    def language(self) -> str:
        """The printout's language (``en``/``vi``)."""
        return str(self.language_box.currentData())

    @property
    def counterpart(self) -> bool:
        """Whether the counterpart's copy is shown (else the internal one)."""
        return bool(self.copy_box.currentData())

    @Slot()
    def rebuild(self) -> None:
        """Prepare the sheet (again) in the chosen language, for the chosen reader."""
        self._generation += 1
        generation = self._generation
        self.data = None
        self.message.setText(_("Preparing the briefing…"))
        self.stack.setCurrentWidget(self.message)
        self._set_enabled(False)
        if self._shared_worker is None and generation > 1:
            self._worker = self._own_worker()  # the last one stops once it is idle
        catalog, kind, record_id = self._catalog, self.kind, self.record_id
        paper, classification = self._paper, self._classification
        self._worker.submit(self.job(catalog, kind, record_id, paper, classification),
                            lambda data: self._arrived(data, generation),
                            lambda error: self._not_built(error, generation))

    def job(self, catalog: Catalog, kind: str, record_id: int, paper: str,
            classification: str | None) -> Callable[[], bytes]:
        """What the worker runs to make the PDF, in the chosen language and copy (File >
        Print List brings its own)."""
        language, counterpart = self.language, self.counterpart
        return lambda: build_pdf(catalog, kind, record_id, paper, classification, language,
                                 counterpart)

    # ------------------------------------------------------------ state

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.data is not None else 0

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.previous_button, self.next_button, self.zoom_in_button,
                       self.zoom_out_button, self.fit_button, self.fit_width_button,
                       self.save_button, self.print_button):
            widget.setEnabled(enabled)

    def _arrived(self, data: bytes, generation: int = 0) -> None:
        # Closed meanwhile, or another language or copy chosen since: nothing to show.
        if shiboken6.isValid(self) and generation in (0, self._generation):
            self._show_pdf(data)

    def _not_built(self, error: Exception, generation: int = 0) -> None:
        if shiboken6.isValid(self) and generation in (0, self._generation):
            self._show_failure(str(error))

    @Slot(object)
    def _show_pdf(self, data: bytes) -> None:
        self.data = data
        self.document.close()
        self._buffer.close()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def _document_status(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            title = self.document.metaData(QPdfDocument.MetaDataField.Title)
            if title:
                self.setWindowTitle(_("{briefing} — Preview").format(briefing=title))
            self.stack.setCurrentWidget(self.view)
            self._set_enabled(True)
            self._update_page_label(self.current_page)
            self.ready.emit()
        elif status == QPdfDocument.Status.Error:
            self._show_failure(_("The briefing was prepared but cannot be shown."))

    @Slot(str)
    def _show_failure(self, message: str) -> None:
        self.message.setText(message)
        self.stack.setCurrentWidget(self.message)
        self._set_enabled(False)
        self.failed.emit(message)

    def _update_page_label(self, page: int) -> None:
        count = self.page_count
        self.page_label.setText(
            _("Page {page} of {count}").format(page=page + 1, count=count) if count else "")
        self.previous_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)

    # ------------------------------------------------------------ navigation, zoom

    def go_to_page(self, page: int) -> None:
        if not self.page_count:
            return
        page = max(0, min(page, self.page_count - 1))
        navigator = self.view.pageNavigator()
        navigator.jump(page, QPointF(), navigator.currentZoom())

    @Slot()
    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    @Slot()
    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def _zoom_to(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)

    @Slot()
    def zoom_in(self) -> None:
        current = self.view.zoomFactor()
        self._zoom_to(next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1]))

    @Slot()
    def zoom_out(self) -> None:
        current = self.view.zoomFactor()
        self._zoom_to(next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01),
                           ZOOM_STEPS[0]))

    # ------------------------------------------------------------ save, print

    def suggested_file_name(self) -> str:
        from gui.briefing.render import Kind, file_name

        title = self.document.metaData(QPdfDocument.MetaDataField.Title) or ""
        return file_name(Kind(self.kind), self.record_id, str(title).split(": ", 1)[-1])

    def save_to(self, path: Path) -> None:
        """Write the previewed PDF to *path* atomically (the old file stays until done)."""
        from gui.briefing.document import write_atomic

        if self.data is None:
            raise RuntimeError("The briefing is not ready yet.")
        write_atomic(path, self.data)

    @Slot()
    def save_as(self) -> None:
        if self.data is not None:
            ask_and_save(self, self.suggested_file_name(), self.save_to, self._problem)

    @Slot()
    def print_dialog(self) -> None:
        if self.data is not None and not ask_and_print(self, self.document, self.print_to):
            self._problem(_("The briefing could not be sent to the printer."))

    def _match_paper(self, printer: QPrinter) -> None:
        match_paper(self.document, printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Put the sheet on *printer* (see :func:`gui.preview_output.print_pdf`)."""
        if self.data is None or not self.page_count:
            return False
        return print_pdf(self.document, self.data, printer)

    def paint_to(self, printer: QPrinter) -> bool:
        """Draw the pages onto *printer* as pictures, whatever it is (the print check
        exercises Qt's painting through the print plugin this way)."""
        return bool(self.page_count) and paint_pages(self.document, printer)

    def _problem(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Briefing"), message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    # ------------------------------------------------------------ closing

    def done(self, result: int) -> None:
        self.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    def stop(self) -> None:
        """A dialog with its own worker lets a build under way finish before it goes;
        with the window's, the answer is simply dropped when it arrives."""
        for own in self.findChildren(Worker):  # one per language or copy chosen
            own.shutdown()


def open_briefing(parent: QWidget, catalog: Catalog, kind: str, record_id: int, *,
                  paper: str = "a4", classification: str | None = None,
                  worker: Worker | None = None) -> BriefingPreview:
    """Open the preview of a briefing sheet (non-modal) and return it.

    *kind* is ``delegation``, ``pack`` (a delegation's briefing pack), ``person``,
    ``pairing`` or ``event``. The dialog deletes itself when closed.
    """
    dialog = BriefingPreview(parent, catalog, kind, record_id, paper=paper,
                             classification=classification, worker=worker)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog
