"""The data-safety dialogs and the quick-create dialog in Vietnamese.

These are met rarely (a damaged catalog, a restore, a record a picker could not find),
which is exactly why their words must not be left in English: the walker reads their
buttons, headers and window titles, and every sentence they show.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from db.catalog import Catalog
from db.kinds import RecordKind
from gui import language
from gui.forms.context import FormContext
from gui.forms.quick_create import QuickCreateDialog
from gui.safety import BackupsDialog, DamageDialog
from tests.gui.test_safety import _damaged_with_backups
from tests.i18n.walker import english_in, looks_english


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    translator = language.apply(qapp, "vi")
    yield
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    language.apply(qapp, "en")


def _sentences(root: QWidget) -> list[str]:
    """Every label's text and the window title: the dialog's sentences, which carry
    file names (user text) inside Vietnamese words."""
    return [root.windowTitle(), *(label.text() for label in root.findChildren(QLabel)
                                  if label.text())]


@pytest.mark.usefixtures("vietnamese")
def test_the_damage_dialog_is_vietnamese(qtbot: QtBot, sample_path: Path) -> None:
    error = _damaged_with_backups(sample_path, extra=1)
    dialog = DamageDialog(error)
    qtbot.addWidget(dialog)
    assert english_in(dialog) == []
    assert [s for s in _sentences(dialog) if looks_english(s)] == []
    assert dialog.restore_button is not None
    assert dialog.restore_button.text() == "Khôi phục bản sao lưu này"
    offer = dialog.offer.text()
    assert "Thứ Ba, ngày 11 tháng 3 năm 2025 lúc 09:00" in offer
    assert "18 người" in offer and " và " in offer


@pytest.mark.usefixtures("vietnamese")
def test_the_backups_dialog_is_vietnamese(qtbot: QtBot, sample_path: Path) -> None:
    _damaged_with_backups(sample_path, extra=1)
    dialog = BackupsDialog(sample_path)
    qtbot.addWidget(dialog)
    assert english_in(dialog) == []
    assert [s for s in _sentences(dialog) if looks_english(s)] == []
    assert dialog.table.item(0, 0).text() == "11/03/2025 09:00"
    headers = [dialog.table.horizontalHeaderItem(c).text()
               for c in range(dialog.table.columnCount())]
    assert headers[:2] == ["Thời điểm", "Lý do"]


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("kind", [RecordKind.PERSON, RecordKind.ORGANISATION, RecordKind.CITY])
def test_quick_create_is_vietnamese(qtbot: QtBot, sample_catalog: Catalog,
                                    kind: RecordKind) -> None:
    dialog = QuickCreateDialog(FormContext.for_catalog(sample_catalog), kind, "Saigon Hub")
    qtbot.addWidget(dialog)
    assert dialog.create_button.text() == "Tạo"
    assert english_in(dialog) == []
    assert not looks_english(dialog.windowTitle())
