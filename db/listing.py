"""Lists for the browse screens: one page of rows, sorted and filtered in SQL.

A section's table shows 100,000 people without loading them: the model asks
for one page at a time, and sorting and filtering happen in the query, never
over rows held in memory. Each kind declares its columns once, in its
description (``db.registry``; the lists themselves are in ``db.lists``): the
header and, when sortable, the SQL to order by, and its filters (name -> WHERE
clause). The quick text filter goes through the same folded search index as
the global search box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func
from sqlmodel import Session, col, select

from db import dialect, search
from db.lists import when
from db.models import CooperationArea, RecordKind
from db.registry import REGISTRY
from db.spec import ColumnSpec, ListSpec

# Each browsed kind's list, as the registry describes it (kept for callers that index it).
SPECS: dict[RecordKind, ListSpec] = {
    kind: found.listing for kind, found in REGISTRY.items() if found.listing is not None}

__all__ = ["SPECS", "ColumnSpec", "ListPage", "ListQuery", "ListRow", "ListSpec", "count", "page",
           "rows", "spec", "when", "years"]


@dataclass(frozen=True)
class ListQuery:
    """What the user asked of a list: filter text, filters, and sort."""

    text: str = ""
    filters: tuple[tuple[str, Any], ...] = ()
    sort: str = ""
    descending: bool = False


@dataclass(frozen=True)
class ListRow:
    id: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class ListPage:
    rows: tuple[ListRow, ...]
    offset: int
    total: int


# ---------------------------------------------------------------- the query


def _filtered(session: Session, spec_: ListSpec, query: ListQuery,
              statement: Select[Any]) -> Select[Any]:
    for name, value in query.filters:
        if value is not None and name in spec_.filters:
            statement = statement.where(spec_.filters[name](value))
    words = search.tokens(query.text)
    if words:
        ids = dialect.of(session).matching_ids(words, spec_.kind.value).scalar_subquery()
        statement = statement.where(col(spec_.model.id).in_(ids))
    return statement


def spec(kind: RecordKind) -> ListSpec:
    """The list of *kind*, as its description declares it."""
    found = REGISTRY[kind].listing
    if found is None:
        raise KeyError(f"{kind.value} has no list")
    return found


def count(session: Session, kind: RecordKind, query: ListQuery = ListQuery()) -> int:
    spec_ = spec(kind)
    statement = _filtered(session, spec_, query,
                          select(func.count()).select_from(spec_.model))
    return int(session.execute(statement).scalar_one())


def page(session: Session, kind: RecordKind, query: ListQuery = ListQuery(),
         *, offset: int = 0, limit: int = 200, total: int | None = None) -> ListPage:
    """Rows ``offset`` to ``offset + limit`` of the list, with the list's total."""
    spec_ = spec(kind)
    statement = _filtered(session, spec_, query, select(spec_.model))
    sort = spec_.column(query.sort).sort if query.sort else None
    if sort is not None:
        key = sort()
        statement = statement.order_by(*dialect.of(session).ordered(
            key.desc() if query.descending else key, col(spec_.model.id)))
    else:
        statement = statement.order_by(*dialect.of(session).ordered(*spec_.default_sort()))
    records = session.execute(statement.offset(offset).limit(limit)).scalars().all()
    cells = spec_.cells(session, records)
    found = tuple(ListRow(r.id, c) for r, c in zip(records, cells, strict=True))
    if total is None:
        total = count(session, kind, query)
    return ListPage(found, offset, total)


def rows(session: Session, kind: RecordKind, ids: Sequence[int]) -> dict[int, ListRow]:
    """The list rows of just these records, as a page shows them (ids that no longer
    exist are absent): a list refreshes the rows an operation changed with this."""
    spec_ = spec(kind)
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    records = session.execute(
        select(spec_.model).where(col(spec_.model.id).in_(wanted))).scalars().all()
    cells = spec_.cells(session, records)
    return {r.id: ListRow(r.id, c) for r, c in zip(records, cells, strict=True)}


def years(session: Session, kind: RecordKind) -> list[int]:
    """Years that have delegations or events, newest first (for the year filter)."""
    spec_ = spec(kind)
    if spec_.year_column is None:
        return []
    column = getattr(spec_.model, spec_.year_column)
    values = session.exec(select(func.distinct(dialect.of(session).year(col(column))))
                          .where(col(column).is_not(None))).all()
    return sorted((int(v) for v in values if v), reverse=True)


def area_choices(session: Session) -> list[tuple[int, str]]:
    return [(a.id or 0, a.name) for a in session.exec(
        select(CooperationArea).order_by(col(CooperationArea.name)))]
