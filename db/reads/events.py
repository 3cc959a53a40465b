"""Events with their organisers, sessions and participants."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from db import precedence
from db.bilingual import pick
from db.dates import approximate_date
from db.kinds import RecordKind
from db.reads.common import Ref, SourceView, labels_of, ref_or_none, sources_of
from db.reads.people import PersonView, people
from db.rows import Reader, day, rows_of


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


class _Participant(NamedTuple):
    person_id: int
    role: str
    notes: str | None
    sequence: int | None  # explicit order of precedence, when the user set one


def event(source: Reader, event_id: int) -> EventView | None:
    rows = rows_of(source)
    found = rows(
        "SELECT e.version, e.name, e.name_vi, e.series, e.start_date, e.end_date, e.date_note,"
        " e.city_id, e.venue_id, e.venue_note, e.theme, e.description, e.attendance,"
        ' e.figures FROM "event" e WHERE e.id = :id', {"id": event_id})
    if not found:
        return None
    ((version, name, name_vi, series, start_date, end_date, date_note, city_id, venue_id,
      venue_note, theme, description, attendance, figures),) = found
    cities = labels_of(source, RecordKind.CITY, [city_id])
    venues = labels_of(source, RecordKind.ORGANISATION, [venue_id])
    organisers = tuple(
        (Ref(RecordKind.ORGANISATION.value, oid or 0, pick(o_name, o_name_vi) or ""), role)
        for role, oid, o_name, o_name_vi in rows(
            'SELECT eo.role, o.id, o.name, o.name_vi FROM "event_organiser" eo'
            ' JOIN "organisation" o ON o.id = eo.organisation_id'
            " WHERE eo.event_id = :id ORDER BY eo.id", {"id": event_id})
    )
    sessions = tuple(
        (title, session_kind, day(date), notes)
        for title, session_kind, date, notes in rows(
            'SELECT s.title, s.session_kind, s."date", s.notes FROM "event_session" s'
            " WHERE s.event_id = :id ORDER BY s.sequence, s.id", {"id": event_id})
    )
    taking_part = [_Participant._make(row) for row in rows(
        "SELECT ep.person_id, ep.role, ep.notes, ep.sequence"
        ' FROM "event_participant" ep WHERE ep.event_id = :id ORDER BY ep.id', {"id": event_id})]
    views = people(source, [ep.person_id for ep in taking_part], related=False)
    start = day(start_date)
    present = precedence.ordered([ep for ep in taking_part if ep.person_id in views],
                                 start if start is not None else approximate_date(None, date_note),
                                 person=lambda ep: views[ep.person_id],
                                 role=lambda ep: ep.role, sequence=lambda ep: ep.sequence)
    participants = [(views[ep.person_id], ep.role, ep.notes) for ep in present]
    return EventView(
        event_id, version, pick(name, name_vi) or "", series, start, day(end_date), date_note,
        ref_or_none(RecordKind.CITY, city_id, cities),
        ref_or_none(RecordKind.ORGANISATION, venue_id, venues),
        venue_note, theme, description, attendance, figures, organisers, sessions,
        tuple(participants), sources_of(source, RecordKind.EVENT, event_id),
    )


class Dated(Protocol):
    """An event's dates: a table row or a read object."""

    @property
    def start_date(self) -> dt.date | None: ...
    @property
    def date_note(self) -> str | None: ...


def event_start_or_note(e: Dated) -> dt.date | None:
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
