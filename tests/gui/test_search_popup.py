"""The search box as a user types into it: notes found, full titles readable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db import ops
from db.kinds import RecordKind
from gui.main_window import MainWindow
from gui.search_results import KIND_ROLE
from tests.gui.helpers import close_window, open_window, type_text


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_path)
    win.resize(1360, 700)
    yield win
    close_window(win)


def _search(qtbot: QtBot, window: MainWindow, query: str) -> list[str]:
    box = window.search_box
    box.clear()
    with qtbot.waitSignal(box.searched, timeout=5_000,
                          check_params_cb=lambda q, n: q == query):
        type_text(box, query)
    model = box.results
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())
            if model.index(r, 0).data(KIND_ROLE)]


def test_ambassador_finds_bruno_angelet(qtbot: QtBot, window: MainWindow) -> None:
    lines = _search(qtbot, window, "ambassador")
    assert any("Bruno Angelet" in line for line in lines)


def test_vietnamese_typed_words_from_a_biography(qtbot: QtBot, window: MainWindow) -> None:
    assert window.catalog is not None
    ops.create(window.catalog, RecordKind.PERSON, {
        "given_names": "Lan", "family_name": "Trần",
        "biography": "Phó Giám đốc Sở Ngoại vụ Hà Nội"})
    lines = _search(qtbot, window, "Sở Ngoại vụ")
    assert any("Trần Lan" in line or "Lan Trần" in line for line in lines)


def test_popup_shows_long_titles_whole_or_elided_in_the_middle(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    assert window.catalog is not None
    title = ("Working visit of the municipal delegation on urban transport, waste water "
             "treatment and smart-city administration — final leg")
    ops.create(window.catalog, RecordKind.DELEGATION, {"title": title})
    _search(qtbot, window, "municipal delegation")
    popup = window.search_box.popup
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    assert popup.textElideMode() == Qt.TextElideMode.ElideMiddle
    row = next(r for r in range(window.search_box.results.rowCount())
               if title in str(window.search_box.results.index(r, 0).data()))
    index = window.search_box.results.index(row, 0)
    assert title in index.data(Qt.ItemDataRole.ToolTipRole)
    needed = popup.fontMetrics().horizontalAdvance(str(index.data()))
    # Wide enough for the whole line (the window has room for it), not the box's width.
    assert popup.width() >= needed > window.search_box.width()


def test_field_prefixes_typed_in_the_box(qtbot: QtBot, window: MainWindow) -> None:
    lines = _search(qtbot, window, 'org:"Hanoi People\'s Committee" title:chairman')
    assert lines and all("Bruno Angelet" not in line for line in lines)
    assert any("Nguyễn Đức Chung" in line for line in lines)
