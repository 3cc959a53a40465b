"""Opens the real window on a catalog and reports list timings and memory as JSON.

    python -m tests.bench.gui_probe CATALOG [--scroll]
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QModelIndex, QSettings
from PySide6.QtWidgets import QApplication


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(catalog: str, scroll: bool) -> dict[str, float]:
    from db.kinds import RecordKind
    from gui import app as app_module
    from gui.main_window import MainWindow
    from gui.settings import Settings

    qt = QApplication(sys.argv[:1])
    store = QSettings(str(Path(catalog).with_suffix(".probe.ini")), QSettings.Format.IniFormat)
    window = MainWindow("probe", Settings(store))
    window.show()
    qt.processEvents()
    started = time.perf_counter()
    app_module.open_catalog(window, catalog, default=False)
    while window.catalog is None:  # it opens on the worker
        qt.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    model = window.panels[RecordKind.PERSON].model
    while model.rowCount() == 0:
        qt.processEvents()
    open_to_rows = time.perf_counter() - started
    # Opening People again on the open catalog: the list query and the first screenful.
    while window.worker.busy:
        qt.processEvents()
    started = time.perf_counter()
    model.reload()
    while model.rowCount() == 0:
        qt.processEvents()
    first_rows = time.perf_counter() - started
    figures = {"first_rows_ms": first_rows * 1000, "open_to_rows_ms": open_to_rows * 1000,
               "rss_first_mb": rss_mb(), "total": model.total}
    if scroll:
        view = window.panels[RecordKind.PERSON].view
        largest_step = 0
        started = time.perf_counter()
        while model.rowCount() < model.total:
            before = model.rowCount()
            view.scrollToBottom()
            while model.loading or (model.rowCount() == before
                                    and model.canFetchMore(QModelIndex())):
                if not model.loading:
                    model.fetchMore(QModelIndex())
                qt.processEvents()
            largest_step = max(largest_step, model.rowCount() - before)
        figures.update(scroll_s=time.perf_counter() - started, largest_page=largest_step,
                       rss_end_mb=rss_mb())
    window.close()
    return figures


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(main(sys.argv[1], "--scroll" in sys.argv)))
