"""File > Export: a format, which records, the header language, then where to save.

The file is written on the database worker by ``db.interchange.export`` (the
same writers as ``liaison export``), under a temporary name renamed when done.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from db.i18n import N_, _
from db.kinds import RecordKind
from db.vocabulary import noun
from gui.widgets import plain_label

if TYPE_CHECKING:
    from db.catalog import Catalog
    from gui.worker import Worker

# The names are marked for translation here (N_) and translated where shown (_).
FORMATS = (
    ("xlsx", N_("Excel workbook (.xlsx)"), ".xlsx"),
    ("csv", N_("CSV for spreadsheets (.csv)"), ".csv"),
    ("vcard", N_("Address book: vCard (.vcf)"), ".vcf"),
    ("ical", N_("Calendar: iCalendar (.ics)"), ".ics"),
    ("popolo", N_("Popolo JSON (.json)"), ".json"),
    ("json", N_("Whole catalog: Liaison JSON (.json)"), ".json"),
)
ROW_KINDS = ("person", "organisation", "city", "pairing", "delegation", "event")


def write(catalog: Catalog, fmt: str, path: Path, kind: str | None, language: str) -> int:
    """The worker's job."""
    from db.interchange.export import export

    return export(catalog, fmt, path, kind=kind, language=language)


class ExportDialog(QDialog):
    exported = Signal(str)  # what the status bar says

    def __init__(self, catalog: Catalog, worker: Worker, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(_("Export"))
        self.catalog, self.worker = catalog, worker
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        for key, label, _suffix in FORMATS:
            self.format.addItem(_(label), key)
        self.kind = QComboBox(self)
        self.kind.setObjectName("exportKind")
        for kind in ROW_KINDS:
            words = noun(RecordKind(kind), 2)
            self.kind.addItem(words[:1].upper() + words[1:], kind)
        self.language = QComboBox(self)
        self.language.setObjectName("exportLanguage")
        self.language.addItem("English", "en")
        self.language.addItem("Tiếng Việt", "vi")
        self.format.currentIndexChanged.connect(self._update)
        self.status = plain_label("", self)
        self.status.setObjectName("exportStatus")
        form = QFormLayout()
        form.addRow(_("Format:"), self.format)
        form.addRow(_("Records:"), self.kind)
        form.addRow(_("Headers in:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save = buttons.addButton(_("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setObjectName("exportButton")
        self.save.clicked.connect(self.choose_file)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._update()

    def _update(self) -> None:
        tabular = self.format.currentData() in ("csv", "xlsx")
        self.kind.setEnabled(tabular)
        self.language.setEnabled(tabular)

    def suffix(self) -> str:
        return next(s for key, _label, s in FORMATS if key == self.format.currentData())

    def choose_file(self) -> None:
        name = f"{self.catalog.name}{self.suffix()}"
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Export to"), name)
        if chosen:
            self.export_to(Path(chosen))

    def export_to(self, path: Path) -> None:
        fmt = str(self.format.currentData())
        kind = self.kind.currentData() if self.kind.isEnabled() else None
        language = str(self.language.currentData())
        catalog = self.catalog
        self.save.setEnabled(False)
        self.status.setText(_("Writing {name}…").format(name=path.name))
        self.worker.submit(lambda: write(catalog, fmt, path, kind, language),
                           lambda count: self._done(path, count), self._failed)

    def _done(self, path: Path, count: int) -> None:
        self.exported.emit(_("Exported {n} records to {name}").format(n=count, name=path.name))
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.save.setEnabled(True)
        self.status.setText(str(error))
