"""The gift register as the detail panes and the briefing sheets read it.

A gift is listed on the people who gave or received it, on the delegation (or
event) it was exchanged at, and on the pairing that delegation served, so the
next visit never repeats one. Each read is one query for the gifts plus one per
kind of record they name, however many gifts there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_
from sqlmodel import Session, col, select

from db.models import Delegation, Gift, Person, RecordKind
from db.reads.common import Ref, labels_of
from db.reads.people import person_label


@dataclass(frozen=True)
class GiftView:
    """One gift, with the records it names as links (the gift itself is :attr:`ref`)."""

    ref: Ref  # kind "gift": the pane links it to its editor
    version: int
    date: dt.date | None
    direction: str  # db.kinds.GiftDirection value
    giver: Ref | None  # the person who gave it, else the organisation
    giving_body: Ref | None  # the organisation, when a person is also named
    recipient: Ref | None
    receiving_body: Ref | None
    delegation: Ref | None
    event: Ref | None
    description: str
    value: str | None
    notes: str | None

    @property
    def id(self) -> int:
        return self.ref.id


def _titles(session: Session, model: Any, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.exec(select(model.id, model.title)
                             .where(col(model.id).in_(wanted))).all())


def _people(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.exec(select(Person).where(col(Person.id).in_(wanted))).all()
    return {p.id or 0: person_label(p) for p in rows}


def _ref(kind: RecordKind, record_id: int | None, labels: dict[int, str]) -> Ref | None:
    if record_id is None or record_id not in labels:
        return None
    return Ref(kind.value, record_id, labels[record_id])


def views(session: Session, rows: Sequence[Gift]) -> tuple[GiftView, ...]:
    """Read objects for *rows*, newest first (undated gifts last)."""
    people = _people(session, [i for g in rows for i in (g.from_person_id, g.to_person_id)])
    bodies = labels_of(session, RecordKind.ORGANISATION,
                       [i for g in rows for i in (g.from_organisation_id, g.to_organisation_id)])
    delegations = _titles(session, Delegation, [g.delegation_id for g in rows])
    events = labels_of(session, RecordKind.EVENT, [g.event_id for g in rows])
    found = []
    for g in rows:
        giver = _ref(RecordKind.PERSON, g.from_person_id, people)
        giving = _ref(RecordKind.ORGANISATION, g.from_organisation_id, bodies)
        recipient = _ref(RecordKind.PERSON, g.to_person_id, people)
        receiving = _ref(RecordKind.ORGANISATION, g.to_organisation_id, bodies)
        found.append(GiftView(
            Ref(RecordKind.GIFT.value, g.id or 0, g.description), g.version, g.date,
            g.direction, giver or giving, giving if giver else None,
            recipient or receiving, receiving if recipient else None,
            _ref(RecordKind.DELEGATION, g.delegation_id, delegations),
            _ref(RecordKind.EVENT, g.event_id, events), g.description, g.value, g.notes))
    found.sort(key=lambda v: (v.date is None, dt.date.max - (v.date or dt.date.max), v.id))
    return tuple(found)


def _where(session: Session, *criteria: ColumnElement[bool]) -> tuple[GiftView, ...]:
    return views(session, session.exec(select(Gift).where(or_(*criteria))).all())


def of_person(session: Session, person_id: int) -> tuple[GiftView, ...]:
    """Gifts the person gave or received."""
    return of_people(session, [person_id]).get(person_id, ())


def of_people(session: Session, person_ids: Iterable[int]) -> dict[int, tuple[GiftView, ...]]:
    """The gifts each of *person_ids* gave or received (:func:`of_person` for many people
    in one read: a batch of bio sheets); people with none are left out."""
    wanted = sorted(set(person_ids))
    if not wanted:
        return {}
    rows = session.exec(select(Gift).where(or_(col(Gift.from_person_id).in_(wanted),
                                               col(Gift.to_person_id).in_(wanted)))).all()
    chosen = set(wanted)
    named = {g.id: {g.from_person_id, g.to_person_id} & chosen for g in rows}
    found: dict[int, list[GiftView]] = {}
    for view in views(session, rows):  # newest first, and so each person's share of them
        for person_id in named[view.id]:
            if person_id is not None:
                found.setdefault(person_id, []).append(view)
    return {person_id: tuple(gifts) for person_id, gifts in found.items()}


def of_delegation(session: Session, delegation_id: int) -> tuple[GiftView, ...]:
    """Gifts exchanged during the delegation's visit."""
    return _where(session, col(Gift.delegation_id) == delegation_id)


def of_pairing(session: Session, pairing_id: int) -> tuple[GiftView, ...]:
    """Gifts exchanged during any delegation of the pairing."""
    visits = select(Delegation.id).where(col(Delegation.pairing_id) == pairing_id)
    return _where(session, col(Gift.delegation_id).in_(visits))


def of_record(session: Session, kind: str, record_id: int) -> tuple[GiftView, ...]:
    """The gifts a detail pane or sheet of *kind* lists (none for other kinds)."""
    if kind == RecordKind.PERSON.value:
        return of_person(session, record_id)
    if kind == RecordKind.DELEGATION.value:
        return of_delegation(session, record_id)
    if kind == RecordKind.PAIRING.value:
        return of_pairing(session, record_id)
    return ()


def exchanged_with(session: Session, *, person_ids: Iterable[int] = (),
                   delegation_id: int | None = None,
                   pairing_id: int | None = None) -> tuple[GiftView, ...]:
    """Every gift a briefing should recall: those exchanged on this visit, during any
    visit of the same pairing, and those the people on the sheet ever gave or received
    (the next visit must not repeat one)."""
    people = sorted(set(person_ids))
    criteria: list[ColumnElement[bool]] = []
    if people:
        criteria += [col(Gift.from_person_id).in_(people), col(Gift.to_person_id).in_(people)]
    if delegation_id is not None:
        criteria.append(col(Gift.delegation_id) == delegation_id)
    if pairing_id is not None:
        criteria.append(col(Gift.delegation_id).in_(
            select(Delegation.id).where(col(Delegation.pairing_id) == pairing_id)))
    return _where(session, *criteria) if criteria else ()
