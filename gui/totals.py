"""The status bar's totals: "100,000 people · 5,000 organisations · …".

Read on the worker when a catalog opens, and again only when an operation
created or deleted a record of a counted kind (an edit never changes them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from db import vocabulary
from db.kinds import ChangeAction, RecordKind

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.ops import Result
    from gui.worker import Worker

COUNTED = (RecordKind.PERSON, RecordKind.ORGANISATION, RecordKind.DELEGATION, RecordKind.EVENT)


class TotalsLabel(QLabel):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._worker = worker

    def load(self, catalog: Catalog) -> None:
        def job() -> dict[str, int]:
            from db import registry

            with catalog.read_session() as session:
                return registry.counts(session)

        self._worker.submit(job, self._show)

    def follow(self, catalog: Catalog, result: Result) -> None:
        if any(c.kind in COUNTED and c.action != ChangeAction.UPDATE for c in result.changes):
            self.load(catalog)

    def _show(self, counts: dict[str, int]) -> None:
        self.setText(" · ".join(vocabulary.count(kind, counts[kind.value]) for kind in COUNTED))
