"""Noticing commits made by another window or another instance of Liaison.

A timer reads the catalog's data version (a ``PRAGMA data_version`` read on
SQLite: microseconds) and says :attr:`CatalogWatch.changed` when it moved.
Our own writes are noted as they commit (:meth:`CatalogWatch.note`), so a save
in this window is never mistaken for another app's and never reloads everything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.ops import Result
    from gui.worker import Worker

# How often to look for changes committed by another window or instance.
WATCH_INTERVAL_MS = 1000


class CatalogWatch(QTimer):
    """A timer that looks at the open catalog's data version; *busy* says a write of
    ours is under way (its commit is not another app's: look again next time)."""

    changed = Signal()

    def __init__(self, busy: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setInterval(WATCH_INTERVAL_MS)
        self._busy = busy
        self._catalog: Catalog | None = None
        self._seen: int | None = None
        self.timeout.connect(self.check)

    def follow(self, catalog: Catalog) -> None:
        """Watch *catalog* from its present version on."""
        self._catalog = catalog
        self._seen = catalog.data_version()
        self.start()

    def note(self, catalog: Catalog) -> None:
        """A write of ours just committed to *catalog* (may run on the worker thread)."""
        if catalog is self._catalog:
            self._seen = catalog.data_version()

    def check(self) -> None:
        catalog = self._catalog
        if catalog is None or self._busy():
            return
        version = catalog.data_version()
        if version != self._seen:
            self._seen = version
            self.changed.emit()


def writes_on(worker: Worker, watch: CatalogWatch,
              catalog: Catalog) -> Callable[[Callable[[], Result]], Result]:
    """How *catalog*'s writes (a save, an undo, a redo) run: on the worker, the data
    version noted right after each commit, on the worker, so the watch never mistakes
    our own write for another app's and reloads everything."""
    from gui.worker import job_name

    def run(step: Callable[[], Result]) -> Result:
        def job() -> Result:
            result = step()
            watch.note(catalog)
            return result

        job.__qualname__ = job_name(step)  # timings name the step (SaveCommand._apply)
        return worker.call(job)

    return run
