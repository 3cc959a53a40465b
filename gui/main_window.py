"""The main window: sections, navigation, the global search box. No business logic.

The window is built and shown before the catalog opens (the first frame must
not wait for SQLModel to import); :meth:`MainWindow.show_catalog` fills it in.
Records are opened in one place, :meth:`MainWindow.open_record`, whether from
a list, a link in a detail pane, the search box, or back/forward.

Each job lives in its own module and the window only wires them: actions and
menus (:mod:`gui.menus`), sections (:mod:`gui.sections`), catalogs and backups
(:mod:`gui.opening`), printing (:mod:`gui.printing`), the detail pane
(:mod:`gui.detail.loader`). Edits reach the views through the change router
(:mod:`gui.changes`): only what an operation changed is re-read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _
from db.kinds import RecordKind
from gui import opening, printing, sidebar
from gui import settings as registry
from gui.banner import SampleBanner
from gui.changes import ChangeRouter
from gui.detail.loader import DetailLoader
from gui.menus import Menus
from gui.navigation import History, Place
from gui.problems import APP_NAME, Problems
from gui.safety import ReadOnlyBanner
from gui.search_box import SearchBox
from gui.sections import SECTION_KEYS, SECTIONS, section_list, section_of
from gui.totals import TotalsLabel
from gui.widgets import plain_label
from gui.worker import Worker, job_name

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.detail_reads import Loaded
    from db.ops import Result
    from gui.forms.context import FormContext
    from gui.pages.section import ListPanel, SectionPage

# How often to look for changes committed by another window or instance (a PRAGMA
# data_version read: microseconds).
WATCH_INTERVAL_MS = 1000
# Kinds no section lists: a link to one (a gift in a detail pane) opens its editor.
EDITED_IN_A_WINDOW = frozenset({RecordKind.GIFT.value})


def window_title(catalog_name: str) -> str:
    return f"{catalog_name} — {APP_NAME}"


class MainWindow(QMainWindow):
    def __init__(self, catalog_name: str, settings: registry.Settings, *,
                 worker: Worker | None = None) -> None:
        """*worker* is the database thread the app runs on (a new one if not given)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self._settings = settings
        self.catalog: Catalog | None = None
        self.forms: FormContext | None = None
        self.preview: QWidget | None = None
        self.help_dialog: QDialog | None = None
        self.problems = Problems(self)
        self.worker = worker if worker is not None else Worker(self)
        self.worker.problem.connect(self.problems.background)
        self.router = ChangeRouter(self)
        self.router.routed.connect(self._routed)
        self.detail = DetailLoader(self.worker, self)
        self.detail.vanished.connect(self._vanished)
        self.history = History()
        self.setWindowTitle(window_title(catalog_name))

        self.pages: dict[str, SectionPage] = {}
        self.panels: dict[RecordKind, ListPanel] = {}
        self.stack = QStackedWidget(self)
        self.sections = section_list(self)
        opening_label = plain_label("Opening the catalog…", selectable=False)
        opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(opening_label)
        self.sections.currentRowChanged.connect(self._section_changed)

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.read_only_banner = ReadOnlyBanner(central)
        column.addWidget(self.read_only_banner)
        self.sample_banner = SampleBanner(central)
        column.addWidget(self.sample_banner)
        row = QHBoxLayout()
        row.setContentsMargins(6, 6, 6, 0)
        row.setSpacing(6)
        row.addWidget(self.sections)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)
        self._seen_version: int | None = None
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_INTERVAL_MS)
        self.watch.timeout.connect(self.check_for_changes)

        self.search_box = SearchBox(self.worker, self)
        self.search_box.open_record.connect(self.open_record)
        self.menus = Menus(self, self, settings)
        self.menus.build_toolbar(self.search_box)
        self._update_history_actions()

        self.status_label = QLabel("Opening the catalog…", self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.totals_label = TotalsLabel(self.worker, self)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.totals_label)

        self.resize(1280, 780)
        geometry = settings.value(registry.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = settings.value(registry.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        last = settings.value(registry.LAST_SECTION)
        self.sections.setCurrentRow(SECTION_KEYS.index(last) if last in SECTION_KEYS else 0)

    @property
    def shown(self) -> Loaded | None:
        """The record in the current detail pane, as last read."""
        return self.detail.shown

    # ------------------------------------------------------------ construction

    def _build_pages(self) -> None:
        """The section pages, built once the store modules are loaded (after first paint)."""
        from gui.detail.pane import DetailPane
        from gui.pages.section import ListPanel, SectionPage

        for section in SECTIONS:
            panels = []
            for kind in section.kinds:
                panel = ListPanel(kind, self.worker, self._settings, self)
                panel.record_selected.connect(self.open_record)
                panel.edit_requested.connect(self.edit_from_list)
                panel.counts_changed.connect(self._update_status)
                panel.problem.connect(self.problems.background)
                panel.follow(self.router)
                self.panels[kind] = panel
                panels.append(panel)
            detail = DetailPane(self)
            detail.link_activated.connect(self.open_record)
            detail.new_requested.connect(self.new_linked)
            detail.confirm_requested.connect(self.confirm_title)
            page = SectionPage(section.key, panels, detail, self._settings, self)
            self.pages[section.key] = page
            self.stack.addWidget(page)
        self.sidebar, self.agenda = sidebar.install(self, self._settings)  # Upcoming, saved
        self._section_changed(self.sections.currentRow())

    # ------------------------------------------------------------ catalog

    def choose_catalog(self) -> None:
        opening.choose_catalog(self, self)

    def open_catalog_file(self, path: str) -> bool:
        """Switch to another catalog; on refusal the current one stays open."""
        return opening.open_catalog_file(self, self, path)

    def new_empty_catalog(self) -> None:
        opening.new_empty_catalog(self, self)

    def recent_catalogs(self) -> list[str]:
        return opening.recent_catalogs(self._settings)

    def back_up_now(self) -> None:
        opening.back_up_now(self)

    def restore_from_backup(self) -> None:
        opening.restore_from_backup(self, self)

    def show_catalog(self, catalog: Catalog) -> None:
        from gui.forms.context import FormContext

        if self.forms is not None:
            self.menus.undo_group.removeStack(self.forms.editing.stack)
        self.forms = FormContext.for_catalog(catalog, parent=self, run=self._write)
        self.forms.editing.changed.connect(self.router.route)
        self.forms.editing.failed.connect(lambda message: self.show_problem(message,
                                                                           keep_catalog=True))
        self.menus.undo_group.addStack(self.forms.editing.stack)
        self.menus.undo_group.setActiveStack(self.forms.editing.stack)
        self.read_only_banner.show_for(catalog)
        self._show_sample_banner(catalog)
        if catalog.path is not None:
            opening.remember_recent(self._settings, catalog.path)
        self.menus.enable_for(writable=not catalog.read_only,
                              file_backed=catalog.path is not None)
        self._seen_version = catalog.data_version()
        self.watch.start()
        self.history = History()
        self.detail.clear()
        self._update_history_actions()
        for page in self.pages.values():
            page.detail.placeholder("Select a record to see it here.")
        self.catalog = catalog
        self.setWindowTitle(window_title(catalog.name))
        if not self.pages:
            self._build_pages()
        self.search_box.set_catalog(catalog)
        for panel in self.panels.values():
            panel.set_catalog(catalog)
        self.status_label.setText("")
        self.totals_label.load(catalog)

    def _show_sample_banner(self, catalog: Catalog) -> None:
        """The sample banner, once the worker has read whether this catalog is the sample."""
        from db.sample import is_sample

        self.sample_banner.set_sample(False)

        def shown(sample: bool) -> None:
            if self.catalog is catalog:  # not a catalog since replaced
                self.sample_banner.set_sample(sample)

        self.worker.submit(lambda: is_sample(catalog), shown)

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def show_problem(self, message: str, *, keep_catalog: bool = False) -> None:
        if not keep_catalog:
            self.status_label.setText("No catalog open")
        self.problems.show(message)

    @property
    def problem(self) -> str:
        """The latest message shown to the user ("" when none)."""
        return self.problems.last

    def refresh(self) -> None:
        """Reload lists and the open record (View > Refresh, or another app's commit)."""
        current = self.history.current
        for panel in self.panels.values():
            if panel.model.rowCount() or panel.model.loading:
                panel.model.reload()
                if current is not None and current.kind == panel.kind.value:
                    panel.select_record(current.id)  # highlighted again once reloaded
        if current is not None:
            self.open_record(current.kind, current.id, remember=False)
        if self.catalog is not None:
            self.totals_label.load(self.catalog)

    def check_for_changes(self) -> None:
        """Refresh when another window or instance committed to the catalog."""
        if self.catalog is None or self.worker.busy:
            return  # a write under way is not another app's: look again next time
        version = self.catalog.data_version()
        if version != self._seen_version:
            self._seen_version = version
            self.refresh()

    def _write(self, step: Callable[[], Result]) -> Result:
        """Run one write (a save, an undo, a redo) on the worker. The data version is
        taken right after its commit, on the worker: the watch must not mistake our
        own write for another app's and reload everything."""
        catalog = self.catalog
        assert catalog is not None

        def job() -> Result:
            result = step()
            self._seen_version = catalog.data_version()
            return result

        job.__qualname__ = job_name(step)  # timings name the step (SaveCommand._apply)
        return self.worker.call(job)

    def _routed(self, result: Result) -> None:
        """An edit, undo or redo landed: the lists heard their kinds; here the open
        record and the totals follow, and only when the operation touched them."""
        if self.catalog is None:
            return
        self._seen_version = self.catalog.data_version()
        self.detail.follow(self.catalog, result)
        self.totals_label.follow(self.catalog, result)

    # ------------------------------------------------------------ navigation

    def current_page(self) -> SectionPage:
        return self.pages[SECTIONS[max(self.sections.currentRow(), 0)].key]

    def show_section(self, key: str) -> None:
        self.sections.setCurrentRow(SECTION_KEYS.index(key))

    def _section_changed(self, index: int) -> None:
        if index < 0:
            return
        key = SECTIONS[index].key
        self._settings.set_value(registry.LAST_SECTION, key)
        if key in self.pages:
            self.stack.setCurrentWidget(self.pages[key])
            self._update_status()

    def open_record(self, kind: str, record_id: int, *, remember: bool = True) -> None:
        """Show a record in its section's detail pane (and remember it for Back)."""
        section = section_of(kind)
        if section is None and kind in EDITED_IN_A_WINDOW:
            self.edit_from_list(kind, record_id)  # a gift: no section lists it
            return
        if section is None or self.catalog is None:
            return
        self.show_section(section)
        page = self.pages[section]
        panel = page.show_panel(RecordKind(kind))
        if panel is not None:
            panel.ensure_loaded()
            panel.select_record(record_id)
        if remember:
            self.history.visit(Place(kind, record_id))
        self._update_history_actions()
        self.detail.load(self.catalog, page.detail, kind, record_id)

    def _vanished(self, kind: str, record_id: int) -> None:
        self.history.forget(Place(kind, record_id))
        self._update_history_actions()

    def go_back(self) -> None:
        place = self.history.back()
        if place is not None:
            self.open_record(place.kind, place.id, remember=False)

    def go_forward(self) -> None:
        place = self.history.forward()
        if place is not None:
            self.open_record(place.kind, place.id, remember=False)

    def _update_history_actions(self) -> None:
        self.menus.set_history(back=self.history.can_go_back(),
                               forward=self.history.can_go_forward())

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def focus_filter(self) -> None:
        if self.pages:
            self.current_page().current_panel().focus_filter()

    def _update_status(self) -> None:
        if self.catalog is None or not self.pages:
            return
        panel = self.current_page().current_panel()
        self.status_label.setText(panel.count_label.text())

    # ------------------------------------------------------------ editing

    def _shown_record(self) -> tuple[RecordKind, int, int, str] | None:
        if self.current_page().detail.shown is None:
            return None
        return self.detail.shown_record()

    def new_record(self) -> None:
        if self.forms is None:
            return
        from gui.forms.dialog import open_editor

        open_editor(self.forms, self.current_page().current_panel().kind, None, self)

    def new_linked(self, kind: str, values: dict[str, object]) -> None:
        """"Add gift…" in a detail pane: a new record already linked to the one shown."""
        if self.forms is None or not self.menus.new_action.isEnabled():
            return
        from gui.forms.dialog import open_editor

        open_editor(self.forms, RecordKind(kind), None, self, values=values)

    def confirm_title(self, position: object, person: str) -> None:
        """"Confirmed today…" on a title in a person's pane (gui.confirm)."""
        if self.forms is None or not self.menus.edit_action.isEnabled():
            return
        from gui.confirm import confirm_title

        confirm_title(self, self.forms, position, person)  # type: ignore[arg-type]

    def edit_record(self) -> None:
        shown = self._shown_record()
        if self.forms is None or shown is None:
            return
        from gui.forms.dialog import open_editor

        kind, record_id, _version, _label = shown
        if open_editor(self.forms, kind, record_id, self) is None:
            self.show_problem("This record no longer exists.", keep_catalog=True)

    def edit_from_list(self, kind: str, record_id: int) -> None:
        """Enter or a double-click on a row: edit that record (as Edit… does)."""
        if self.forms is None or not self.menus.edit_action.isEnabled():
            return
        from gui.forms.dialog import open_editor

        if open_editor(self.forms, RecordKind(kind), record_id, self) is None:
            self.show_problem("This record no longer exists.", keep_catalog=True)

    def delete_record(self) -> None:
        shown = self._shown_record()
        if self.forms is None or shown is None:
            return
        from gui.forms.delete import delete_record

        kind, record_id, version, label = shown
        delete_record(self.forms, self, kind, record_id, version, label)

    # ------------------------------------------------------------ import, export, duplicates

    def import_file(self, path: str | None = None) -> None:
        """File > Import: choose a file, then the import dialog shows it before writing."""
        if self.catalog is None or self.forms is None:
            return
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from gui.interchange.import_dialog import ImportDialog

        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, "Import", "", "Records (*.csv *.tsv *.txt *.xlsx *.json *.vcf *.ics);;"
                "All files (*)")
        if not path:
            return
        chosen = Path(path)
        dialog = ImportDialog(chosen, self.catalog, self.worker, self.forms.editing, self)
        dialog.imported.connect(lambda report: self.show_status(
            f"Imported {chosen.name}: {sum(report.created.values())} records added"))
        self.import_dialog = dialog
        dialog.open()

    def export_file(self) -> None:
        if self.catalog is None:
            return
        from gui.interchange.export_dialog import ExportDialog

        dialog = ExportDialog(self.catalog, self.worker, self)
        dialog.exported.connect(self.show_status)
        self.export_dialog = dialog
        dialog.open()

    def find_duplicates(self) -> None:
        if self.catalog is None or self.forms is None:
            return
        from gui.interchange.duplicates_dialog import DuplicatesDialog

        dialog = DuplicatesDialog(self.catalog, self.worker, self.forms.editing,
                                  RecordKind.PERSON, self)
        self.duplicates_dialog = dialog
        dialog.open()

    # ------------------------------------------------------------ briefings

    def print_briefing(self, *, pack: bool = False) -> None:
        """Preview the briefing sheet of the record shown (a pack for a delegation)."""
        shown = self._shown_record()
        if self.catalog is None or shown is None:
            self.status_label.setText(_(printing.NOTHING_TO_PRINT))
            return
        kind, record_id, _version, _label = shown
        if kind not in printing.BRIEFED:
            self.status_label.setText(_(printing.NOT_BRIEFED))
            return
        self.preview = printing.print_briefing(self, self.catalog, kind, record_id,
                                               self._settings, self.worker, pack=pack)

    def set_paper(self, paper: str) -> None:
        self._settings.set_value(registry.PAPER_SIZE, paper)
        self.menus.set_paper_checked(paper)

    def choose_classification(self) -> None:
        printing.choose_classification(self, self._settings)

    def show_about(self) -> None:
        from gui.about import show_about

        show_about(self)

    def show_shortcuts(self) -> None:
        from gui.help import ShortcutsDialog

        self.help_dialog = ShortcutsDialog(self.menus.top_menus(), self)
        self.help_dialog.open()

    def show_getting_started(self) -> None:
        from gui.help import GettingStartedDialog

        self.help_dialog = GettingStartedDialog(self)
        self.help_dialog.open()

    # ------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        from gui.forms.dialog import EditorDialog

        for editor in self.findChildren(EditorDialog):
            if editor.isVisible() and not editor.close():
                event.ignore()  # the user chose Cancel in an editor: nothing is lost
                return
        self._settings.set_value(registry.WINDOW_GEOMETRY, self.saveGeometry())
        self._settings.set_value(registry.WINDOW_STATE, self.saveState())
        self.watch.stop()
        self.worker.shutdown()
        super().closeEvent(event)
