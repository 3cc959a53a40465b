"""A record's change history, read from the change log as frozen rows.

``db.ops`` writes one change-log row per field changed (and one per record
created or deleted, holding its values as JSON). The detail pane wants "who
changed which field when, old → new" for a record *and* for the rows it owns
(a person's positions, a delegation's members), including owned rows that have
since been deleted. Those are found through the log itself: a create or delete
entry of an owned row records its owner's id, and every save that changes an
owned row also logs a change of its owner (``db.ops`` versions the owner), so
operations on the record lead to its rows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlmodel import Session, col, or_, select

from db.i18n import _
from db.models import ChangeAction, ChangeLogEntry, RecordKind
from db.registry import REGISTRY
from db.spec import PROTECTED, Part

# Columns that are not worth a line in a history (kept in the log all the same).
_QUIET_FIELDS = PROTECTED


@dataclass(frozen=True)
class ChangeView:
    """One line of history: a field of a record (or of one of its rows) changed."""

    changed_at: dt.datetime
    actor: str
    operation_id: str
    action: str  # create / update / delete
    record_kind: str
    record_id: int
    record_label: str  # "" for the record itself, "Position “Chairman”" for an owned row
    field: str | None
    old_value: str | None
    new_value: str | None


Row = tuple[str, int]  # (kind as spelled in the log, id)


def _parts(kind: RecordKind) -> dict[RecordKind, Part]:
    """The parts of *kind* by the kind of their rows."""
    return {p.kind: p for p in REGISTRY.parts(kind)}


def _current_rows(session: Session, kind: RecordKind, ids: Iterable[int]) -> set[Row]:
    """The rows the records *ids* own now, at any depth: one query per part and level."""
    found: set[Row] = set()
    wanted = sorted(set(ids))
    if not wanted:
        return found
    for part in REGISTRY.parts(kind):
        model = REGISTRY.model(part.kind)
        owner = col(getattr(model, part.link or "record_id"))
        query = select(col(model.id)).where(owner.in_(wanted))
        if not part.link:
            query = query.where(col(model.record_kind) == kind.value)  # type: ignore[attr-defined]
        for name, value in part.where:
            query = query.where(col(getattr(model, name)) == value)
        rows = [i for i in session.exec(query).all() if i is not None]
        found |= {(part.kind.value, i) for i in rows}
        found |= _current_rows(session, part.kind, rows)
    return found


def _values(entry: ChangeLogEntry) -> dict[str, str | None]:
    text = entry.new_value if entry.action == ChangeAction.CREATE else entry.old_value
    if not text:
        return {}
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _row_ids(session: Session, kind: RecordKind, record_id: int,
             entries: Iterable[ChangeLogEntry]) -> set[tuple[str, int]]:
    """Owned rows, present or deleted, whose entries belong in this record's history."""
    rows = _current_rows(session, kind, [record_id])
    parts = _parts(kind)
    operations = {e.operation_id for e in entries}
    if not parts or not operations:
        return rows
    # One operation can be a whole import; a LIKE on the logged values narrows it down
    # to this record's rows in the database, and the JSON check below confirms.
    clauses = []
    for part in parts.values():
        owner_field = part.link or "record_id"
        pattern = f'%"{owner_field}": "{record_id}"%'
        clauses.append((col(ChangeLogEntry.record_kind) == part.kind.value) & or_(
            col(ChangeLogEntry.new_value).like(pattern),
            col(ChangeLogEntry.old_value).like(pattern)))
    candidates = session.exec(select(ChangeLogEntry).where(
        col(ChangeLogEntry.operation_id).in_(operations),
        col(ChangeLogEntry.action).in_([ChangeAction.CREATE.value, ChangeAction.DELETE.value]),
        or_(*clauses),
    )).all()
    for entry in candidates:
        values = _values(entry)
        part = parts[REGISTRY.kind(entry.record_kind)]
        owner = part.link_values(kind, record_id)
        if all(str(values.get(name)) == str(value) for name, value in owner.items()):
            rows.add((entry.record_kind, entry.record_id))
    return rows


def _labels(session: Session, latest: dict[Row, dict[str, str | None]]) -> dict[Row, str]:
    """"Position “Chairman”" for each owned row, by its kind's one label rule.

    A row's values come from its latest create or delete entry; rows the log holds no
    values for are read from the catalog. Every record a label names (a member's
    person) is looked up once per kind, not once per row.
    """
    wanted: dict[RecordKind, set[int]] = defaultdict(set)
    unknown: dict[RecordKind, set[int]] = defaultdict(set)
    for (kind_value, row_id), values in latest.items():
        kind = REGISTRY.kind(kind_value)
        if not values:
            unknown[kind].add(row_id)
        for name, target in REGISTRY[kind].label.refs.items():
            value = values.get(name)
            if value is not None and str(value).isdigit():
                wanted[target].add(int(value))
    named = {(target, i): text for target, ids in wanted.items()
             for i, text in REGISTRY.labels(session, target, ids).items()}
    stored = {(kind.value, i): text for kind, ids in unknown.items()
              for i, text in REGISTRY.labels(session, kind, ids).items()}
    found: dict[Row, str] = {}
    for (kind_value, row_id), values in latest.items():
        spec = REGISTRY[REGISTRY.kind(kind_value)]
        noun = spec.noun(1).capitalize()
        text = REGISTRY.values_label(spec.kind, values, named) if values else \
            stored.get((kind_value, row_id), spec.noun(1))
        found[(kind_value, row_id)] = f"{noun} “{text}”" if text != spec.noun(1) \
            else f"{noun} {row_id}"
    return found


def history(session: Session, kind: RecordKind, record_id: int, *,
            limit: int = 1000) -> tuple[ChangeView, ...]:
    """Newest first: the record's changes and those of the rows it owns (or owned)."""
    own = session.exec(select(ChangeLogEntry).where(
        ChangeLogEntry.record_kind == kind.value, ChangeLogEntry.record_id == record_id)).all()
    rows = _row_ids(session, kind, record_id, own)
    entries = list(own)
    if rows:
        by_kind: dict[str, list[int]] = {}
        for row_kind, row_id in rows:
            by_kind.setdefault(row_kind, []).append(row_id)
        entries += session.exec(select(ChangeLogEntry).where(or_(*(
            (col(ChangeLogEntry.record_kind) == row_kind)
            & col(ChangeLogEntry.record_id).in_(ids)
            for row_kind, ids in by_kind.items())))).all()
    latest: dict[Row, dict[str, str | None]] = {}
    for entry in sorted(entries, key=lambda e: (e.changed_at, e.id or 0)):
        if (entry.record_kind, entry.record_id) != (kind.value, record_id):
            values = _values(entry)
            if values or (entry.record_kind, entry.record_id) not in latest:
                latest[(entry.record_kind, entry.record_id)] = values
    labels = _labels(session, latest)
    parts = _parts(kind)
    lines: list[ChangeView] = []
    for entry in sorted(entries, key=lambda e: (e.changed_at, e.id or 0), reverse=True):
        label = labels.get((entry.record_kind, entry.record_id), "")
        part = parts.get(REGISTRY.kind(entry.record_kind)) if label else None
        lines.extend(_lines(entry, label, part.hidden if part else frozenset()))
        if len(lines) >= limit:
            break
    return tuple(_named(session, lines[:limit]))


def _named(session: Session, lines: list[ChangeView]) -> list[ChangeView]:
    """Ids of other records shown by their names: "Hanoi People's Committee", not "4".

    All the records named are looked up in one query per kind, however long the history.
    """
    links = {k: REGISTRY.links(REGISTRY.kind(k)) for k in {line.record_kind for line in lines}}
    wanted: dict[RecordKind, set[int]] = defaultdict(set)
    for line in lines:
        target = links[line.record_kind].get(line.field or "")
        if target is not None:
            for value in (line.old_value, line.new_value):
                if value is not None and value.isdigit():
                    wanted[target].add(int(value))
    names = {(target, str(i)): text for target, ids in wanted.items()
             for i, text in REGISTRY.labels(session, target, ids).items()}

    def name(target: RecordKind, value: str | None) -> str | None:
        if value is None or not value.isdigit():
            return value
        return names.get((target, value), _("(deleted {noun} {id})").format(
            noun=REGISTRY[target].noun(1), id=value))

    named = []
    for line in lines:
        target = links[line.record_kind].get(line.field or "")
        if target is not None:
            line = replace(line, old_value=name(target, line.old_value),
                           new_value=name(target, line.new_value))
        named.append(line)
    return named


def _lines(entry: ChangeLogEntry, label: str, hidden: frozenset[str]) -> list[ChangeView]:
    def line(field: str | None, old: str | None, new: str | None) -> ChangeView:
        return ChangeView(entry.changed_at, entry.actor, entry.operation_id, entry.action,
                          entry.record_kind, entry.record_id, label, field, old, new)

    if entry.action == ChangeAction.UPDATE:
        return [] if entry.field is None else [line(entry.field, entry.old_value,
                                                    entry.new_value)]
    values = _values(entry)
    shown = {k: v for k, v in values.items()
             if k not in _QUIET_FIELDS and k not in hidden and v not in (None, "", "[]")}
    if entry.action == ChangeAction.CREATE:
        return [line(k, None, v) for k, v in shown.items()] or [line(None, None, None)]
    return [line(None, None, None)]


__all__ = ["ChangeView", "history"]
