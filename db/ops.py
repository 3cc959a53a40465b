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
from db.validation import UNIQUE_MESSAGES, validate

_PROTECTED = frozenset({"id", "created_at", "updated_at", "version", "sort_key"})


def _derive(kind: RecordKind, row: Mapping[str, Any]) -> dict[str, Any]:
    """Columns computed from others, never typed by users."""
    if kind == RecordKind.PERSON:
        return {"sort_key": sort_key(row.get("given_names"), row.get("family_name") or "")}
    return {}
_BY_TABLE: dict[str, type[Record]] = {cls.__tablename__: cls for cls in TABLES.values()}  # type: ignore[misc]

_UNIQUE_MESSAGES: dict[RecordKind, str] = UNIQUE_MESSAGES  # one wording, in validation


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

    def delete(self, kind: RecordKind, record_id: int, *,
               expected_version: int | None) -> Tombstone:
        """Delete the record and what it owns, leaving nothing that points at it.

        Refused while others need it (RESTRICT). Returns what undo needs to put it back.
        """
        return self.remove(kind, record_id, expected_version=expected_version)

    def _delete_rows(self, kind: RecordKind, record_id: int, *,
                     expected_version: int | None) -> None:
        """The record, the rows it owns (ON DELETE CASCADE) and its own citations and
        attachments; references elsewhere are :meth:`remove`'s job."""
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

    # ------------------------------------------------------------ records with their parts
    # Added for the editors: a form saves a record and the rows it owns (a person and
    # their positions) as one step, deletes leave a tombstone that undo can restore
    # with the same ids, and nothing is left pointing at a deleted record.

    def save(self, desired: Draft, expected: Draft | None,
             graveyard: dict[tuple[RecordKind, int], Tombstone]) -> int:
        """Make the record and the parts named in *desired* look like it; returns its id.

        *expected* is the state the caller saw (its versions are checked): ``None``
        creates the record, or brings it back from *graveyard* when *desired* has an
        id. Rows of a part missing from *desired* are removed (their tombstones go to
        *graveyard*), rows without an id are created, rows whose id is only in
        *graveyard* are restored. Parts absent from ``desired.parts`` are left alone.
        """
        record_id, _changed = self._save(desired, expected, graveyard, {})
        return record_id

    def _save(self, desired: Draft, expected: Draft | None,
              graveyard: dict[tuple[RecordKind, int], Tombstone],
              link: Mapping[str, Any]) -> tuple[int, bool]:
        kind = desired.kind
        values = self._resolve(kind, {**desired.values, **link})
        if expected is None and desired.id is not None:
            tombstone = graveyard.pop((kind, desired.id), None)
            if tombstone is None:
                raise NotFoundError(f"This {_noun(kind)} was deleted and cannot be brought back.")
            self.restore(tombstone)
            expected = load_draft(self.session, kind, desired.id)
            assert expected is not None
        if expected is None:
            record_id = self.create(kind, values)
            version = self._get(kind, record_id).version
            have_parts: Mapping[str, tuple[Draft, ...]] = {}
            changed = True
        else:
            assert expected.id is not None and expected.version is not None
            record_id = expected.id
            version = self._get(kind, record_id).version
            if version != expected.version:
                raise StaleVersionError(kind, record_id, expected.version, version)
            have_parts = expected.parts
            changed = False
        parts_changed = False
        for part in PARTS.get(kind, ()):
            if part.name in desired.parts:
                parts_changed |= self._save_part(kind, record_id, part, desired.parts[part.name],
                                                 have_parts.get(part.name, ()), graveyard)
        if expected is not None:
            changed = self.update(kind, record_id, values, expected_version=version) != version
            if parts_changed and not changed:
                self._touch(kind, record_id)
        return record_id, changed or parts_changed

    def _save_part(self, kind: RecordKind, owner_id: int, part: Part, want: tuple[Draft, ...],
                   have: tuple[Draft, ...], graveyard: dict[tuple[RecordKind, int], Tombstone],
                   ) -> bool:
        changed = False
        keep = {row.id for row in want if row.id is not None}
        for old in have:
            if old.id not in keep:
                assert old.id is not None
                graveyard[(part.kind, old.id)] = self.remove(part.kind, old.id,
                                                             expected_version=old.version)
                changed = True
        current = {row.id: row for row in have}
        for index, row in enumerate(want):
            link = part.link_values(kind, owner_id)
            if part.order:
                link[part.order] = index
            try:
                _row_id, row_changed = self._save(
                    row, current.get(row.id) if row.id is not None else None, graveyard, link)
            except RowValidationError as exc:
                raise RowValidationError(exc.kind, exc.errors,
                                         ((part.name, index), *exc.path)) from exc
            except ValidationError as exc:
                raise RowValidationError(exc.kind, exc.errors, ((part.name, index),)) from exc
            changed |= row_changed
        return changed

    def _resolve(self, kind: RecordKind, values: Mapping[str, Any]) -> dict[str, Any]:
        """Replace :class:`CountryCode` values by the country's id, adding it if new."""
        resolved = dict(values)
        for name, value in values.items():
            if not isinstance(value, CountryCode):
                continue
            model = TABLES[RecordKind.COUNTRY]
            code = value.code.strip().upper()
            found = self.session.execute(
                select(col(model.id)).where(model.code == code)  # type: ignore[attr-defined]
            ).scalar_one_or_none()
            if found is None:
                from db.validation import country_name

                try:
                    found = self.create(RecordKind.COUNTRY,
                                              {"code": code, "name": country_name(code) or code})
                except ValidationError as exc:
                    raise ValidationError(kind, {name: " ".join(exc.errors.values())}) from exc
            resolved[name] = found
        return resolved

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
        before = _snapshot(record)
        self._mark(kind, record_id, before)
        setattr(record, name, value)
        record.version += 1
        record.updated_at = utcnow()
        self.session.add(record)
        self.session.flush()
        self._log(kind, record_id, ChangeAction.UPDATE, name, before.get(name), value)
        self._mark(kind, record_id, _snapshot(record))
        self.changes.append(Change(kind, record_id, ChangeAction.UPDATE, (name,),
                                   record.version))

    def remove(self, kind: RecordKind, record_id: int, *,
               expected_version: int | None) -> Tombstone:
        """Delete like :meth:`delete`, leaving nothing behind that points at what went.

        References that would be cleared by the database (``SET NULL``) are cleared
        here, versioned and logged; citations and attachments of owned rows go too.
        The returned tombstone lets :meth:`restore` put everything back.
        """
        record = self._get(kind, record_id)
        if expected_version is not None and record.version != expected_version:
            raise StaleVersionError(kind, record_id, expected_version, record.version)
        tombstone = capture(self.session, kind, record_id)
        for row in tombstone.rows[1:]:
            if row.kind in (RecordKind.CITATION, RecordKind.ATTACHMENT) and (
                    row.values["record_kind"], row.values["record_id"]) != (kind.value,
                                                                            record_id):
                generic = self._get(row.kind, row.id)
                self._log(row.kind, row.id, ChangeAction.DELETE, old=_snapshot_json(generic))
                self.session.delete(generic)
                self.changes.append(Change(row.kind, row.id, ChangeAction.DELETE, (),
                                           generic.version))
        for link in tombstone.links:
            self._relink(link.kind, link.id, link.field, None)
        self.session.flush()
        self._delete_rows(kind, record_id, expected_version=None)
        return tombstone

    def restore(self, tombstone: Tombstone) -> None:
        """Put back what :meth:`remove` took, with the same ids and values.

        Rows whose required references have been deleted since are left out (they
        would have been deleted with them); optional references to deleted records
        stay empty. A cleared reference is set again only while it is still empty.
        """
        restored: set[tuple[RecordKind, int]] = set()
        for index, row in enumerate(tombstone.rows):
            model = self._model(row.kind)
            if self.session.get(model, row.id) is not None:
                raise OperationError(
                    f"Cannot bring back this {_noun(row.kind)}: its number {row.id} is now used "
                    "by another record.")
            values = dict(row.values)
            missing = self._missing_references(row.kind, values, restored)
            if missing and index == 0:
                raise OperationError(
                    f"Cannot bring back this {_noun(row.kind)}: the {_noun(missing[0])} it "
                    "belongs to has been deleted since.")
            if missing:
                continue
            record = model(**values)
            self.session.add(record)
            self.session.flush()
            restored.add((row.kind, row.id))
            self._log(row.kind, row.id, ChangeAction.CREATE, new=_snapshot_json(record))
            self._mark(row.kind, row.id, values)
            self.changes.append(Change(row.kind, row.id, ChangeAction.CREATE, (),
                                       record.version))
        for link in tombstone.links:
            referrer = self.session.get(self._model(link.kind), link.id)
            if referrer is None or getattr(referrer, link.field) is not None:
                continue
            target = _BY_TABLE[_fk_table(link.kind, link.field)]
            if self.session.get(target, link.value) is not None:
                self._relink(link.kind, link.id, link.field, link.value)

    def _missing_references(self, kind: RecordKind, values: dict[str, Any],
                            restored: set[tuple[RecordKind, int]]) -> list[RecordKind]:
        """Required references to records that are gone; optional ones are emptied."""
        missing: list[RecordKind] = []
        for name, column in _columns(self._model(kind)).items():
            value = values.get(name)
            if value is None:
                continue
            for fk in column.foreign_keys:
                target = _BY_TABLE[fk.column.table.name]
                if self.session.get(target, value) is not None:
                    continue
                if column.nullable:
                    values[name] = None
                else:
                    missing.append(target.kind)
        if kind in (RecordKind.CITATION, RecordKind.ATTACHMENT):
            owner_kind = RecordKind(values["record_kind"])
            owner = (owner_kind, values["record_id"])
            if owner not in restored and self.session.get(TABLES[owner_kind],
                                                          values["record_id"]) is None:
                missing.append(owner_kind)
        return missing

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
    """:func:`remove`, for callers that need no undo."""
    return remove(catalog, kind, record_id, expected_version=expected_version, actor=actor)[0]


# ---------------------------------------------------------------- records as forms edit them


class RowValidationError(ValidationError):
    """A row of a part was refused; *path* names it: ``(("positions", 1),)``."""

    def __init__(self, kind: RecordKind, errors: Mapping[str, str],
                 path: tuple[tuple[str, int], ...]) -> None:
        super().__init__(kind, errors)
        self.path = path


@dataclass(frozen=True)
class CountryCode:
    """A country chosen from the ISO list that the catalog may not hold yet; saving
    adds it to the ``country`` table in the same transaction."""

    code: str


@dataclass(frozen=True)
class Part:
    """Rows a record owns and edits together with it (a person's positions)."""

    name: str
    kind: RecordKind
    link: str | None = None  # the column naming the owner; None: record_kind + record_id
    where: tuple[tuple[str, Any], ...] = ()  # fixed values that select the rows (role=photo)
    order: str | None = None  # a column that stores the list's order

    def link_values(self, owner_kind: RecordKind, owner_id: int) -> dict[str, Any]:
        values: dict[str, Any] = (
            {self.link: owner_id} if self.link
            else {"record_kind": owner_kind.value, "record_id": owner_id})
        values.update(self.where)
        return values

    @property
    def hidden(self) -> frozenset[str]:
        """Columns the save fills in: a form neither shows nor compares them."""
        names = {self.link} if self.link else {"record_kind", "record_id"}
        names.update(name for name, _ in self.where)
        if self.order:
            names.add(self.order)
        return frozenset(names)


_SOURCES = Part("sources", RecordKind.CITATION)
PARTS: dict[RecordKind, tuple[Part, ...]] = {
    RecordKind.PERSON: (
        Part("positions", RecordKind.POSITION, "person_id"),
        Part("photo", RecordKind.ATTACHMENT, where=(("role", "photo"),)),
        _SOURCES,
    ),
    RecordKind.CITY: (_SOURCES,),
    RecordKind.ORGANISATION: (_SOURCES,),
    RecordKind.PROGRAMME: (_SOURCES,),
    RecordKind.PAIRING: (Part("areas", RecordKind.PAIRING_AREA, "pairing_id"), _SOURCES),
    RecordKind.DELEGATION: (
        Part("members", RecordKind.DELEGATION_MEMBER, "delegation_id"),
        Part("engagements", RecordKind.ENGAGEMENT, "delegation_id", order="sequence"),
        _SOURCES,
    ),
    RecordKind.ENGAGEMENT: (
        Part("participants", RecordKind.ENGAGEMENT_PARTICIPANT, "engagement_id"), _SOURCES),
    RecordKind.EVENT: (
        Part("organisers", RecordKind.EVENT_ORGANISER, "event_id"),
        Part("sessions", RecordKind.EVENT_SESSION, "event_id", order="sequence"),
        Part("participants", RecordKind.EVENT_PARTICIPANT, "event_id"),
        _SOURCES,
    ),
}


def part(kind: RecordKind, name: str) -> Part:
    for found in PARTS.get(kind, ()):
        if found.name == name:
            return found
    raise KeyError(f"{kind.value} has no part {name!r}")


@dataclass(frozen=True)
class Draft:
    """A record as a form holds it: editable values, the version it was read at, and
    the rows of its parts. ``id`` is None for a record (or row) not saved yet."""

    kind: RecordKind
    values: Mapping[str, Any]
    id: int | None = None
    version: int | None = None
    parts: Mapping[str, tuple[Draft, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class RowSnapshot:
    kind: RecordKind
    id: int
    values: Mapping[str, Any]  # every column, id and version included


@dataclass(frozen=True)
class Link:
    """A reference that a delete cleared (``SET NULL``) and a restore sets again."""

    kind: RecordKind
    id: int
    field: str
    value: int


@dataclass(frozen=True)
class Tombstone:
    """Everything a delete removed: the record first, then owned rows (owners before
    what they own), then citations and attachments; plus the references it cleared."""

    kind: RecordKind
    id: int
    rows: tuple[RowSnapshot, ...]
    links: tuple[Link, ...]

    @property
    def version(self) -> int:
        return int(self.rows[0].values["version"])

    def count(self, kind: RecordKind) -> int:
        return sum(1 for row in self.rows if row.kind == kind)


@dataclass(frozen=True)
class Saved:
    result: Result
    state: Draft  # the record as saved, ids and versions filled in
    graveyard: dict[tuple[RecordKind, int], Tombstone]


def _noun(kind: RecordKind) -> str:
    return kind.value.replace("_", " ")


def _fk_table(kind: RecordKind, name: str) -> str:
    column = _columns(TABLES[kind])[name]
    return next(iter(column.foreign_keys)).column.table.name


def _snapshot_json(record: Record) -> str:
    return json.dumps({k: _as_text(v) for k, v in _snapshot(record).items()},
                      ensure_ascii=False)


def editable_values(record: Record, hidden: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The columns a user edits (everything but ids, versions, timestamps, derived)."""
    return {name: value for name, value in _snapshot(record).items()
            if name not in _PROTECTED and name not in hidden}


def part_rows(session: Session, owner_kind: RecordKind, owner_id: int,
               part: Part) -> list[Record]:
    model = TABLES[part.kind]
    criteria = [getattr(model, name) == value
                for name, value in part.link_values(owner_kind, owner_id).items()]
    order = [getattr(model, part.order)] if part.order else []
    query = select(model).where(*criteria).order_by(*order, col(model.id))
    return list(session.execute(query).scalars())


def _draft(session: Session, record: Record, hidden: frozenset[str]) -> Draft:
    kind = record.kind
    assert record.id is not None
    parts = {
        p.name: tuple(_draft(session, row, p.hidden)
                      for row in part_rows(session, kind, record.id, p))
        for p in PARTS.get(kind, ())
    }
    return Draft(kind, editable_values(record, hidden), record.id, record.version, parts)


def same_content(a: Draft, b: Draft) -> bool:
    """Equal values and equal rows (same ids, same content), whatever the versions.

    Versions only ever grow, so an undo that puts a record back as it was still
    leaves a new version; what matters to the step before it is the content.
    """
    if a.kind != b.kind or a.id != b.id or dict(a.values) != dict(b.values):
        return False
    for name in set(a.parts) | set(b.parts):
        rows_a, rows_b = a.parts.get(name, ()), b.parts.get(name, ())
        if len(rows_a) != len(rows_b) or not all(
                same_content(x, y) for x, y in zip(rows_a, rows_b, strict=True)):
            return False
    return True


def load_draft(session: Session, kind: RecordKind, record_id: int) -> Draft | None:
    """A record's current values, version and parts, as a form loads them."""
    record = session.get(TABLES[kind], record_id)
    if record is None:
        return None
    return _draft(session, record, frozenset())


def prepare(kind: RecordKind, values: Mapping[str, Any]) -> tuple[dict[str, Any],
                                                                   dict[str, str]]:
    """Form input turned into column types, and the fields that could not be (live checks)."""
    columns = _columns(TABLES[kind])
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name in columns and name not in _PROTECTED:
            clean[name] = (value if isinstance(value, CountryCode)
                           else _coerce(kind, columns[name], value, errors))
    return clean, errors


def defaults(kind: RecordKind, hidden: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The editable values of a new record of *kind* before the user types anything."""
    model = TABLES[kind]
    blank = model()
    return {name: getattr(blank, name, None) for name in _columns(model)
            if name not in _PROTECTED and name not in hidden}


def check(kind: RecordKind, values: Mapping[str, Any]) -> dict[str, str]:
    """Every error :func:`save` would report for these values, without a database:
    the same rules (``db.validation``), so a form's live messages match the save's."""
    clean, errors = prepare(kind, values)
    row = {name: (0 if isinstance(value, CountryCode) else value)
           for name, value in {**defaults(kind), **clean}.items()}
    return {**validate(kind, row), **errors}


def capture(session: Session, kind: RecordKind, record_id: int) -> Tombstone:
    """What deleting this record would remove, and which references it would clear."""
    record = session.get(TABLES[kind], record_id)
    if record is None:
        raise NotFoundError(f"There is no {_noun(kind)} with id {record_id}.")
    owned: list[tuple[RecordKind, Record]] = []
    seen: set[tuple[RecordKind, int]] = {(kind, record_id)}
    for owned_kind, row in reversed(list(_owned_rows(session, kind, record_id))):
        assert row.id is not None
        if (owned_kind, row.id) not in seen:
            seen.add((owned_kind, row.id))
            owned.append((owned_kind, row))
    rows = [RowSnapshot(kind, record_id, _snapshot(record))]
    rows += [RowSnapshot(k, r.id or 0, _snapshot(r)) for k, r in owned]
    by_kind: dict[RecordKind, list[int]] = defaultdict(list)
    for k, i in seen:
        by_kind[k].append(i)
    for generic_kind in (RecordKind.CITATION, RecordKind.ATTACHMENT):
        generic = TABLES[generic_kind]
        for owner_kind, ids in by_kind.items():
            for found in session.execute(select(generic).where(
                    generic.record_kind == owner_kind.value,  # type: ignore[attr-defined]
                    col(generic.record_id).in_(ids),  # type: ignore[attr-defined]
            ).order_by(col(generic.id))).scalars():
                assert found.id is not None
                if (generic_kind, found.id) not in seen:
                    seen.add((generic_kind, found.id))
                    rows.append(RowSnapshot(generic_kind, found.id, _snapshot(found)))
    links: list[Link] = []
    for snapshot in rows:
        target = TABLES[snapshot.kind].__tablename__
        for model in TABLES.values():
            for column in _columns(model).values():
                for fk in column.foreign_keys:
                    if fk.column.table.name != target or _ondelete(fk) != "SET NULL":
                        continue
                    for (referrer_id,) in session.execute(
                            select(col(model.id)).where(column == snapshot.id)):
                        if (model.kind, referrer_id) not in seen:
                            links.append(Link(model.kind, referrer_id, column.name,
                                              snapshot.id))
    return Tombstone(kind, record_id, tuple(rows), tuple(links))


def owned(session: Session, kind: RecordKind, record_id: int) -> list[tuple[RecordKind, int]]:
    """The rows deleted with this record (positions, memberships, ...), as (kind, id)."""
    return [(k, r.id) for k, r in _owned_rows(session, kind, record_id) if r.id is not None]


def record_label(session: Session, kind: RecordKind, record_id: int) -> str | None:
    """The text a picker or a message shows for a record; None when it does not exist."""
    record = session.get(TABLES[kind], record_id)
    if record is None:
        return None
    if kind == RecordKind.PAIRING:
        names = [record_label(session, RecordKind.CITY, getattr(record, c)) or "?"
                 for c in ("city_a_id", "city_b_id")]
        return " – ".join(names)
    return values_label(kind, _snapshot(record))


def values_label(kind: RecordKind, values: Mapping[str, Any]) -> str:
    """A record's name from its values (undo texts: "Edit Nguyễn Đức Chung")."""
    from db.names import display_name

    if kind == RecordKind.PERSON:
        return display_name(values.get("given_names"), values.get("family_name") or "",
                            values.get("name_order") or "given_first")
    for name in ("name", "title", "filename", "code"):
        if values.get(name):
            return str(values[name])
    return _noun(kind)


def save(catalog: Catalog, desired: Draft, expected: Draft | None = None,
         graveyard: Mapping[tuple[RecordKind, int], Tombstone] | None = None, *,
         actor: str | None = None) -> Saved:
    """Create or update a record with its parts in one transaction (see
    :meth:`Transaction.save`); *graveyard* is copied, never changed in place."""
    grave = dict(graveyard or {})
    with transaction(catalog, actor=actor) as tx:
        record_id = tx.save(desired, expected, grave)
        state = load_draft(tx.session, desired.kind, record_id)
    assert tx.result is not None and state is not None
    return Saved(tx.result, state, grave)


def remove(catalog: Catalog, kind: RecordKind, record_id: int, *,
           expected_version: int | None, actor: str | None = None) -> tuple[Result, Tombstone]:
    """Delete a record, what it owns, its citations and attachments; clear references."""
    with transaction(catalog, actor=actor) as tx:
        tombstone = tx.remove(kind, record_id, expected_version=expected_version)
    assert tx.result is not None
    return tx.result, tombstone


def restore(catalog: Catalog, tombstone: Tombstone, *, actor: str | None = None) -> Result:
    """Undo :func:`remove`: every row back with its id, every cleared reference re-set."""
    with transaction(catalog, actor=actor) as tx:
        tx.restore(tombstone)
    assert tx.result is not None
    return tx.result
