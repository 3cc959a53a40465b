"""First start as a new user meets it: the sample says it is one, and a way to start their own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from db.catalog import create_catalog
from db.kinds import RecordKind
from gui.main_window import MainWindow
from tests.gui.helpers import close_window, open_window, settings_in


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_path)
    yield win
    close_window(win)


def test_the_sample_says_it_is_one_and_closes(qtbot: QtBot, window: MainWindow) -> None:
    banner = window.sample_banner
    qtbot.waitUntil(banner.isVisible, timeout=5_000)
    assert banner.label.text() == ("You are looking at a sample catalog built from five "
                                   "articles — File > New Catalog to start your own")
    assert banner.geometry().top() < window.stack.mapTo(window.centralWidget(),
                                                        window.stack.rect().topLeft()).y()
    banner.close_button.click()
    assert not banner.isVisible()


def test_an_own_catalog_has_no_sample_banner(qtbot: QtBot, tmp_path: Path) -> None:
    create_catalog(tmp_path / "Ours.liaison", sample=False).close()
    window = open_window(qtbot, tmp_path / "Ours.liaison")
    try:
        qtbot.waitUntil(lambda: not window.worker.busy, timeout=5_000)
        assert window.catalog is not None and window.windowTitle().startswith("Ours")
        assert not window.sample_banner.isVisible()
    finally:
        close_window(window)


def test_new_empty_catalog_opens_in_the_window(qtbot: QtBot, window: MainWindow,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    qtbot.waitUntil(window.sample_banner.isVisible, timeout=5_000)
    target = tmp_path / "Our visits"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args, **_kw: (str(target), ""))
    assert window.menus.new_catalog_action in window.menus.file_menu.actions()
    window.menus.new_catalog_action.trigger()
    assert window.windowTitle() == "Our visits — Liaison"
    assert (tmp_path / "Our visits.liaison").exists()
    people = window.panels[RecordKind.PERSON]
    qtbot.waitUntil(lambda: not people.model.loading, timeout=5_000)
    assert people.model.rowCount() == 0
    assert not window.sample_banner.isVisible()


def test_open_recent_lists_catalogs_and_opens_them(qtbot: QtBot, sample_path: Path,
                                                   tmp_path: Path) -> None:
    settings = settings_in(tmp_path)
    create_catalog(tmp_path / "Ours.liaison", sample=False).close()
    first = open_window(qtbot, tmp_path / "Ours.liaison", settings)
    close_window(first)
    window = open_window(qtbot, sample_path, settings)
    try:
        menu = window.menus.recent_menu
        assert menu.menuAction() in window.menus.file_menu.actions()
        menu.aboutToShow.emit()
        names = [action.text() for action in menu.actions()]
        assert names == ["Sample catalog.liaison", "Ours.liaison"]  # newest first
        menu.actions()[1].trigger()
        assert window.windowTitle() == "Ours — Liaison"
    finally:
        close_window(window)
