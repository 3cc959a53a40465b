"""The window shows why a catalog cannot be opened, instead of "Opening the catalog…" forever."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gui import app as app_module
from gui.main_window import MainWindow
from tests.gui.helpers import settings_in


def test_a_catalog_without_its_migration_record_shows_a_message(qtbot: QtBot,
                                                                 sample_path: Path) -> None:
    conn = sqlite3.connect(sample_path, isolation_level=None)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("DROP TABLE alembic_version")
    conn.close()
    window = MainWindow("catalog", settings_in(sample_path.parent))
    qtbot.addWidget(window)
    window.show()
    app_module.open_catalog(window, str(sample_path), default=False)
    qtbot.waitUntil(lambda: "no record of its earlier upgrades" in window.problem,
                    timeout=10_000)
    assert window.catalog is None
    assert window.status_label.text() == "No catalog open"
    shown = window.stack.currentWidget()
    assert isinstance(shown, QLabel) and "Opening" not in shown.text()
    assert "File > Open Catalog…" in shown.text()
