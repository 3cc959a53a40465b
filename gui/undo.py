"""Undoable edits: every save, create and delete is one ``QUndoCommand`` over ``db.ops``.

A command is applied once *before* it is pushed (:meth:`Editing.push`), so a
refused save (validation, a stale version) raises to the form that asked and
never reaches the stack. Undo and redo are operations like any other: version
checked, one transaction each, and they restore ids exactly (a deleted record
comes back from its tombstone with the same id, owned rows and citations
included). When an undo or redo is refused because the catalog moved on (another
window or another app saved the record since), nothing is overwritten: the
command leaves the stack and :attr:`Editing.failed` says why.

Each step runs through the Editing's runner: in the window that is the database
worker (``Worker.call``: the GUI keeps painting while the transaction runs), in
scripts and tests the calling thread. Each step reports the ``db.ops.Result`` it
produced, and the change router refreshes exactly the records that changed::

    editing = Editing(catalog, parent=window, run=worker.call)
    editing.changed.connect(router.route)          # db.ops.Result -> the views it concerns
    editing.failed.connect(window.show_problem)    # one sentence for the user
    menu.addAction(editing.stack.createUndoAction(window, "&Undo"))   # "Undo Edit Nguyễn Đức Chung"
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from db.i18n import N_, _
from db.vocabulary import noun

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.models import RecordKind
    from db.ops import Draft, Result, Tombstone

ResultCallback = Callable[["Result"], None]
ErrorCallback = Callable[[str], None]
#: Runs one step (a db.ops transaction) and returns its result: on the database worker
#: in the window (``Worker.call``), directly in scripts and tests.
Runner = Callable[[Callable[[], "Result"]], "Result"]


def run_here(step: Callable[[], Result]) -> Result:
    return step()

_LABEL_LENGTH = 48
# The words of a command, whole, so each language orders them its own way.
_COMMANDS = {"Create": N_("Create {label}"), "Edit": N_("Edit {label}"),
             "Delete": N_("Delete {label}")}
_FAILURES = {"undo": N_("Could not undo “{command}”: {error}"),
             "redo": N_("Could not redo “{command}”: {error}")}


def short(label: str, length: int = _LABEL_LENGTH) -> str:
    """A record's name cut to fit a menu item: "EU World Cities delegation to Hanoi…"."""
    label = " ".join(label.split())
    return label if len(label) <= length else label[: length - 1].rstrip() + "…"


def command_text(verb: str, label: str) -> str:
    """The command's text, then (after a newline, as QUndoCommand reads it) the menu text
    with ``&`` doubled: "Undo Edit AT&T" must not turn the T into a keyboard mnemonic."""
    template = _COMMANDS.get(verb)
    text = _(template).format(label=short(label)) if template else f"{verb} {short(label)}"
    return f"{text}\n{text.replace('&', '&&')}"


def refusals() -> tuple[type[Exception], ...]:
    """Errors that mean "this step was refused, nothing changed" (the transaction rolled back)."""
    from db.write_errors import REFUSALS

    return REFUSALS


def unchanged_since(catalog: Catalog, state: Draft | None) -> Draft:
    """The record as the catalog holds it now, provided its content is still *state*.

    Undo and redo check content, not version numbers: undoing a later step puts the
    record back as it was but with a newer version. Anything else that changed it
    (another window, another copy of the app) refuses the step; the versions of the
    returned draft then guard the write against a change made in the meantime.
    """
    from db import ops

    assert state is not None and state.id is not None and state.version is not None
    with catalog.read_session() as session:
        current = ops.load_draft(session, state.kind, state.id)
    if current is None:
        raise ops.NotFoundError(
            _("This {record} was deleted elsewhere.").format(record=noun(state.kind)))
    if not ops.same_content(current, state):
        raise ops.StaleVersionError(state.kind, state.id, state.version,
                                    current.version or 0)
    return current


class OperationCommand(QUndoCommand):
    """Base: an operation applied by :meth:`perform`, undone and redone by the stack."""

    def __init__(self, catalog: Catalog, text: str, on_changed: ResultCallback | None = None,
                 on_error: ErrorCallback | None = None) -> None:
        super().__init__(text)
        self._catalog = catalog
        self._run: Runner = run_here
        self._on_changed = on_changed
        self._on_error = on_error
        self._skip_redo = False
        self.result: Result | None = None

    def run_with(self, run: Runner) -> None:
        """Run every step of this command through *run* (the window's database worker)."""
        self._run = run

    # Subclasses implement the two steps; each runs one db.ops transaction.
    def _apply(self) -> Result:
        raise NotImplementedError

    def _revert(self) -> Result:
        raise NotImplementedError

    def perform(self) -> Result:
        """The first application; raises ``db.ops.OperationError`` when refused."""
        result = self._run(self._apply)
        self._skip_redo = True
        self._report(result)
        return result

    def redo(self) -> None:
        if self._skip_redo:  # QUndoStack.push calls redo(); perform() already applied it
            self._skip_redo = False
            return
        self._guarded(self._apply, "redo")

    def undo(self) -> None:
        self._guarded(self._revert, "undo")

    def _guarded(self, step: Callable[[], Result], verb: str) -> None:
        try:
            result = self._run(step)
        except refusals() as exc:
            from db.write_errors import refusal_message

            # The stack drops an obsolete command: it cannot be undone or redone again,
            # and the catalog keeps what the other window saved.
            self.setObsolete(True)
            if self._on_error is not None:
                self._on_error(_(_FAILURES[verb]).format(command=self.text(),
                                                          error=refusal_message(exc)))
            return
        self._report(result)

    def _report(self, result: Result) -> None:
        self.result = result
        if self._on_changed is not None:
            self._on_changed(result)


class SaveCommand(OperationCommand):
    """Create a record (``before`` is None) or edit one, with the parts it owns.

    ``after`` is what the form holds; ``before`` the state it was loaded from (its
    versions are checked). Undo puts ``before`` back; rows the save deleted come back
    from their tombstones with their ids, rows it created are removed.
    """

    def __init__(self, catalog: Catalog, before: Draft | None, after: Draft, text: str,
                 on_changed: ResultCallback | None = None,
                 on_error: ErrorCallback | None = None) -> None:
        super().__init__(catalog, text, on_changed, on_error)
        self._before = before
        self._after = after
        self._graveyard: dict[tuple[RecordKind, int], Tombstone] = {}
        self._saved: Draft | None = None  # the record as saved (ids, versions)
        self._reverted: Draft | None = before  # the record as the last undo left it
        # Records made for the form's pickers ("Create new city “Huế”"): part of this step.
        self._made: tuple[tuple[RecordKind, int], ...] = ()

    @property
    def state(self) -> Draft | None:
        """The record as this command last saved it; None before the first save."""
        return self._saved

    @property
    def kind(self) -> RecordKind:
        return self._after.kind

    def _apply(self) -> Result:
        from db import ops

        if self._saved is None:  # the first time: against the state the form loaded
            saved = ops.save(self._catalog, self._after, self._before, self._graveyard)
        else:  # redo: bring back exactly what was saved, ids included
            expected = (None if self._before is None
                        else unchanged_since(self._catalog, self._reverted))
            saved = ops.save(self._catalog, self._saved, expected, self._graveyard,
                             revive=self._made)
        self._graveyard, self._saved, self._made = saved.graveyard, saved.state, saved.made
        return saved.result

    def _revert(self) -> Result:
        from db import ops

        assert self._saved is not None and self._saved.id is not None
        current = unchanged_since(self._catalog, self._saved)
        discard = tuple(reversed(self._made))  # what refers to them goes first
        if self._before is None:
            graveyard = dict(self._graveyard)
            with ops.transaction(self._catalog) as tx:
                graveyard[(self.kind, self._saved.id)] = tx.remove(
                    self.kind, self._saved.id, expected_version=current.version)
                for kind, made_id in discard:
                    graveyard[(kind, made_id)] = tx.remove(kind, made_id, expected_version=None)
            assert tx.result is not None
            self._graveyard = graveyard
            return tx.result
        saved = ops.save(self._catalog, self._before, current, self._graveyard, discard=discard)
        self._graveyard, self._reverted = saved.graveyard, saved.state
        return saved.result


class EditCommand(SaveCommand):
    """``EditCommand(catalog, before, after, "Edit Nguyễn Đức Chung", on_changed)``."""

    def __init__(self, catalog: Catalog, before: Draft, after: Draft, text: str,
                 on_changed: ResultCallback | None = None,
                 on_error: ErrorCallback | None = None) -> None:
        super().__init__(catalog, before, after, text, on_changed, on_error)


class CreateCommand(SaveCommand):
    """``CreateCommand(catalog, draft, "Create Bruno Angelet", on_changed)``; undo deletes
    the new record, redo brings it back with the same id."""

    def __init__(self, catalog: Catalog, draft: Draft, text: str,
                 on_changed: ResultCallback | None = None,
                 on_error: ErrorCallback | None = None) -> None:
        super().__init__(catalog, None, draft, text, on_changed, on_error)


class DeleteCommand(OperationCommand):
    """Delete a record with what it owns; undo restores all of it with the same ids."""

    def __init__(self, catalog: Catalog, kind: RecordKind, record_id: int, version: int | None,
                 text: str, on_changed: ResultCallback | None = None,
                 on_error: ErrorCallback | None = None) -> None:
        super().__init__(catalog, text, on_changed, on_error)
        self.kind, self.record_id, self._version = kind, record_id, version
        self.tombstone: Tombstone | None = None
        self._state: Draft | None = None  # the record as it was deleted

    def _apply(self) -> Result:
        from db import ops

        version = self._version
        if self._state is not None:  # redo: the record must be as it was deleted
            version = unchanged_since(self._catalog, self._state).version
        else:
            with self._catalog.read_session() as session:
                self._state = ops.load_draft(session, self.kind, self.record_id)
        result, self.tombstone = ops.remove(self._catalog, self.kind, self.record_id,
                                            expected_version=version)
        return result

    def _revert(self) -> Result:
        from db import ops

        assert self.tombstone is not None
        return ops.restore(self._catalog, self.tombstone)


class Editing(QObject):
    """One window's editing: its undo stack, and where results and refusals go.

    Forms and the delete action push their commands here; the window listens to
    :attr:`changed` (a ``db.ops.Result``) to refresh what changed and to
    :attr:`failed` for undo/redo steps the catalog refused.
    """

    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, catalog: Catalog, stack: QUndoStack | None = None,
                 parent: QObject | None = None, run: Runner = run_here) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.stack = stack if stack is not None else QUndoStack(self)
        self._run = run

    def _changed(self, result: Result) -> None:
        self.changed.emit(result)

    def _failed(self, message: str) -> None:
        self.failed.emit(message)

    @property
    def read_only(self) -> bool:
        return bool(getattr(self.catalog, "read_only", False))

    def push(self, command: OperationCommand) -> Result:
        """Apply *command* and put it on the stack; a refusal raises and pushes nothing."""
        command.run_with(self._run)
        result = command.perform()
        self.stack.push(command)
        return result

    def save(self, before: Draft | None, after: Draft, text: str | None = None) -> SaveCommand:
        """Create or edit; returns the command (``command.state`` is the saved record)."""
        from db.ops import values_label

        verb = "Create" if before is None else "Edit"
        label = text or command_text(verb, values_label(after.kind, {
            **(before.values if before else {}), **after.values}))
        command = SaveCommand(self.catalog, before, after, label, self._changed, self._failed)
        self.push(command)
        return command

    def delete(self, kind: RecordKind, record_id: int, version: int | None,
               label: str) -> DeleteCommand:
        command = DeleteCommand(self.catalog, kind, record_id, version,
                                command_text("Delete", label), self._changed, self._failed)
        self.push(command)
        return command


__all__ = ["CreateCommand", "DeleteCommand", "EditCommand", "Editing", "OperationCommand",
           "SaveCommand", "command_text", "short"]
