"""An import and a merge as one step each on the window's undo stack.

Both are first applied on the database worker (a 10,000-row import must not
freeze the window); the command is then pushed already applied. Undo and redo
are operations like any other (``db.interchange.undo`` / ``unmerge`` / the
import or merge again), refused without changing anything when the records
were edited since.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.undo import Editing, OperationCommand, command_text

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.interchange import Prepared, Report
    from db.interchange.merge import Merged, MergeUndo
    from db.models import RecordKind
    from db.ops import Result


class ImportCommand(OperationCommand):
    def __init__(self, editing: Editing, prepared: Prepared, report: Report,
                 skip_bad_rows: bool) -> None:
        super().__init__(editing.catalog, command_text("Import", prepared.path.name),
                         editing._changed, editing._failed)
        self._prepared = prepared
        self._skip_bad_rows = skip_bad_rows
        self.report = report

    def _apply(self) -> Result:
        from db.interchange import import_prepared

        self.report = import_prepared(self._catalog, self._prepared,
                                      skip_bad_rows=self._skip_bad_rows, backup=False)
        assert self.report.result is not None
        return self.report.result

    def _revert(self) -> Result:
        from db.interchange import undo

        assert self.report.undo is not None
        return undo(self._catalog, self.report.undo)


class MergeCommand(OperationCommand):
    def __init__(self, editing: Editing, kind: RecordKind, survivor_id: int,
                 duplicate_id: int, values: dict[str, object], merged: Merged,
                 label: str) -> None:
        super().__init__(editing.catalog, command_text("Merge", label), editing._changed,
                         editing._failed)
        self._kind, self._survivor, self._duplicate = kind, survivor_id, duplicate_id
        self._values = values
        self.step: MergeUndo = merged.undo

    def _apply(self) -> Result:
        from db.interchange.merge import merge

        merged = merge(self._catalog, self._kind, self._survivor, self._duplicate,
                       self._values)
        self.step = merged.undo
        return merged.result

    def _revert(self) -> Result:
        from db.interchange.merge import unmerge

        return unmerge(self._catalog, self.step)


def push_applied(editing: Editing, command: OperationCommand, result: Result) -> None:
    """Put a command whose first application already ran (on the worker) on the stack;
    its undo and redo run through the window's worker like every other command's."""
    command.run_with(editing._run)
    command._skip_redo = True
    command._report(result)
    editing.stack.push(command)


def run_import(catalog: Catalog, prepared: Prepared, skip_bad_rows: bool) -> Report:
    """The worker's job: the import itself (after a backup)."""
    from db.interchange import import_prepared

    return import_prepared(catalog, prepared, skip_bad_rows=skip_bad_rows)
