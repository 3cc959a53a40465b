"""Records as forms edit them: a record with the rows it owns, and what a delete removed.

A :class:`Draft` is a record with its parts (a person and their positions) as a form
holds it; a :class:`Tombstone` is everything a delete took away, so undo can put it
back with the same ids. The writes themselves are :class:`db.ops.unit.Transaction`'s.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from db.models import Record, RecordKind
from db.ops.coerce import Placeholder, editable_values, snapshot
from db.ops.errors import NO_SUCH_RECORD, NotFoundError
from db.ops.graph import owned_rows, set_null_references
from db.ops.result import Result
from db.registry import REGISTRY
from db.said import say
from db.spec import Part
from db.vocabulary import said_noun


class _Parts(Mapping[RecordKind, tuple[Part, ...]]):
    """The parts of each kind that owns some, as the registry describes them."""

    def __getitem__(self, kind: RecordKind) -> tuple[Part, ...]:
        found = REGISTRY.parts(kind)
        if not found:
            raise KeyError(kind)
        return found

    def __iter__(self) -> Iterator[RecordKind]:
        return (kind for kind in REGISTRY if REGISTRY.parts(kind))

    def __len__(self) -> int:
        return sum(1 for _ in self)


PARTS: Mapping[RecordKind, tuple[Part, ...]] = _Parts()


def part(kind: RecordKind, name: str) -> Part:
    for found in REGISTRY.parts(kind):
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


@dataclass(frozen=True, eq=False)
class NewRecord(Placeholder):
    """A record a form's picker asked for ("Create new city “Huế”…"): written by the
    form's save in the same transaction (see :meth:`db.ops.unit.Transaction.save`),
    taken back by the same undo, and never written if the form is not saved.

    Compared by identity: the picker holds one object, so a form stays equal to itself;
    two pickers asking for a new "Huế" ask for two records."""

    draft: Draft
    label: str


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
    # Records the save wrote for its NewRecord values (or brought back), in the order
    # written: an undo removes them last to first, a redo brings them back first to last.
    made: tuple[tuple[RecordKind, int], ...] = ()


def noun(kind: RecordKind) -> str:
    return kind.value.replace("_", " ")


def part_rows(session: Session, owner_kind: RecordKind, owner_id: int,
              part: Part) -> list[Record]:
    model = REGISTRY.model(part.kind)
    criteria = [getattr(model, name) == value
                for name, value in part.link_values(owner_kind, owner_id).items()]
    order = [getattr(model, part.order)] if part.order else []
    query = select(model).where(*criteria).order_by(*order, col(model.id))
    rows = list(session.execute(query).scalars())
    return part.arrange(session, owner_id, rows) if part.arrange else rows


def _draft(session: Session, record: Record, hidden: frozenset[str]) -> Draft:
    kind = record.kind
    assert record.id is not None
    parts = {
        p.name: tuple(_draft(session, row, p.hidden)
                      for row in part_rows(session, kind, record.id, p))
        for p in REGISTRY.parts(kind)
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
    record = session.get(REGISTRY.model(kind), record_id)
    if record is None:
        return None
    return _draft(session, record, frozenset())


def capture(session: Session, kind: RecordKind, record_id: int) -> Tombstone:
    """What deleting this record would remove, and which references it would clear."""
    record = session.get(REGISTRY.model(kind), record_id)
    if record is None:
        raise NotFoundError(say(NO_SUCH_RECORD, noun=said_noun(kind), id=record_id))
    owned: list[tuple[RecordKind, Record]] = []
    seen: set[tuple[RecordKind, int]] = {(kind, record_id)}
    for owned_kind, row in reversed(list(owned_rows(session, kind, record_id))):
        assert row.id is not None
        if (owned_kind, row.id) not in seen:
            seen.add((owned_kind, row.id))
            owned.append((owned_kind, row))
    rows = [RowSnapshot(kind, record_id, snapshot(record))]
    rows += [RowSnapshot(k, r.id or 0, snapshot(r)) for k, r in owned]
    by_kind: dict[RecordKind, list[int]] = defaultdict(list)
    for k, i in seen:
        by_kind[k].append(i)
    for generic_kind in (RecordKind.CITATION, RecordKind.ATTACHMENT):
        generic = REGISTRY.model(generic_kind)
        for owner_kind, ids in by_kind.items():
            for found in session.execute(select(generic).where(
                    generic.record_kind == owner_kind.value,  # type: ignore[attr-defined]
                    col(generic.record_id).in_(ids),  # type: ignore[attr-defined]
            ).order_by(col(generic.id))).scalars():
                assert found.id is not None
                if (generic_kind, found.id) not in seen:
                    seen.add((generic_kind, found.id))
                    rows.append(RowSnapshot(generic_kind, found.id, snapshot(found)))
    links: list[Link] = []
    referrers = set_null_references(session, ((snap.kind, snap.id) for snap in rows))
    for snap in rows:
        for referrer_kind, referrer_id, name in referrers.get((snap.kind, snap.id), ()):
            if (referrer_kind, referrer_id) not in seen:
                links.append(Link(referrer_kind, referrer_id, name, snap.id))
    return Tombstone(kind, record_id, tuple(rows), tuple(links))
