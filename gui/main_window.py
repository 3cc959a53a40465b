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

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from db.i18n import _
from db.kinds import RecordKind
from gui import opening, printing, record_commands, sidebar, window_dialogs, window_layout
from gui import settings as registry
from gui.catalog_watch import CatalogWatch, writes_on
from gui.changes import ChangeRouter
from gui.detail.loader import DetailLoader
from gui.menus import Menus
from gui.navigation import History, Navigator
from gui.problems import APP_NAME, Problems
from gui.record_commands import ShownRecord
from gui.search_box import SearchBox
from gui.sections import SECTION_KEYS, SECTIONS, section_list, section_of
from gui.totals import TotalsLabel
from gui.worker import Worker

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.detail_reads import Loaded
    from db.ops import Result
    from gui.forms.context import FormContext
    from gui.pages.section import ListPanel, SectionPage

# Kinds no section lists: a link to one (a gift, an action item in a pane) opens its editor.
EDITED_IN_A_WINDOW = frozenset({RecordKind.GIFT.value, RecordKind.ACTION_ITEM.value})


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
        self.setWindowTitle(window_layout.window_title(catalog_name))

        self.pages: dict[str, SectionPage] = {}
        self.panels: dict[RecordKind, ListPanel] = {}
        self.stack = QStackedWidget(self)
        self.sections = section_list(self)
        self.sections.currentRowChanged.connect(self._section_changed)
        banners = window_layout.central_area(self, self.sections, self.stack)
        self.read_only_banner, self.sample_banner = banners.read_only, banners.sample
        self.watch = CatalogWatch(lambda: self.worker.busy, self)
        self.watch.changed.connect(self.refresh)

        self.search_box = SearchBox(self.worker, self)
        self.search_box.open_record.connect(self.open_record)
        self.menus = Menus(self, self, settings)
        self.menus.build_toolbar(self.search_box)
        self.navigator = Navigator(self, self.detail, lambda back, forward:
                                   self.menus.set_history(back=back, forward=forward))
        self.navigator.reset()

        self.totals_label = TotalsLabel(self.worker, self)
        self.status_label = window_layout.status_line(self, self.totals_label)
        window_layout.restore_geometry(self, settings)
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
            page.splitter.splitterMoved.connect(self._sync_detail_action)
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
        opening.back_up_now(self, self)

    def restore_from_backup(self) -> None:
        opening.restore_from_backup(self, self)

    def show_catalog(self, catalog: Catalog) -> None:
        from gui.forms.context import FormContext

        if self.forms is not None:
            self.menus.undo_group.removeStack(self.forms.editing.stack)
        self.forms = FormContext.for_catalog(
            catalog, parent=self, run=writes_on(self.worker, self.watch, catalog, self.show_status))
        self.forms.editing.changed.connect(self.router.route)
        self.forms.editing.failed.connect(lambda message: self.show_problem(message,
                                                                           keep_catalog=True))
        self.menus.undo_group.addStack(self.forms.editing.stack)
        self.menus.undo_group.setActiveStack(self.forms.editing.stack)
        self.read_only_banner.show_for(catalog)
        window_layout.show_sample_banner(self.sample_banner, self.worker, catalog,
                                         lambda shown: self.catalog is shown)
        if catalog.path is not None:
            opening.remember_recent(self._settings, catalog.path)
        self.menus.enable_for(writable=not catalog.read_only,
                              file_backed=catalog.path is not None)
        self.watch.follow(catalog)
        self.navigator.reset()
        for page in self.pages.values():
            page.detail.placeholder(_("Select a record to see it here."))
        self.catalog = catalog
        self.setWindowTitle(window_layout.window_title(catalog.name))
        if not self.pages:
            self._build_pages()
        self.search_box.set_catalog(catalog)
        for panel in self.panels.values():
            panel.set_catalog(catalog)
        self.status_label.setText("")
        self.totals_label.load(catalog)

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def show_problem(self, message: str, *, keep_catalog: bool = False) -> None:
        if not keep_catalog:
            self.status_label.setText(_("No catalog open"))
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

    def _routed(self, result: Result) -> None:
        """An edit, undo or redo landed: the lists heard their kinds; here the open
        record and the totals follow, and only when the operation touched them."""
        if self.catalog is None:
            return
        self.watch.note(self.catalog)
        self.detail.follow(self.catalog, result)
        self.totals_label.follow(self.catalog, result)

    # ------------------------------------------------------------ navigation

    def current_page(self) -> SectionPage:
        return self.pages[SECTIONS[max(self.sections.currentRow(), 0)].key]

    def show_section(self, key: str) -> None:
        self.sections.setCurrentRow(SECTION_KEYS.index(key))

    def show_detail(self, shown: bool) -> None:
        window_layout.fold_details(self.pages.values(), shown)

    def _sync_detail_action(self) -> None:
        if self.pages:
            window_layout.sync_detail_action(self.menus.detail_action, self.current_page())

    def _section_changed(self, index: int) -> None:
        if index < 0:
            return
        key = SECTIONS[index].key
        self._settings.set_value(registry.LAST_SECTION, key)
        if key in self.pages:
            self.stack.setCurrentWidget(self.pages[key])
            self._sync_detail_action()
            self._update_status()

    def open_record(self, kind: str, record_id: int, *, remember: bool = True) -> None:
        """Show a record in its section's detail pane (and remember it for Back)."""
        if section_of(kind) is None and kind in EDITED_IN_A_WINDOW:
            self.edit_from_list(kind, record_id)  # a gift: no section lists it
            return
        self.navigator.open(kind, record_id, remember=remember)

    @property
    def history(self) -> History:
        return self.navigator.history

    def go_back(self) -> None:
        self.navigator.back()

    def go_forward(self) -> None:
        self.navigator.forward()

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

    def _shown_record(self) -> ShownRecord | None:
        if self.current_page().detail.shown is None:
            return None
        return self.detail.shown_record()

    def _gone(self, message: str) -> None:
        self.show_problem(message, keep_catalog=True)

    def new_record(self) -> None:
        if self.forms is not None:
            record_commands.new_record(self.forms, self.current_page().current_panel().kind,
                                       self, self.open_record)

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
        if self.forms is not None and shown is not None:
            record_commands.edit_record(self.forms, shown[0], shown[1], self, self._gone)

    def edit_from_list(self, kind: str, record_id: int) -> None:
        """Enter or a double-click on a row: edit that record (as Edit… does)."""
        if self.forms is not None and self.menus.edit_action.isEnabled():
            record_commands.edit_record(self.forms, RecordKind(kind), record_id, self, self._gone)

    def delete_record(self) -> None:
        shown = self._shown_record()
        if self.forms is None or shown is None:
            return
        meeting = self.shown if shown[0] is RecordKind.ENGAGEMENT else None
        parent = meeting.view.delegation if meeting is not None else None
        if record_commands.delete_shown(self.forms, self, shown) and parent is not None:
            self.open_record(parent.kind, parent.id)  # a meeting deleted: its programme

    # ------------------------------------------------------------ import, export, duplicates

    def import_file(self, path: str | None = None) -> None:
        """File > Import: choose a file, then the import dialog shows it before writing."""
        if self.catalog is not None and self.forms is not None:
            self.import_dialog = window_dialogs.import_file(
                self, self.catalog, self.worker, self.forms.editing, path, self.show_status)

    def export_file(self) -> None:
        if self.catalog is not None:
            self.export_dialog = window_dialogs.export_file(self, self.catalog, self.worker,
                                                            self.show_status)

    def export_list(self) -> None:
        """File > Export List: the current section's list, as filtered and sorted."""
        from gui.interchange import list_output  # the store loads after the window shows

        if self.catalog is not None:
            from gui.interchange import list_output  # the store: not before first paint

            self.list_export = list_output.export_current(
                self, self.catalog, self.worker, self.current_page().current_panel(),
                self.show_status)

    def print_list(self) -> None:
        """File > Print List: the current section's list, previewed before printing."""
        from gui.interchange import list_output  # the store loads after the window shows

        if self.catalog is not None:
            from gui.interchange import list_output

            self.preview = list_output.print_current(
                self, self.catalog, self.worker, self.current_page().current_panel(),
                self._settings)

    def find_duplicates(self) -> None:
        if self.catalog is not None and self.forms is not None:
            self.duplicates_dialog = window_dialogs.find_duplicates(
                self, self.catalog, self.worker, self.forms.editing)

    # ------------------------------------------------------------ briefings

    def print_briefing(self, *, pack: bool = False) -> None:
        """Preview the briefing sheet of the record shown (a pack for a delegation)."""
        self.preview = printing.print_shown(self, self.catalog, self._shown_record(),
                                            self._settings, self.worker, self.show_status,
                                            pack=pack) or self.preview

    def set_paper(self, paper: str) -> None:
        self._settings.set_value(registry.PAPER_SIZE, paper)
        self.menus.set_paper_checked(paper)

    def choose_classification(self) -> None:
        printing.choose_classification(self, self._settings)

    def show_about(self) -> None:
        window_dialogs.show_about(self)

    def show_shortcuts(self) -> None:
        self.help_dialog = window_dialogs.show_shortcuts(self, self.menus.top_menus())

    def show_getting_started(self) -> None:
        self.help_dialog = window_dialogs.show_getting_started(self)

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


__all__ = ["APP_NAME", "MainWindow"]  # APP_NAME: where gui.app has always found it
