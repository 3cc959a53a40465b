"""File > Export List and Print List: exactly the rows the list shows, in its order."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pdfplumber
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db import i18n, ops
from db.models import RecordKind
from gui.interchange import list_output
from gui.main_window import MainWindow
from gui.pages.section import ListPanel
from tests.gui.helpers import close_window, open_window

SHOTS = os.environ.get("LIAISON_SHOTS")


def _shown_rows(panel: ListPanel, columns: list[int]) -> list[list[str]]:
    """The cells of the shown columns of every row the list holds (all of it: one page)."""
    model = panel.model
    assert not model.canFetchMore(model.index(-1, -1))
    return [[str(model.index(row, column).data() or "") for column in columns]
            for row in range(model.rowCount())]


def _wait(qtbot: QtBot, panel: ListPanel) -> None:
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=20_000)


def _filtered_people(qtbot: QtBot, window: MainWindow) -> ListPanel:
    """People whose names have "Nguyễn" or an "=" formula, sorted by name Z to A, with
    the nationality column hidden."""
    window.show_section("people")
    panel = window.panels[RecordKind.PERSON]
    panel.filter_edit.setText("nguyen")
    _wait(qtbot, panel)
    panel.view.sortByColumn(panel.model.column("name"), Qt.SortOrder.DescendingOrder)
    _wait(qtbot, panel)
    panel.set_column_visible(panel.model.column("nationality"), False)
    return panel


def _visible(panel: ListPanel) -> list[int]:
    header = panel.view.horizontalHeader()
    return [header.logicalIndex(v) for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))]


def test_export_list_writes_the_filtered_rows_in_the_shown_order(qtbot: QtBot,
                                                                 sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    assert window.catalog is not None
    ops.create(window.catalog, RecordKind.PERSON, {"family_name": "Nguyen",
                                                   "given_names": "=HYPERLINK(\"x\")"})
    panel = _filtered_people(qtbot, window)
    columns = _visible(panel)
    expected = _shown_rows(panel, columns)
    assert 2 <= len(expected) < 18  # filtered: some people, not all 18
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in columns]
    assert "Nationality" not in headers

    shown = list_output.shown_list(panel)
    export = list_output.ListExport(window, window.catalog, window.worker, shown)
    target = sample_path.parent / "people.xlsx"
    with qtbot.waitSignal(export.exported, timeout=20_000) as done:
        export.export_to(target)
    assert f"{len(expected)} rows" in done.args[0]
    sheet = load_workbook(target).worksheets[0]
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == headers
    formula = next(i for i, r in enumerate(expected) if r[0].startswith("=HYPERLINK"))
    expected[formula][0] = "'" + expected[formula][0]  # neutralised, as liaison export does
    assert rows[1:] == expected

    target = sample_path.parent / "people.csv"
    with qtbot.waitSignal(export.exported, timeout=20_000):
        export.export_to(target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [headers, *expected]
    close_window(window)


def test_export_list_headers_in_the_interface_language(qtbot: QtBot, sample_path: Path) -> None:
    i18n.set_language("vi")  # as the app does at start (the worker writes in it too)
    window = open_window(qtbot, sample_path)
    assert window.catalog is not None
    panel = _filtered_people(qtbot, window)
    export = list_output.ListExport(window, window.catalog, window.worker,
                                    list_output.shown_list(panel))
    target = sample_path.parent / "nguoi.csv"
    with qtbot.waitSignal(export.exported, timeout=20_000):
        export.export_to(target)
    close_window(window)
    header = target.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("Tên,") and "Quốc tịch" not in header


def test_print_list_previews_the_filtered_rows(qtbot: QtBot, sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    panel = _filtered_people(qtbot, window)
    expected = _shown_rows(panel, _visible(panel))
    window.print_list()
    preview = window.preview
    assert isinstance(preview, list_output.ListPreview)
    qtbot.waitUntil(lambda: preview.data is not None, timeout=30_000)
    assert preview.data is not None
    if SHOTS:
        preview.grab().save(str(Path(SHOTS) / "print-list-preview.png"))
        (Path(SHOTS) / "print-list.pdf").write_bytes(preview.data)
    with pdfplumber.open(io.BytesIO(preview.data)) as pdf:
        text = " ".join((page.extract_text() or "").replace("\n", " ") for page in pdf.pages)
    assert "People" in text and f"{len(expected)} rows" in text and "“nguyen”" in text
    names = [row[0] for row in expected]
    positions = [text.find(name) for name in names]
    assert -1 not in positions and positions == sorted(positions)  # all, in the shown order
    assert "Angelet" not in text  # filtered out
    preview.close()
    close_window(window)
