"""Bringing a file in: read, map, check every row, write all at once or nothing.

The import is one :func:`db.ops.transaction`, taken after a backup
(``db.backup.before_bulk_change``), so it is one step to undo and a failure
half-way leaves the catalog as it was. On a file, the write lock is taken only
when the checked rows are written (see :func:`run`), so colleagues' saves are
not held up while a large file is read and checked. Each row runs in a savepoint: a row
that ``db.ops`` refuses (the same rules a form obeys) is rolled back alone and
reported with its row number, column and message. If any row was refused,
nothing is written unless the user chose to skip bad rows; ``dry_run`` reports
the same without writing. Matching rows to records already in the catalog is
the job of :mod:`~db.interchange.people` and :mod:`~db.interchange.records`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import ops
from db.catalog import Catalog
from db.catalog.activity import announce
from db.catalog.errors import CatalogBusyError
from db.i18n import N_
from db.interchange.people import FlushFirst, NeedsReview, People
from db.interchange.resolve import Resolver, RowError
from db.interchange.rows import CellError, Incoming, typed
from db.models import TABLES, ChangeAction, RecordKind
from db.said import Said, say


@dataclass(frozen=True)
class Issue:
    """One line of the row-level report."""

    row: int
    column: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        """The issue for ``--json``: the message in the current language, and its ``code``
        (the English template) for scripts that must not depend on the words."""
        return {"row": self.row, "column": self.column, "message": str(self.message),
                "code": getattr(self.message, "code", None)}

    def __str__(self) -> str:
        if self.column:
            return say(N_("row {row}, {column}: {message}"), row=self.row, column=self.column,
                       message=self.message)
        return say(N_("row {row}: {message}"), row=self.row, message=self.message)


@dataclass
class Batch:
    """Rows of one kind, in file order."""

    kind: RecordKind
    rows: list[Incoming]


@dataclass(frozen=True)
class Undo:
    """What one import did, so the app can take it back as one step."""

    created: tuple[tuple[RecordKind, int], ...]
    before: tuple[tuple[RecordKind, int, dict[str, Any]], ...]
    versions: dict[tuple[RecordKind, int], int]


@dataclass
class Report:
    """What an import did (or, for a dry run or a refused file, would have done)."""

    rows: int = 0
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: int = 0  # rows that matched a record and changed nothing
    errors: list[Issue] = field(default_factory=list)
    review: list[Issue] = field(default_factory=list)
    notices: list[Issue] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False
    backup: str | None = None
    result: ops.Result | None = None
    undo: Undo | None = None

    @property
    def bad_rows(self) -> list[int]:
        return sorted({issue.row for issue in self.errors})

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows, "written": self.written, "dry_run": self.dry_run,
            "created": dict(self.created), "updated": dict(self.updated),
            "unchanged": self.unchanged, "bad_rows": self.bad_rows,
            "errors": [i.as_dict() for i in self.errors],
            "review": [i.as_dict() for i in self.review],
            "notices": [i.as_dict() for i in self.notices], "backup": self.backup,
        }


class _Discard(Exception):
    """Raised inside the transaction to roll everything back (dry run, refused rows)."""


Applier = Callable[[Incoming], str]


def _type_row(kind: RecordKind, row: Incoming) -> list[Issue]:
    problems: list[Issue] = []
    for name, value in list(row.values.items()):
        try:
            row.values[name] = typed(kind, name, value)
        except CellError as exc:
            problems.append(Issue(row.number, row.column(name), _message(exc)))
            del row.values[name]
    return problems


def _message(exc: Exception) -> str:
    """What *exc* says, kept as the :class:`~db.said.Said` it was raised with (its code
    goes into ``--json``)."""
    said = exc.args[0] if len(exc.args) == 1 else None
    return said if isinstance(said, Said) else str(exc)


def _column_of(row: Incoming, kind: RecordKind, field_name: str) -> str:
    """The header a db.ops field error belongs to (``city_id`` came from column ``City``)."""
    for name in (field_name, field_name.removesuffix("_id")):
        if name in row.columns:
            return row.columns[name]
    if kind == RecordKind.PERSON and field_name in ("family_name", "given_names"):
        return row.columns.get("full_name", field_name)
    return field_name


def run(catalog: Catalog, batches: list[Batch], *, dry_run: bool = False,
        skip_bad_rows: bool = False, backup: bool = True, notices: list[Issue] | None = None,
        actor: str | None = None, batched: bool = True) -> Report:
    """Bring the rows in (see the module docstring); the report says what happened.

    *batched* (the default) writes new people in bulk (:meth:`People.flush`); without
    it every record is one ``db.ops`` create, which gives the same catalog, slower.
    """
    backup_path = None
    if not dry_run and backup:
        info = _backup(catalog)
        backup_path = str(info) if info is not None else None
    # On a file, the rows are read, checked and matched before the write lock is taken
    # (late_lock): a colleague's save waits only while the checked rows are written. If
    # a colleague saved meanwhile, what was read is stale: the import is read again,
    # this time holding the lock from the start (SQLite refuses a stale writer).
    # A colleague whose save waits too long is told it is this import (db.catalog.activity).
    with announce(catalog.path if not dry_run else None, "import"):
        for late_lock in ((True, False) if catalog.is_sqlite else (False,)):
            fresh = [Batch(b.kind, [Incoming(r.number, dict(r.values), dict(r.columns))
                                    for r in b.rows]) for b in batches]
            try:
                report = _attempt(catalog, fresh, dry_run=dry_run,
                                  skip_bad_rows=skip_bad_rows, notices=notices, actor=actor,
                                  batched=batched, late_lock=late_lock)
            except CatalogBusyError:
                if not late_lock:
                    raise
                continue
            report.backup = backup_path
            return report
    raise AssertionError("unreachable: the last attempt returns or raises")


def _attempt(catalog: Catalog, batches: list[Batch], *, dry_run: bool, skip_bad_rows: bool,
             notices: list[Issue] | None, actor: str | None, batched: bool,
             late_lock: bool) -> Report:
    """One pass over the rows in one transaction (see :func:`run`)."""
    from db.interchange.records import Records

    report = Report(dry_run=dry_run, notices=list(notices or []))
    report.rows = sum(len(b.rows) for b in batches)
    try:
        with ops.transaction(catalog, actor=actor, late_lock=late_lock) as tx:
            resolver = Resolver(tx)
            people = People(tx, resolver, batched=batched)
            for batch in batches:
                resolver.defer = False  # People.apply plans what its rows name
                apply: Applier = (people.apply if batch.kind == RecordKind.PERSON
                                  else Records(tx, resolver, batch.kind).apply)
                for row in batch.rows:
                    _one_row(tx, resolver, people, batch.kind, row, apply, report)
                people.flush()  # later kinds find these people in the catalog
            count_changes(report, tx.changes)
            if dry_run or (report.errors and not skip_bad_rows):
                raise _Discard
    except _Discard:
        return report
    report.written = True
    report.result = tx.result
    report.undo = _undo_of(tx.result, resolver.before)
    return report


def _one_row(tx: ops.Transaction, resolver: Resolver, people: People, kind: RecordKind,
             row: Incoming, apply: Applier, report: Report) -> None:
    problems = _type_row(kind, row)
    if problems:
        report.errors.extend(problems)
        return
    while True:
        mark, waiting = len(tx.changes), (*people.waiting.mark(), len(resolver.planned))
        savepoint = tx.session.begin_nested()
        try:
            outcome = apply(row)
        except FlushFirst:  # outside the row's savepoint: earlier rows are not its to undo
            savepoint.rollback()
            _forget(tx, resolver, people, mark, waiting)
            people.flush()
            continue
        except (NeedsReview, RowError, ops.OperationError) as exc:
            savepoint.rollback()
            _forget(tx, resolver, people, mark, waiting)
            if isinstance(exc, NeedsReview):
                report.review.append(Issue(row.number, None, _message(exc)))
            else:
                report.errors.extend(_issues(row, exc))
            return
        savepoint.commit()
        if outcome == "unchanged":
            report.unchanged += 1
        return


def _issues(row: Incoming, exc: Exception) -> list[Issue]:
    """The report lines of a refused row: one per field ``db.ops`` named."""
    if isinstance(exc, RowError):
        return [Issue(row.number, row.column(exc.field) if exc.field else None, _message(exc))]
    if isinstance(exc, ops.ValidationError):
        return [Issue(row.number, _column_of(row, exc.kind, name), message)
                for name, message in exc.errors.items()]
    return [Issue(row.number, None, _message(exc))]


def count_changes(report: Report, changes: list[ops.Change]) -> None:
    """Records created and updated, by kind (organisations a contact list brought too)."""
    created = {(c.kind, c.id) for c in changes if c.action == ChangeAction.CREATE}
    updated = {(c.kind, c.id) for c in changes if c.action == ChangeAction.UPDATE} - created
    report.created = Counter(kind.value for kind, _id in created)
    report.updated = Counter(kind.value for kind, _id in updated)


def _forget(tx: ops.Transaction, resolver: Resolver, people: People, mark: int,
            waiting: tuple[int, int, int]) -> None:
    """Take a rolled-back row's changes out of the transaction's account and the caches."""
    created: dict[RecordKind, set[int]] = {}
    for change in tx.changes[mark:]:
        if change.action == ChangeAction.CREATE:
            created.setdefault(change.kind, set()).add(change.id)
    del tx.changes[mark:]
    for kind, ids in created.items():
        resolver.forget(kind, ids)
    resolver.forget_planned(waiting[2])
    people.forget(created.get(RecordKind.PERSON, set()), waiting[:2])


def _backup(catalog: Catalog) -> Path | None:
    from db.backup import before_bulk_change

    info = before_bulk_change(catalog, "import")
    return None if info is None else Path(info.path)


def _undo_of(result: ops.Result | None,
             before: dict[tuple[RecordKind, int], dict[str, Any]]) -> Undo:
    assert result is not None
    created = [(c.kind, c.id) for c in result.changes if c.action == ChangeAction.CREATE]
    made = set(created)
    versions = {(c.kind, c.id): c.version for c in result.changes}
    kept = tuple((kind, record_id, values) for (kind, record_id), values in before.items()
                 if (kind, record_id) not in made and (kind, record_id) in versions)
    return Undo(tuple(created), kept, versions)


def undo(catalog: Catalog, step: Undo, *, actor: str | None = None) -> ops.Result:
    """Take an import back: what it created is deleted, what it changed is put back.

    Refused (nothing changed) if any of those records was edited since.
    """
    with ops.transaction(catalog, actor=actor) as tx:
        for kind, record_id, values in step.before:
            tx.update(kind, record_id, values, expected_version=step.versions[(kind, record_id)])
        for kind, record_id in reversed(step.created):
            record = tx.session.get(TABLES[kind], record_id)
            if record is None:
                continue  # went with its owner (a position with its person)
            tx.remove(kind, record_id, expected_version=step.versions[(kind, record_id)])
    assert tx.result is not None
    return tx.result
