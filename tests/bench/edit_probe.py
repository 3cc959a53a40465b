"""Edits one person on a catalog in the real window and reports what the refresh cost.

    python -m tests.bench.edit_probe CATALOG

Prints JSON: worker time spent by the jobs the edit caused (the save itself
excluded), how many list pages were fetched again (page 0 included), and
whether the list kept its selection and scroll position. Only public window
attributes that exist before and after the change router are used, so the same
probe measures both.
"""

from __future__ import annotations

import dataclasses
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QModelIndex, QSettings
from PySide6.QtWidgets import QApplication

ROW = 450


def main(catalog: str) -> dict[str, Any]:
    from db import ops
    from db.kinds import RecordKind
    from gui import app as app_module
    from gui.main_window import MainWindow
    from gui.settings import Settings

    qt = QApplication(sys.argv[:1])
    store = QSettings(str(Path(catalog).with_suffix(".edit-probe.ini")),
                      QSettings.Format.IniFormat)
    window = MainWindow("probe", Settings(store))
    window.show()
    app_module.open_catalog(window, catalog, default=False)
    while window.catalog is None:  # it opens on the worker
        qt.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    panel = window.panels[RecordKind.PERSON]
    model = panel.model

    def settle() -> None:
        """Wait for the worker without spinning: a busy loop here would hold the GIL
        and bill its own cost to the worker thread."""
        qt.processEvents()
        while window.worker.busy or model.loading:
            time.sleep(0.002)
            qt.processEvents()

    settle()
    for _ in range(3):
        model.fetchMore(QModelIndex())
        settle()
    person_id = model.row_at(ROW).id
    window.open_record("person", person_id)
    settle()
    panel.view.scrollTo(model.index(ROW, 0))
    qt.processEvents()
    scrolled = panel.view.verticalScrollBar().value()

    spent: list[tuple[str, float]] = []
    original_submit = window.worker.submit

    def submit(job: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[Exception], None] | None = None) -> int:
        def timed() -> Any:
            started = time.perf_counter()
            try:
                return job()
            finally:
                spent.append((job.__qualname__, time.perf_counter() - started))

        return original_submit(timed, on_done, on_error)

    window.worker.submit = submit  # type: ignore[method-assign]
    fetched: list[int] = []
    original_request = model._request

    def request(offset: int, total: int | None) -> None:
        fetched.append(offset)
        original_request(offset, total)

    model._request = request  # type: ignore[method-assign]
    assert window.forms is not None and window.catalog is not None
    costs, saves, walls = [], [], []
    for given in ("Zoltán", "Đức Anh", "Ngọc Hà"):
        with window.catalog.read_session() as session:
            before = ops.load_draft(session, RecordKind.PERSON, person_id)
        assert before is not None
        after = dataclasses.replace(before, values={**before.values, "given_names": given})
        spent.clear()
        started = time.perf_counter()
        window.forms.editing.save(before, after)
        saves.append(time.perf_counter() - started)
        settle()
        walls.append(time.perf_counter() - started)
        costs.append(sum(s for _, s in spent))
    current = panel.view.selectionModel().currentIndex()
    figures = {
        "refresh_worker_ms_min": min(costs) * 1000,
        "refresh_worker_ms_median": statistics.median(costs) * 1000,
        "refresh_jobs": [(name, round(s * 1000, 1)) for name, s in spent],
        "pages_fetched": len(fetched),
        "page0_fetched": 0 in fetched,
        "save_call_ms": statistics.median(saves) * 1000,
        "edit_to_idle_ms": statistics.median(walls) * 1000,
        "scroll_kept": panel.view.verticalScrollBar().value() == scrolled,
        "selection_kept": current.isValid() and model.row_at(current.row()).id == person_id,
    }
    window.close()
    return figures


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(main(sys.argv[1])))
