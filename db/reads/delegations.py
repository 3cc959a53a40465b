"""Delegations with their members (in order of precedence) and their programme,
and the meetings a person took part in."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from db import precedence
from db.dates import approximate_date
from db.kinds import RecordKind
from db.names import display_name
from db.reads.common import Ref, SourceView, labels_of, ref_or_none, sources_of
from db.reads.people import PersonView, people
from db.reads.protocol import ContactView, contacts
from db.rows import Reader, clock, day, ids_in, rows_of
from db.wording import pairing_label


@dataclass(frozen=True)
class MemberView:
    person: PersonView
    role: str
    notes: str | None
    sequence: int | None = None  # explicit order of precedence, when the user set one


@dataclass(frozen=True)
class EngagementView:
    id: int
    title: str
    date: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    city: Ref | None
    place: str | None
    host: Ref | None
    participants: tuple[tuple[Ref, str], ...]
    topics: str | None
    notes: str | None


@dataclass(frozen=True)
class DelegationView:
    id: int
    version: int
    title: str
    direction: str
    sending_city: Ref | None
    sending_organisation: Ref | None
    host_city: Ref | None
    start_date: dt.date | None
    end_date: dt.date | None
    date_note: str | None
    purpose: str | None
    status: str
    pairing: Ref | None
    event: Ref | None
    outcomes: str | None
    follow_ups: str | None
    members: tuple[MemberView, ...]
    engagements: tuple[EngagementView, ...]
    sources: tuple[SourceView, ...]
    # Logistics, contact officers and press (db.models.Delegation; db.reads.protocol).
    arrival: str | None = None
    departure: str | None = None
    accommodation: str | None = None
    our_contact: ContactView | None = None
    their_contact: ContactView | None = None
    press: str | None = None


def delegation_day(view: DelegationView) -> dt.date | None:
    """The day a delegation's titles are read on: its first day, else its earliest dated
    engagement, else what its date note says; None when nothing is known."""
    if view.start_date is not None:
        return view.start_date
    dated = [e.date for e in view.engagements if e.date is not None]
    if dated:
        return min(dated)
    return approximate_date(None, view.date_note)


def by_precedence(members: Iterable[MemberView],
                  day: dt.date | None) -> tuple[MemberView, ...]:
    """Members in the one order of precedence (db.precedence) on *day*.

    :func:`delegation` orders on :func:`delegation_day` (its first day, else its first
    dated engagement, else what its date note says), the day its titles are printed on.
    """
    return tuple(precedence.ordered(members, day, person=lambda m: m.person,
                                    role=lambda m: m.role, sequence=lambda m: m.sequence))


class _DelegationRow(NamedTuple):
    """A ``delegation`` row as :func:`delegation` selects it (the SQL names these columns)."""

    version: int
    title: str
    direction: str
    sending_city_id: int | None
    sending_organisation_id: int | None
    host_city_id: int | None
    start_date: Any  # DATE: db.rows.day
    end_date: Any  # DATE: db.rows.day
    date_note: str | None
    purpose: str | None
    status: str
    pairing_id: int | None
    event_id: int | None
    outcomes: str | None
    follow_ups: str | None
    arrival: str | None
    departure: str | None
    accommodation: str | None
    our_contact_id: int | None
    our_contact_details: str | None
    their_contact_id: int | None
    their_contact_details: str | None
    press: str | None


_DELEGATION_COLUMNS = ", ".join(f"d.{name}" for name in _DelegationRow._fields)


class _MemberRow(NamedTuple):
    person_id: int
    role: str
    notes: str | None
    sequence: int | None


def delegation(source: Reader, delegation_id: int, *,
               member_details: bool = True) -> DelegationView | None:
    """:func:`db.delegation` (same view, same order) with members and programme loaded
    in batches: a fixed number of queries however many people come.

    ``member_details=False`` leaves the members' own delegations, events and sources
    empty (see :func:`people`): the delegation sheet prints none of them.
    """
    rows = rows_of(source)
    found = rows(f'SELECT {_DELEGATION_COLUMNS} FROM "delegation" d WHERE d.id = :id',
                 {"id": delegation_id})
    if not found:
        return None
    d = _DelegationRow._make(found[0])
    paired = rows('SELECT pa.id, pa.city_a_id, pa.city_b_id FROM "pairing" pa WHERE pa.id = :id',
                  {"id": d.pairing_id}) if d.pairing_id is not None else []
    pairing_id, city_a_id, city_b_id = paired[0] if paired else (None, None, None)
    labels = labels_of
    cities_ = labels(source, RecordKind.CITY, [d.sending_city_id, d.host_city_id,
                                               *((city_a_id, city_b_id) if paired else ())])
    pairing = Ref(RecordKind.PAIRING.value, pairing_id or 0, pairing_label(
        cities_.get(city_a_id or 0), cities_.get(city_b_id or 0))) if paired else None
    orgs = labels(source, RecordKind.ORGANISATION, [d.sending_organisation_id])
    events_ = labels(source, RecordKind.EVENT, [d.event_id])
    member_rows = [_MemberRow._make(row) for row in rows(
        "SELECT m.person_id, m.role, m.notes, m.sequence"
        ' FROM "delegation_member" m WHERE m.delegation_id = :id', {"id": delegation_id})]
    views = people(source, [m.person_id for m in member_rows], related=member_details)
    members = [MemberView(views[m.person_id], m.role, m.notes, m.sequence)
               for m in member_rows if m.person_id in views]
    engagements = _programme(source, delegation_id)
    if all(e.date is not None for e in engagements):
        engagements.sort(key=lambda e: (e.date or dt.date.max, e.start_time or dt.time.min))
    dated = [e.date for e in engagements if e.date is not None]
    start_date = day(d.start_date)
    members = list(by_precedence(members, start_date or (min(dated) if dated else None)
                                 or approximate_date(None, d.date_note)))
    ours, theirs = contacts(source, d.our_contact_id, d.our_contact_details,
                            d.their_contact_id, d.their_contact_details)
    return DelegationView(
        id=delegation_id, version=d.version, title=d.title, direction=d.direction,
        sending_city=ref_or_none(RecordKind.CITY, d.sending_city_id, cities_),
        sending_organisation=ref_or_none(RecordKind.ORGANISATION, d.sending_organisation_id,
                                        orgs),
        host_city=ref_or_none(RecordKind.CITY, d.host_city_id, cities_),
        start_date=start_date, end_date=day(d.end_date), date_note=d.date_note,
        purpose=d.purpose, status=d.status,
        pairing=pairing,
        event=ref_or_none(RecordKind.EVENT, d.event_id, events_),
        outcomes=d.outcomes, follow_ups=d.follow_ups, members=tuple(members),
        engagements=tuple(engagements),
        sources=sources_of(source, RecordKind.DELEGATION, delegation_id),
        arrival=d.arrival, departure=d.departure, accommodation=d.accommodation,
        our_contact=ours, their_contact=theirs, press=d.press,
    )


class _EngagementRow(NamedTuple):
    """An ``engagement`` row as :func:`_programme` selects it."""

    id: int
    title: str
    date: Any  # DATE: db.rows.day
    start_time: Any  # TIME: db.rows.clock
    end_time: Any  # TIME: db.rows.clock
    city_id: int | None
    place: str | None
    host_organisation_id: int | None
    topics: str | None
    notes: str | None


# "date" is quoted: a keyword in SQL, if not reserved on SQLite or PostgreSQL.
_ENGAGEMENT_COLUMNS = ", ".join(f'e."{name}"' for name in _EngagementRow._fields)


def _programme(source: Reader, delegation_id: int) -> list[EngagementView]:
    """The meetings of a delegation's programme in the order entered, with their people."""
    rows = rows_of(source)
    found = [_EngagementRow._make(row) for row in rows(
        f'SELECT {_ENGAGEMENT_COLUMNS} FROM "engagement" e'
        " WHERE e.delegation_id = :id ORDER BY e.sequence, e.id", {"id": delegation_id})]
    places = labels_of(source, RecordKind.CITY, [e.city_id for e in found])
    hosts = labels_of(source, RecordKind.ORGANISATION, [e.host_organisation_id for e in found])
    taking_part: dict[int, list[tuple[Ref, str]]] = defaultdict(list)
    if found:
        where, params = ids_in("engagement", (e.id for e in found))
        for engagement_id, role, pid, given_names, family_name, name_order in rows(
                "SELECT ep.engagement_id, ep.role, p.id, p.given_names, p.family_name,"
                ' p.name_order FROM "engagement_participant" ep'
                ' JOIN "person" p ON p.id = ep.person_id'
                f" WHERE ep.engagement_id IN {where} ORDER BY ep.id", params):
            taking_part[int(engagement_id)].append((Ref(
                RecordKind.PERSON.value, pid or 0,
                display_name(given_names, family_name, name_order)), role))
    return [EngagementView(
        e.id or 0, e.title, day(e.date), clock(e.start_time), clock(e.end_time),
        ref_or_none(RecordKind.CITY, e.city_id, places), e.place,
        ref_or_none(RecordKind.ORGANISATION, e.host_organisation_id, hosts),
        tuple(taking_part.get(e.id or 0, [])), e.topics, e.notes) for e in found]


@dataclass(frozen=True)
class MeetingView:
    """One meeting of a programme as a record of its own: what the detail pane shows,
    and what Edit and Delete act on, when a meeting is opened from search or a link."""

    id: int
    version: int
    title: str
    delegation: Ref
    item: EngagementView  # when, where, host, participants, topics, notes
    sources: tuple[SourceView, ...]


def engagement(source: Reader, engagement_id: int) -> MeetingView | None:
    """The meeting *engagement_id* with its delegation (read as the programme reads it)."""
    found = rows_of(source)(
        'SELECT e.version, e.title, e.delegation_id FROM "engagement" e WHERE e.id = :id',
        {"id": engagement_id})
    if not found:
        return None
    ((version, title, delegation_id),) = found
    parent = delegation(source, delegation_id, member_details=False)
    item = next((e for e in parent.engagements if e.id == engagement_id), None) if parent else None
    if parent is None or item is None:
        return None
    return MeetingView(
        id=engagement_id, version=version, title=title,
        delegation=Ref(RecordKind.DELEGATION.value, parent.id, parent.title), item=item,
        sources=sources_of(source, RecordKind.ENGAGEMENT, engagement_id))


# ---------------------------------------------------------------- a person's meetings


@dataclass(frozen=True)
class Attendance:
    """A meeting of a delegation's programme a person took part in."""

    engagement_id: int
    title: str
    date: dt.date | None
    role: str
    delegation: Ref
    delegation_date_note: str | None


def engagements_of(source: Reader, person_id: int) -> tuple[Attendance, ...]:
    return engagements_of_people(source, [person_id]).get(person_id, ())


def engagements_of_people(source: Reader,
                          person_ids: Iterable[int]) -> dict[int, tuple[Attendance, ...]]:
    """The meetings of each of *person_ids*, in one query (people with none left out)."""
    wanted = sorted(set(person_ids))
    if not wanted:
        return {}
    where, params = ids_in("person", wanted)
    rows = rows_of(source)(
        'SELECT ep.person_id, ep.role, e.id, e.title, e."date", d.id, d.title, d.date_note'
        ' FROM "engagement_participant" ep'
        ' JOIN "engagement" e ON e.id = ep.engagement_id'
        ' JOIN "delegation" d ON d.id = e.delegation_id'
        f" WHERE ep.person_id IN {where}", params)
    found: dict[int, list[Attendance]] = defaultdict(list)
    for person_id, role, e_id, e_title, e_date, d_id, d_title, d_note in rows:
        found[int(person_id)].append(Attendance(e_id or 0, e_title, day(e_date), role, Ref(
            RecordKind.DELEGATION.value, d_id or 0, d_title), d_note))
    for attended in found.values():
        attended.sort(key=lambda a: (approximate_date(a.date, a.delegation_date_note)
                                     or dt.date.max, a.title))
    return {person_id: tuple(attended) for person_id, attended in found.items()}
