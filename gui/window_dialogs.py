"""The dialogs the window opens from its menus: import, export, duplicates, help, about.

Each function opens one non-modal dialog and returns it, so the window can keep
a reference (a dialog without one would be collected while shown).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget

from db.i18n import _
from db.kinds import RecordKind

if TYPE_CHECKING:
    from db.catalog import Catalog
    from gui.undo import Editing
    from gui.worker import Worker

IMPORT_FILTER = ("Records (*.csv *.tsv *.txt *.xlsx *.json *.vcf *.ics);;"
                 "All files (*)")


def import_file(parent: QWidget, catalog: Catalog, worker: Worker, editing: Editing,
                path: str | None, report: Callable[[str], None]) -> QDialog | None:
    """File > Import: choose a file (unless *path*), then the import dialog shows it
    before anything is written; *report* hears how many records were added."""
    from gui.interchange.import_dialog import ImportDialog

    if path is None:
        path, _filter = QFileDialog.getOpenFileName(parent, _("Import"), "", IMPORT_FILTER)
    if not path:
        return None
    chosen = Path(path)
    dialog = ImportDialog(chosen, catalog, worker, editing, parent)
    dialog.imported.connect(lambda done: report(
        f"Imported {chosen.name}: {sum(done.created.values())} records added"))
    dialog.open()
    return dialog


def export_file(parent: QWidget, catalog: Catalog, worker: Worker,
                report: Callable[[str], None]) -> QDialog:
    from gui.interchange.export_dialog import ExportDialog

    dialog = ExportDialog(catalog, worker, parent)
    dialog.exported.connect(report)
    dialog.open()
    return dialog


def find_duplicates(parent: QWidget, catalog: Catalog, worker: Worker,
                    editing: Editing) -> QDialog:
    from gui.interchange.duplicates_dialog import DuplicatesDialog

    dialog = DuplicatesDialog(catalog, worker, editing, RecordKind.PERSON, parent)
    dialog.open()
    return dialog


def show_about(parent: QWidget) -> None:
    from gui.about import show_about  # its fonts and licences: read when asked

    show_about(parent)


def show_shortcuts(parent: QWidget, menus: Sequence[QMenu]) -> QDialog:
    from gui.help import ShortcutsDialog

    dialog = ShortcutsDialog(list(menus), parent)
    dialog.open()
    return dialog


def show_getting_started(parent: QWidget) -> QDialog:
    from gui.help import GettingStartedDialog

    dialog = GettingStartedDialog(parent)
    dialog.open()
    return dialog
