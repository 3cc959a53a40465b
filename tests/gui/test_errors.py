"""Errors land somewhere: the user is told, and the log keeps the traceback.

The failures are real: a table goes missing under the open window (as when a
catalog is damaged), so the list's query and a filter's choices fail on the
worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from db.kinds import RecordKind
from gui import app as app_module
from gui.log import log_file, setup_logging
from gui.main_window import MainWindow
from gui.worker import Worker
from tests.gui.helpers import close_window, open_window, settings_in


@pytest.fixture
def logged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    path = setup_logging()
    assert path is not None and path == log_file()
    yield path
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
            root.removeHandler(handler)
    root.setLevel(level)


def log_text(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def visible_problem(window: MainWindow) -> str:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    return boxes[-1].text() if boxes else ""


def test_a_job_without_an_error_path_tells_the_user_and_logs(
        qtbot: QtBot, logged: Path) -> None:
    worker = Worker()

    def broken() -> None:
        raise ValueError("the index is unreadable")

    try:
        with qtbot.waitSignal(worker.problem, timeout=5_000) as told:
            worker.submit(broken, lambda _result: None)
        assert "the index is unreadable" in told.args[0]
        text = log_text(logged)
        assert "broken" in text and "Traceback" in text and "ValueError" in text
    finally:
        worker.shutdown()


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_path)
    yield win
    close_window(win)


def test_a_list_that_cannot_be_read_says_so(qtbot: QtBot, window: MainWindow,
                                           logged: Path) -> None:
    assert window.catalog is not None
    with window.catalog.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE organisation RENAME TO organisation_gone")
    panel = window.panels[RecordKind.ORGANISATION]
    panel.model.reload()
    qtbot.waitUntil(lambda: "Could not load the list" in panel.count_label.text(),
                    timeout=5_000)
    qtbot.waitUntil(lambda: "organisations could not be read" in visible_problem(window),
                    timeout=5_000)
    assert "no such table" in log_text(logged)


def test_a_filter_whose_choices_fail_is_disabled_and_reported(
        qtbot: QtBot, sample_path: Path, logged: Path) -> None:
    win = MainWindow("catalog", settings_in(sample_path.parent))  # lists load when shown
    qtbot.addWidget(win)
    win.show()
    app_module.open_catalog(win, str(sample_path), default=False)
    try:
        qtbot.waitUntil(lambda: win.catalog is not None, timeout=20_000)  # on the worker
        assert win.catalog is not None
        with win.catalog.engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE city RENAME TO city_gone")
        panel = win.panels[RecordKind.EVENT]
        panel.ensure_loaded()
        box = panel.filters["city_id"]
        qtbot.waitUntil(lambda: not box.isEnabled(), timeout=5_000)
        assert "could not be read" in box.toolTip()
        qtbot.waitUntil(lambda: "city filter could not be filled" in visible_problem(win),
                        timeout=5_000)
        assert "no such table: city" in log_text(logged)
    finally:
        close_window(win)
