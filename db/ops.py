"""The write side: create, update and delete any record, safely.

Every operation runs inside one transaction (``BEGIN IMMEDIATE`` on SQLite),
validates the record as it would be after the write, refuses an edit made
against a stale ``version`` (never a silent overwrite), writes the change log
field by field, keeps the search index in step, and returns *what changed* so
the GUI can refresh exactly that and undo can reverse it.

Several steps that belong together (a person and their positions) share one
:class:`Transaction`::

    with ops.transaction(catalog) as tx:
        person_id = tx.create(RecordKind.PERSON, {"family_name": "Nguyễn", ...})
        tx.create(RecordKind.POSITION, {"person_id": person_id, "title": "Chairman"})
    tx.result.changes
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import uuid
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ForeignKey, UniqueConstraint, func, select
from sqlalchemy.sql.schema import Column
from sqlmodel import Session, col

from db import search
from db.catalog import Catalog
from db.folding import nfc
from db.models import TABLES, ChangeAction, ChangeLogEntry, Record, RecordKind, utcnow
from db.names import sort_key
from db.validation import validate

_PROTECTED = frozenset({"id", "created_at", "updated_at", "version", "sort_key"})


def _derive(kind: RecordKind, row: Mapping[str, Any]) -> dict[str, Any]:
    """Columns computed from others, never typed by users."""
    if kind == RecordKind.PERSON:
        return {"sort_key": sort_key(row.get("given_names"), row.get("family_name") or "")}
    return {}
_BY_TABLE: dict[str, type[Record]] = {cls.__tablename__: cls for cls in TABLES.values()}  # type: ignore[misc]

_UNIQUE_MESSAGES: dict[RecordKind, str] = {
    RecordKind.DELEGATION_MEMBER: "This person is already a member of this delegation.",
    RecordKind.ENGAGEMENT_PARTICIPANT: "This person already takes part in this meeting.",
    RecordKind.EVENT_PARTICIPANT: "This person is already listed for this event.",
    RecordKind.EVENT_ORGANISER: "This organisation is already an organiser of this event.",
    RecordKind.PAIRING_AREA: "This area is already listed for this pairing.",
    RecordKind.COUNTRY: "This country is already in the catalog.",
    RecordKind.COOPERATION_AREA: "An area with this name already exists.",
    RecordKind.CITATION: "This source is already cited here.",
}


class OperationError(Exception):
    """A write that was refused; the message is meant for the user."""


class ValidationError(OperationError):
    def __init__(self, kind: RecordKind, errors: Mapping[str, str]) -> None:
        self.kind = kind
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()))


class NotFoundError(OperationError):
    pass


class StaleVersionError(OperationError):
    """Someone else saved this record since it was loaded: nothing was overwritten."""

    def __init__(self, kind: RecordKind, record_id: int, expected: int, actual: int) -> None:
        self.kind, self.record_id, self.expected, self.actual = kind, record_id, expected, actual
        super().__init__(
            f"This {kind.value.replace('_', ' ')} was changed elsewhere (version {actual}, "
            f"you edited version {expected}); your edit was not saved."
        )


class StillReferencedError(OperationError):
    def __init__(self, message: str, references: Mapping[str, int]) -> None:
        self.references = dict(references)
        super().__init__(message)


@dataclass(frozen=True)
class Change:
    kind: RecordKind
    id: int
    action: ChangeAction
    fields: tuple[str, ...]
    version: int


@dataclass(frozen=True)
class Result:
    operation_id: str
    changes: tuple[Change, ...]

    def ids(self, kind: RecordKind, action: ChangeAction = ChangeAction.CREATE) -> list[int]:
        return [c.id for c in self.changes if c.kind == kind and c.action == action]


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _snapshot(record: Record) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.__table__.columns.keys()}  # type: ignore[attr-defined]  # noqa: SIM118  # type: ignore[attr-defined]


def _columns(model: type[Record]) -> dict[str, Column[Any]]:
    return dict(model.__table__.columns.items())  # type: ignore[attr-defined]


def _coerce(kind: RecordKind, column: Column[Any], value: Any, errors: dict[str, str]) -> Any:
    """Turn form or JSON input into the column's type; bad input becomes a field error."""
    name = column.name
    if value is None:
        return None
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        python_type = object
    if python_type is list:
        if not isinstance(value, list | tuple):
            errors[name] = "Expected a list."
            return value
        return [nfc(str(v)).strip() for v in value if str(v).strip()]
    if python_type is str:
        text = nfc(str(value)).strip()
        return text if text or not column.nullable else None
    if python_type in (dt.date, dt.time, dt.datetime) and isinstance(value, str):
        if not value.strip():
            return None
        try:
            return python_type.fromisoformat(value.strip())
        except ValueError:
            errors[name] = {
                dt.date: "Enter a date as YYYY-MM-DD.",
                dt.time: "Enter a time as HH:MM.",
            }.get(python_type, "Enter a date and time.")
            return value
    if python_type is int and not isinstance(value, bool):
        try:
            return int(value)
        except (TypeError, ValueError):
            errors[name] = "Enter a whole number."
            return value
    if python_type is float:
        try:
            return float(value)
        except (TypeError, ValueError):
            errors[name] = "Enter a number."
            return value
    return value


@dataclass
class Transaction:
    """Steps of one operation; all are committed together or not at all."""

    session: Session
    actor: str
    operation_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    changes: list[Change] = field(default_factory=list)
    result: Result | None = None
    _dirty: dict[RecordKind, set[int]] = field(default_factory=lambda: defaultdict(set))

    # ------------------------------------------------------------ helpers

    def _model(self, kind: RecordKind) -> type[Record]:
        if kind not in TABLES:
            raise OperationError(f"Unknown kind of record: {kind!r}")
        return TABLES[kind]

    def _get(self, kind: RecordKind, record_id: int) -> Record:
        record = self.session.get(self._model(kind), record_id)
        if record is None:
            raise NotFoundError(f"There is no {kind.value.replace('_', ' ')} with id {record_id}.")
        return record

    def _prepare(self, kind: RecordKind, values: Mapping[str, Any]) -> tuple[dict[str, Any],
                                                                               dict[str, str]]:
        columns = _columns(self._model(kind))
        errors: dict[str, str] = {}
        clean: dict[str, Any] = {}
        for name, value in values.items():
            if name in _PROTECTED:
                continue
            if name not in columns:
                errors[name] = f"{kind.value} has no field {name!r}."
                continue
            clean[name] = _coerce(kind, columns[name], value, errors)
        return clean, errors

    def _check(self, kind: RecordKind, row: dict[str, Any], errors: dict[str, str]) -> None:
        model = self._model(kind)
        errors = {**validate(kind, row), **errors}
        for name, column in _columns(model).items():
            value = row.get(name)
            if value is None or name in errors:
                continue
            for fk in column.foreign_keys:
                target = _BY_TABLE[fk.column.table.name]
                if self.session.get(target, value) is None:
                    errors[name] = "This refers to a record that no longer exists."
        for constraint in model.__table__.constraints:  # type: ignore[attr-defined]
            if not isinstance(constraint, UniqueConstraint) or errors:
                continue
            names = [c.name for c in constraint.columns]
            if any(row.get(n) is None for n in names):
                continue
            query = select(col(model.id)).where(*(getattr(model, n) == row[n] for n in names))
            if row.get("id") is not None:
                query = query.where(col(model.id) != row["id"])
            if self.session.execute(query).first() is not None:
                errors[names[-1]] = _UNIQUE_MESSAGES.get(kind, "This record already exists.")
        for name, column in _columns(model).items():
            if column.unique and row.get(name) is not None and name not in errors:
                query = select(col(model.id)).where(getattr(model, name) == row[name])
                if row.get("id") is not None:
                    query = query.where(col(model.id) != row["id"])
                if self.session.execute(query).first() is not None:
                    errors[name] = _UNIQUE_MESSAGES.get(kind, "This value is already used.")
        if errors:
            raise ValidationError(kind, errors)

    def _log(self, kind: RecordKind, record_id: int, action: ChangeAction,
             field_name: str | None = None, old: Any = None, new: Any = None) -> None:
        self.session.add(ChangeLogEntry(
            actor=self.actor, operation_id=self.operation_id, record_kind=kind.value,
            record_id=record_id, action=action.value, field=field_name,
            old_value=_as_text(old), new_value=_as_text(new),
        ))

    def _mark(self, kind: RecordKind, record_id: int, row: Mapping[str, Any]) -> None:
        for target, ids in search.dependents(self.session, kind, record_id, dict(row)).items():
            self._dirty[target] |= ids

    # ------------------------------------------------------------ steps

    def create(self, kind: RecordKind, values: Mapping[str, Any]) -> int:
        model = self._model(kind)
        clean, errors = self._prepare(kind, values)
        defaults = {name: getattr(model(), name) for name in _columns(model) if name != "id"}
        self._check(kind, {**defaults, **clean}, errors)
        record = model(**clean, **_derive(kind, {**defaults, **clean}))
        self.session.add(record)
        self.session.flush()
        assert record.id is not None
        snapshot = _snapshot(record)
        self._log(kind, record.id, ChangeAction.CREATE, new=json.dumps(
            {k: _as_text(v) for k, v in snapshot.items() if k not in _PROTECTED
             and v not in (None, [], "")}, ensure_ascii=False))
        self._mark(kind, record.id, snapshot)
        self.changes.append(Change(kind, record.id, ChangeAction.CREATE, tuple(clean),
                                   record.version))
        return record.id

    def update(self, kind: RecordKind, record_id: int, values: Mapping[str, Any], *,
               expected_version: int) -> int:
        """Apply *values*; returns the new version. Refused if the record moved on."""
        record = self._get(kind, record_id)
        if record.version != expected_version:
            raise StaleVersionError(kind, record_id, expected_version, record.version)
        before = _snapshot(record)
        clean, errors = self._prepare(kind, values)
        self._check(kind, {**before, **clean}, errors)
        changed = [name for name, value in clean.items() if before.get(name) != value]
        if not changed:
            return record.version
        self._mark(kind, record_id, before)
        for name in changed:
            setattr(record, name, clean[name])
            self._log(kind, record_id, ChangeAction.UPDATE, name, before.get(name), clean[name])
        for name, value in _derive(kind, _snapshot(record)).items():
            setattr(record, name, value)
        record.version += 1
        record.updated_at = utcnow()
        self.session.add(record)
        self.session.flush()
        self._mark(kind, record_id, _snapshot(record))
        self.changes.append(Change(kind, record_id, ChangeAction.UPDATE, tuple(changed),
                                   record.version))
        return record.version

    def delete(self, kind: RecordKind, record_id: int, *, expected_version: int | None) -> None:
        """Delete the record and what it owns; refused while others need it (RESTRICT)."""
        record = self._get(kind, record_id)
        if expected_version is not None and record.version != expected_version:
            raise StaleVersionError(kind, record_id, expected_version, record.version)
        blocking = {label: n for label, n, mode in references(self.session, kind, record_id)
                    if mode == "RESTRICT" and n}
        if blocking:
            listing = ", ".join(f"{n} {label}" for label, n in blocking.items())
            raise StillReferencedError(
                f"This {kind.value.replace('_', ' ')} is still used by {listing}; "
                "change or delete those first.", blocking)
        for owned_kind, owned in _owned_rows(self.session, kind, record_id):
            assert owned.id is not None
            self._mark(owned_kind, owned.id, _snapshot(owned))
            self._log(owned_kind, owned.id, ChangeAction.DELETE,
                      old=json.dumps({k: _as_text(v) for k, v in _snapshot(owned).items()},
                                     ensure_ascii=False))
            self.changes.append(Change(owned_kind, owned.id, ChangeAction.DELETE, (),
                                       owned.version))
        snapshot = _snapshot(record)
        self._mark(kind, record_id, snapshot)
        self._log(kind, record_id, ChangeAction.DELETE,
                  old=json.dumps({k: _as_text(v) for k, v in snapshot.items()},
                                 ensure_ascii=False))
        for generic in (TABLES[RecordKind.CITATION], TABLES[RecordKind.ATTACHMENT]):
            for row in self.session.execute(select(generic).where(
                    generic.record_kind == kind.value,  # type: ignore[attr-defined]
                    generic.record_id == record_id)).scalars():  # type: ignore[attr-defined]
                self.session.delete(row)
        self.session.delete(record)
        self.session.flush()
        self.changes.append(Change(kind, record_id, ChangeAction.DELETE, (), record.version))

    def finish(self) -> Result:
        """Bring the search index in step with every change of this transaction."""
        for kind, ids in self._dirty.items():
            search.reindex(self.session, kind, sorted(ids))
        self._dirty.clear()
        self.result = Result(self.operation_id, tuple(self.changes))
        return self.result


def references(session: Session, kind: RecordKind,
               record_id: int) -> list[tuple[str, int, str]]:
    """What refers to a record: (label such as "delegations", count, ON DELETE mode)."""
    target = TABLES[kind].__tablename__
    found: list[tuple[str, int, str]] = []
    for model in TABLES.values():
        for column in _columns(model).values():
            for fk in column.foreign_keys:
                if fk.column.table.name != target:
                    continue
                count = session.execute(
                    select(func.count()).select_from(model).where(column == record_id)
                ).scalar_one()
                if count:
                    label = model.kind.value.replace("_", " ") + ("s" if count != 1 else "")
                    found.append((label, count, _ondelete(fk)))
    return found


def _ondelete(fk: ForeignKey) -> str:
    return (fk.ondelete or "NO ACTION").upper()


def _owned_rows(session: Session, kind: RecordKind,
                record_id: int) -> Iterator[tuple[RecordKind, Record]]:
    """Rows the database will delete with this record (ON DELETE CASCADE), deepest first."""
    target = TABLES[kind].__tablename__
    for model in TABLES.values():
        for column in _columns(model).values():
            for fk in column.foreign_keys:
                if fk.column.table.name == target and _ondelete(fk) == "CASCADE":
                    for row in session.execute(
                            select(model).where(column == record_id)).scalars():
                        assert row.id is not None
                        yield from _owned_rows(session, model.kind, row.id)
                        yield model.kind, row


@contextmanager
def transaction(catalog: Catalog, *, actor: str | None = None) -> Iterator[Transaction]:
    """One operation of several steps, in one write transaction."""
    with catalog.write_session() as session:
        tx = Transaction(session=session, actor=actor or _actor())
        yield tx
        tx.finish()


def create(catalog: Catalog, kind: RecordKind, values: Mapping[str, Any], *,
           actor: str | None = None) -> Result:
    with transaction(catalog, actor=actor) as tx:
        tx.create(kind, values)
    assert tx.result is not None
    return tx.result


def update(catalog: Catalog, kind: RecordKind, record_id: int, values: Mapping[str, Any], *,
           expected_version: int, actor: str | None = None) -> Result:
    with transaction(catalog, actor=actor) as tx:
        tx.update(kind, record_id, values, expected_version=expected_version)
    assert tx.result is not None
    return tx.result


def delete(catalog: Catalog, kind: RecordKind, record_id: int, *, expected_version: int | None,
           actor: str | None = None) -> Result:
    with transaction(catalog, actor=actor) as tx:
        tx.delete(kind, record_id, expected_version=expected_version)
    assert tx.result is not None
    return tx.result
