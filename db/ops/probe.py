"""The database questions a write's check asks: does a referenced record exist, is a
unique value already taken?

:meth:`db.ops.steps.Steps._check` asks them one record at a time
(:class:`SessionProbe`, one query each). A batch of new records
(:mod:`db.ops.batch`) asks the same questions of a :class:`BatchProbe`, which
answers them from a few ``IN`` queries made once for the whole batch and
remembers what earlier rows of the batch took, so the rules stay one and the
queries stay few.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import UniqueConstraint, select
from sqlmodel import Session, col

from db.models import Record
from db.ops.graph import by_table

_CHUNK = 500  # values per IN list: well under SQLite's and psycopg's parameter limits


class Probe(Protocol):
    """What :meth:`Steps._check` needs to know from the database."""

    def exists(self, model: type[Record], record_id: Any) -> bool: ...

    def taken(self, model: type[Record], names: tuple[str, ...],
              row: Mapping[str, Any]) -> bool: ...


def unique_keys(model: type[Record]) -> list[tuple[str, ...]]:
    """Each set of columns whose values must be unique together: table constraints
    first, then one-column ``unique`` columns (see :func:`is_constraint`)."""
    table = model.__table__  # type: ignore[attr-defined]
    keys = [tuple(c.name for c in constraint.columns) for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint)]
    singles = [(column.name,) for column in table.columns if column.unique]
    return keys + [key for key in singles if key not in keys]


def is_constraint(model: type[Record], names: tuple[str, ...]) -> bool:
    """Whether *names* are a table constraint (a record repeated) rather than one
    ``unique`` column (a value already used): the two have different messages."""
    table = model.__table__  # type: ignore[attr-defined]
    return any(isinstance(c, UniqueConstraint) and tuple(x.name for x in c.columns) == names
               for c in table.constraints)


class SessionProbe:
    """One query per question, against the session's transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def exists(self, model: type[Record], record_id: Any) -> bool:
        return self.session.get(model, record_id) is not None

    def taken(self, model: type[Record], names: tuple[str, ...],
              row: Mapping[str, Any]) -> bool:
        query = select(col(model.id)).where(*(getattr(model, n) == row[n] for n in names))
        if row.get("id") is not None:
            query = query.where(col(model.id) != row["id"])
        return self.session.execute(query).first() is not None


class CachedProbe(SessionProbe):
    """A :class:`SessionProbe` that remembers the records it found, for a caller that
    checks many rows naming the same few (an import's 10,000 people at 400
    organisations) in one transaction that deletes nothing."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._found: set[tuple[type[Record], Any]] = set()

    def remember(self, model: type[Record], record_id: Any) -> None:
        """A record the caller knows exists (it found or made it in this transaction)."""
        self._found.add((model, record_id))

    def exists(self, model: type[Record], record_id: Any) -> bool:
        if (model, record_id) in self._found:
            return True
        if super().exists(model, record_id):
            self._found.add((model, record_id))
            return True
        return False


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


class BatchProbe:
    """Answers for a batch of new rows of one model, read with a few queries up front."""

    def __init__(self, session: Session, model: type[Record],
                 rows: Sequence[Mapping[str, Any]]) -> None:
        self.session = session
        self._ids: dict[type[Record], set[Any]] = {}
        self._taken: dict[tuple[str, ...], set[tuple[Any, ...]]] = defaultdict(set)
        self._model = model
        self._keys = unique_keys(model)
        table = model.__table__  # type: ignore[attr-defined]
        wanted: dict[type[Record], set[Any]] = defaultdict(set)
        for column in table.columns:
            for fk in column.foreign_keys:
                target = by_table(fk.column.table.name)
                wanted[target].update(r[column.name] for r in rows
                                      if r.get(column.name) is not None)
        for target, ids in wanted.items():
            found = self._ids.setdefault(target, set())
            for chunk in _chunks(sorted(ids)):
                found.update(session.execute(
                    select(col(target.id)).where(col(target.id).in_(chunk))).scalars())
        for names in self._keys:
            firsts = sorted({r[names[0]] for r in rows
                             if all(r.get(n) is not None for n in names)})
            columns = [getattr(model, n) for n in names]
            for chunk in _chunks(firsts):
                self._taken[names].update(
                    tuple(found) for found in session.execute(
                        select(*columns).where(columns[0].in_(chunk))))

    def exists(self, model: type[Record], record_id: Any) -> bool:
        known = self._ids.get(model)
        if known is None or record_id not in known:  # not asked up front: ask now
            return self.session.get(model, record_id) is not None
        return True

    def taken(self, model: type[Record], names: tuple[str, ...],
              row: Mapping[str, Any]) -> bool:
        if model is not self._model or names not in self._taken:
            return SessionProbe(self.session).taken(model, names, row)
        return tuple(row[n] for n in names) in self._taken[names]

    def accept(self, row: Mapping[str, Any]) -> None:
        """A row of the batch passed: later rows may not take its unique values."""
        for names in self._keys:
            if all(row.get(n) is not None for n in names):
                self._taken[names].add(tuple(row[n] for n in names))
