"""The safety dialogs as a user meets them: a damaged catalog, backups, read-only, network."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from db import backup, ops
from db.catalog import DamagedCatalogError, open_catalog
from db.models import RecordKind
from gui.safety import (
    BackupsDialog,
    DamageChoice,
    DamageDialog,
    ReadOnlyBanner,
    offer_restore_after_damage,
    warn_backup_failed,
    warn_network_filesystem,
)


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for page in range(2, 40, 3):
        data[page * 4096: page * 4096 + 12] = bytes(b ^ 0xA5 for b in data[page * 4096:
                                                                         page * 4096 + 12])
    path.write_bytes(bytes(data))


def _damaged_with_backups(path: Path, extra: int = 0) -> DamagedCatalogError:
    """A catalog with a backup (and *extra* later ones, each one source richer), then damage."""
    import datetime as dt

    with open_catalog(path, daily_backup=False) as catalog:
        base = dt.datetime(2025, 3, 10, 9, 0)
        backup.backup_now(catalog, "daily", now=base)
        for n in range(extra):
            ops.create(catalog, RecordKind.SOURCE, {"title": f"later {n}"})
            backup.backup_now(catalog, "before-import", now=base + dt.timedelta(days=n + 1))
    _damage(path)
    with pytest.raises(DamagedCatalogError) as caught:
        open_catalog(path)
    return caught.value


def _when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> None:
    """Act on the next modal dialog once it is showing (the call that opens it blocks)."""

    def attempt() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            QTimer.singleShot(10, attempt)
            return
        act(widget)

    QTimer.singleShot(0, attempt)


def test_damage_dialog_explains_and_offers_the_newest_backup(qtbot: QtBot,
                                                             sample_path: Path) -> None:
    error = _damaged_with_backups(sample_path)
    dialog = DamageDialog(error)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.headline.text() == "“Sample catalog.liaison” is damaged and cannot be opened."
    assert error.quarantined is not None
    assert error.quarantined.name in dialog.what_happened.text()
    assert "never write to it" in dialog.what_happened.text()
    offer = dialog.offer.text()
    assert "Monday, 10 March 2025 at 09:00" in offer
    assert "18 people, 43 organisations, 4 delegations and 10 events" in offer
    assert dialog.restore_button is not None and dialog.restore_button.isDefault()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is DamageChoice.RESTORE
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_offer_restore_puts_the_backup_back(qtbot: QtBot, sample_path: Path) -> None:
    error = _damaged_with_backups(sample_path)
    parent = QWidget()
    qtbot.addWidget(parent)

    def press_restore(widget: QWidget) -> None:
        assert isinstance(widget, DamageDialog) and widget.restore_button is not None
        widget.restore_button.click()

    _when_modal(qtbot, press_restore)
    restored = offer_restore_after_damage(parent, error)
    assert restored == sample_path
    infos = [w for w in parent.findChildren(QMessageBox) if w.isVisible()]
    assert infos and "is now the backup from Monday, 10 March 2025" in infos[0].text()
    with open_catalog(restored) as catalog:
        assert backup.record_counts(sample_path)["person"] == 18
        assert not catalog.read_only
    assert error.quarantined is not None and error.quarantined.exists()


def test_choosing_an_older_backup(qtbot: QtBot, sample_path: Path) -> None:
    error = _damaged_with_backups(sample_path, extra=2)
    assert error.backup is not None and "20250312" in error.backup.name
    steps: list[str] = []

    def choose_another(widget: QWidget) -> None:
        assert isinstance(widget, DamageDialog) and widget.choose_button is not None
        steps.append("damage dialog")
        _when_modal(qtbot, pick_oldest)
        widget.choose_button.click()

    def pick_oldest(widget: QWidget) -> None:
        if not isinstance(widget, BackupsDialog):
            QTimer.singleShot(10, lambda: pick_oldest(QApplication.activeModalWidget()))
            return
        steps.append("backups dialog")
        assert widget.table.rowCount() == 3
        assert widget.table.item(0, 0).text() == "12/03/2025 09:00"
        assert widget.table.item(2, 2).text() == "18"
        widget.table.selectRow(2)
        widget.restore_button.click()

    _when_modal(qtbot, choose_another)
    assert offer_restore_after_damage(None, error) == sample_path
    assert steps == ["damage dialog", "backups dialog"]
    assert backup.record_counts(sample_path)["source"] == 5  # the oldest: before "later 0"
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox):
            box.close()


def test_declining_restores_nothing(qtbot: QtBot, sample_path: Path) -> None:
    error = _damaged_with_backups(sample_path)

    def decline(widget: QWidget) -> None:
        assert isinstance(widget, DamageDialog)
        widget.cancel_button.click()

    _when_modal(qtbot, decline)
    assert offer_restore_after_damage(None, error) is None
    assert not sample_path.exists()


def test_no_backup_only_explains(qtbot: QtBot, sample_path: Path) -> None:
    _damage(sample_path)
    with pytest.raises(DamagedCatalogError) as caught:
        open_catalog(sample_path)
    dialog = DamageDialog(caught.value)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None and dialog.choose_button is None
    assert dialog.cancel_button.text() == "Close"
    assert "No good backup" in dialog.offer.text()


def test_backups_dialog_lists_newest_first_with_counts(qtbot: QtBot, sample_path: Path) -> None:
    backup.backup_now(sample_path, "before-import")
    dialog = BackupsDialog(sample_path)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "before import"
    assert dialog.selected() == dialog.backups[0].path
    dialog.table.clearSelection()
    assert not dialog.restore_button.isEnabled()


def test_read_only_banner(qtbot: QtBot, sample_path: Path) -> None:
    banner = ReadOnlyBanner()
    qtbot.addWidget(banner)
    with open_catalog(sample_path) as writable:
        banner.show_for(writable)
        assert banner.isHidden()
    os.chmod(sample_path, 0o444)
    try:
        with open_catalog(sample_path) as locked:
            banner.show_for(locked)
    finally:
        os.chmod(sample_path, 0o644)
    assert not banner.isHidden()
    assert banner.label.text().startswith("This catalog is read-only (the file is read-only)")


def test_network_and_backup_warnings(qtbot: QtBot, sample_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import db.catalog.network

    with open_catalog(sample_path) as local:
        assert warn_network_filesystem(None, local) is None
        assert warn_backup_failed(None, local) is None
    mounts = f"/dev/sda / ext4 rw 0 0\n//srv/ir {sample_path.parent} cifs rw 0 0"
    monkeypatch.setattr(db.catalog.network, "_mount_table", lambda: mounts)
    with open_catalog(sample_path) as shared:
        box = warn_network_filesystem(None, shared)
        assert box is not None
        qtbot.addWidget(box)
        assert "on a network drive (cifs)" in box.text() and "--database-url" in box.text()
        shared.backup_problem = "The automatic backup failed: the disk is full."
        other = warn_backup_failed(None, shared)
        assert other is not None
        qtbot.addWidget(other)
        assert "opened normally" in other.text()
