"""The interface in Vietnamese: no English left in the window's menus or in any form."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from db.catalog import Catalog
from db.kinds import RecordKind
from gui import language
from gui.about import AboutDialog
from gui.forms import form_for
from gui.forms.context import FormContext
from gui.main_window import MainWindow
from gui.pages.section import ListPanel
from gui.preview import BriefingPreview
from gui.search_results import KIND_ROLE
from gui.settings import LANGUAGE
from gui.undo import command_text
from tests.gui.helpers import close_window, open_window, settings_in, type_text
from tests.i18n.walker import chrome_texts, english_in, english_in_detail, looks_english

FORM_KINDS = (RecordKind.PERSON, RecordKind.ORGANISATION, RecordKind.CITY,
              RecordKind.PROGRAMME, RecordKind.PAIRING, RecordKind.DELEGATION,
              RecordKind.ENGAGEMENT, RecordKind.EVENT, RecordKind.SOURCE,
              RecordKind.COOPERATION_AREA, RecordKind.COUNTRY)


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    translator = language.apply(qapp, "vi")
    yield
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    language.apply(qapp, "en")


@pytest.mark.usefixtures("vietnamese")
def test_the_window_menus_are_vietnamese(qtbot: QtBot, sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    try:
        assert window.menus.file_menu.title() == "&Tệp"
        sections = window.findChild(type(window.sections), "sections")
        assert sections is not None
        titles = [sections.item(i).text() for i in range(sections.count())]
        assert "Đoàn ra – Đoàn vào" in titles
        qtbot.waitUntil(lambda: window.totals_label.text() != "")
        assert window.totals_label.text() == "18 người · 43 cơ quan/tổ chức · 4 đoàn · 10 sự kiện"
        leftovers = [(where, text) for where, text in english_in(window)
                     if where in ("menu", "action")]
        assert leftovers == []
    finally:
        close_window(window)


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("kind", FORM_KINDS, ids=lambda k: k.value)
def test_every_form_is_vietnamese(qtbot: QtBot, sample_catalog: Catalog,
                                  kind: RecordKind) -> None:
    form = form_for(kind, FormContext.for_catalog(sample_catalog))
    qtbot.addWidget(form)
    assert english_in(form) == []


def test_choosing_a_language_says_when_it_applies(qtbot: QtBot, sample_path: Path) -> None:
    settings = settings_in(sample_path.parent)
    window = open_window(qtbot, sample_path, settings)
    told: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            told.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(10, answer)

    try:
        QTimer.singleShot(0, answer)
        window.menus.language_actions["vi"].trigger()
        assert settings.value(LANGUAGE) == "vi"
        assert told == ["Liaison sẽ dùng Tiếng Việt từ lần khởi động sau."]
        assert window.menus.language_actions["vi"].isChecked()
    finally:
        close_window(window)


def _open_and_wait(qtbot: QtBot, window: MainWindow, kind: RecordKind, heading: str) -> None:
    model = window.panels[kind].model
    row = next(r for r in range(model.rowCount())
               if heading in (model.index(r, 0).data() or ""))
    window.open_record(kind.value, model.row_at(row).id)
    qtbot.waitUntil(lambda: heading in window.current_page().detail.title(), timeout=5_000)


@pytest.mark.usefixtures("vietnamese")
def test_the_detail_pane_of_a_person_is_vietnamese(qtbot: QtBot, sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    try:
        _open_and_wait(qtbot, window, RecordKind.PERSON, "Nguyễn Đức Chung")
        pane = window.current_page().detail
        texts = pane.texts()
        assert "NGƯỜI" in texts
        assert "Cách xưng hô" in texts or "Xưng hô" in " ".join(texts)
        assert any(text.startswith("Chức vụ (") for text in texts)
        # the title's state reads in Vietnamese too: "tính đến ngày 13 tháng 6 năm 2017"
        assert any("tính đến ngày 13 tháng 6 năm 2017" in text for text in texts), texts
        assert english_in_detail(pane) == []
    finally:
        close_window(window)


@pytest.mark.usefixtures("vietnamese")
def test_the_detail_pane_of_a_delegation_is_vietnamese(qtbot: QtBot,
                                                        sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    try:
        _open_and_wait(qtbot, window, RecordKind.DELEGATION, "Hanoi (Milan")
        pane = window.current_page().detail
        qtbot.waitUntil(lambda: "Bruno Angelet" in pane.texts(), timeout=5_000)
        texts = pane.texts()
        assert any(text.startswith("Thành phần đoàn (") for text in texts)
        assert "Trưởng đoàn" in " ".join(texts)  # the head's role, from the vocabulary
        assert english_in_detail(pane) == []
    finally:
        close_window(window)


def _placeholders(root: QWidget) -> list[str]:
    return [edit.placeholderText() for edit in root.findChildren(QLineEdit)
            if edit.placeholderText()]


def _combo_texts(root: QWidget) -> list[str]:
    return [combo.itemText(i) for combo in root.findChildren(QComboBox)
            if combo.objectName().startswith("filter_") for i in range(min(combo.count(), 1))]


@pytest.mark.usefixtures("vietnamese")
def test_every_section_page_is_vietnamese(qtbot: QtBot, sample_path: Path) -> None:
    """Column headers, filters ("Mọi năm"), placeholders, counts ("18 người") and tabs."""
    window = open_window(qtbot, sample_path)
    try:
        for key, page in window.pages.items():
            window.show_section(key)
            tabs = page.findChild(QTabWidget)
            for index in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(index)
                for panel in page.findChildren(ListPanel):
                    if panel.isVisible():
                        qtbot.waitUntil(lambda panel=panel: panel.model.rowCount() > 0,
                                        timeout=10_000)
            words = [text for _, text in chrome_texts(page)]
            words += _placeholders(page) + _combo_texts(page)
            words += [panel.count_label.text() for panel in page.findChildren(ListPanel)]
            assert [text for text in words if looks_english(text)] == [], key
        assert window.panels[RecordKind.PERSON].count_label.text() == "18 người"
    finally:
        close_window(window)


@pytest.mark.usefixtures("vietnamese")
def test_the_search_popup_is_vietnamese(qtbot: QtBot, sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    try:
        assert not looks_english(window.search_box.placeholderText())
        with qtbot.waitSignal(window.search_box.searched, timeout=5_000,
                              check_params_cb=lambda q, n: n > 0):
            type_text(window.search_box, "ha")
        results = window.search_box.results
        headings = [results.index(r, 0).data() for r in range(results.rowCount())
                    if not results.index(r, 0).data(KIND_ROLE)]
        assert len(headings) > 1
        assert "Nhân vật" in headings
        assert [text for text in headings if looks_english(text)] == []
    finally:
        close_window(window)


@pytest.mark.usefixtures("vietnamese")
def test_the_briefing_preview_is_vietnamese(qtbot: QtBot, sample_catalog: Catalog) -> None:
    dialog = BriefingPreview(None, sample_catalog, "person", 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.page_count > 0, timeout=30_000)
    assert dialog.page_label.text().startswith("Trang 1 / ")
    assert "Xem trước" in dialog.windowTitle()
    assert english_in(dialog) == []


@pytest.mark.usefixtures("vietnamese")
def test_undo_texts_are_vietnamese() -> None:
    """The Edit menu reads "Hoàn tác Sửa Nguyễn Đức Chung", not "Edit Nguyễn Đức Chung"."""
    assert command_text("Edit", "Nguyễn Đức Chung").split("\n")[0] == "Sửa Nguyễn Đức Chung"
    assert command_text("Create", "AT&T").split("\n") == ["Thêm AT&T", "Thêm AT&&T"]
    assert command_text("Delete", "Hanoi").startswith("Xóa Hanoi")


@pytest.mark.usefixtures("vietnamese")
def test_the_about_box_is_vietnamese(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Giới thiệu Liaison"
    assert dialog.version_label.text().startswith("Phiên bản ")
    assert dialog.fonts_label.text().startswith("Tài liệu phục vụ được in")
    # the licence tabs are named by their files (OFL.txt), as shipped
    assert [(where, text) for where, text in english_in(dialog) if where != "tab"] == []
