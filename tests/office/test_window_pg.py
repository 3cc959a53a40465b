"""The main window on the office server: lists, filters, an edit, a conflict, live refresh."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlmodel import select

from db import i18n, ops
from db.catalog import open_catalog
from db.kinds import RecordKind
from db.models import Person
from gui.conflict import ConflictDialog
from gui.main_window import MainWindow
from tests.gui.helpers import close_window, open_window, settings_in, type_text
from tests.office.pgserver import PgServer


@pytest.fixture
def window(qtbot: QtBot, pg_sample_url: str, tmp_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, pg_sample_url, settings_in(tmp_path))  # type: ignore[arg-type]
    yield win
    close_window(win)


def _names(window: MainWindow) -> list[str]:
    model = window.panels[RecordKind.PERSON].model
    return [model.index(r, model.column("name")).data() for r in range(model.rowCount())]


def _chung(url: str) -> tuple[int, int]:
    with open_catalog(url) as catalog, catalog.read_session() as session:
        person = session.exec(select(Person).where(Person.family_name == "Nguyễn",
                                                   Person.given_names == "Đức Chung")).one()
        assert person.id is not None
        return person.id, person.version


def test_lists_and_filters_on_the_server(qtbot: QtBot, window: MainWindow) -> None:
    assert window.catalog is not None and not window.catalog.is_sqlite
    assert window.panels[RecordKind.PERSON].count_label.text() == "18 people"
    assert "Nguyễn Đức Chung" in _names(window)
    people = window.panels[RecordKind.PERSON]
    type_text(people.filter_edit, "tran")
    qtbot.waitUntil(lambda: not people.model.loading
                    and sorted(_names(window)) == ["Trần Sỹ Thanh", "Trần Đại Quang"])
    events = window.panels[RecordKind.EVENT]
    year = events.filters["year"]
    qtbot.waitUntil(lambda: year.combo.findText("2023") > 0)
    year.combo.setCurrentIndex(year.combo.findText("2023"))
    model = events.model
    qtbot.waitUntil(lambda: not model.loading and model.rowCount() > 0 and all(
        "2023" in model.index(r, model.column("dates")).data() for r in range(model.rowCount())))


def test_edit_shows_in_the_window_and_a_stale_save_is_a_conflict(
        qtbot: QtBot, window: MainWindow, pg_sample_url: str, tmp_path: Path) -> None:
    from gui.forms.dialog import EditorDialog

    window.watch.setInterval(50)
    chung, version = _chung(pg_sample_url)
    window.open_record("person", chung)
    qtbot.waitUntil(lambda: window.current_page().detail.title() == "Nguyễn Đức Chung")
    # A colleague's save on another connection shows here without any action.
    with open_catalog(pg_sample_url) as colleague:
        ops.update(colleague, RecordKind.PERSON, chung, {"honorific": "H.E."},
                   expected_version=version)
    qtbot.waitUntil(lambda: "H.E." in window.current_page().detail.texts(), timeout=5_000)
    # I start editing; the colleague saves again first; my save meets the conflict dialog.
    window.menus.edit_action.trigger()
    dialog = next(d for d in window.findChildren(EditorDialog) if d.isVisible())
    _id, version = _chung(pg_sample_url)
    with open_catalog(pg_sample_url) as colleague:
        ops.update(colleague, RecordKind.PERSON, chung, {"email": "office@hanoi.gov.vn"},
                   expected_version=version)
    shown: list[str] = []

    def answer() -> None:  # the real conflict dialog, answered "cancel" once it shows
        modal = QApplication.activeModalWidget()
        if isinstance(modal, ConflictDialog) and modal.isVisible():
            shown.append(" ".join(label.text() for label in modal.findChildren(QLabel)))
            modal.grab().save(str(tmp_path / "conflict.png"))
            modal.reject()
        else:
            QTimer.singleShot(10, answer)

    QTimer.singleShot(0, answer)
    email = dialog.form.findChild(QLineEdit, "edit_email")
    assert email is not None
    email.setText("chung@hanoi.gov.vn")
    dialog.form.save()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "office@hanoi.gov.vn" in shown[0] and "chung@hanoi.gov.vn" in shown[0]
    with open_catalog(pg_sample_url) as catalog, catalog.read_session() as session:
        person = session.get(Person, chung)
        assert person is not None and person.email == "office@hanoi.gov.vn"

    def discard() -> None:  # closing the editor asks about the unsaved edit: discard it
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox) and modal.isVisible():
            modal.button(QMessageBox.StandardButton.Discard).click()
        else:
            QTimer.singleShot(10, discard)

    QTimer.singleShot(0, discard)
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def _answer_server_backup_box(button: str, seen: list[str], shot: Path) -> None:
    """Read the server-backup message when it shows, save a picture, press *button*."""
    modal = QApplication.activeModalWidget()
    if isinstance(modal, QMessageBox) and modal.objectName() == "serverBackupMessage" \
            and modal.isVisible():
        seen.append(f"{modal.windowTitle()}\n{modal.text()}\n{modal.informativeText()}")
        modal.grab().save(str(shot))
        if button == "export":
            found = modal.findChild(QPushButton, "exportButton")
            assert found is not None
            found.click()
        else:
            modal.button(QMessageBox.StandardButton.Close).click()
    else:
        QTimer.singleShot(10, lambda: _answer_server_backup_box(button, seen, shot))


def test_back_up_on_a_server_says_it_is_the_servers_job_and_offers_export(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from gui.interchange.export_dialog import ExportDialog

    backup_action, restore_action = window.menus.backup_action, window.menus.restore_action
    assert backup_action.isEnabled() and restore_action.isEnabled()  # not silently greyed
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_server_backup_box("close", seen, tmp_path / "r.png"))
    restore_action.trigger()
    assert seen and "Only whoever runs the server can restore it" in seen[0]
    assert "liaison export json" in seen[0] and "File > Export" in seen[0]
    assert not any(d.isVisible() for d in window.findChildren(ExportDialog))

    seen.clear()
    QTimer.singleShot(0, lambda: _answer_server_backup_box("export", seen, tmp_path / "b.png"))
    backup_action.trigger()
    assert seen and "Its backups are the server's job" in seen[0] and "pg_dump" in seen[0]
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ExportDialog)))
    for dialog in window.findChildren(ExportDialog):
        dialog.reject()

    seen.clear()
    with i18n.using("vi"):
        QTimer.singleShot(0, lambda: _answer_server_backup_box("close", seen,
                                                               tmp_path / "vi.png"))
        backup_action.trigger()
    assert seen and "Việc sao lưu do máy chủ đảm nhiệm" in seen[0] and "pg_dump" in seen[0]
    assert "liaison export json" in seen[0]


def test_a_read_only_login_opens_a_window_with_the_banner_saying_why(
        qtbot: QtBot, pg_server: PgServer, pg_sample_url: str, tmp_path: Path) -> None:
    database = pg_sample_url.rsplit("/", 1)[1]
    reader = f"visitor_{database}"
    pg_server.sql(database, f"CREATE ROLE {reader} LOGIN")
    pg_server.sql(database, f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}")
    url = pg_server.url(database, user=reader, scheme="postgres")
    win = open_window(qtbot, url, settings_in(tmp_path))  # type: ignore[arg-type]
    try:
        banner = win.read_only_banner
        assert banner.isVisibleTo(win)
        assert f"your database login {reader} may only read" in banner.label.text()
        assert not win.menus.edit_action.isEnabled() and not win.menus.new_action.isEnabled()
        assert win.panels[RecordKind.PERSON].count_label.text() == "18 people"
        win.grab().save(str(tmp_path / "read-only.png"))
    finally:
        close_window(win)
