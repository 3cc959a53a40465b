"""File > Import: the mapping and the first rows before anything is written.

The dialog reads the file and checks every row on the database worker (a dry
run: the same checks as the real import, rolled back), shows which column
fills which field (changeable), the first rows as they will be read, and the
row-level report. Nothing is written until the user presses Import; when rows
were refused, the good ones are imported only if the user ticks the box. The
import is one step on the window's undo stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _
from gui.interchange.commands import ImportCommand, push_applied, run_import
from gui.screen_fit import fit_to_screen
from gui.widgets import plain_label

if TYPE_CHECKING:
    from pathlib import Path

    from db.catalog import Catalog
    from db.interchange import Prepared, Report
    from gui.undo import Editing
    from gui.worker import Worker

KINDS = ("person", "organisation", "city", "pairing", "delegation", "event")
_LEAVE_OUT = "-"
PREVIEW_ROWS = 10


def _item(text: object) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _counts(counter: Any) -> str:
    return ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in sorted(counter.items()))


def check_file(catalog: Catalog, path: Path, kind: str | None,
               mapping: dict[str, str]) -> tuple[Prepared, Report]:
    """The worker's job: read the file and check every row without writing."""
    from db.interchange import import_prepared, prepare

    prepared = prepare(path, kind=kind, mapping=mapping or None, require_mapping=False)
    return prepared, import_prepared(catalog, prepared, dry_run=True, skip_bad_rows=True)


class ImportDialog(QDialog):
    """Choose how a file maps, look at it, import it (see the module docstring)."""

    imported = Signal(object)  # db.interchange.Report of the import that was written

    def __init__(self, path: Path, catalog: Catalog, worker: Worker, editing: Editing,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(_("Import {name}").format(name=path.name))
        self.path, self.catalog, self.worker, self.editing = path, catalog, worker, editing
        self.prepared: Prepared | None = None
        self.report: Report | None = None
        self._ticket = 0
        self._filling = False

        self.kind = QComboBox(self)
        self.kind.setObjectName("importKind")
        self.kind.addItem(_("Guess from the headers"), None)
        for kind in KINDS:
            self.kind.addItem(kind.capitalize(), kind)
        self.kind.currentIndexChanged.connect(lambda _index: self.check())
        self.mapping = QTableWidget(0, 2, self)
        self.mapping.setObjectName("importMapping")
        self.mapping.setHorizontalHeaderLabels([_("Column in the file"), _("Field")])
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().hide()
        self.preview = QTableWidget(0, 0, self)
        self.preview.setObjectName("importPreview")
        self.issues = QTableWidget(0, 3, self)
        self.issues.setObjectName("importReport")
        self.issues.setHorizontalHeaderLabels([_("Row"), _("Column"), _("Problem")])
        self.issues.horizontalHeader().setStretchLastSection(True)
        self.issues.verticalHeader().hide()
        self.summary = plain_label(_("Reading the file…"), self)
        self.summary.setObjectName("importSummary")
        self.skip = QCheckBox(_("Import the other rows and leave the refused ones out"), self)
        self.skip.setObjectName("importSkip")
        self.skip.toggled.connect(lambda _on: self._update_buttons())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(_("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(_("Records:"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.mapping_label = QLabel(_("Which column fills which field:"), self)
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.mapping, 2)
        layout.addWidget(QLabel(_("The first rows, as they will be read:"), self))
        layout.addWidget(self.preview, 3)
        layout.addWidget(QLabel(_("Report:"), self))
        layout.addWidget(self.issues, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.skip)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 900, 720)
        self.check()

    # ------------------------------------------------------------ reading and checking

    def _overrides(self) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for row in range(self.mapping.rowCount()):
            header = self.mapping.item(row, 0)
            combo = self.mapping.cellWidget(row, 1)
            if header is not None and isinstance(combo, QComboBox):
                mapping[header.text()] = combo.currentData() or _LEAVE_OUT
        return mapping

    def check(self, *, keep_mapping: bool = False) -> None:
        """Read and dry-run the file on the worker with the current choices."""
        if self._filling:
            return
        kind = self.kind.currentData()
        mapping = self._overrides() if keep_mapping else {}
        self.summary.setText(_("Checking every row…"))
        self.import_button.setEnabled(False)
        catalog, path = self.catalog, self.path
        self._ticket = self.worker.submit(
            lambda: check_file(catalog, path, kind, mapping), self._checked, self._failed)

    def _failed(self, error: Exception) -> None:
        self.summary.setText(str(error))
        self.import_button.setEnabled(False)

    def _checked(self, answer: tuple[Prepared, Report]) -> None:
        self.prepared, self.report = answer
        self._filling = True
        try:
            self._show_mapping(self.prepared)
            self._show_preview(self.prepared)
            self._show_report(self.report)
        finally:
            self._filling = False
        self._update_buttons()

    def _show_mapping(self, prepared: Prepared) -> None:
        from db.interchange.fields import fields

        columns = prepared.mapping.columns if prepared.mapping is not None else ()
        self.mapping.setVisible(bool(columns))
        self.mapping_label.setVisible(bool(columns))
        self.mapping.setRowCount(len(columns))
        choices = list(fields(prepared.kind)) if prepared.kind is not None else []
        for row, (_index, header, field) in enumerate(columns):
            self.mapping.setItem(row, 0, _item(header))
            combo = QComboBox(self.mapping)
            combo.addItem(_("— not imported —"), None)
            for name in choices:
                combo.addItem(name.replace("_", " "), name)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            combo.currentIndexChanged.connect(lambda _i: self.check(keep_mapping=True))
            self.mapping.setCellWidget(row, 1, combo)

    def _show_preview(self, prepared: Prepared) -> None:
        rows = prepared.preview(PREVIEW_ROWS)
        names: list[str] = []
        for row in rows:
            names.extend(k for k in row if k not in names)
        self.preview.clear()
        self.preview.setColumnCount(len(names))
        self.preview.setHorizontalHeaderLabels([n.replace("_", " ") for n in names])
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, name in enumerate(names):
                value: Any = row.get(name)
                if name == "positions" and value:
                    value = "; ".join(str(p.get("title")) for p in value)
                self.preview.setItem(r, c, _item(value))
        self.preview.verticalHeader().hide()

    def _show_report(self, report: Report) -> None:
        issues = [*report.errors, *report.review, *report.notices]
        self.issues.setRowCount(len(issues))
        for r, issue in enumerate(issues):
            self.issues.setItem(r, 0, _item(issue.row))
            self.issues.setItem(r, 1, _item(issue.column or ""))
            self.issues.setItem(r, 2, _item(issue.message))
        if self.prepared is not None and self.prepared.mapping is not None and \
                not self.prepared.mapping.used:
            self.summary.setText(_("No column names a field yet: choose the fields above."))
            self.skip.setVisible(False)
            return
        parts = [_("{n} rows").format(n=report.rows)]
        if report.created:
            parts.append(_("to add: {what}").format(what=_counts(report.created)))
        if report.updated:
            parts.append(_("to update: {what}").format(what=_counts(report.updated)))
        if report.unchanged:
            parts.append(_("{n} already in the catalog").format(n=report.unchanged))
        if report.errors:
            parts.append(_("{n} rows refused").format(n=len(report.bad_rows)))
        if report.review:
            parts.append(_("{n} left for review (not imported)").format(n=len(report.review)))
        self.summary.setText(", ".join(parts) + ".")
        self.skip.setVisible(bool(report.errors))

    def _update_buttons(self) -> None:
        report = self.report
        ready = report is not None and report.rows > 0 and (
            not report.errors or self.skip.isChecked())
        self.import_button.setEnabled(bool(ready) and not self.catalog.read_only)

    # ------------------------------------------------------------ importing

    def start_import(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        skip = self.skip.isChecked()
        self.import_button.setEnabled(False)
        self.summary.setText(_("Importing…"))
        catalog = self.catalog
        self.worker.submit(lambda: run_import(catalog, prepared, skip),
                           lambda report: self._imported(prepared, report, skip),
                           self._failed)

    def _imported(self, prepared: Prepared, report: Report, skip: bool) -> None:
        if not report.written or report.result is None:
            self._show_report(report)
            self.summary.setText(_("Nothing was imported: some rows were refused."))
            return
        push_applied(self.editing, ImportCommand(self.editing, prepared, report, skip),
                     report.result)
        self.imported.emit(report)
        self.accept()
