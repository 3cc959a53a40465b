"""The window's actions, menus and toolbar, declared in one place.

The actions only call the window's commands (:class:`Commands`); what a
command does lives with its job (opening catalogs, printing, navigation).
Shortcuts follow the platform, and the undo stack drives Undo/Redo's text and
enabled state.

What the first frame does not show is done after it (:meth:`Menus.finish`,
issue 16): the menus get their items (the actions, and so their shortcuts, are
there from the start), and the toolbar gets the style's standard icons. The
first frame holds the icons' place with blank icons of the same size, because
asking the style for one builds PySide6's ``QStyle`` class and its ten enums,
5 ms of a start (see :mod:`gui.lazy`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6 import QtWidgets
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPixmap, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from db import i18n
from db.i18n import _
from gui import settings as registry
from gui.lazy import set_enum
from gui.sections import SECTIONS

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class Commands(Protocol):
    """What the menus trigger (the main window provides it)."""

    def go_back(self) -> None: ...
    def go_forward(self) -> None: ...
    def focus_search(self) -> None: ...
    def focus_filter(self) -> None: ...
    def refresh(self) -> None: ...
    def close(self) -> bool: ...
    def choose_catalog(self) -> None: ...
    def new_empty_catalog(self) -> None: ...
    def recent_catalogs(self) -> list[str]: ...
    def open_catalog_file(self, path: str) -> bool: ...
    def print_briefing(self, *, pack: bool = False) -> None: ...
    def choose_classification(self) -> None: ...
    def set_paper(self, paper: str) -> None: ...
    def back_up_now(self) -> None: ...
    def restore_from_backup(self) -> None: ...
    def import_file(self) -> None: ...
    def export_file(self) -> None: ...
    def export_list(self) -> None: ...
    def print_list(self) -> None: ...
    def find_duplicates(self) -> None: ...
    def new_record(self) -> None: ...
    def edit_record(self) -> None: ...
    def delete_record(self) -> None: ...
    def show_section(self, key: str) -> None: ...
    def show_agenda(self) -> None: ...
    def show_detail(self, shown: bool) -> None: ...
    def show_about(self) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_getting_started(self) -> None: ...


def _ignore_checked(slot: Callable[[], object], _checked: bool = False) -> None:
    slot()


def unique_keys(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """Our shortcut plus the platform's, once each (on Linux both are Alt+Left)."""
    found: list[QKeySequence] = []
    for key in keys:
        sequences = (QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey)
                     else [QKeySequence(key)])
        found.extend(s for s in sequences if not s.isEmpty() and s not in found)
    return found


def tooltip_with_keys(action: QAction) -> str:
    """"Back (Alt+Left)": the action's name and its first shortcut, as the platform writes it."""
    name = action.iconText()
    keys = action.shortcuts()
    if not keys:
        return name
    return _("{command} ({keys})").format(
        command=name, keys=keys[0].toString(QKeySequence.SequenceFormat.NativeText))


class Menus:
    """Every action of the window, its menus and its toolbar."""

    def __init__(self, window: QMainWindow, commands: Commands,
                 settings: registry.Settings) -> None:
        self._window = window
        self._settings = settings
        self._commands = commands
        do = commands
        self.back_action = self._action(_("&Back"), None, do.go_back, "back")
        self.back_action.setShortcuts(unique_keys("Alt+Left", QKeySequence.StandardKey.Back))
        self.forward_action = self._action(_("&Forward"), None, do.go_forward, "forward")
        self.forward_action.setShortcuts(
            unique_keys("Alt+Right", QKeySequence.StandardKey.Forward))
        self.search_action = self._action(_("&Search Everything"), "Ctrl+K", do.focus_search,
                                          "search")
        self.find_action = self._action(_("&Filter List"), QKeySequence.StandardKey.Find,
                                        do.focus_filter, "find")
        self.refresh_action = self._action(_("&Refresh"), QKeySequence.StandardKey.Refresh,
                                           do.refresh, "refresh")
        self.quit_action = self._action(_("&Quit"), QKeySequence.StandardKey.Quit, do.close, "quit")
        self.open_action = self._action(_("&Open Catalog…"), QKeySequence.StandardKey.Open,
                                        do.choose_catalog, "open")
        self.new_catalog_action = self._action(_("New &Empty Catalog…"), None,
                                               do.new_empty_catalog, "new_catalog")
        self.print_action = self._action(_("&Print Briefing…"), QKeySequence.StandardKey.Print,
                                         do.print_briefing, "print")
        self.pack_action = self._action(_("Print Briefing &Pack…"), "Ctrl+Shift+P",
                                        lambda: do.print_briefing(pack=True), "pack")
        self.classification_action = self._action(_("&Classification Line…"), None,
                                                  do.choose_classification, "classification")
        self.paper_actions: dict[str, QAction] = {}
        for paper, label in (("a4", "A4"), ("letter", _("US Letter"))):
            action = QAction(label, window)
            action.setCheckable(True)
            action.setChecked(settings.value(registry.PAPER_SIZE) == paper)
            action.triggered.connect(partial(_ignore_checked, partial(do.set_paper, paper)))
            self.paper_actions[paper] = action
        self.backup_action = self._action(_("&Back Up Now"), None, do.back_up_now, "backup")
        self.restore_action = self._action(_("&Restore from Backup…"), None,
                                           do.restore_from_backup, "restore")
        self.import_action = self._action(_("&Import…"), None, do.import_file, "import")
        self.export_action = self._action(_("E&xport…"), None, do.export_file, "export")
        self.export_list_action = self._action(_("Export &List…"), None, do.export_list,
                                               "export_list")
        self.print_list_action = self._action(_("Print Lis&t…"), None, do.print_list,
                                              "print_list")
        self.duplicates_action = self._action(_("Find &Duplicates…"), None, do.find_duplicates,
                                              "duplicates")
        self.new_action = self._action(_("&New…"), QKeySequence.StandardKey.New, do.new_record,
                                       "new")
        self.edit_action = self._action(_("&Edit…"), "Ctrl+E", do.edit_record, "edit")
        self.delete_action = self._action(_("&Delete…"), QKeySequence.StandardKey.Delete,
                                          do.delete_record, "delete")
        set_enum(self.delete_action, "shortcutContext", "WidgetWithChildrenShortcut")
        # The detail pane folds away so a narrow window gives the list the whole width.
        self.detail_action = QAction(_("&Detail Pane"), window)
        self.detail_action.setObjectName("detail_pane")
        self.detail_action.setCheckable(True)
        self.detail_action.setChecked(True)
        self.detail_action.setShortcuts([QKeySequence("F8")])
        self.detail_action.toggled.connect(do.show_detail)
        window.addAction(self.detail_action)
        self.section_actions = [
            self._action(section.title, f"Ctrl+{number}", partial(do.show_section, section.key),
                         f"section_{section.key}")
            for number, section in enumerate(SECTIONS, start=1)]
        # Upcoming sits under the sections in the sidebar, and in the View menu after them.
        self.agenda_action = self._action(_("Upcoming"), f"Ctrl+{len(SECTIONS) + 1}",
                                          do.show_agenda, "section_agenda")
        self.language_actions: dict[str, QAction] = {}
        languages = QActionGroup(window)
        for code, label in (("", _("System Language")), *((code, i18n.native_name(code))
                                                         for code in i18n.LANGUAGES)):
            action = QAction(label, languages)
            action.setCheckable(True)
            action.setChecked(settings.value(registry.LANGUAGE) == code)
            action.setObjectName(f"language_{code or 'system'}")
            action.triggered.connect(partial(_ignore_checked, partial(self.choose_language, code)))
            self.language_actions[code] = action
        self.getting_started_action = self._action(
            _("&Getting Started"), QKeySequence.StandardKey.HelpContents,
            do.show_getting_started, "getting_started")
        self.shortcuts_action = self._action(_("&Keyboard Shortcuts"), None,
                                             do.show_shortcuts, "shortcuts")
        self.about_action = QAction(_("&About Liaison"), window)
        self.about_action.setObjectName("about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(do.show_about)
        self.set_history(back=False, forward=False)  # nothing visited yet (the first frame)
        self._build_menus()

    def iconed_actions(self) -> list[QAction]:
        """The actions with one of the style's icons (:meth:`finish`), all in the toolbar."""
        return [self.back_action, self.forward_action, self.new_action, self.edit_action]

    def finish(self) -> None:
        """Fill the menus and give the toolbar's actions the style's icons (after the
        first frame)."""
        self._fill_menus()
        for action in self.iconed_actions():  # "Back (Alt+Left)": shown on hovering
            action.setToolTip(tooltip_with_keys(action))
        icon, pixmap = self._window.style().standardIcon, QtWidgets.QStyle.StandardPixmap
        self.back_action.setIcon(icon(pixmap.SP_ArrowBack))
        self.forward_action.setIcon(icon(pixmap.SP_ArrowForward))
        self.new_action.setIcon(icon(pixmap.SP_FileIcon))
        self.edit_action.setIcon(icon(pixmap.SP_FileDialogDetailedView))

    def _action(self, text: str, shortcut: Shortcut, slot: Callable[[], object],
                name: str) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:  # (setShortcut would build Qt's enums: see gui.lazy)
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(partial(_ignore_checked, slot))
        action.setObjectName(name)
        self._window.addAction(action)
        return action

    def _build_menus(self) -> None:
        """The menu bar's titles, which the first frame shows (their items: :meth:`finish`)."""
        bar = self._window.menuBar()
        self.file_menu = bar.addMenu(_("&File"))
        self.edit_menu = bar.addMenu(_("&Edit"))
        self.view_menu = bar.addMenu(_("&View"))
        self.tools_menu = bar.addMenu(_("&Tools"))
        self.help_menu = bar.addMenu(_("&Help"))

    def _fill_menus(self) -> None:
        window = self._window
        self.undo_group = QUndoGroup(window)  # (edits begin once a catalog is open)
        self.undo_action = self.undo_group.createUndoAction(window, _("&Undo"))
        self.undo_action.setShortcuts(unique_keys(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_group.createRedoAction(window, _("&Redo"))
        self.redo_action.setShortcuts(unique_keys("Ctrl+Shift+Z", QKeySequence.StandardKey.Redo))
        self.file_menu.addAction(self.new_catalog_action)
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu(_("Open &Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.print_action)
        self.file_menu.addAction(self.pack_action)
        self.file_menu.addAction(self.print_list_action)
        paper_menu = self.file_menu.addMenu(_("Paper &Size"))
        for action in self.paper_actions.values():
            paper_menu.addAction(action)
        self.file_menu.addAction(self.classification_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.export_list_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.new_action)
        self.edit_menu.addAction(self.edit_action)
        self.edit_menu.addAction(self.delete_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.search_action)
        self.edit_menu.addAction(self.find_action)
        for action in (*self.section_actions, self.agenda_action):
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.back_action)
        self.view_menu.addAction(self.forward_action)
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addAction(self.detail_action)
        self.view_menu.addSeparator()
        language_menu = self.view_menu.addMenu(_("&Language"))
        language_menu.setObjectName("languageMenu")
        for action in self.language_actions.values():
            language_menu.addAction(action)
        self.tools_menu.addAction(self.duplicates_action)
        self.help_menu.addAction(self.getting_started_action)
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def top_menus(self) -> list[QMenu]:
        """The menu bar's menus, in order (what Help > Keyboard Shortcuts reads)."""
        return [self.file_menu, self.edit_menu, self.view_menu, self.help_menu]

    def build_toolbar(self, search_box: QWidget) -> QToolBar:
        toolbar = QToolBar(_("Navigation"), self._window)
        toolbar.setObjectName("navigation")
        toolbar.setMovable(False)
        # Blank icons of the toolbar's size hold the place of the style's (see finish), so
        # that nothing moves when these arrive.
        blank = QPixmap(toolbar.iconSize())
        blank.fill(QColor(0, 0, 0, 0))
        for action in self.iconed_actions():
            action.setIcon(QIcon(blank))
        # Words beside the icons: a new user does not guess what an arrow or a page does.
        set_enum(toolbar, "toolButtonStyle", "ToolButtonTextBesideIcon")
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        toolbar.addSeparator()
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.edit_action)
        toolbar.addSeparator()
        toolbar.addWidget(search_box)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy())
        toolbar.addWidget(spacer)
        self._window.addToolBar(toolbar)
        return toolbar

    def choose_language(self, code: str) -> None:
        """Remember the interface language; the window is built in one language, so the
        choice applies from the next start, and the user is told so."""
        self._settings.set_value(registry.LANGUAGE, code)
        chosen = i18n.parse_language(code) or i18n.system_language()
        with i18n.using(chosen):  # said in the language chosen, so its reader understands
            text = _("Liaison will be in {language} the next time it starts.").format(
                language=i18n.native_name(chosen))
        # QtWidgets.QMessageBox, named when used: PySide6 builds a class (and its enums)
        # when first named, and the first frame has no use for this one.
        QtWidgets.QMessageBox.information(self._window, _("Language"), text)

    def fill_recent(self) -> None:
        """File > Open Recent, read from the settings each time it opens."""
        self.recent_menu.clear()
        paths = self._commands.recent_catalogs()
        for path in paths:
            action = self.recent_menu.addAction(Path(path).name.replace("&", "&&"))
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(
                partial(_ignore_checked, partial(self._commands.open_catalog_file, path)))
        if not paths:
            self.recent_menu.addAction(_("No recent catalogs")).setEnabled(False)

    def set_paper_checked(self, paper: str) -> None:
        for name, action in self.paper_actions.items():
            action.setChecked(name == paper)

    def enable_for(self, *, writable: bool, file_backed: bool) -> None:
        """Editing follows the catalog; on a server, backup and restore stay enabled and
        say that they are the server's job (gui.server_backups)."""
        for action in (self.new_action, self.edit_action, self.delete_action,
                       self.import_action, self.duplicates_action):
            action.setEnabled(writable)
        self.backup_action.setEnabled(writable or not file_backed)
        self.restore_action.setEnabled(True)

    def set_history(self, *, back: bool, forward: bool) -> None:
        self.back_action.setEnabled(back)
        self.forward_action.setEnabled(forward)
