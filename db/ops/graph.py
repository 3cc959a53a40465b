"""The reference graph between tables, read from their foreign keys.

What refers to a record (and how a delete treats it: RESTRICT, CASCADE, SET NULL),
and which rows a record owns (deleted with it). Nothing here is per kind: a new
table's foreign keys are enough.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import ForeignKey, func, select
from sqlmodel import Session, col

from db.models import Record, RecordKind
from db.ops.coerce import columns
from db.registry import REGISTRY


def by_table(table: str) -> type[Record]:
    """The model of a table, as the registry describes it."""
    return REGISTRY.by_table(table).model


def _models() -> list[type[Record]]:
    return [found.model for found in REGISTRY.values()]


def fk_table(kind: RecordKind, name: str) -> str:
    """The table the reference column *name* of *kind* points to."""
    column = columns(REGISTRY.model(kind))[name]
    return next(iter(column.foreign_keys)).column.table.name


def ondelete(fk: ForeignKey) -> str:
    return (fk.ondelete or "NO ACTION").upper()


def references(session: Session, kind: RecordKind,
               record_id: int) -> list[tuple[str, int, str]]:
    """What refers to a record: (kind such as "delegation_member", count, ON DELETE mode).

    Kinds, not words: the app and the CLI say them in the language (a delete dialog says
    "1 membership of a delegation", :func:`db.vocabulary.count` "1 member")."""
    target = REGISTRY[kind].table
    found: list[tuple[str, int, str]] = []
    for model in _models():
        for column in columns(model).values():
            for fk in column.foreign_keys:
                if fk.column.table.name != target:
                    continue
                count = session.execute(
                    select(func.count()).select_from(model).where(column == record_id)
                ).scalar_one()
                if count:
                    described = REGISTRY.by_table(model.__tablename__)  # type: ignore[arg-type]
                    found.append((described.kind.value, count, ondelete(fk)))
    return found


def _cascades() -> list[tuple[type[Record], Any, str]]:
    """Every reference deleted with its target: (model, column, target table)."""
    return [(model, column, fk.column.table.name) for model in _models()
            for column in columns(model).values() for fk in column.foreign_keys
            if ondelete(fk) == "CASCADE"]


def owned_rows(session: Session, kind: RecordKind,
               record_id: int) -> Iterator[tuple[RecordKind, Record]]:
    """Rows the database will delete with this record (ON DELETE CASCADE), deepest first.

    Read level by level, one query per reference and level (never one per row), then
    walked depth first: each row's own rows come just before it.
    """
    links = _cascades()
    children: dict[tuple[str, int], list[tuple[RecordKind, Record]]] = defaultdict(list)
    seen: set[tuple[str, int]] = {(REGISTRY[kind].table, record_id)}
    level: dict[str, set[int]] = {REGISTRY[kind].table: {record_id}}
    while level:
        below: dict[str, set[int]] = defaultdict(set)
        for model, column, target in links:
            ids = level.get(target)
            if not ids:
                continue
            for row in session.execute(select(model).where(column.in_(sorted(ids)))
                                       .order_by(col(model.id))).scalars():
                assert row.id is not None
                children[(target, getattr(row, column.name))].append((model.kind, row))
                if (model.__tablename__, row.id) not in seen:
                    seen.add((model.__tablename__, row.id))  # type: ignore[arg-type]
                    below[model.__tablename__].add(row.id)  # type: ignore[index]
        level = below

    def walk(table: str, row_id: int) -> Iterator[tuple[RecordKind, Record]]:
        for child_kind, row in children.get((table, row_id), []):
            assert row.id is not None
            yield from walk(REGISTRY[child_kind].table, row.id)
            yield child_kind, row

    return walk(REGISTRY[kind].table, record_id)


def set_null_references(session: Session, rows: Iterable[tuple[RecordKind, int]],
                        ) -> dict[tuple[RecordKind, int], list[tuple[RecordKind, int, str]]]:
    """Who refers to these rows through a reference a delete clears (``SET NULL``):
    row -> [(kind, id, column)], one query per such reference, not per row."""
    by_table: dict[str, set[int]] = defaultdict(set)
    for kind, row_id in rows:
        by_table[REGISTRY[kind].table].add(row_id)
    found: dict[tuple[RecordKind, int], list[tuple[RecordKind, int, str]]] = defaultdict(list)
    for model in _models():
        for column in columns(model).values():
            for fk in column.foreign_keys:
                target = fk.column.table.name
                if ondelete(fk) != "SET NULL" or not by_table.get(target):
                    continue
                target_kind = REGISTRY.by_table(target).kind
                for referrer_id, value in session.execute(
                        select(col(model.id), column).where(column.in_(sorted(by_table[target])))
                        .order_by(col(model.id))):
                    found[(target_kind, value)].append((model.kind, referrer_id, column.name))
    return found


def owned(session: Session, kind: RecordKind, record_id: int) -> list[tuple[RecordKind, int]]:
    """The rows deleted with this record (positions, memberships, ...), as (kind, id)."""
    return [(k, r.id) for k, r in owned_rows(session, kind, record_id) if r.id is not None]
