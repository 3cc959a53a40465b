"""Sorting a list by its Dates column puts records in time order, partial dates included
("November 2016", "second half of 2017"), as the user sees by clicking the header."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from db.kinds import RecordKind
from gui.main_window import MainWindow
from tests.gui.helpers import close_window, open_window


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_path)
    yield win
    close_window(win)


def _column(window: MainWindow, kind: RecordKind, key: str) -> list[str]:
    model = window.panels[kind].model
    return [str(model.index(r, model.column(key)).data()) for r in range(model.rowCount())]


def _click_header(qtbot: QtBot, window: MainWindow, kind: RecordKind, key: str) -> None:
    panel = window.panels[kind]
    header = panel.view.horizontalHeader()
    column = panel.model.column(key)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=5_000)


def test_delegations_sort_by_dates_in_time_order(qtbot: QtBot, window: MainWindow) -> None:
    window.show_section("delegations")
    panel = window.panels[RecordKind.DELEGATION]
    header = panel.view.horizontalHeader()
    dates = panel.model.column("dates")
    # The list opens newest first: "second half of 2017" before the June 2017 visit.
    titles = _column(window, RecordKind.DELEGATION, "title")
    assert titles[0].startswith("Chairman Nguyễn Đức Chung's visit to Milan")
    assert titles[-1].startswith("President Trần Đại Quang's visit to Italy, November 2016")
    _click_header(qtbot, window, RecordKind.DELEGATION, "dates")
    if header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        _click_header(qtbot, window, RecordKind.DELEGATION, "dates")
    assert header.sortIndicatorSection() == dates
    titles = _column(window, RecordKind.DELEGATION, "title")
    assert [t.split(",")[0].split(" (")[0] for t in titles] == [
        "President Trần Đại Quang's visit to Italy",  # November 2016
        "EU World Cities delegation to Ho Chi Minh City",  # 2017
        "EU World Cities delegation to Hanoi",  # June 2017 (13 June)
        "Chairman Nguyễn Đức Chung's visit to Milan",  # second half of 2017
    ]


def test_events_sort_by_dates_in_time_order(qtbot: QtBot, window: MainWindow) -> None:
    window.show_section("events")
    names = _column(window, RecordKind.EVENT, "name")
    # Newest first; the undated teaser (no year at all) last.
    assert names[:2] == ["Vietnam-Asia Smart City Summit 2024",
                         "Vietnam-Asia Smart City Summit 2023"]
    assert names.index("CICON HCMC 2023") < names.index("CICON Hanoi 2022") \
        < names.index("EU World Cities Kick-Off Event in Hanoi") < names.index("CICON Seoul 2012")
    assert names[-1] == "Tu Lien Bridge kick-off"
