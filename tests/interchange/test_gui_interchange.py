"""File > Import, File > Export and Tools > Find Duplicates in the real window."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func
from sqlmodel import col, select

from db import i18n, ops
from db.models import Country, Person, RecordKind
from gui.interchange.duplicates_dialog import DuplicatesDialog, MergeDialog
from gui.interchange.export_dialog import ExportDialog
from gui.interchange.import_dialog import ImportDialog
from tests.gui.helpers import close_window, open_window
from tests.interchange.files import write_csv, write_xlsx

SHOTS = os.environ.get("LIAISON_SCREENSHOTS")


def _people(window: object) -> int:
    catalog = window.catalog  # type: ignore[attr-defined]
    with catalog.read_session() as session:
        return int(session.execute(select(func.count()).select_from(Person)).scalar_one())


def test_import_shows_mapping_preview_and_report_before_writing(qtbot: QtBot,
                                                                sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    before = _people(window)
    path = write_xlsx(sample_path.parent / "khach.xlsx", [
        ["Họ và tên", "Chức vụ", "Cơ quan", "Email", "Ghi chú"],
        ["Phạm Thị Lan", "Giám đốc", "Sở Ngoại vụ Đà Nẵng", "lan@danang.gov.vn", "Tiệc trưa"],
        ["Lê Văn Hùng", "Phó Giám đốc", "Sở Ngoại vụ Huế", "not-an-email", ""],
        ["Ngô Bảo Châu", "Giáo sư", "Viện Toán học", "", ""],
    ], title="DANH SÁCH KHÁCH MỜI")
    window.import_file(str(path))
    dialog = window.import_dialog
    assert isinstance(dialog, ImportDialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert _people(window) == before  # nothing written yet
    headers = [dialog.mapping.item(r, 0).text() for r in range(dialog.mapping.rowCount())]
    assert headers == ["Họ và tên", "Chức vụ", "Cơ quan", "Email", "Ghi chú"]
    combo = dialog.mapping.cellWidget(0, 1)
    assert isinstance(combo, QComboBox) and combo.currentData() == "full_name"
    assert dialog.preview.rowCount() == 3
    assert dialog.preview.item(0, 1).text() == "Phạm Thị Lan"
    assert dialog.issues.item(0, 0).text() == "4" and dialog.issues.item(0, 1).text() == "Email"
    assert not dialog.import_button.isEnabled()  # a refused row: nothing until the user says
    assert dialog.skip.isVisible()
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "import-dialog.png"))
    dialog.skip.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.import_button.click()
    assert _people(window) == before + 2
    assert window.menus.undo_action.text().startswith("&Undo Import khach.xlsx") or \
        "Import khach.xlsx" in window.menus.undo_action.text()
    window.menus.undo_action.trigger()
    assert _people(window) == before
    window.menus.redo_action.trigger()
    assert _people(window) == before + 2
    close_window(window)


def test_mapping_can_be_changed_in_the_dialog(qtbot: QtBot, sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    path = write_csv(sample_path.parent / "odd.csv", [["Khách", "Hộp thư"],
                                                      ["Ngô Bảo Châu", "chau@math.ac.vn"]])
    window.import_file(str(path))
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert dialog.prepared is not None and dialog.prepared.mapping is not None
    combo = dialog.mapping.cellWidget(0, 1)
    assert isinstance(combo, QComboBox) and combo.currentData() is None
    dialog.report = None
    combo.setCurrentIndex(combo.findData("full_name"))
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert dialog.report.created["person"] == 1
    assert dialog.preview.item(0, 1).text() == "Ngô Bảo Châu"
    close_window(window)


def test_export_dialog_writes_the_chosen_format(qtbot: QtBot, sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    window.export_file()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.language.setCurrentIndex(dialog.language.findData("vi"))
    target = sample_path.parent / "people.csv"
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as signal:
        dialog.export_to(target)
    assert "people.csv" in signal.args[0]
    assert target.read_text(encoding="utf-8-sig").startswith("Danh xưng,Tên,Họ")
    close_window(window)


def test_export_dialog_names_formats_and_records_in_vietnamese(qtbot: QtBot,
                                                                sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    with i18n.using("vi"):
        window.export_file()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportDialog)
    formats = [dialog.format.itemText(i) for i in range(dialog.format.count())]
    assert formats[0] == "Sổ tính Excel (.xlsx)" and "Danh bạ: vCard (.vcf)" in formats
    kinds = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert kinds[0] == "Người" and "Organisation" not in kinds
    close_window(window)


def test_find_duplicates_and_merge_field_by_field(qtbot: QtBot, sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    assert window.catalog is not None
    with window.catalog.read_session() as session:
        korea = session.execute(select(Country).where(col(Country.code) == "KR")).scalars().one()
    twin = ops.create(window.catalog, RecordKind.PERSON, {
        "family_name": "Nguyen", "given_names": "Duc Chung", "name_order": "family_first",
        "phone": "+84 24 3825 3536", "nationality_id": korea.id}).changes[0].id
    window.find_duplicates()
    dialog = window.duplicates_dialog
    assert isinstance(dialog, DuplicatesDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=20_000)
    row = next(i for i, p in enumerate(dialog.found) if twin in (p.a_id, p.b_id))
    dialog.table.selectRow(row)
    dialog.merge_selected()
    qtbot.waitUntil(lambda: dialog.merge_dialog is not None, timeout=20_000)
    merge = dialog.merge_dialog
    assert isinstance(merge, MergeDialog)
    assert "phone" in merge.groups and merge.groups["phone"].checkedId() == 2  # first empty
    assert merge.groups["family_name"].checkedId() == 1
    # the nationality by the country's name, as the detail pane shows it, never its id
    nationality = [merge.groups["nationality_id"].button(i).text() for i in (1, 2)]
    assert nationality[1] == korea.name and str(korea.id) not in nationality
    assert merge.groups["phone"].button(2).text() == "024 3825 3536"  # as the form shows it
    if SHOTS:
        merge.grab().save(str(Path(SHOTS) / "merge-dialog.png"))
        dialog.grab().save(str(Path(SHOTS) / "duplicates-dialog.png"))
    people = _people(window)
    with qtbot.waitSignal(dialog.merged, timeout=20_000):
        merge.accept()
    assert _people(window) == people - 1
    with window.catalog.read_session() as session:
        chung = session.execute(select(Person).where(
            col(Person.given_names) == "Đức Chung")).scalars().one()
    assert chung.phone == "+842438253536"  # stored E.164 (db.phones)
    window.menus.undo_action.trigger()
    assert _people(window) == people
    close_window(window)
