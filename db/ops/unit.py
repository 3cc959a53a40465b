"""The unit of work: one :class:`Transaction` per operation, and the public operations.

Every operation runs inside one transaction (``BEGIN IMMEDIATE`` on SQLite) and
returns *what changed* (:class:`db.ops.result.Result`). A form saves a record and
the rows it owns (a person and their positions) as one step; a delete leaves a
tombstone that undo can restore with the same ids, and nothing is left pointing at
a deleted record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import col, select

from db import dialect
from db.catalog.handle import Catalog
from db.i18n import N_
from db.models import ChangeAction, RecordKind
from db.ops.batch import Vetted, create_many, vet
from db.ops.coerce import CountryCode, columns, snapshot_json
from db.ops.drafts import (
    Draft,
    NewRecord,
    Part,
    Saved,
    Tombstone,
    capture,
    load_draft,
)
from db.ops.errors import NotFoundError, OperationError, RowValidationError, ValidationError
from db.ops.graph import by_table, fk_table
from db.ops.probe import Probe
from db.ops.result import Change, Result
from db.ops.steps import Steps
from db.registry import REGISTRY
from db.said import say
from db.validation import country_name
from db.vocabulary import said_noun

DELETED_FOR_GOOD = N_("This {noun} was deleted and cannot be brought back.")


@dataclass
class Transaction(Steps):
    """Steps of one operation; all are committed together or not at all."""

    # Records written for NewRecord values, in order, and which value made which.
    made: list[tuple[RecordKind, int]] = field(default_factory=list)
    _made_for: dict[int, int] = field(default_factory=dict)

    def delete(self, kind: RecordKind, record_id: int, *,
               expected_version: int | None) -> Tombstone:
        """Delete the record and what it owns, leaving nothing that points at it.

        Refused while others need it (RESTRICT). Returns what undo needs to put it back.
        """
        return self.remove(kind, record_id, expected_version=expected_version)

    def create_many(self, kind: RecordKind,
                    rows: Sequence[Mapping[str, Any] | Vetted]) -> list[int]:
        """Create many records of one kind at once (see :mod:`db.ops.batch`)."""
        return create_many(self, kind, rows)

    def vet(self, kind: RecordKind, values: Mapping[str, Any], *,
            pending: frozenset[str] = frozenset(), probe: Probe | None = None) -> Vetted:
        """Check a row for :meth:`create_many` now, write it later (see :func:`vet`)."""
        return vet(self, kind, values, pending=pending, probe=probe)

    # ------------------------------------------------------------ records with their parts

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
        values = self._resolve(kind, {**desired.values, **link}, graveyard)
        if expected is None and desired.id is not None:
            tombstone = graveyard.pop((kind, desired.id), None)
            if tombstone is None:
                raise NotFoundError(say(DELETED_FOR_GOOD, noun=said_noun(kind)))
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
            record = self._get(kind, record_id)
            self.expect_version(kind, record, expected.version)
            version = record.version
            have_parts = expected.parts
            changed = False
        parts_changed = False
        for part in REGISTRY.parts(kind):
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

    def _resolve(self, kind: RecordKind, values: Mapping[str, Any],
                 graveyard: dict[tuple[RecordKind, int], Tombstone]) -> dict[str, Any]:
        """Replace :class:`CountryCode` values by the country's id, adding it if new, and
        :class:`NewRecord` values by the id of the record they ask for, written now."""
        resolved = dict(values)
        for name, value in values.items():
            if isinstance(value, NewRecord):
                resolved[name] = self._make(kind, name, value, graveyard)
                continue
            if not isinstance(value, CountryCode):
                continue
            model = REGISTRY.model(RecordKind.COUNTRY)
            code = value.code.strip().upper()
            found = self.session.execute(
                select(col(model.id)).where(model.code == code)  # type: ignore[attr-defined]
            ).scalar_one_or_none()
            if found is None:
                try:
                    found = self.create(RecordKind.COUNTRY,
                                        {"code": code, "name": country_name(code) or code})
                except ValidationError as exc:
                    raise ValidationError(kind, {name: " ".join(exc.errors.values())}) from exc
            resolved[name] = found
        return resolved

    def _make(self, kind: RecordKind, name: str, new: NewRecord,
              graveyard: dict[tuple[RecordKind, int], Tombstone]) -> int:
        """Write the record *new* asks for (once, however many fields name it)."""
        made = self._made_for.get(id(new))
        if made is None:
            try:
                made, _changed = self._save(new.draft, None, graveyard, {})
            except ValidationError as exc:  # said beside the picker that asked for it
                raise ValidationError(kind, {name: f"{new.label}: "
                                             + " ".join(exc.errors.values())}) from exc
            self._made_for[id(new)] = made
            self.made.append((new.draft.kind, made))
        return made

    def remove(self, kind: RecordKind, record_id: int, *,
               expected_version: int | None) -> Tombstone:
        """Delete like :meth:`delete`, leaving nothing behind that points at what went.

        References that would be cleared by the database (``SET NULL``) are cleared
        here, versioned and logged; citations and attachments of owned rows go too.
        The returned tombstone lets :meth:`restore` put everything back.
        """
        record = self._get(kind, record_id)
        self.expect_version(kind, record, expected_version)
        tombstone = capture(self.session, kind, record_id)
        for row in tombstone.rows[1:]:
            if row.kind in (RecordKind.CITATION, RecordKind.ATTACHMENT) and (
                    row.values["record_kind"], row.values["record_id"]) != (kind.value,
                                                                            record_id):
                generic = self._get(row.kind, row.id)
                self._log(row.kind, row.id, ChangeAction.DELETE, old=snapshot_json(generic))
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
                raise OperationError(say(N_(
                    "Cannot bring back this {noun}: its number {id} is now used by another "
                    "record."), noun=said_noun(row.kind), id=row.id))
            values = dict(row.values)
            missing = self._missing_references(row.kind, values, restored)
            if missing and index == 0:
                raise OperationError(say(N_(
                    "Cannot bring back this {noun}: the {owner} it belongs to has been deleted "
                    "since."), noun=said_noun(row.kind), owner=said_noun(missing[0])))
            if missing:
                continue
            record = model(**values)
            self.session.add(record)
            self.session.flush()
            restored.add((row.kind, row.id))
            self._log(row.kind, row.id, ChangeAction.CREATE, new=snapshot_json(record))
            self._mark(row.kind, row.id, values)
            self.changes.append(Change(row.kind, row.id, ChangeAction.CREATE, (),
                                       record.version))
        for link in tombstone.links:
            referrer = self.session.get(self._model(link.kind), link.id)
            if referrer is None or getattr(referrer, link.field) is not None:
                continue
            target = by_table(fk_table(link.kind, link.field))
            if self.session.get(target, link.value) is not None:
                self._relink(link.kind, link.id, link.field, link.value)

    def _missing_references(self, kind: RecordKind, values: dict[str, Any],
                            restored: set[tuple[RecordKind, int]]) -> list[RecordKind]:
        """Required references to records that are gone; optional ones are emptied."""
        missing: list[RecordKind] = []
        for name, column in columns(self._model(kind)).items():
            value = values.get(name)
            if value is None:
                continue
            for fk in column.foreign_keys:
                target = by_table(fk.column.table.name)
                if self.session.get(target, value) is not None:
                    continue
                if column.nullable:
                    values[name] = None
                else:
                    missing.append(target.kind)
        if kind in (RecordKind.CITATION, RecordKind.ATTACHMENT):
            owner_kind = RecordKind(values["record_kind"])
            owner = (owner_kind, values["record_id"])
            if owner not in restored and self.session.get(REGISTRY.model(owner_kind),
                                                          values["record_id"]) is None:
                missing.append(owner_kind)
        return missing


@contextmanager
def transaction(catalog: Catalog, *, actor: str | None = None,
                late_lock: bool = False) -> Iterator[Transaction]:
    """One operation of several steps, in one write transaction (*late_lock*: see
    :meth:`Catalog.write_session`)."""
    with catalog.write_session(late_lock=late_lock) as session:
        # The change log names the database login on a server, the OS user on a file.
        tx = Transaction(session=session, actor=actor or dialect.of(session).actor(session))
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


def save(catalog: Catalog, desired: Draft, expected: Draft | None = None,
         graveyard: Mapping[tuple[RecordKind, int], Tombstone] | None = None, *,
         actor: str | None = None, revive: Iterable[tuple[RecordKind, int]] = (),
         discard: Iterable[tuple[RecordKind, int]] = ()) -> Saved:
    """Create or update a record with its parts in one transaction (see
    :meth:`Transaction.save`); *graveyard* is copied, never changed in place.

    For undo and redo of a save that made records from :class:`NewRecord` values:
    *revive* brings those back from *graveyard* first (a redo), *discard* removes
    them after the save (an undo), in the order given, all in the same transaction.
    """
    grave = dict(graveyard or {})
    revived = tuple(revive)
    with transaction(catalog, actor=actor) as tx:
        for key in revived:
            tombstone = grave.pop(key, None)
            if tombstone is None:
                raise NotFoundError(say(DELETED_FOR_GOOD, noun=said_noun(key[0])))
            tx.restore(tombstone)
        record_id = tx.save(desired, expected, grave)
        for key in discard:
            grave[key] = tx.remove(key[0], key[1], expected_version=None)
        state = load_draft(tx.session, desired.kind, record_id)
    assert tx.result is not None and state is not None
    return Saved(tx.result, state, grave, revived + tuple(tx.made))


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
