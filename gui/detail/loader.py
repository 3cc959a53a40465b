"""Loads the record a section's detail pane shows, on the worker, and keeps it current.

Opening a record asks the worker for its read objects (``db.detail_reads``)
and renders them when they arrive, dropping answers overtaken by a newer
request. After an edit, :meth:`DetailLoader.follow` reloads the pane only
when the operation touched a record the pane shows; the list beside it is
left alone (its selection and scroll position stay where they are).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from db.i18n import _
from db.kinds import RecordKind
from gui.changes import touches

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.detail_reads import Loaded
    from db.ops import Result
    from gui.detail.pane import DetailPane
    from gui.worker import Worker


class DetailLoader(QObject):
    vanished = Signal(str, int)  # the record asked for no longer exists
    arrived = Signal(object)  # db.detail_reads.Loaded: the record now shown

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._ticket = 0
        self.shown: Loaded | None = None
        self._asked: tuple[DetailPane, str, int] | None = None

    def clear(self) -> None:
        self._ticket += 1
        self.shown = None
        self._asked = None

    def load(self, catalog: Catalog, pane: DetailPane, kind: str, record_id: int) -> None:
        """Show the record in *pane* once read; a newer request cancels this one."""
        self._asked = (pane, kind, record_id)
        ticket = self._ticket = self._ticket + 1

        def job() -> Loaded | None:
            from db import detail_reads

            with catalog.read_session() as session:
                return detail_reads.load(session, kind, record_id)

        self._worker.submit(
            job, lambda loaded: self._arrived(ticket, pane, kind, record_id, loaded),
            lambda error: self._failed(ticket, pane, error))

    def shown_record(self) -> tuple[RecordKind, int, int, str] | None:
        """(kind, id, version, label) of the record shown: what Edit, Delete and Print act on."""
        loaded = self.shown
        if loaded is None:
            return None
        view = loaded.view
        label = getattr(view, "display_name", None) or getattr(view, "title", None) or getattr(
            view, "name", None) or f"{view.city_a.label} – {view.city_b.label}"
        return RecordKind(loaded.kind), view.id, view.version, str(label)

    def follow(self, catalog: Catalog, result: Result) -> bool:
        """Reload the shown record if *result* touched it; True when it reloads."""
        if self.shown is None or self._asked is None:
            return False
        if not touches(result, self.shown.records):
            return False
        pane, kind, record_id = self._asked
        self.load(catalog, pane, kind, record_id)
        return True

    def _arrived(self, ticket: int, pane: DetailPane, kind: str, record_id: int,
                 loaded: Loaded | None) -> None:
        if ticket != self._ticket:
            return
        if loaded is None:
            self.shown = None
            pane.placeholder(_("This record no longer exists."))
            self.vanished.emit(kind, record_id)
            return
        from gui.detail import render

        self.shown = loaded
        scrolled = pane.verticalScrollBar().value() if pane.shown == (
            loaded.kind, loaded.view.id) else 0
        render.render(pane.builder(loaded.kind, loaded.view.id), loaded)
        pane.verticalScrollBar().setValue(scrolled)  # a reload keeps the reader's place
        self.arrived.emit(loaded)

    def _failed(self, ticket: int, pane: DetailPane, error: Exception) -> None:
        if ticket == self._ticket:
            pane.placeholder(_("Could not load: {error}").format(error=error))
