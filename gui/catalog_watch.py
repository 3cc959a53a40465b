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

from db.i18n import _

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.ops import Result
    from gui.worker import Worker

# How often to look for changes committed by another window or instance.
WATCH_INTERVAL_MS = 1000
# A save still waiting for the file after this long says so on the status line.
WAITING_SHOWN_AFTER_MS = 700


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


def waiting_text(catalog: Catalog) -> str:
    """What the status line says while a save waits for the catalog file: whose import
    holds it, when a colleague's import does (db.catalog.activity)."""
    from db.catalog.activity import announced

    activity = announced(catalog.path)
    if activity is not None and activity.what == "import":
        return _("Waiting: {user} is importing a file into {name}… (your change is kept)"
                 ).format(user=activity.user, name=catalog.name)
    return _("Waiting for {name}: another window or program is saving…").format(
        name=catalog.name)


def writes_on(worker: Worker, watch: CatalogWatch, catalog: Catalog,
              status: Callable[[str], None] | None = None,
              ) -> Callable[[Callable[[], Result]], Result]:
    """How *catalog*'s writes (a save, an undo, a redo) run: on the worker, the data
    version noted right after each commit, on the worker, so the watch never mistakes
    our own write for another app's and reloads everything. A write still waiting for
    the file after a moment (another program holds it) is said on *status*."""
    from gui.worker import job_name

    def run(step: Callable[[], Result]) -> Result:
        def job() -> Result:
            result = step()
            watch.note(catalog)
            return result

        job.__qualname__ = job_name(step)  # timings name the step (SaveCommand._apply)
        if status is None:
            return worker.call(job)
        said: list[str] = []

        def waiting() -> None:
            said.append(waiting_text(catalog))
            status(said[-1])

        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(waiting)
        timer.start(WAITING_SHOWN_AFTER_MS)
        try:
            return worker.call(job)
        finally:
            timer.stop()
            if said:
                status("")

    return run
