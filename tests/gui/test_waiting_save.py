"""A save that waits for the catalog file says so on the status line while it waits:
whose import holds the file, when a colleague's import does, and clears it after."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db import ops
from db.catalog import engine as catalog_engine
from db.catalog import open_catalog
from db.catalog.activity import announce
from db.catalog.errors import CatalogBusyError
from db.kinds import RecordKind
from gui import catalog_watch
from gui.catalog_watch import CatalogWatch, writes_on
from gui.worker import Worker
from tests.lock_holder import write_lock_held


def test_a_waiting_save_says_whose_import_it_waits_for(
        qtbot: QtBot, sample_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_engine, "BUSY_TIMEOUT_MS", 1500)
    monkeypatch.setattr(catalog_watch, "WAITING_SHOWN_AFTER_MS", 100)
    said: list[str] = []
    worker = Worker()
    watch = CatalogWatch(lambda: worker.busy)
    with open_catalog(sample_path) as catalog:
        run = writes_on(worker, watch, catalog, said.append)
        with write_lock_held(sample_path), announce(sample_path, "import"), \
                pytest.raises(CatalogBusyError):
            run(lambda: ops.create(catalog, RecordKind.COUNTRY,
                                   {"code": "FR", "name": "France"}))
        assert said[0].startswith("Waiting: ") and "is importing a file into" in said[0]
        assert said[-1] == ""  # cleared once the save gave up
        said.clear()
        run(lambda: ops.create(catalog, RecordKind.COUNTRY, {"code": "FR", "name": "France"}))
        assert said == []  # a save that does not wait says nothing
    worker.shutdown()
