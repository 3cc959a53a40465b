"""The reference graph between tables, read from their foreign keys.

What refers to a record (and how a delete treats it: RESTRICT, CASCADE, SET NULL),
and which rows a record owns (deleted with it). Nothing here is per kind: a new
table's foreign keys are enough.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import ForeignKey, func, select
from sqlmodel import Session

from db.models import TABLES, Record, RecordKind
from db.ops.coerce import columns

BY_TABLE: dict[str, type[Record]] = {cls.__tablename__: cls for cls in TABLES.values()}  # type: ignore[misc]


def fk_table(kind: RecordKind, name: str) -> str:
    """The table the reference column *name* of *kind* points to."""
    column = columns(TABLES[kind])[name]
    return next(iter(column.foreign_keys)).column.table.name


def ondelete(fk: ForeignKey) -> str:
    return (fk.ondelete or "NO ACTION").upper()


def references(session: Session, kind: RecordKind,
               record_id: int) -> list[tuple[str, int, str]]:
    """What refers to a record: (label such as "delegations", count, ON DELETE mode)."""
    target = TABLES[kind].__tablename__
    found: list[tuple[str, int, str]] = []
    for model in TABLES.values():
        for column in columns(model).values():
            for fk in column.foreign_keys:
                if fk.column.table.name != target:
                    continue
                count = session.execute(
                    select(func.count()).select_from(model).where(column == record_id)
                ).scalar_one()
                if count:
                    label = model.kind.value.replace("_", " ") + ("s" if count != 1 else "")
                    found.append((label, count, ondelete(fk)))
    return found


def owned_rows(session: Session, kind: RecordKind,
               record_id: int) -> Iterator[tuple[RecordKind, Record]]:
    """Rows the database will delete with this record (ON DELETE CASCADE), deepest first."""
    target = TABLES[kind].__tablename__
    for model in TABLES.values():
        for column in columns(model).values():
            for fk in column.foreign_keys:
                if fk.column.table.name == target and ondelete(fk) == "CASCADE":
                    for row in session.execute(
                            select(model).where(column == record_id)).scalars():
                        assert row.id is not None
                        yield from owned_rows(session, model.kind, row.id)
                        yield model.kind, row


def owned(session: Session, kind: RecordKind, record_id: int) -> list[tuple[RecordKind, int]]:
    """The rows deleted with this record (positions, memberships, ...), as (kind, id)."""
    return [(k, r.id) for k, r in owned_rows(session, kind, record_id) if r.id is not None]
