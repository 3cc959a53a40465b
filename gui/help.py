"""Help > Keyboard Shortcuts and Help > Getting Started.

The shortcuts window is read from the window's own menus, so it lists exactly
the shortcuts that work, in the language shown, and cannot drift from them
the way a hand-written table would. Getting Started is a short page written
here, as simple HTML of our own words (escaped all the same); no user data
is ever shown as markup.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _

MENU_PATH_SEPARATOR = " › "


def plain(text: str) -> str:
    """A menu text as read: without its mnemonic ampersands (a doubled one stays)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_rows(menus: list[QMenu]) -> list[tuple[str, str]]:
    """(menu path › action, its shortcuts) for every action in *menus* that has one."""
    rows: list[tuple[str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu, path + MENU_PATH_SEPARATOR + plain(action.text()))
            elif not action.isSeparator() and action.shortcuts():
                rows.append((path + MENU_PATH_SEPARATOR + plain(action.text()),
                             keys_text(action)))

    for menu in menus:
        walk(menu, plain(menu.title()))
    return rows


def keys_text(action: QAction) -> str:
    """An action's shortcuts as the platform writes them ("Ctrl+O", "Alt+Left, Back")."""
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText)
                     for key in action.shortcuts())


class ShortcutsDialog(QDialog):
    """Every action that has a shortcut, with its menu path."""

    def __init__(self, menus: list[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(_("Keyboard Shortcuts"))
        rows = shortcut_rows(menus)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([_("Command"), _("Shortcut")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        for row, (command, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(command))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows, row by row."""
        return [(self._cell(row, 0), self._cell(row, 1)) for row in range(self.table.rowCount())]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


def getting_started_html() -> str:
    """The Getting Started page: our own words, each escaped before it becomes HTML."""
    steps = [
        _("Liaison keeps the people, organisations, cities, delegations and events your "
          "office deals with, and prints briefing sheets about them."),
        _("The first catalog you see is a sample built from five news articles. Look "
          "around it freely; to start your own, choose File > New Empty Catalog…"),
        _("Choose a section on the left. Filter the list above it (Ctrl+F) and select a "
          "row to see the record on the right."),
        _("Search everything from the box at the top (Ctrl+K): accents are optional."),
        _("New… (Ctrl+N) adds a record to the list shown; Edit… (Ctrl+E) or Enter on a "
          "row changes it. Every change can be undone (Ctrl+Z)."),
        _("File > Print Briefing… makes a briefing sheet of the record shown."),
        _("Help > Keyboard Shortcuts lists every shortcut."),
    ]
    title = escape(_("Getting Started"))
    items = "".join(f"<li>{escape(step)}</li>" for step in steps)
    return f"<h2>{title}</h2><ol>{items}</ol>"


class GettingStartedDialog(QDialog):
    """A short page in the app for a new user."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gettingStartedDialog")
        self.setWindowTitle(_("Getting Started"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(getting_started_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 460)
