"""The Upcoming section and saved searches, driven as a user does in the real window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db import i18n
from db.catalog import create_catalog
from gui.main_window import MainWindow
from gui.sidebar import ENTRY_ROLE
from tests.agenda_plan import plan_week
from tests.gui.helpers import close_window, open_window, settings_in, type_text

TODAY = dt.date.today()


@pytest.fixture
def planned(tmp_path: Path) -> Path:
    path = tmp_path / "plan.liaison"
    with create_catalog(path, sample=False) as catalog:
        plan_week(catalog, TODAY)  # the visit starts today
    return path


@pytest.fixture
def window(qtbot: QtBot, planned: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, planned)
    yield win
    close_window(win)


def _open_upcoming(qtbot: QtBot, window: MainWindow) -> None:
    extras = window.sidebar
    row = next(r for r in range(extras.count()) if extras.item(r).data(ENTRY_ROLE) == "agenda")
    rect = extras.visualItemRect(extras.item(row))
    with qtbot.waitSignal(window.agenda.loaded, timeout=10_000):
        qtbot.mouseClick(extras.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.agenda


def test_upcoming_lists_visits_and_meetings_in_date_order(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    _open_upcoming(qtbot, window)
    tree = window.agenda.tree
    assert tree.titles() == [
        "Seoul City Council visit",
        "Visit to the Hi-Tech Park (Seoul City Council visit)",
        "Courtesy call on the Chairman (Seoul City Council visit)",
        "Working lunch (Seoul City Council visit)",
        "Đoàn Sở Ngoại vụ Đà Nẵng",
        "Study tour to Seoul",
    ]
    first_day = tree.topLevelItem(0)
    assert first_day is not None and first_day.text(0).startswith("Today — ")
    visit = first_day.child(0)
    assert visit is not None
    assert [visit.text(c) for c in range(2, 5)] == ["Kwon Young Gull", "Hanoi", "Confirmed"]
    tray = window.agenda.tray_texts()
    assert any("Nguyễn Thị Lan" in t and "Title not confirmed: Deputy Director" in t
               for t in tray)
    assert any("Working lunch" in t and "No venue" in t for t in tray)
    assert any("Đoàn Sở Ngoại vụ Đà Nẵng" in t and "No head of delegation" in t for t in tray)


def test_enter_opens_the_visit_in_its_section(qtbot: QtBot, window: MainWindow) -> None:
    _open_upcoming(qtbot, window)
    tree = window.agenda.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page().detail.title() == "Seoul City Council visit",
                    timeout=5_000)
    assert window.sections.currentItem().text() == "Delegations"
    assert window.stack.currentWidget() is window.current_page()


def test_an_edit_shows_at_once(qtbot: QtBot, window: MainWindow) -> None:
    _open_upcoming(qtbot, window)
    assert window.catalog is not None
    from db import ops
    from db.models import RecordKind

    catalog = window.catalog
    result = ops.create(catalog, RecordKind.DELEGATION, {
        "title": "Hải Phòng delegation", "start_date": TODAY, "status": "planned"})
    with qtbot.waitSignal(window.agenda.loaded, timeout=10_000):
        window.router.route(result)  # as a saved form or an undo does
    assert "Hải Phòng delegation" in window.agenda.tree.titles()


def test_upcoming_in_vietnamese(qtbot: QtBot, planned: Path) -> None:
    i18n.set_language("vi")
    win = open_window(qtbot, planned, settings_in(planned.parent))
    try:
        assert win.sidebar.item(0).text() == "Sắp tới"
        _open_upcoming(qtbot, win)
        first_day = win.agenda.tree.topLevelItem(0)
        assert first_day is not None and first_day.text(0).startswith("Hôm nay — ")
        assert win.agenda.tray_box.title().startswith("Cần xác nhận")
    finally:
        close_window(win)


def test_a_saved_search_stays_in_the_sidebar(qtbot: QtBot, window: MainWindow,
                                             planned: Path) -> None:
    box = window.search_box
    with qtbot.waitSignal(box.searched, timeout=5_000):
        type_text(box, "Đà Nẵng")
    box.save_action.trigger()
    extras = window.sidebar
    assert [extras.item(r).text() for r in range(extras.count())][-2:] == [
        "Saved searches", "Đà Nẵng"]
    assert extras.queries() == ["Đà Nẵng"]
    box.clear()
    rect = extras.visualItemRect(extras.item(extras.count() - 1))
    with qtbot.waitSignal(box.searched, timeout=5_000,
                          check_params_cb=lambda q, n: q == "Đà Nẵng" and n > 0):
        qtbot.mouseClick(extras.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert box.text() == "Đà Nẵng"
    # Kept in the settings: a new window shows it too.
    other = open_window(qtbot, planned, settings_in(planned.parent))
    try:
        assert other.sidebar.queries() == ["Đà Nẵng"]
    finally:
        close_window(other)
