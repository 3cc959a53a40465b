"""Records as rows: the cells a CSV or XLSX export writes, one kind per file or sheet.

The columns are the import's fields (:mod:`db.interchange.fields`), so an
exported sheet imports back; headers are in English or Vietnamese. References
are written as the referenced record's name, several values as ``a; b``. A
person's row carries the current position (title, organisation, its city);
private notes never leave the catalog this way (a sheet is handed to others).

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
would be run as a formula by a spreadsheet program; it is written with a
leading apostrophe (OWASP's advice), which the import takes off again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from db import ops
from db.interchange.fields import fields, header
from db.models import (
    TABLES,
    DelegationMember,
    EventParticipant,
    Organisation,
    PairingArea,
    Person,
    Position,
    RecordKind,
)
from db.names import display_name

_PRIVATE = frozenset({"private_notes", "notes", "photo", "full_name"})


def columns(kind: RecordKind) -> list[str]:
    """The fields a sheet of *kind* has, in order."""
    return [name for name in fields(kind) if name not in _PRIVATE]


def headers(kind: RecordKind, language: str = "en") -> list[str]:
    return [header(kind, name, language) for name in columns(kind)]


class _Labels:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[tuple[RecordKind, int], str | None] = {}

    def __call__(self, kind: RecordKind, record_id: int | None) -> str | None:
        if record_id is None:
            return None
        key = (kind, record_id)
        if key not in self.cache:
            self.cache[key] = ops.record_label(self.session, kind, record_id)
        return self.cache[key]


def _people(session: Session, model: Any, link: str, owner_id: int, role_default: str
            ) -> str:
    rows = session.execute(select(Person, model.role).join(
        model, col(model.person_id) == col(Person.id)).where(
        getattr(model, link) == owner_id).order_by(col(model.id))).all()
    return "; ".join(
        display_name(p.given_names, p.family_name, p.name_order)
        + (f" ({role})" if role and role != role_default else "") for p, role in rows)


def _current_position(session: Session, person_id: int) -> Position | None:
    return session.execute(select(Position).where(
        col(Position.person_id) == person_id, col(Position.end_date).is_(None)).order_by(
        col(Position.rank), col(Position.id))).scalars().first()


def rows(session: Session, kind: RecordKind) -> Iterator[list[Any]]:
    """Each record of *kind* as a list of cells (not yet neutralised), in id order."""
    model = TABLES[kind]
    label = _Labels(session)
    known = fields(kind)
    names = columns(kind)
    for record in session.execute(select(model).order_by(col(model.id))).scalars():
        values: dict[str, Any] = {}
        for name in names:
            info = known[name]
            if info.column is not None:
                value = getattr(record, info.column.name)
                if info.refers_to is not None:
                    value = label(info.refers_to, value)
                values[name] = value
        if kind == RecordKind.PERSON:
            position = _current_position(session, record.id)
            if position is not None:
                values["title"] = position.title
                values["organisation"] = label(RecordKind.ORGANISATION,
                                               position.organisation_id)
                org = (session.get(Organisation, position.organisation_id)
                       if position.organisation_id else None)
                values["city"] = label(RecordKind.CITY, org.city_id if org else None)
        elif kind == RecordKind.PAIRING:
            areas = session.execute(select(col(PairingArea.area_id)).where(
                col(PairingArea.pairing_id) == record.id)).scalars()
            values["areas"] = "; ".join(label(RecordKind.COOPERATION_AREA, a) or "" for a in areas)
        elif kind == RecordKind.DELEGATION:
            values["members"] = _people(session, DelegationMember, "delegation_id", record.id,
                                        "member")
        elif kind == RecordKind.EVENT:
            values["participants"] = _people(session, EventParticipant, "event_id", record.id,
                                             "attendee")
        yield [_cell(values.get(name)) for name in names]


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value
