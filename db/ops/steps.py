"""The single-record steps of a write: create, update, relink, and the delete of rows.

Each step validates the row as it would be after the write, refuses an edit made
against a stale ``version`` (:meth:`Steps.expect_version`, the one place the version
check lives), logs the change field by field, and marks what the search index must
re-read. :class:`db.ops.unit.Transaction` adds the steps over several records
(saving a record with its parts, removing and restoring with tombstones).
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy import update as sql_update
from sqlmodel import Session

from db import search
from db.i18n import N_, format_list
from db.models import ChangeAction, ChangeLogEntry, Record, RecordKind, utcnow
from db.ops.coerce import PROTECTED, as_text, coerce, columns, derive, snapshot
from db.ops.errors import (
    NO_SUCH_RECORD,
    NotFoundError,
    OperationError,
    StaleVersionError,
    StillReferencedError,
    ValidationError,
)
from db.ops.graph import by_table, owned_rows, references
from db.ops.probe import Probe, SessionProbe, is_constraint, unique_keys
from db.ops.result import Change, Result
from db.registry import REGISTRY
from db.said import say
from db.validation import UNIQUE_MESSAGES, validate
from db.vocabulary import count, noun, said_noun


@cache
def _blank_values(kind: RecordKind) -> tuple[tuple[str, Any], ...]:
    model = REGISTRY.model(kind)
    blank = model()  # building a record costs ~1 ms (pydantic): once per kind, not per create
    return tuple((name, getattr(blank, name)) for name in columns(model) if name != "id")


def _defaults(kind: RecordKind) -> dict[str, Any]:
    """A new record's column values, for validating a create (lists copied, never shared)."""
    return {name: list(value) if isinstance(value, list) else value
            for name, value in _blank_values(kind)}


@dataclass
class Steps:
    """Steps of one operation; all are committed together or not at all."""

    session: Session
    actor: str
    operation_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    changes: list[Change] = field(default_factory=list)
    result: Result | None = None
    _dirty: dict[RecordKind, set[int]] = field(default_factory=lambda: defaultdict(set))

    # ------------------------------------------------------------ helpers

    def _model(self, kind: RecordKind) -> type[Record]:
        if kind not in REGISTRY:
            raise OperationError(f"Unknown kind of record: {kind!r}")
        return REGISTRY.model(kind)

    def _get(self, kind: RecordKind, record_id: int) -> Record:
        """The record as it is now, locked until this transaction ends.

        On a server the row lock (``SELECT ... FOR UPDATE``) makes a colleague's
        write to the same record wait for ours instead of interleaving with it;
        SQLite's write transaction already holds the whole file.
        """
        record = self.session.get(self._model(kind), record_id, with_for_update=True,
                                  populate_existing=True)
        if record is None:
            raise NotFoundError(say(NO_SUCH_RECORD, noun=said_noun(kind), id=record_id))
        return record

    def expect_version(self, kind: RecordKind, record: Record,
                       expected_version: int | None) -> None:
        """Refuse a write made against another version of *record* (None: any version).

        The check is the database's: ``UPDATE ... WHERE id = :id AND version =
        :expected`` and its row count, never only a comparison of what Python read
        (on a server a colleague's save could commit between that read and our
        write, and one of the two edits would be lost).
        """
        assert record.id is not None
        if expected_version is None:
            return
        table = self._model(kind).__table__  # type: ignore[attr-defined]
        claimed = self.session.execute(
            sql_update(table).where(table.c.id == record.id, table.c.version == expected_version)
            .values(version=table.c.version)).rowcount  # type: ignore[attr-defined]
        if claimed != 1:
            actual = self.session.execute(
                select(table.c.version).where(table.c.id == record.id)).scalar_one_or_none()
            if actual is None:
                raise NotFoundError(say(NO_SUCH_RECORD, noun=said_noun(kind), id=record.id))
            raise StaleVersionError(kind, record.id, expected_version, int(actual))

    def _prepare(self, kind: RecordKind, values: Mapping[str, Any]) -> tuple[dict[str, Any],
                                                                               dict[str, str]]:
        cols = columns(self._model(kind))
        errors: dict[str, str] = {}
        clean: dict[str, Any] = {}
        for name, value in values.items():
            if name in PROTECTED:
                continue
            if name not in cols:
                errors[name] = say(N_("{kind} has no field {field!r}."), kind=kind.value,
                                   field=name)
                continue
            clean[name] = coerce(kind, cols[name], value, errors)
        return clean, errors

    def _check(self, kind: RecordKind, row: dict[str, Any], errors: dict[str, str],
               probe: Probe | None = None, *, validated: bool = False) -> None:
        """Refuse *row* (the record as it would be after the write) if any rule fails.

        The one rule set for every write: :func:`db.validation.validate`, references
        that must exist, values that must be unique. *probe* answers the database
        questions (a batch asks them of a :class:`~db.ops.probe.BatchProbe`);
        *validated* rows (:class:`~db.ops.batch.Vetted`) passed ``validate`` already.
        """
        model = self._model(kind)
        probe = probe or SessionProbe(self.session)
        errors = {**({} if validated else validate(kind, row)), **errors}
        for name, column in columns(model).items():
            value = row.get(name)
            if value is None or name in errors:
                continue
            for fk in column.foreign_keys:
                if not probe.exists(by_table(fk.column.table.name), value):
                    errors[name] = say(N_("This refers to a record that no longer exists."))
        for names in unique_keys(model):
            constraint = is_constraint(model, names)
            if (errors if constraint else names[-1] in errors) or any(
                    row.get(n) is None for n in names):
                continue
            if probe.taken(model, names, row):
                errors[names[-1]] = say(UNIQUE_MESSAGES.get(
                    kind, N_("This record already exists.") if constraint
                    else N_("This value is already used.")))
        if errors:
            raise ValidationError(kind, errors)

    def _log(self, kind: RecordKind, record_id: int, action: ChangeAction,
             field_name: str | None = None, old: Any = None, new: Any = None) -> None:
        self.session.add(ChangeLogEntry(
            actor=self.actor, operation_id=self.operation_id, record_kind=kind.value,
            record_id=record_id, action=action.value, field=field_name,
            old_value=as_text(old), new_value=as_text(new),
        ))

    def _mark(self, kind: RecordKind, record_id: int, row: Mapping[str, Any]) -> None:
        for target, ids in search.dependents(self.session, kind, record_id, dict(row)).items():
            self._dirty[target] |= ids

    # ------------------------------------------------------------ steps

    def create(self, kind: RecordKind, values: Mapping[str, Any]) -> int:
        model = self._model(kind)
        clean, errors = self._prepare(kind, values)
        defaults = _defaults(kind)
        self._check(kind, {**defaults, **clean}, errors)
        record = model(**clean, **derive(kind, {**defaults, **clean}))
        self.session.add(record)
        self.session.flush()
        assert record.id is not None
        snap = snapshot(record)
        self._log(kind, record.id, ChangeAction.CREATE, new=json.dumps(
            {k: as_text(v) for k, v in snap.items() if k not in PROTECTED
             and v not in (None, [], "")}, ensure_ascii=False))
        for target, ids in search.dependents_of_new(kind, record.id, snap).items():
            self._dirty[target] |= ids  # nothing can quote a new record yet: no queries
        self.changes.append(Change(kind, record.id, ChangeAction.CREATE, tuple(clean),
                                   record.version))
        return record.id

    def update(self, kind: RecordKind, record_id: int, values: Mapping[str, Any], *,
               expected_version: int) -> int:
        """Apply *values*; returns the new version. Refused if the record moved on."""
        record = self._get(kind, record_id)
        self.expect_version(kind, record, expected_version)
        before = snapshot(record)
        clean, errors = self._prepare(kind, values)
        self._check(kind, {**before, **clean}, errors)
        changed = [name for name, value in clean.items() if before.get(name) != value]
        if not changed:
            return record.version
        self._mark(kind, record_id, before)
        for name in changed:
            setattr(record, name, clean[name])
            self._log(kind, record_id, ChangeAction.UPDATE, name, before.get(name), clean[name])
        for name, value in derive(kind, snapshot(record)).items():
            setattr(record, name, value)
        record.version += 1
        record.updated_at = utcnow()
        self.session.add(record)
        self.session.flush()
        self._mark(kind, record_id, snapshot(record))
        self.changes.append(Change(kind, record_id, ChangeAction.UPDATE, tuple(changed),
                                   record.version))
        return record.version

    def _delete_rows(self, kind: RecordKind, record_id: int, *,
                     expected_version: int | None) -> None:
        """The record, the rows it owns (ON DELETE CASCADE) and its own citations and
        attachments; references elsewhere are :meth:`Transaction.remove`'s job."""
        record = self._get(kind, record_id)
        self.expect_version(kind, record, expected_version)
        blocking = {what: n for what, n, mode in references(self.session, kind, record_id)
                    if mode == "RESTRICT" and n}
        if blocking:
            listing = format_list([count(REGISTRY.kind(what), n) for what, n in blocking.items()])
            raise StillReferencedError(say(
                N_("This {noun} is still used by {items}; change or delete those first."),
                noun=noun(kind), items=listing), blocking)
        for owned_kind, owned in owned_rows(self.session, kind, record_id):
            assert owned.id is not None
            self._mark(owned_kind, owned.id, snapshot(owned))
            self._log(owned_kind, owned.id, ChangeAction.DELETE,
                      old=json.dumps({k: as_text(v) for k, v in snapshot(owned).items()},
                                     ensure_ascii=False))
            self.changes.append(Change(owned_kind, owned.id, ChangeAction.DELETE, (),
                                       owned.version))
        snap = snapshot(record)
        self._mark(kind, record_id, snap)
        self._log(kind, record_id, ChangeAction.DELETE,
                  old=json.dumps({k: as_text(v) for k, v in snap.items()},
                                 ensure_ascii=False))
        for generic in (REGISTRY.model(RecordKind.CITATION), REGISTRY.model(RecordKind.ATTACHMENT)):
            for row in self.session.execute(select(generic).where(
                    generic.record_kind == kind.value,  # type: ignore[attr-defined]
                    generic.record_id == record_id)).scalars():  # type: ignore[attr-defined]
                self.session.delete(row)
        self.session.delete(record)
        self.session.flush()
        self.changes.append(Change(kind, record_id, ChangeAction.DELETE, (), record.version))

    def _touch(self, kind: RecordKind, record_id: int) -> None:
        """A new version for a record whose parts changed, so a form holding the old
        version of the whole record gets a conflict instead of overwriting them."""
        record = self._get(kind, record_id)
        record.version += 1
        record.updated_at = utcnow()
        self.session.add(record)
        self.session.flush()
        self._log(kind, record_id, ChangeAction.UPDATE)
        self.changes.append(Change(kind, record_id, ChangeAction.UPDATE, (), record.version))

    def _relink(self, kind: RecordKind, record_id: int, name: str, value: int | None) -> None:
        """Point one reference elsewhere without re-validating the rest of the row."""
        record = self._get(kind, record_id)
        before = snapshot(record)
        self._mark(kind, record_id, before)
        setattr(record, name, value)
        record.version += 1
        record.updated_at = utcnow()
        self.session.add(record)
        self.session.flush()
        self._log(kind, record_id, ChangeAction.UPDATE, name, before.get(name), value)
        self._mark(kind, record_id, snapshot(record))
        self.changes.append(Change(kind, record_id, ChangeAction.UPDATE, (name,),
                                   record.version))

    def finish(self) -> Result:
        """Bring the search index in step with every change of this transaction."""
        for kind, ids in self._dirty.items():
            search.reindex(self.session, kind, sorted(ids))
        self._dirty.clear()
        self.result = Result(self.operation_id, tuple(self.changes))
        return self.result
