"""What every form needs from the window: where edits go, reads, and who answers questions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gui.forms.lookup import Lookup
from gui.forms.prompts import Prompts
from gui.undo import Editing, Runner, run_here

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QUndoStack

    from db.catalog import Catalog


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
                    run: Runner = run_here) -> FormContext:
        """A context with its own :class:`gui.undo.Editing`. The window passes a *run*
        that puts every save, undo and redo on its database worker."""
        editing = Editing(catalog, stack, parent, run=run)
        context = cls(editing, Lookup(catalog), prompts or Prompts())
        editing.changed.connect(lambda _result: context.lookup.forget())
        return context
