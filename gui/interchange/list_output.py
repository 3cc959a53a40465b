"""File > Export List and File > Print List: the current section's list, as shown.

What is taken from the list on screen: its kind, its query (text filter,
filters, sort) and the columns the user shows, in the order shown. The rows are
read again on the worker with that query (:mod:`db.interchange.list_export`),
so a list not yet scrolled to the end is exported whole. Export writes CSV or
XLSX with the writers ``liaison export`` uses; Print opens the PDF preview of
:mod:`gui.briefing.list_sheet`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from db.i18n import N_, _
from db.kinds import RecordKind
from db.listing import ListQuery
from db.vocabulary import noun
from gui import settings as registry
from gui.preview import BriefingPreview

if TYPE_CHECKING:
    from db.catalog import Catalog
    from gui.pages.section import ListPanel
    from gui.worker import Worker

FORMATS = (("xlsx", N_("Excel workbook (*.xlsx)")), ("csv", N_("CSV for spreadsheets (*.csv)")))


def _title(kind: RecordKind) -> str:
    """``People``, ``Người``: the list's name."""
    words = noun(kind, 2)
    return words[:1].upper() + words[1:]


@dataclass(frozen=True)
class ShownList:
    """What a list on screen shows: which records, filtered and sorted how, which columns."""

    kind: RecordKind
    query: ListQuery
    columns: tuple[str, ...]
    filters: tuple[str, ...]  # the filters as the user reads them, for the printed title


def shown_list(panel: ListPanel) -> ShownList:
    header = panel.view.horizontalHeader()
    spec = panel.model.spec
    columns = tuple(spec.columns[header.logicalIndex(visual)].key
                    for visual in range(header.count())
                    if not header.isSectionHidden(header.logicalIndex(visual)))
    query = panel.model.query
    filters = [f"“{query.text.strip()}”"] if query.text.strip() else []
    filters += [box.combo.currentText() for box in panel.filters.values()
                if box.value() is not None]
    return ShownList(panel.kind, query, columns, tuple(filters))


def write_list(catalog: Catalog, shown: ShownList, fmt: str, path: Path) -> int:
    """The worker's job for Export List."""
    from db.interchange.list_export import export_list

    return export_list(catalog, shown.kind, shown.query, fmt, path, shown.columns)


def list_pdf(catalog: Catalog, shown: ShownList, paper: str,
             classification: str | None) -> bytes:
    """The worker's job for Print List."""
    from db.interchange.list_export import list_table
    from gui.briefing.document import SheetOptions
    from gui.briefing.list_sheet import render_list
    from gui.briefing.styles import Paper

    with catalog.read_session() as session:
        table = list_table(session, shown.kind, shown.query, shown.columns)
    options = SheetOptions(paper=Paper(paper), classification=classification,
                           catalog_name=catalog.name)
    return render_list(table, options, shown.filters)


class ListExport(QObject):
    """Export List: asks where, writes on the worker, says what it wrote."""

    exported = Signal(str)  # what the status bar says
    failed = Signal(str)

    def __init__(self, parent: QWidget, catalog: Catalog, worker: Worker,
                 shown: ShownList) -> None:
        super().__init__(parent)
        self.catalog, self.worker, self.shown = catalog, worker, shown
        self._parent = parent

    def choose_file(self) -> None:
        filters = ";;".join(_(label) for _fmt, label in FORMATS)
        name = f"{_title(self.shown.kind)}.xlsx"
        chosen, picked = QFileDialog.getSaveFileName(self._parent, _("Export List"), name,
                                                     filters)
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() not in (".csv", ".xlsx"):
                suffix = ".csv" if picked == _(FORMATS[1][1]) else ".xlsx"
                path = path.with_name(path.name + suffix)
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        fmt = "csv" if path.suffix.lower() == ".csv" else "xlsx"
        catalog, shown = self.catalog, self.shown
        self.worker.submit(lambda: write_list(catalog, shown, fmt, path),
                           lambda count: self.exported.emit(
                               _("Exported {n} rows to {name}").format(n=count, name=path.name)),
                           lambda error: self.failed.emit(str(error)))


class ListPreview(BriefingPreview):
    """The print preview of a list (the briefing preview, with the list's PDF)."""

    def __init__(self, parent: QWidget, catalog: Catalog, shown: ShownList,
                 settings: registry.Settings, worker: Worker) -> None:
        self.shown = shown  # read by job(), which the preview calls while it is made
        super().__init__(parent, catalog, "list", 0,
                         paper=settings.value(registry.PAPER_SIZE),
                         classification=settings.value(registry.CLASSIFICATION).strip() or None,
                         worker=worker)
        self.setWindowTitle(_("{list} — Preview").format(list=_title(shown.kind)))

    def job(self, catalog: Catalog, kind: str, record_id: int, paper: str,
            classification: str | None) -> Callable[[], bytes]:
        shown = self.shown
        return lambda: list_pdf(catalog, shown, paper, classification)

    def suggested_file_name(self) -> str:
        return f"list-{self.shown.kind.value}.pdf"


def export_current(parent: QWidget, catalog: Catalog, worker: Worker, panel: ListPanel,
                   status: Callable[[str], None]) -> ListExport:
    """File > Export List for the list *panel* shows: asks where, then writes."""
    export = ListExport(parent, catalog, worker, shown_list(panel))
    export.exported.connect(status)
    export.failed.connect(status)
    export.choose_file()
    return export


def print_current(parent: QWidget, catalog: Catalog, worker: Worker, panel: ListPanel,
                  settings: registry.Settings) -> ListPreview:
    """File > Print List: the preview of the list *panel* shows (non-modal)."""
    preview = ListPreview(parent, catalog, shown_list(panel), settings, worker)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    preview.show()
    return preview
