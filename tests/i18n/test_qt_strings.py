"""Qt's own words (OK, Cancel, context menus) in Vietnamese, from our compiled catalog."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from db import i18n
from gui import language

LRELEASE = Path(__import__("PySide6").__file__).with_name("lrelease")


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    translator = language.apply(qapp, "vi")
    yield
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    language.apply(qapp, "en")


@pytest.mark.usefixtures("vietnamese")
def test_standard_buttons_are_vietnamese(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Discard)
    qtbot.addWidget(box)
    texts = {button.text().replace("&", "") for button in box.buttons()}
    assert texts == {"Lưu", "Hủy", "Không lưu"}
    assert i18n.language() == "vi"


def test_english_keeps_qts_words(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    language.apply(qapp, "en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.buttons()[0].text().replace("&", "") == "Cancel"


def test_the_compiled_qt_catalog_is_up_to_date(tmp_path: Path) -> None:
    source = i18n.TRANSLATIONS_DIR / "qtbase_vi.ts"
    compiled = tmp_path / "qtbase_vi.qm"
    subprocess.run([str(LRELEASE), "-silent", str(source), "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == (i18n.TRANSLATIONS_DIR / "qtbase_vi.qm").read_bytes(), \
        "run `make translations`"
