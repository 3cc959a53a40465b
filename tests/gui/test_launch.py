"""The window's first frame is a shell built cheaply; the rest follows it, losing nothing
(issue 16: launch to the first frame against a bare QMainWindow).

The shell is drawn before the catalog is open and before the parts of the window the
first frame does not show (:meth:`MainWindow.finish`): a user may already type in its
search box, and what the toolbar shows must not move when its icons arrive.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QToolBar
from pytestqt.qtbot import QtBot

from db.kinds import RecordKind
from gui import app as app_module
from gui import lazy
from gui.main_window import EDITED_IN_A_WINDOW, MainWindow
from gui.sections import SECTIONS, section_of
from tests.gui.helpers import close_window, settings_in, type_text


def shell(qtbot: QtBot, folder: Path) -> MainWindow:
    """The window as the app shows it first: painted once, not finished, no catalog."""
    window = MainWindow("catalog", settings_in(folder))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_frame, timeout=10_000):
        window.show()
    return window


@pytest.mark.parametrize("typing", ["keys", "input method"])
def test_words_typed_before_the_catalog_is_open_are_searched_once_it_is(
        qtbot: QtBot, sample_path: Path, typing: str) -> None:
    window = shell(qtbot, sample_path.parent)
    box = window.search_box
    box.setFocus()
    if typing == "keys":
        qtbot.keyClicks(box, "nguy duc")
    else:
        type_text(box, "nguy đức")
    query = box.text()
    assert window.catalog is None and query in ("nguy duc", "nguy đức")
    try:
        with qtbot.waitSignal(box.searched, timeout=20_000,
                              check_params_cb=lambda text, _hits: text == query) as searched:
            window.finish()  # as the app does after the first frame, then opens the catalog
            app_module.open_catalog(window, str(sample_path), default=False)
        assert searched.args is not None and searched.args[1] > 0
        assert box.text() == query  # nothing typed was lost or changed
        first = box.results.first_hit()
        assert first is not None and "Nguyễn Đức Chung" in first.data()
    finally:
        close_window(window)


def test_the_toolbar_does_not_move_when_its_icons_arrive(qtbot: QtBot, tmp_path: Path) -> None:
    window = shell(qtbot, tmp_path)
    toolbar = window.findChild(QToolBar, "navigation")
    assert toolbar is not None
    actions = window.menus.iconed_actions()
    before = [toolbar.widgetForAction(action).geometry() for action in actions]
    # Blank icons hold the place of the style's, at their size (a button's words stay put).
    assert all(action.icon().actualSize(toolbar.iconSize()) == toolbar.iconSize()
               for action in actions)
    box = window.search_box.geometry()
    window.finish()
    QApplication.processEvents()
    assert [toolbar.widgetForAction(action).geometry() for action in actions] == before
    assert window.search_box.geometry() == box
    style = window.style()
    for action, pixmap in zip(actions, (QStyle.StandardPixmap.SP_ArrowBack,
                                        QStyle.StandardPixmap.SP_ArrowForward,
                                        QStyle.StandardPixmap.SP_FileIcon,
                                        QStyle.StandardPixmap.SP_FileDialogDetailedView),
                              strict=True):
        shown = action.icon().pixmap(16).toImage()
        assert shown == style.standardIcon(pixmap).pixmap(16).toImage(), action.objectName()
    window.close()


def test_the_shell_sets_qt_s_enums_by_name_as_if_named_in_python(qtbot: QtBot,
                                                                   tmp_path: Path) -> None:
    window = shell(qtbot, tmp_path)
    opening = window.findChild(QLabel, "openingCatalog")
    assert opening is not None
    assert opening.alignment() == Qt.AlignmentFlag.AlignCenter
    assert opening.textFormat() == window.status_label.textFormat() == Qt.TextFormat.PlainText
    assert window.sidebar.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert window.sidebar.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    toolbar = window.findChild(QToolBar, "navigation")
    assert toolbar is not None
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert window.menus.delete_action.shortcutContext() == (
        Qt.ShortcutContext.WidgetWithChildrenShortcut)
    assert Qt.ItemDataRole.UserRole == lazy.USER_ROLE
    window.close()


def test_an_enum_set_by_a_misspelt_name_is_refused() -> None:
    label = QLabel()
    with pytest.raises(ValueError, match="alignement"):
        lazy.set_enum(label, "alignement", "AlignCenter")
    with pytest.raises(ValueError, match="AlignCentre"):
        lazy.set_enum(label, "alignment", "AlignCentre")


def test_a_lazy_module_is_imported_when_first_used(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "launch_probe.py").write_text("WORD = 'loaded'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "launch_probe", raising=False)
    probe = lazy.module("launch_probe")
    assert "launch_probe" not in sys.modules  # not even looked up yet
    assert probe.WORD == "loaded"
    assert "launch_probe" in sys.modules
    probe.WORD = "patched"  # a test's monkeypatch reaches the module itself
    assert sys.modules["launch_probe"].WORD == "patched"
    assert lazy.module("launch_probe") is sys.modules["launch_probe"]
    monkeypatch.delitem(sys.modules, "launch_probe")


def test_qt_named_lazily_is_qt() -> None:
    deferred = lazy.attribute("PySide6.QtCore", "Qt")
    assert deferred.AlignmentFlag is Qt.AlignmentFlag


def test_the_shell_names_kinds_by_their_values() -> None:
    """The shell names kinds without loading db.kinds; each name is a kind's value."""
    assert [s.kinds for s in SECTIONS] == [(RecordKind.PERSON,), (RecordKind.ORGANISATION,),
                                           (RecordKind.PAIRING, RecordKind.CITY,
                                            RecordKind.PROGRAMME),
                                           (RecordKind.DELEGATION,), (RecordKind.EVENT,)]
    assert section_of(RecordKind.ENGAGEMENT) == section_of(RecordKind.DELEGATION) == "delegations"
    assert {RecordKind.GIFT.value, RecordKind.ACTION_ITEM.value} == EDITED_IN_A_WINDOW
