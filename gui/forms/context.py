"""What every form needs from the window: where edits go, reads, and who answers questions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gui.forms.lookup import Lookup
from gui.forms.prompts import Prompts
from gui.undo import Editing

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QUndoStack

    from db.catalog import Catalog
    from gui.worker import Worker


@dataclass
class FormContext:
    editing: Editing
    lookup: Lookup
    prompts: Prompts = field(default_factory=Prompts)

    @property
    def catalog(self) -> Catalog:
        return self.editing.catalog

    @classmethod
    def for_catalog(cls, catalog: Catalog, *, stack: QUndoStack | None = None,
                    prompts: Prompts | None = None, parent: QObject | None = None,
                    worker: Worker | None = None) -> FormContext:
        """A context with its own :class:`gui.undo.Editing`. With a *worker* (the
        window's), every save, undo and redo runs on the database thread."""
        editing = (Editing(catalog, stack, parent) if worker is None
                   else Editing(catalog, stack, parent, run=worker.call))
        context = cls(editing, Lookup(catalog), prompts or Prompts())
        editing.changed.connect(lambda _result: context.lookup.forget())
        return context
