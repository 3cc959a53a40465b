"""What frames every record form: its heading, tabs, message line and buttons.

Kept apart from the form's logic (:mod:`gui.forms.base`): this module only
builds widgets and marks tabs. Enter and Ctrl+S / Ctrl+Enter save; Enter never
reaches Delete or Revert, whatever has the focus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _
from gui.forms.fieldset import message_label

SAVE_KEYS = ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter")
# The next and the previous tab (Members, Visit programme…), from any field of the form.
TAB_KEYS = (("Ctrl+PgDown", 1), ("Ctrl+Tab", 1), ("Ctrl+PgUp", -1), ("Ctrl+Shift+Tab", -1))


def focus_into(page: QWidget) -> None:
    """Put the keyboard in the first field of *page* that Tab would reach."""
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()


def scrolled(widget: QWidget) -> QScrollArea:
    """*widget* in a frameless scroll area (a tab's page)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


def heading_label(parent: QWidget) -> QLabel:
    """The form's title, larger and bold; plain text (it quotes what the user typed)."""
    heading = QLabel(parent)
    heading.setTextFormat(Qt.TextFormat.PlainText)
    heading.setObjectName("formHeading")
    font = QFont(heading.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    heading.setFont(font)
    heading.setWordWrap(True)
    return heading


class FormChrome:
    """The widgets around a form's fields; *form* lays them out in a column:
    heading, tabs (the first holds :attr:`details_layout`), message, buttons."""

    def __init__(self, form: QWidget, save: Callable[[], object]) -> None:
        self.heading = heading_label(form)
        self.tabs = QTabWidget(form)
        self.tabs.setDocumentMode(True)
        self.details = QWidget()
        self.details_layout = QVBoxLayout(self.details)
        self.details_layout.setContentsMargins(8, 8, 8, 8)
        self.details_layout.setSpacing(10)
        self.tabs.addTab(scrolled(self.details), _("Details"))

        self.message = message_label(form)
        self.message.setObjectName("formMessage")
        self.delete_button = QPushButton(_("Delete…"), form)
        self.delete_button.setObjectName("deleteButton")
        self.revert_button = QPushButton(_("Revert"), form)
        self.revert_button.setObjectName("revertButton")
        # Shown when the form has a window of its own (EditorDialog): Esc does the same.
        self.cancel_button = QPushButton(_("Cancel"), form)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.hide()
        self.save_button = QPushButton(_("Save"), form)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(_("Save (Ctrl+S, Ctrl+Enter)"))
        # Enter saves; it must never reach Delete or Revert, whatever has the focus.
        for button in (self.delete_button, self.revert_button, self.cancel_button):
            button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(save)
        for keys in SAVE_KEYS:
            shortcut = QShortcut(QKeySequence(keys), form)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(save)
        for keys, step in TAB_KEYS:
            shortcut = QShortcut(QKeySequence(keys), form)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.turn_tab(step))

        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(form)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def turn_tab(self, step: int) -> None:
        """The next (or previous) tab, with the keyboard in its first field."""
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)
            page = self.tabs.currentWidget()
            if page is not None:
                focus_into(page)

    def add_tab(self, page: QWidget, title: str) -> None:
        self.tabs.addTab(scrolled(page), title)

    def mark_tabs(self, bad_fields: Iterable[QWidget]) -> None:
        """A warning icon on each tab holding one of *bad_fields* (Save is disabled)."""
        bad = list(bad_fields)
        # The icon must not make the tab bar taller than its text (with a small font,
        # Debian's DejaVu Sans at 9 pt, it did by 2 px and the whole form moved).
        line = self.tabs.tabBar().fontMetrics().height()
        self.tabs.setIconSize(QSize(16, 16).boundedTo(QSize(line, line)))
        warning = self.tabs.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            marked = page is not None and any(page.isAncestorOf(field) for field in bad)
            self.tabs.setTabIcon(index, warning if marked else QIcon())

    def show_tab_of(self, widget: QWidget) -> None:
        """Bring forward the tab that holds *widget*."""
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                self.tabs.setCurrentIndex(index)
                return
