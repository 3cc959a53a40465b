"""The first window: title, the people list, lazy paging."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db import synthetic
from db.catalog import Catalog, create_catalog
from db.folding import fold
from gui import app as app_module
from gui.main_window import MainWindow
from gui.models.people import PAGE_SIZE, PeopleColumn, PeopleModel
from gui.settings import Settings


def test_window_opens_the_catalog_and_lists_people(qtbot: QtBot, sample_path: Path) -> None:
    window = MainWindow("placeholder", Settings())
    qtbot.addWidget(window)
    window.show()
    app_module.open_catalog(window, str(sample_path), default=False)
    assert window.windowTitle() == "Sample catalog — Liaison"
    model = window.people_model
    names = [model.index(r, PeopleColumn.NAME).data() for r in range(model.rowCount())]
    assert "Nguyễn Đức Chung" in names and "Bruno Angelet" in names
    assert window.status_label.text() == f"{model.total:,} people"
    assert window.catalog is not None
    window.catalog.close()


def test_a_bad_catalog_shows_a_message_not_a_crash(qtbot: QtBot, tmp_path: Path) -> None:
    junk = tmp_path / "junk.liaison"
    junk.write_text("<b>not</b> a catalog")
    window = MainWindow("junk", Settings())
    qtbot.addWidget(window)
    app_module.open_catalog(window, str(junk), default=False)
    assert window.status_label.text() == "No catalog open"
    assert junk.read_text() == "<b>not</b> a catalog"


def test_people_model_pages_lazily(qtbot: QtBot, qtmodeltester: ModelTester,
                                   tmp_path: Path) -> None:
    with create_catalog(tmp_path / "demo.liaison", sample=False) as catalog:
        synthetic.generate(catalog, people=PAGE_SIZE * 3 + 7)
        model = PeopleModel(catalog)
        assert model.rowCount() == PAGE_SIZE
        assert model.canFetchMore(QModelIndex())
        qtmodeltester.check(model)
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        assert model.rowCount() == PAGE_SIZE * 3 + 7
        sort_names = [fold(model.row_at(r).sort_name) for r in range(model.rowCount())]
        assert sort_names == sorted(sort_names)
        assert model.headerData(PeopleColumn.TITLE, Qt.Orientation.Horizontal) == "Current title"


def test_default_catalog_is_created_from_the_sample(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "data" / "Liaison" / "catalog.liaison"
    window = MainWindow("catalog", Settings())
    qtbot.addWidget(window)
    app_module.open_catalog(window, str(target), default=True)
    assert target.exists()
    assert isinstance(window.catalog, Catalog)
    assert window.people_model.total == 18
    window.catalog.close()
