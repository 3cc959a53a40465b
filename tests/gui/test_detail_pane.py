"""The detail pane says each fact once, folds its change history by save, and opens a
source's link only after asking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from db import ops
from db.kinds import RecordKind
from gui.detail.history import HistorySection, author_name
from gui.main_window import MainWindow
from tests.gui.helpers import close_window, open_window

K = RecordKind


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_path)
    yield win
    close_window(win)


def _show(qtbot: QtBot, window: MainWindow, kind: RecordKind, record_id: int,
          title: str) -> None:
    window.open_record(kind.value, record_id)
    qtbot.waitUntil(lambda: window.current_page().detail.title() == title, timeout=5_000)


def test_a_members_title_is_said_once(qtbot: QtBot, window: MainWindow) -> None:
    _show(qtbot, window, K.DELEGATION, 1,
          "EU World Cities delegation to Hanoi (Milan pairing), June 2017")
    texts = window.current_page().detail.texts()
    line = texts[texts.index("Bruno Angelet") + 1]
    assert line.count("Head of the European Union Delegation to Vietnam") == 1, line
    visit = texts[texts.index("Visit to Hanoi Start-Up Centre") + 1]
    assert visit.count("Hanoi Start-Up Centre") == 1, visit


def test_history_is_folded_and_grouped_by_save(qtbot: QtBot, window: MainWindow) -> None:
    catalog = window.catalog
    assert catalog is not None
    person = ops.create(catalog, K.PERSON, {"given_names": "Lan", "family_name": "Nguyễn",
                                            "name_order": "family_first"}).ids(K.PERSON)[0]
    ops.update(catalog, K.PERSON, person, {"honorific": "Mrs", "phone": "+84 24 3825 3536",
                                           "biography": "Deputy Director"}, expected_version=1)
    ops.update(catalog, K.PERSON, person, {"email": "lan@example.org"}, expected_version=2)
    _show(qtbot, window, K.PERSON, person, "Nguyễn Lan")
    section = window.current_page().detail.findChild(HistorySection)
    assert section is not None
    assert section.heading.text() == "Change history (3 saves)"
    assert "CHANGE HISTORY (3 SAVES)" in [t.upper() for t in window.current_page().detail.texts()]
    assert not section.tree.isVisible()  # folded until asked
    qtbot.mouseClick(section.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(section.tree.isVisible, timeout=2_000)
    lines = section.save_lines()
    assert len(lines) == 3
    assert lines[1].endswith("3 changes") and lines[0].endswith("1 change")
    actor = section.tree.topLevelItem(0).toolTip(0)  # type: ignore[union-attr]
    assert all(f"· {author_name(actor)} ·" in line for line in lines)


def _question(pane: QWidget) -> QMessageBox | None:
    found = pane.findChild(QMessageBox, "openLinkQuestion")
    return found if found is not None and found.isVisible() else None


class _Browser(QObject):
    """Stands in for the desktop's browser: Qt hands it the web links it would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_a_source_link_opens_only_after_asking(qtbot: QtBot, window: MainWindow) -> None:
    catalog = window.catalog
    assert catalog is not None
    source = ops.create(catalog, K.SOURCE, {"title": "Hanoi Times",
                                            "url": "https://example.org/hanoi"}).ids(K.SOURCE)[0]
    ops.create(catalog, K.CITATION, {"source_id": source, "record_kind": "person",
                                     "record_id": 2})
    browser = _Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        _show(qtbot, window, K.PERSON, 2, "Bruno Angelet")
        pane = window.current_page().detail
        button = pane.findChild(QPushButton, "openSourceLink")
        assert button is not None and button.toolTip() == "https://example.org/hanoi"
        for answer, opened in ((QMessageBox.StandardButton.Cancel, []),
                               (None, ["https://example.org/hanoi"])):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: _question(pane) is not None, timeout=2_000)
            box = _question(pane)
            assert box is not None and box.informativeText() == "https://example.org/hanoi"
            assert browser.opened == []  # never before the answer
            chosen = box.button(answer) if answer is not None else box.defaultButton()
            assert chosen is not None
            qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: _question(pane) is None, timeout=2_000)  # closed, gone
            assert browser.opened == opened
    finally:
        QDesktopServices.unsetUrlHandler("https")
