"""Many new records of one kind at once: the rules of a single create, a few statements.

An import of 10,000 people through :meth:`Steps.create` costs ~3 ms of ORM work
per record (a pydantic model, a flush, a change-log object, a few lookups).
:func:`create_many` keeps every rule of that path and none of its per-record
cost:

- each row is coerced by the same :func:`db.ops.coerce.coerce` and checked by
  the same :meth:`Steps._check` (``db.validation``, references, unique values);
  only the database questions are asked once for the batch (a
  :class:`~db.ops.probe.BatchProbe`), and a value taken by an earlier row of the
  batch is refused in a later one as it would be one create after another;
- the rows go in with one ``INSERT ... RETURNING id`` (executemany), their
  change-log entries with another, written exactly as a single create writes
  them, and the search index is rebuilt for them at the end of the transaction
  like any other write.

A caller that must report a refused row before the batch is written (an import
reports row numbers as it reads) checks each row with :func:`vet` and hands the
:class:`Vetted` rows over later; a vetted row may name a record of an earlier
batch that has no id yet (a new person's position) through a *pending* field,
filled with :meth:`Vetted.linked` once that batch is in.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert

from db import search
from db.models import ChangeAction, ChangeLogEntry, Record, RecordKind, utcnow
from db.ops.coerce import PROTECTED, as_text, derive
from db.ops.errors import OperationError, RowValidationError, ValidationError
from db.ops.graph import by_table
from db.ops.probe import BatchProbe, Probe, SessionProbe
from db.ops.result import Change
from db.ops.steps import Steps, _defaults


@dataclass(frozen=True)
class Vetted:
    """A row :func:`vet` passed: column values, and the references still to be filled."""

    kind: RecordKind
    values: Mapping[str, Any]
    pending: frozenset[str] = field(default_factory=frozenset)

    def linked(self, **ids: int) -> Vetted:
        """This row with its pending references set to the ids they now have."""
        unknown = set(ids) - self.pending
        if unknown:
            raise OperationError(f"Only pending references can be linked, not {sorted(unknown)}.")
        return Vetted(self.kind, {**self.values, **ids}, self.pending - set(ids))


class _Trusting:
    """A probe that takes the pending references of a vetted row as existing."""

    def __init__(self, probe: Probe, trusted: set[tuple[type[Record], Any]]) -> None:
        self.probe = probe
        self.trusted = trusted

    def exists(self, model: type[Record], record_id: Any) -> bool:
        return (model, record_id) in self.trusted or self.probe.exists(model, record_id)

    def taken(self, model: type[Record], names: tuple[str, ...],
              row: Mapping[str, Any]) -> bool:
        return self.probe.taken(model, names, row)


def vet(steps: Steps, kind: RecordKind, values: Mapping[str, Any], *,
        pending: frozenset[str] = frozenset(), probe: Probe | None = None) -> Vetted:
    """Check *values* as :meth:`Steps.create` would, writing nothing; raises
    :class:`ValidationError`. Fields named in *pending* hold a stand-in (any
    non-null value) for a record that will exist when the row is written; *probe*
    (e.g. a :class:`~db.ops.probe.CachedProbe`) answers the database questions."""
    model = steps._model(kind)
    clean, errors = steps._prepare(kind, values)
    trusted = set()
    for name in pending:
        column = model.__table__.columns[name]  # type: ignore[attr-defined]
        trusted |= {(by_table(fk.column.table.name), clean.get(name))
                    for fk in column.foreign_keys}
    trusting = _Trusting(probe or SessionProbe(steps.session), trusted)
    steps._check(kind, {**_defaults(kind), **clean}, errors, trusting)
    return Vetted(kind, clean, pending)


def create_many(steps: Steps, kind: RecordKind,
                rows: Sequence[Mapping[str, Any] | Vetted]) -> list[int]:
    """Create one record per row, in order; returns their ids.

    Every row is checked first (rows already :class:`Vetted` skip only the rules
    that need no database); if one is refused, :class:`RowValidationError` names
    it (path ``(("rows", index),)``) and nothing is written.
    """
    model = steps._model(kind)
    defaults = _defaults(kind)
    cleaned: list[tuple[dict[str, Any], dict[str, str], bool]] = []
    for row in rows:
        if isinstance(row, Vetted):
            if row.kind != kind or row.pending:
                raise OperationError(
                    f"A vetted {row.kind.value} row with pending references "
                    f"{sorted(row.pending)} cannot be written as a {kind.value}.")
            cleaned.append((dict(row.values), {}, True))
        else:
            clean, errors = steps._prepare(kind, row)
            cleaned.append((clean, errors, False))
    full_rows = [{**defaults, **clean} for clean, _errors, _vetted in cleaned]
    probe = BatchProbe(steps.session, model, full_rows)
    for index, ((_clean, errors, vetted), full) in enumerate(zip(cleaned, full_rows,
                                                                 strict=True)):
        try:
            steps._check(kind, full, errors, probe, validated=vetted)
        except ValidationError as exc:
            raise RowValidationError(kind, exc.errors, (("rows", index),)) from exc
        probe.accept(full)
    if not rows:
        return []
    return _insert(steps, kind, [clean for clean, _e, _v in cleaned], full_rows)


def _insert(steps: Steps, kind: RecordKind, cleans: list[dict[str, Any]],
            full_rows: list[dict[str, Any]]) -> list[int]:
    """Write checked rows and their change-log entries; mark them for the index."""
    table = steps._model(kind).__table__  # type: ignore[attr-defined]
    now = utcnow()
    records = []
    for full in full_rows:
        record = {**full, **derive(kind, full), "created_at": now, "updated_at": now,
                  "version": 1}
        records.append({name: record[name] for name in table.columns.keys()  # noqa: SIM118
                        if name != "id"})
    steps.session.flush()  # anything the ORM holds goes first, as one create after another
    ids = [int(i) for i in steps.session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), records).scalars()]
    entries = []
    for record_id, record, clean in zip(ids, records, cleans, strict=True):
        snap = {"id": record_id, **record}
        entries.append({
            "created_at": now, "updated_at": now, "version": 1, "changed_at": now,
            "actor": steps.actor, "operation_id": steps.operation_id,
            "record_kind": kind.value, "record_id": record_id,
            "action": ChangeAction.CREATE.value, "field": None, "old_value": None,
            "new_value": json.dumps({name: as_text(snap[name]) for name in table.columns.keys()  # noqa: SIM118
                                     if name not in PROTECTED
                                     and snap[name] not in (None, [], "")},
                                    ensure_ascii=False)})
        for target, marked in search.dependents_of_new(kind, record_id, snap).items():
            steps._dirty[target] |= marked
        steps.changes.append(Change(kind, record_id, ChangeAction.CREATE, tuple(clean), 1))
    steps.session.execute(insert(ChangeLogEntry.__table__), entries)  # type: ignore[attr-defined]
    return ids
