"""Upcoming is a section like the others: in the View menu, on Ctrl+6, and open again
at the next start when it was open at the last."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.sidebar import AGENDA, ENTRY_ROLE
from tests.gui.helpers import close_window, open_window, settings_in


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)


def test_upcoming_is_in_the_view_menu_after_the_sections(qtbot: QtBot,
                                                         sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    try:
        view = [a.text() for a in window.menus.view_menu.actions()]
        assert view[:7] == ["People", "Organisations", "Cities && Pairings", "Delegations",
                            "Events", "Upcoming", ""]  # "" : the separator
        action = window.menus.agenda_action
        assert action.shortcut() == QKeySequence("Ctrl+6")
        with qtbot.waitSignal(window.agenda.loaded, timeout=10_000):
            action.trigger()
        assert window.stack.currentWidget() is window.agenda
        assert window.sidebar.currentItem().data(ENTRY_ROLE) == AGENDA
        assert not window.sections.selectedItems()  # no section looks chosen beside it
    finally:
        close_window(window)


def test_ctrl_6_opens_upcoming_and_ctrl_1_goes_back_to_people(qtbot: QtBot,
                                                            sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    try:
        with qtbot.waitSignal(window.agenda.loaded, timeout=10_000):
            _press(qtbot, window, Qt.Key.Key_6)
        assert window.stack.currentWidget() is window.agenda
        _press(qtbot, window, Qt.Key.Key_1)
        assert window.stack.currentWidget() is window.pages["people"]
    finally:
        close_window(window)


def test_upcoming_opens_again_at_the_next_start(qtbot: QtBot, sample_path: Path) -> None:
    settings = settings_in(sample_path.parent)
    window = open_window(qtbot, sample_path, settings)
    with qtbot.waitSignal(window.agenda.loaded, timeout=10_000):
        window.menus.agenda_action.trigger()
    close_window(window)

    shell = MainWindow("catalog", settings_in(sample_path.parent))  # no catalog yet
    qtbot.addWidget(shell)
    shell.show()
    # The first frame already marks Upcoming as the open section, before the store loads.
    assert shell.sidebar.currentItem().data(ENTRY_ROLE) == AGENDA
    assert not shell.sections.selectedItems()
    shell.close()
    again = open_window(qtbot, sample_path, settings_in(sample_path.parent))
    try:
        qtbot.waitUntil(lambda: again.stack.currentWidget() is again.agenda)
        assert again.sidebar.currentItem().data(ENTRY_ROLE) == AGENDA
    finally:
        close_window(again)


def test_a_section_chosen_after_upcoming_is_the_one_remembered(qtbot: QtBot,
                                                               sample_path: Path) -> None:
    window = open_window(qtbot, sample_path, settings_in(sample_path.parent))
    with qtbot.waitSignal(window.agenda.loaded, timeout=10_000):
        window.menus.agenda_action.trigger()
    window.menus.section_actions[0].trigger()  # People: the row that stayed current
    assert window.stack.currentWidget() is window.pages["people"]
    close_window(window)
    again = open_window(qtbot, sample_path, settings_in(sample_path.parent))
    try:
        assert again.stack.currentWidget() is again.pages["people"]
    finally:
        close_window(again)
