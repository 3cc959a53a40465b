"""Merging two records that are the same person (or organisation) into one.

Everything that pointed at the duplicate is moved to the survivor in one
transaction: positions, delegation memberships, event and meeting
participations, citations, attachments and the change history; any other
reference found in the tables follows too (found from the foreign keys, not a
list kept here). Where the survivor already has the same link (both were
members of one delegation) the duplicate's row is dropped instead. The
survivor takes the field values the user chose, and the duplicate is deleted.

:func:`unmerge` takes a merge back exactly (same ids, same links), as the
app's Undo; it is refused, changing nothing, if any of those records was
edited since.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import UniqueConstraint, select, update
from sqlmodel import Session, col

from db import ops, partial_dates, phones
from db.catalog import Catalog
from db.i18n import N_
from db.models import TABLES, Attachment, ChangeLogEntry, Citation, Record, RecordKind
from db.ops.graph import by_table
from db.said import say
from db.validation import CHOICES
from db.vocabulary import value_word


def shown_values(session: Session, kind: RecordKind, values: Mapping[str, Any]
                 ) -> dict[str, str]:
    """Values as the rest of the app shows them, for the fields whose stored form is
    not for people: a reference by the record's name (the nationality ``Việt Nam``,
    not ``3``), a choice by its word (``Family name first``, not ``family_first``), a
    phone as the office writes it, a birth date in words."""
    shown: dict[str, str] = {}
    table = TABLES[kind].__table__  # type: ignore[attr-defined]
    for name, value in values.items():
        if value is None or name not in table.columns:
            continue
        for fk in table.columns[name].foreign_keys:
            target = by_table(fk.column.table.name).kind
            shown[name] = ops.record_label(session, target, value) or f"#{value}"
        if (kind, name) in CHOICES:
            shown[name] = value_word(CHOICES[(kind, name)], str(value))
        if kind == RecordKind.PERSON and name == "phone":
            shown[name] = phones.shown(str(value))  # 024 3825 3536, as the form shows it
        if kind == RecordKind.PERSON and name == "birth_date":
            shown[name] = partial_dates.phrase(str(value))
    return shown


@dataclass(frozen=True)
class Moved:
    kind: RecordKind
    id: int
    field: str
    version: int  # after the move


@dataclass(frozen=True)
class MergeUndo:
    kind: RecordKind
    survivor_id: int
    duplicate_id: int
    survivor_before: dict[str, Any]
    survivor_version: int
    duplicate: ops.Tombstone
    moved: tuple[Moved, ...]
    dropped: tuple[ops.Tombstone, ...]
    history: tuple[int, ...]


@dataclass(frozen=True)
class Merged:
    result: ops.Result
    undo: MergeUndo


def _references(kind: RecordKind) -> list[tuple[RecordKind, str]]:
    """(kind, column) of every foreign key that points at *kind*'s table."""
    target = TABLES[kind].__tablename__
    found = []
    for other, model in TABLES.items():
        for name, column in model.__table__.columns.items():  # type: ignore[attr-defined]
            if any(fk.column.table.name == target for fk in column.foreign_keys):
                found.append((other, name))
    return found


def _clashes(tx: ops.Transaction, kind: RecordKind, row: Record, field: str,
             survivor_id: int) -> bool:
    """Would moving *row* to the survivor repeat a link the survivor already has?"""
    model = TABLES[kind]
    for constraint in model.__table__.constraints:  # type: ignore[attr-defined]
        if not isinstance(constraint, UniqueConstraint):
            continue
        names = [c.name for c in constraint.columns]
        if field not in names:
            continue
        criteria = [getattr(model, n) == (survivor_id if n == field else getattr(row, n))
                    for n in names]
        if tx.session.execute(select(col(model.id)).where(*criteria)).first() is not None:
            return True
    if isinstance(row, Attachment) and row.role == "photo":
        survivor_photo = tx.session.execute(select(col(Attachment.id)).where(
            col(Attachment.record_kind) == row.record_kind,
            col(Attachment.record_id) == survivor_id,
            col(Attachment.role) == "photo")).first()
        return survivor_photo is not None  # the survivor keeps its own photo
    return False


def merge(catalog: Catalog, kind: RecordKind, survivor_id: int, duplicate_id: int,
          values: Mapping[str, Any] | None = None, *, expected: Mapping[int, int] | None = None,
          actor: str | None = None) -> Merged:
    """Merge *duplicate_id* into *survivor_id* (see the module docstring).

    *values* are the survivor's fields as the user chose them; *expected* maps each
    record's id to the version the user saw (a record changed since is refused).
    """
    if survivor_id == duplicate_id:
        raise ops.OperationError(say(N_("A record cannot be merged with itself.")))
    model = TABLES[kind]
    with ops.transaction(catalog, actor=actor) as tx:
        survivor = tx.session.get(model, survivor_id)
        duplicate = tx.session.get(model, duplicate_id)
        if survivor is None or duplicate is None:
            raise ops.NotFoundError(say(N_("One of the two records no longer exists.")))
        for record in (survivor, duplicate):
            seen = (expected or {}).get(record.id or 0)
            if seen is not None and seen != record.version:
                raise ops.StaleVersionError(kind, record.id or 0, seen, record.version)
        moved: list[Moved] = []
        dropped: list[ops.Tombstone] = []
        links = [(k, f) for k, f in _references(kind)]
        for link_kind, field in links:
            link_model = TABLES[link_kind]
            rows = list(tx.session.execute(select(link_model).where(
                getattr(link_model, field) == duplicate_id)).scalars())
            for row in rows:
                _move(tx, link_kind, row, field, survivor_id, moved, dropped)
        for generic in (Citation, Attachment):
            owned = list(tx.session.execute(select(generic).where(
                col(generic.record_kind) == kind.value,
                col(generic.record_id) == duplicate_id)).scalars())
            for row in owned:
                _move(tx, generic.kind, row, "record_id", survivor_id, moved, dropped)
        history = tuple(tx.session.execute(select(col(ChangeLogEntry.id)).where(
            col(ChangeLogEntry.record_kind) == kind.value,
            col(ChangeLogEntry.record_id) == duplicate_id)).scalars())
        tx.session.execute(update(ChangeLogEntry).where(
            col(ChangeLogEntry.id).in_(history)).values(record_id=survivor_id))
        survivor_before = ops.editable_values(survivor)
        version = survivor.version
        changed = {k: v for k, v in (values or {}).items() if survivor_before.get(k) != v}
        if changed:
            version = tx.update(kind, survivor_id, changed, expected_version=version)
        tombstone = tx.remove(kind, duplicate_id, expected_version=None)
    assert tx.result is not None
    return Merged(tx.result, MergeUndo(
        kind, survivor_id, duplicate_id, {k: survivor_before[k] for k in changed}, version,
        tombstone, tuple(moved), tuple(dropped), tuple(int(h) for h in history if h)))


def _move(tx: ops.Transaction, kind: RecordKind, row: Record, field: str, survivor_id: int,
          moved: list[Moved], dropped: list[ops.Tombstone]) -> None:
    assert row.id is not None
    if _clashes(tx, kind, row, field, survivor_id):
        dropped.append(tx.remove(kind, row.id, expected_version=None))
        return
    version = tx.update(kind, row.id, {field: survivor_id}, expected_version=row.version)
    moved.append(Moved(kind, row.id, field, version))


def unmerge(catalog: Catalog, step: MergeUndo, *, actor: str | None = None) -> ops.Result:
    """Undo :func:`merge`: the duplicate back with its id, its links moved back to it."""
    with ops.transaction(catalog, actor=actor) as tx:
        tx.restore(step.duplicate)
        for row in step.moved:
            tx.update(row.kind, row.id, {row.field: step.duplicate_id},
                      expected_version=row.version)
        for tombstone in step.dropped:
            tx.restore(tombstone)
        if step.history:
            tx.session.execute(update(ChangeLogEntry).where(
                col(ChangeLogEntry.id).in_(step.history)).values(record_id=step.duplicate_id))
        if step.survivor_before:
            tx.update(step.kind, step.survivor_id, step.survivor_before,
                      expected_version=step.survivor_version)
    assert tx.result is not None
    return tx.result
