"""The main window: sections, navigation, the global search box. No business logic.

The window starts as a shell that already looks like the app (menus, sidebar,
"Opening the catalog…", status line), drawn before anything but Qt and the
shell's modules load (issue 16). Its first paint emits :attr:`MainWindow.first_frame`;
the rest (banners, navigation, the catalog watch) is built after it
(:meth:`MainWindow.finish`), and :meth:`show_catalog` fills it in. Modules only
that later part uses are loaded through :mod:`gui.lazy`.

Records are opened in one place, :meth:`MainWindow.open_record`. Each job lives
in its own module and the window only wires them: menus (:mod:`gui.menus`),
catalogs (:mod:`gui.opening`), printing (:mod:`gui.printing`), the pages
(:mod:`gui.section_pages`). Edits reach the views through the change router
(:mod:`gui.changes`): only what an operation changed is re-read.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from db.i18n import _
from gui import APP_NAME, lazy, sidebar, window_layout
from gui import settings as registry
from gui.menus import Menus
from gui.search_box import SearchBox
from gui.sections import SECTION_KEYS, SECTIONS, section_list, section_of

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QDialog

    from db import kinds
    from db.catalog import Catalog
    from db.detail_reads import Loaded
    from db.kinds import RecordKind
    from db.ops import Result
    from gui import (
        catalog_watch,
        changes,
        confirm,
        navigation,
        opening,
        printing,
        problems,
        record_commands,
        section_pages,
        totals,
        window_dialogs,
    )
    from gui import worker as db_worker
    from gui.detail import loader
    from gui.forms import context, dialog
    from gui.interchange import list_output
    from gui.pages import section
else:  # not needed to draw the first frame: loaded on first use (see gui.lazy)
    (catalog_watch, changes, confirm, navigation, opening, printing, problems, record_commands,
     totals, window_dialogs, loader, context, dialog, list_output, section_pages) = map(
        lazy.module, ("gui.catalog_watch", "gui.changes", "gui.confirm", "gui.navigation",
                      "gui.opening", "gui.printing", "gui.problems", "gui.record_commands",
                      "gui.totals", "gui.window_dialogs", "gui.detail.loader", "gui.forms.context",
                      "gui.forms.dialog", "gui.interchange.list_output", "gui.section_pages"))
    Qt = lazy.attribute("PySide6.QtCore", "Qt")  # not named before the first frame
    kinds = lazy.module("db.kinds")
    db_worker = lazy.module("gui.worker")

# Kinds no section lists: a link to one (a gift, an action item in a pane) opens its editor.
# (RecordKind values: db.kinds is loaded after the first frame.)
EDITED_IN_A_WINDOW = frozenset({"gift", "action_item"})


class MainWindow(QMainWindow):
    first_frame = Signal()  # painted once: the rest of the window and the store may load
    catalog_changed = Signal(bool)  # a catalog is shown (True), or none could be opened

    def __init__(self, catalog_name: str, settings: registry.Settings, *,
                 worker: db_worker.Worker | None = None) -> None:
        """The shell of the first frame; *worker* is the database thread to run on (by
        default the window's own, started after the first frame: :attr:`worker`)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self._settings = settings
        self._painted = self._finished = self.closed = False
        self.catalog: Catalog | None = None
        self.forms: context.FormContext | None = None
        self.preview: QWidget | None = None
        self.help_dialog: QDialog | None = None
        self._worker = worker
        self.setWindowTitle(window_layout.window_title(catalog_name))

        self.pages: dict[str, section.SectionPage] = {}
        self.panels: dict[RecordKind, section.ListPanel] = {}
        self.agenda: QWidget | None = None
        self.stack = QStackedWidget(self)
        self.sections = section_list(self)
        self.sections.currentRowChanged.connect(self._section_changed)
        column, self.sidebar = sidebar.build(self.sections, settings)
        self._column = window_layout.central_area(self, column, self.stack)

        self.search_box = SearchBox(lambda: self.worker, self)
        self.search_box.open_record.connect(self.open_record)
        self.menus = Menus(self, self, settings)
        self.menus.build_toolbar(self.search_box)
        self.status_label = window_layout.status_line(self)
        window_layout.restore_geometry(self, settings)
        self._agenda_first = sidebar.restore(self.sections, self.sidebar, settings)

    @property
    def worker(self) -> db_worker.Worker:
        """The database thread: the app's, or one started when first needed (after the
        first frame: its module and thread are not needed to draw it)."""
        if self._worker is None:
            self._worker = db_worker.Worker(self)
        return self._worker

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # the children paint in this same pass: then the frame is up
            self._painted = True
            QTimer.singleShot(0, self.first_frame.emit)

    def finish(self) -> None:
        """The parts of the window the first frame does not show (once: the app calls it
        after the first frame; a catalog or a problem shown first calls it too)."""
        if self._finished:
            return
        self._finished = True
        self.menus.finish()
        self.search_box.finish()
        self.problems = problems.Problems(self)
        self.worker.problem.connect(self.problems.background)
        self.router = changes.ChangeRouter(self)
        self.router.routed.connect(self._routed)
        self.detail = loader.DetailLoader(self.worker, self)
        banners = window_layout.add_banners(self._column)
        self.read_only_banner, self.sample_banner = banners.read_only, banners.sample
        self.watch = catalog_watch.CatalogWatch(lambda: self.worker.busy, self)
        self.watch.changed.connect(self.refresh)
        self.navigator = navigation.Navigator(self, self.detail, lambda back, forward:
                                              self.menus.set_history(back=back, forward=forward))
        self.navigator.reset()
        self.totals_label = totals.TotalsLabel(self.worker, self)
        self.statusBar().addPermanentWidget(self.totals_label)

    @property
    def shown(self) -> Loaded | None:
        """The record in the current detail pane, as last read."""
        return self.detail.shown if self._finished else None

    def _build_pages(self) -> None:
        """The section pages, built once the store modules are loaded (after first paint)."""
        section_pages.build(self, self._settings, self.pages, self.panels)
        self.agenda = sidebar.install(self, self.sidebar, self._settings)
        self._section_changed(self.sections.currentRow())
        if self._agenda_first:  # Upcoming was open at the last close: open again
            self.show_agenda()

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
        self.finish()
        if self.forms is not None:
            self.menus.undo_group.removeStack(self.forms.editing.stack)
        run = catalog_watch.writes_on(self.worker, self.watch, catalog, self.show_status)
        self.forms = context.FormContext.for_catalog(catalog, parent=self, run=run)
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
        self.catalog_changed.emit(True)

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def show_problem(self, message: str, *, keep_catalog: bool = False) -> None:
        self.finish()
        self.problems.show(message)
        if not keep_catalog:
            self.status_label.setText(_("No catalog open"))
            window_layout.no_catalog(self.stack)
            self.catalog_changed.emit(False)

    @property
    def problem(self) -> str:
        """The latest message shown to the user ("" when none)."""
        return self.problems.last if self._finished else ""

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

    def current_page(self) -> section.SectionPage:
        return self.pages[SECTIONS[max(self.sections.currentRow(), 0)].key]

    def current_panel(self) -> section.ListPanel:
        return self.current_page().current_panel()

    def show_section(self, key: str) -> None:
        self.sections.setCurrentRow(SECTION_KEYS.index(key))

    def show_agenda(self) -> None:
        """View > Upcoming (Ctrl+6), as choosing it in the sidebar."""
        self.sidebar.show_agenda()

    def show_detail(self, shown: bool) -> None:
        window_layout.fold_details(self.pages.values(), shown)

    def sync_detail_action(self) -> None:
        if self.pages:
            window_layout.sync_detail_action(self.menus.detail_action, self.current_page())

    def _section_changed(self, index: int) -> None:
        if index < 0:
            return
        key = SECTIONS[index].key
        self._settings.set_value(registry.LAST_SECTION, key)
        if key in self.pages:
            self.stack.setCurrentWidget(self.pages[key])
            self.sync_detail_action()
            self.update_status()

    def open_record(self, kind: str, record_id: int, *, remember: bool = True) -> None:
        """Show a record in its section's detail pane (and remember it for Back)."""
        if section_of(kind) is None and kind in EDITED_IN_A_WINDOW:
            self.edit_from_list(kind, record_id)  # a gift: no section lists it
            return
        self.navigator.open(kind, record_id, remember=remember)

    @property
    def history(self) -> navigation.History:
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
            self.current_panel().focus_filter()

    def update_status(self) -> None:
        if self.catalog is None or not self.pages:
            return
        self.status_label.setText(self.current_panel().count_label.text())

    def _shown_record(self) -> record_commands.ShownRecord | None:
        if self.current_page().detail.shown is None:
            return None
        return self.detail.shown_record()

    def _gone(self, message: str) -> None:
        self.show_problem(message, keep_catalog=True)

    def new_record(self) -> None:
        if self.forms is not None:
            record_commands.new_record(self.forms, self.current_panel().kind, self,
                                       self.open_record)

    def new_linked(self, kind: str, values: dict[str, object]) -> None:
        """"Add gift…" in a detail pane: a new record already linked to the one shown."""
        if self.forms is not None and self.menus.new_action.isEnabled():
            dialog.open_editor(self.forms, kinds.RecordKind(kind), None, self, values=values)

    def confirm_title(self, position: object, person: str) -> None:
        """"Confirmed today…" on a title in a person's pane (gui.confirm)."""
        if self.forms is not None and self.menus.edit_action.isEnabled():
            confirm.confirm_title(self, self.forms, position, person)  # type: ignore[arg-type]

    def edit_record(self) -> None:
        shown = self._shown_record()
        if self.forms is not None and shown is not None:
            record_commands.edit_record(self.forms, shown[0], shown[1], self, self._gone)

    def edit_from_list(self, kind: str, record_id: int) -> None:
        """Enter or a double-click on a row: edit that record (as Edit… does)."""
        if self.forms is not None and self.menus.edit_action.isEnabled():
            record_commands.edit_record(self.forms, kinds.RecordKind(kind), record_id, self,
                                       self._gone)

    def delete_record(self) -> None:
        shown = self._shown_record()
        if self.forms is None or shown is None:
            return
        meeting = self.shown if shown[0] is kinds.RecordKind.ENGAGEMENT else None
        parent = meeting.view.delegation if meeting is not None else None
        if record_commands.delete_shown(self.forms, self, shown) and parent is not None:
            self.open_record(parent.kind, parent.id)  # a meeting deleted: its programme

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
        if self.catalog is not None:
            self.list_export = list_output.export_current(self, self.catalog, self.worker,
                                                          self.current_panel(), self.show_status)

    def print_list(self) -> None:
        """File > Print List: the current section's list, previewed before printing."""
        if self.catalog is not None:
            self.preview = list_output.print_current(self, self.catalog, self.worker,
                                                     self.current_panel(), self._settings)

    def find_duplicates(self) -> None:
        if self.catalog is not None and self.forms is not None:
            self.duplicates_dialog = window_dialogs.find_duplicates(
                self, self.catalog, self.worker, self.forms.editing)

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

    def closeEvent(self, event: QCloseEvent) -> None:
        editors = self.findChildren(dialog.EditorDialog) if self.forms is not None else []
        for editor in editors:  # (no catalog, no editors: their module need not load)
            if editor.isVisible() and not editor.close():
                event.ignore()  # the user chose Cancel in an editor: nothing is lost
                return
        self._settings.set_value(registry.WINDOW_GEOMETRY, self.saveGeometry())
        self._settings.set_value(registry.WINDOW_STATE, self.saveState())
        if self._finished:
            self.watch.stop()
        self.closed = True
        if self._worker is not None:
            self._worker.shutdown()
        super().closeEvent(event)


__all__ = ["APP_NAME", "MainWindow"]  # APP_NAME: where gui.app has always found it
