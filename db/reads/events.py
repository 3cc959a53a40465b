"""Events with their organisers, sessions and participants."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from db import precedence
from db.bilingual import form
from db.dates import approximate_date
from db.models import (
    Event,
    EventOrganiser,
    EventParticipant,
    EventSession,
    Organisation,
    RecordKind,
)
from db.reads.common import Ref, SourceView, labels_of, ref_or_none, sources_of
from db.reads.people import PersonView, people


@dataclass(frozen=True)
class EventView:
    id: int
    version: int
    name: str
    series: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    date_note: str | None
    city: Ref | None
    venue: Ref | None
    venue_note: str | None
    theme: str | None
    description: str | None
    attendance: int | None
    figures: str | None
    organisers: tuple[tuple[Ref, str], ...]
    sessions: tuple[tuple[str, str, dt.date | None, str | None], ...]
    participants: tuple[tuple[PersonView, str, str | None], ...]
    sources: tuple[SourceView, ...]


def event(session: Session, event_id: int) -> EventView | None:
    e = session.get(Event, event_id)
    if e is None:
        return None
    cities = labels_of(session, RecordKind.CITY, [e.city_id])
    venues = labels_of(session, RecordKind.ORGANISATION, [e.venue_id])
    organisers = tuple(
        (Ref(RecordKind.ORGANISATION.value, o.id or 0, form(o)), eo.role)
        for eo, o in session.exec(
            select(EventOrganiser, Organisation)
            .join(Organisation, col(Organisation.id) == EventOrganiser.organisation_id)
            .where(EventOrganiser.event_id == event_id).order_by(col(EventOrganiser.id))
        )
    )
    sessions = tuple(
        (s.title, s.session_kind, s.date, s.notes)
        for s in session.exec(select(EventSession).where(EventSession.event_id == event_id)
                              .order_by(col(EventSession.sequence), col(EventSession.id)))
    )
    rows = session.exec(select(EventParticipant).where(EventParticipant.event_id == event_id)
                        .order_by(col(EventParticipant.id))).all()
    views = people(session, [ep.person_id for ep in rows], related=False)
    present = precedence.ordered([ep for ep in rows if ep.person_id in views],
                                 event_start_or_note(e), person=lambda ep: views[ep.person_id],
                                 role=lambda ep: ep.role, sequence=lambda ep: ep.sequence)
    participants = [(views[ep.person_id], ep.role, ep.notes) for ep in present]
    return EventView(
        event_id, e.version, form(e), e.series, e.start_date, e.end_date, e.date_note,
        ref_or_none(RecordKind.CITY, e.city_id, cities),
        ref_or_none(RecordKind.ORGANISATION, e.venue_id, venues),
        e.venue_note, e.theme, e.description, e.attendance, e.figures, organisers, sessions,
        tuple(participants), sources_of(session, RecordKind.EVENT, event_id),
    )


def event_start_or_note(e: Event) -> dt.date | None:
    """The day an event's participants are ordered on, before its sessions are read."""
    if e.start_date is not None:
        return e.start_date
    return approximate_date(None, e.date_note)


def event_day(view: EventView) -> dt.date | None:
    """The day an event's speakers' titles are read on."""
    if view.start_date is not None:
        return view.start_date
    dated = [s[2] for s in view.sessions if s[2] is not None]
    if dated:
        return min(dated)
    return approximate_date(None, view.date_note)
