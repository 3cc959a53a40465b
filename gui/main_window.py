"""The main window: navigation, menus, the global search box. No business logic.

The window is built and shown before the catalog opens (the first frame must
not wait for SQLModel to import); :meth:`MainWindow.show_catalog` fills it in.
Records are opened in one place, :meth:`MainWindow.open_record`, whether from
a list, a link in a detail pane, the search box, or back/forward.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from db.kinds import RecordKind
from gui import settings as registry
from gui.navigation import History, Place
from gui.search_box import SearchBox
from gui.widgets import plain_label
from gui.worker import Worker

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.ops import Result
    from gui.detail.render import Loaded
    from gui.forms.context import FormContext
    from gui.pages.section import ListPanel, SectionPage

APP_NAME = "Liaison"
# How often to look for changes committed by another window or instance (a PRAGMA
# data_version read: microseconds).
WATCH_INTERVAL_MS = 1000


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    kinds: tuple[RecordKind, ...]


SECTIONS = (
    Section("people", "People", (RecordKind.PERSON,)),
    Section("organisations", "Organisations", (RecordKind.ORGANISATION,)),
    Section("places", "Cities && Pairings",
            (RecordKind.PAIRING, RecordKind.CITY, RecordKind.PROGRAMME)),
    Section("delegations", "Delegations", (RecordKind.DELEGATION,)),
    Section("events", "Events", (RecordKind.EVENT,)),
)
_SECTION_OF = {kind.value: s.key for s in SECTIONS for kind in s.kinds}
_SECTION_OF[RecordKind.ENGAGEMENT.value] = "delegations"


def _unique_keys(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """Our shortcut plus the platform's, once each (on Linux both are Alt+Left)."""
    found: list[QKeySequence] = []
    for key in keys:
        sequences = (QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey)
                     else [QKeySequence(key)])
        found.extend(s for s in sequences if not s.isEmpty() and s not in found)
    return found


def window_title(catalog_name: str) -> str:
    return f"{catalog_name} — {APP_NAME}"


class MainWindow(QMainWindow):
    def __init__(self, catalog_name: str, settings: registry.Settings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._settings = settings
        self.catalog: Catalog | None = None
        self.forms: FormContext | None = None
        self.shown: Loaded | None = None
        self.preview: QWidget | None = None
        self.problem = ""
        self.worker = Worker(self)
        self.history = History()
        self._detail_ticket = 0
        self.setWindowTitle(window_title(catalog_name))

        self.pages: dict[str, SectionPage] = {}
        self.panels: dict[RecordKind, ListPanel] = {}
        self.stack = QStackedWidget(self)
        self.sections = QListWidget(self)
        self.sections.setObjectName("sections")
        self.sections.setFrameShape(QListWidget.Shape.NoFrame)
        self.sections.setSpacing(2)
        opening = plain_label("Opening the catalog…", selectable=False)
        opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(opening)
        for section in SECTIONS:
            item = QListWidgetItem(section.title.replace("&&", "&"))
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setSizeHint(QSize(150, 32))
            self.sections.addItem(item)
        self.sections.setFixedWidth(
            max(self.sections.sizeHintForColumn(0) + 24, 160))
        self.sections.currentRowChanged.connect(self._section_changed)

        from gui.safety import ReadOnlyBanner

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.read_only_banner = ReadOnlyBanner(central)
        column.addWidget(self.read_only_banner)
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
        self._build_actions()
        self._build_menus()
        self._build_toolbar()

        self.status_label = QLabel("Opening the catalog…", self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.totals_label = QLabel(self)
        self.totals_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.totals_label)

        self.resize(1280, 780)
        geometry = settings.value(registry.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = settings.value(registry.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        keys = [s.key for s in SECTIONS]
        last = settings.value(registry.LAST_SECTION)
        self.sections.setCurrentRow(keys.index(last) if last in keys else 0)

    # ------------------------------------------------------------ construction

    def _build_pages(self) -> None:
        """The section pages, built once the store modules are loaded (after first paint)."""
        from gui.detail.pane import DetailPane
        from gui.pages.section import SectionPage

        for section in SECTIONS:
            panels = [self._panel(kind) for kind in section.kinds]
            detail = DetailPane(self)
            detail.link_activated.connect(self.open_record)
            page = SectionPage(section.key, panels, detail, self._settings, self)
            self.pages[section.key] = page
            self.stack.addWidget(page)
        self._section_changed(self.sections.currentRow())

    def _panel(self, kind: RecordKind) -> ListPanel:
        from gui.pages.section import ListPanel

        panel = ListPanel(kind, self.worker, self._settings, self)
        panel.record_selected.connect(self._list_selected)
        panel.counts_changed.connect(self._update_status)
        self.panels[kind] = panel
        return panel

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
                slot: object, *, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.back_action = self._action("&Back", QKeySequence.StandardKey.Back, self.go_back,
                                        name="back")
        self.back_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.back_action.setShortcuts(_unique_keys("Alt+Left", QKeySequence.StandardKey.Back))
        self.forward_action = self._action("&Forward", QKeySequence.StandardKey.Forward,
                                           self.go_forward, name="forward")
        self.forward_action.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.forward_action.setShortcuts(
            _unique_keys("Alt+Right", QKeySequence.StandardKey.Forward))
        self.search_action = self._action("&Search Everything", "Ctrl+K", self.focus_search,
                                          name="search")
        self.find_action = self._action("&Filter List", QKeySequence.StandardKey.Find,
                                        self.focus_filter, name="find")
        self.refresh_action = self._action("&Refresh", QKeySequence.StandardKey.Refresh,
                                           self.refresh, name="refresh")
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close,
                                        name="quit")
        self.open_action = self._action("&Open Catalog…", QKeySequence.StandardKey.Open,
                                        self.choose_catalog, name="open")
        self.print_action = self._action("&Print Briefing…", QKeySequence.StandardKey.Print,
                                         self.print_briefing, name="print")
        self.pack_action = self._action("Print Briefing &Pack…", "Ctrl+Shift+P",
                                        lambda: self.print_briefing(pack=True), name="pack")
        self.classification_action = self._action("&Classification Line…", None,
                                                  self.choose_classification,
                                                  name="classification")
        self.paper_actions: dict[str, QAction] = {}
        for paper, label in (("a4", "A4"), ("letter", "US Letter")):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(self._settings.value(registry.PAPER_SIZE) == paper)
            action.triggered.connect(lambda _=False, p=paper: self.set_paper(p))
            self.paper_actions[paper] = action
        self.backup_action = self._action("&Back Up Now", None, self.back_up_now,
                                          name="backup")
        self.restore_action = self._action("&Restore from Backup…", None,
                                           self.restore_from_backup, name="restore")
        self.undo_group = QUndoGroup(self)
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(_unique_keys(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(_unique_keys("Ctrl+Shift+Z", QKeySequence.StandardKey.Redo))
        self.new_action = self._action("&New…", QKeySequence.StandardKey.New, self.new_record,
                                       name="new")
        self.edit_action = self._action("&Edit…", "Ctrl+E", self.edit_record, name="edit")
        self.new_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.edit_action.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
        self.delete_action = self._action("&Delete…", QKeySequence.StandardKey.Delete,
                                          self.delete_record, name="delete")
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.section_actions = []
        for number, section in enumerate(SECTIONS, start=1):
            action = self._action(section.title, f"Ctrl+{number}",
                                  lambda _=False, key=section.key: self.show_section(key),
                                  name=f"section_{section.key}")
            self.section_actions.append(action)
        self._update_history_actions()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.file_menu.addAction(self.open_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.print_action)
        self.file_menu.addAction(self.pack_action)
        paper_menu = self.file_menu.addMenu("Paper &Size")
        for action in self.paper_actions.values():
            paper_menu.addAction(action)
        self.file_menu.addAction(self.classification_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("&Edit")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.new_action)
        self.edit_menu.addAction(self.edit_action)
        self.edit_menu.addAction(self.delete_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.search_action)
        self.edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu("&View")
        for action in self.section_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.back_action)
        view_menu.addAction(self.forward_action)
        view_menu.addAction(self.refresh_action)
        self.help_menu = bar.addMenu("&Help")
        self.about_action = QAction("&About Liaison", self)
        self.about_action.setObjectName("about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Navigation", self)
        toolbar.setObjectName("navigation")
        toolbar.setMovable(False)
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        toolbar.addSeparator()
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.edit_action)
        toolbar.addSeparator()
        toolbar.addWidget(self.search_box)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy())
        toolbar.addWidget(spacer)
        self.addToolBar(toolbar)

    # ------------------------------------------------------------ catalog

    def choose_catalog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self, "Open Catalog", "", "Liaison catalogs (*.liaison);;All files (*)")
        if path:
            self.open_catalog_file(path)

    def open_catalog_file(self, path: str) -> bool:
        """Switch to another catalog; on refusal the current one stays open."""
        from db.catalog import CatalogError, open_catalog

        try:
            catalog = open_catalog(path)
        except (CatalogError, OSError) as exc:
            self.show_problem(str(exc), keep_catalog=True)
            return False
        previous = self.catalog
        self.show_catalog(catalog)
        if previous is not None:
            previous.close()
        from gui import app, safety

        safety.warn_network_filesystem(self, catalog)
        app.start_daily_backup(self, catalog)
        return True

    def show_catalog(self, catalog: Catalog) -> None:
        from gui.forms.context import FormContext

        if self.forms is not None:
            self.undo_group.removeStack(self.forms.editing.stack)
        self.forms = FormContext.for_catalog(catalog, parent=self)
        self.forms.editing.changed.connect(self._catalog_changed)
        self.forms.editing.failed.connect(lambda message: self.show_problem(message,
                                                                           keep_catalog=True))
        self.undo_group.addStack(self.forms.editing.stack)
        self.undo_group.setActiveStack(self.forms.editing.stack)
        self.read_only_banner.show_for(catalog)
        for action in (self.new_action, self.edit_action, self.delete_action):
            action.setEnabled(not catalog.read_only)
        self.backup_action.setEnabled(catalog.path is not None and not catalog.read_only)
        self.restore_action.setEnabled(catalog.path is not None)
        server_note = ("Backups of an office database are the server's job (pg_dump or the "
                       "hosting's snapshots); `liaison export json` makes a portable copy.")
        for action in (self.backup_action, self.restore_action):
            action.setStatusTip(server_note if catalog.path is None else "")
            action.setToolTip(server_note if catalog.path is None else action.text())
        self._seen_version = catalog.data_version()
        self.watch.start()
        self.history = History()
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
        self._load_totals()

    def _load_totals(self) -> None:
        catalog = self.catalog
        if catalog is None:
            return
        from db import reads

        def job() -> dict[str, int]:
            with catalog.read_session() as session:
                return reads.counts(session)

        self.worker.submit(job, self._show_totals)

    def _show_totals(self, counts: dict[str, int]) -> None:
        self.totals = counts
        self.totals_label.setText(
            f"{counts['person']:,} people · {counts['organisation']:,} organisations · "
            f"{counts['delegation']:,} delegations · {counts['event']:,} events")

    def show_problem(self, message: str, *, keep_catalog: bool = False) -> None:
        if not keep_catalog:
            self.status_label.setText("No catalog open")
        self.problem = message
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def refresh(self) -> None:
        """Reload lists and the open record (after edits elsewhere)."""
        current = self.history.current
        for panel in self.panels.values():
            if panel.model.rowCount() or panel.model.loading:
                panel.model.reload()
                if current is not None and current.kind == panel.kind.value:
                    panel.select_record(current.id)  # highlighted again once reloaded
        if current is not None:
            self.open_record(current.kind, current.id, remember=False)
        self._load_totals()

    # ------------------------------------------------------------ navigation

    def current_page(self) -> SectionPage:
        return self.pages[SECTIONS[max(self.sections.currentRow(), 0)].key]

    def show_section(self, key: str) -> None:
        keys = [s.key for s in SECTIONS]
        self.sections.setCurrentRow(keys.index(key))

    def _section_changed(self, index: int) -> None:
        if index < 0:
            return
        key = SECTIONS[index].key
        self._settings.set_value(registry.LAST_SECTION, key)
        if key in self.pages:
            self.stack.setCurrentWidget(self.pages[key])
            self._update_status()

    def _list_selected(self, kind: str, record_id: int) -> None:
        self.open_record(kind, record_id)

    def open_record(self, kind: str, record_id: int, *, remember: bool = True) -> None:
        """Show a record in its section's detail pane (and remember it for Back)."""
        section = _SECTION_OF.get(kind)
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
        catalog = self.catalog
        from gui.detail import render

        def job() -> Loaded | None:
            with catalog.read_session() as session:
                return render.load(session, kind, record_id)

        ticket = self._detail_ticket = self._detail_ticket + 1
        self.worker.submit(job, lambda loaded: self._show_detail(ticket, page, kind, record_id,
                                                                 loaded),
                           lambda error: page.detail.placeholder(f"Could not load: {error}"))

    def _show_detail(self, ticket: int, page: SectionPage, kind: str, record_id: int,
                     loaded: Loaded | None) -> None:
        if ticket != self._detail_ticket:
            return
        if loaded is None:
            self.shown = None
            page.detail.placeholder("This record no longer exists.")
            self.history.forget(Place(kind, record_id))
            self._update_history_actions()
            return
        from gui.detail import render

        self.shown = loaded
        render.render(page.detail.builder(loaded.kind, loaded.view.id), loaded)

    def go_back(self) -> None:
        place = self.history.back()
        if place is not None:
            self.open_record(place.kind, place.id, remember=False)

    def go_forward(self) -> None:
        place = self.history.forward()
        if place is not None:
            self.open_record(place.kind, place.id, remember=False)

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

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

    def _catalog_changed(self, _result: Result) -> None:
        """An edit, undo or redo landed: lists, totals and the open record follow it."""
        self.refresh()
        if self.catalog is not None:
            self._seen_version = self.catalog.data_version()

    def check_for_changes(self) -> None:
        """Refresh when another window or instance committed to the catalog."""
        if self.catalog is None:
            return
        version = self.catalog.data_version()
        if version != self._seen_version:
            self._seen_version = version
            self.refresh()

    def back_up_now(self) -> None:
        catalog = self.catalog
        if catalog is None or catalog.path is None:
            return
        from db import backup

        self.status_label.setText("Backing up…")
        self.worker.submit(
            lambda: backup.backup_now(catalog, "manual"),
            lambda info: self.status_label.setText(f"Backed up to {info.path.name}"),
            lambda error: self.show_problem(f"The backup failed: {error}", keep_catalog=True))

    def restore_from_backup(self) -> None:
        catalog = self.catalog
        if catalog is None or catalog.path is None:
            return
        from gui import safety

        path = catalog.path
        chosen = safety.choose_backup(self, path)
        if chosen is None:
            return
        self.watch.stop()
        catalog.close()
        restored = safety.restore_backup(self, path, chosen)
        self.catalog = None
        if not self.open_catalog_file(str(path)) and restored:
            self.show_problem(f"The restored catalog {path.name} could not be opened.")

    def _shown_record(self) -> tuple[RecordKind, int, int, str] | None:
        loaded = self.shown
        if loaded is None or self.current_page().detail.shown is None:
            return None
        view = loaded.view
        label = getattr(view, "display_name", None) or getattr(view, "title", None) or getattr(
            view, "name", None) or f"{view.city_a.label} – {view.city_b.label}"
        return RecordKind(loaded.kind), view.id, view.version, str(label)

    def new_record(self) -> None:
        if self.forms is None:
            return
        from gui.forms.dialog import open_editor

        open_editor(self.forms, self.current_page().current_panel().kind, None, self)

    def edit_record(self) -> None:
        shown = self._shown_record()
        if self.forms is None or shown is None:
            return
        from gui.forms.dialog import open_editor

        kind, record_id, _version, _label = shown
        if open_editor(self.forms, kind, record_id, self) is None:
            self.show_problem("This record no longer exists.", keep_catalog=True)

    def delete_record(self) -> None:
        shown = self._shown_record()
        if self.forms is None or shown is None:
            return
        from gui.forms.delete import delete_record

        kind, record_id, version, label = shown
        delete_record(self.forms, self, kind, record_id, version, label)

    # ------------------------------------------------------------ briefings

    def print_briefing(self, *, pack: bool = False) -> None:
        """Preview the briefing sheet of the record shown (a pack for a delegation)."""
        shown = self._shown_record()
        if self.catalog is None or shown is None:
            self.status_label.setText("Open a person, delegation, pairing or event to print "
                                      "its briefing.")
            return
        kind, record_id, _version, _label = shown
        if kind not in (RecordKind.PERSON, RecordKind.DELEGATION, RecordKind.PAIRING,
                        RecordKind.EVENT):
            self.status_label.setText("Briefings are printed for people, delegations, "
                                      "pairings and events.")
            return
        from gui.preview import open_briefing

        sheet = "pack" if pack and kind == RecordKind.DELEGATION else kind.value
        classification = self._settings.value(registry.CLASSIFICATION).strip() or None
        self.preview = open_briefing(self, self.catalog, sheet, record_id,
                                     paper=self._settings.value(registry.PAPER_SIZE),
                                     classification=classification)

    def set_paper(self, paper: str) -> None:
        self._settings.set_value(registry.PAPER_SIZE, paper)
        for name, action in self.paper_actions.items():
            action.setChecked(name == paper)

    def choose_classification(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        text, accepted = QInputDialog.getText(
            self, "Classification line",
            "Printed at the top and bottom of every briefing page (leave empty for none):",
            text=self._settings.value(registry.CLASSIFICATION))
        if accepted:
            self._settings.set_value(registry.CLASSIFICATION, text.strip())

    def show_about(self) -> None:
        from gui.about import show_about

        show_about(self)

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
