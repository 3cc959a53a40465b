"""Delegations with their members (in order of precedence) and their programme,
and the meetings a person took part in."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, select

from db import precedence
from db.dates import approximate_date
from db.models import (
    Delegation,
    DelegationMember,
    Engagement,
    EngagementParticipant,
    Pairing,
    Person,
    RecordKind,
)
from db.reads.common import Ref, SourceView, labels_of, ref_or_none, sources_of
from db.reads.people import PersonView, people, person_label
from db.reads.protocol import ContactView, contacts
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


def delegation(session: Session, delegation_id: int, *,
               member_details: bool = True) -> DelegationView | None:
    """:func:`db.delegation` (same view, same order) with members and programme loaded
    in batches: a fixed number of queries however many people come.

    ``member_details=False`` leaves the members' own delegations, events and sources
    empty (see :func:`people`): the delegation sheet prints none of them.
    """
    d = session.get(Delegation, delegation_id)
    if d is None:
        return None
    labels = labels_of
    paired = session.get(Pairing, d.pairing_id) if d.pairing_id is not None else None
    cities_ = labels(session, RecordKind.CITY, [d.sending_city_id, d.host_city_id,
                                     *((paired.city_a_id, paired.city_b_id) if paired else ())])
    orgs = labels(session, RecordKind.ORGANISATION, [d.sending_organisation_id])
    events_ = labels(session, RecordKind.EVENT, [d.event_id])
    member_rows = session.exec(select(DelegationMember)
                               .where(DelegationMember.delegation_id == delegation_id)).all()
    views = people(session, [m.person_id for m in member_rows], related=member_details)
    members = [MemberView(views[m.person_id], m.role, m.notes, m.sequence)
               for m in member_rows if m.person_id in views]
    rows = session.exec(select(Engagement).where(Engagement.delegation_id == delegation_id)
                        .order_by(col(Engagement.sequence), col(Engagement.id))).all()
    places = labels(session, RecordKind.CITY, [e.city_id for e in rows])
    hosts = labels(session, RecordKind.ORGANISATION, [e.host_organisation_id for e in rows])
    taking_part: dict[int, list[tuple[Ref, str]]] = defaultdict(list)
    if rows:
        for ep, p in session.exec(
                select(EngagementParticipant, Person)
                .join(Person, col(Person.id) == EngagementParticipant.person_id)
                .where(col(EngagementParticipant.engagement_id).in_([e.id for e in rows]))
                .order_by(col(EngagementParticipant.id))):
            taking_part[ep.engagement_id].append(
                (Ref(RecordKind.PERSON.value, p.id or 0, person_label(p)), ep.role))
    engagements = [EngagementView(
        e.id or 0, e.title, e.date, e.start_time, e.end_time,
        ref_or_none(RecordKind.CITY, e.city_id, places), e.place,
        ref_or_none(RecordKind.ORGANISATION, e.host_organisation_id, hosts),
        tuple(taking_part.get(e.id or 0, [])), e.topics, e.notes) for e in rows]
    if all(e.date is not None for e in engagements):
        engagements.sort(key=lambda e: (e.date or dt.date.max, e.start_time or dt.time.min))
    dated = [e.date for e in engagements if e.date is not None]
    members = list(by_precedence(members, d.start_date or (min(dated) if dated else None)
                                 or approximate_date(None, d.date_note)))
    ours, theirs = contacts(session, d)
    return DelegationView(
        id=delegation_id, version=d.version, title=d.title, direction=d.direction,
        sending_city=ref_or_none(RecordKind.CITY, d.sending_city_id, cities_),
        sending_organisation=ref_or_none(RecordKind.ORGANISATION, d.sending_organisation_id,
                                        orgs),
        host_city=ref_or_none(RecordKind.CITY, d.host_city_id, cities_),
        start_date=d.start_date, end_date=d.end_date, date_note=d.date_note, purpose=d.purpose,
        status=d.status,
        pairing=Ref(RecordKind.PAIRING.value, paired.id or 0,
                    pairing_label(cities_.get(paired.city_a_id), cities_.get(paired.city_b_id)))
        if paired else None,
        event=ref_or_none(RecordKind.EVENT, d.event_id, events_),
        outcomes=d.outcomes, follow_ups=d.follow_ups, members=tuple(members),
        engagements=tuple(engagements),
        sources=sources_of(session, RecordKind.DELEGATION, delegation_id),
        arrival=d.arrival, departure=d.departure, accommodation=d.accommodation,
        our_contact=ours, their_contact=theirs, press=d.press,
    )


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


def engagement(session: Session, engagement_id: int) -> MeetingView | None:
    """The meeting *engagement_id* with its delegation (read as the programme reads it)."""
    row = session.get(Engagement, engagement_id)
    if row is None:
        return None
    parent = delegation(session, row.delegation_id, member_details=False)
    item = next((e for e in parent.engagements if e.id == engagement_id), None) if parent else None
    if parent is None or item is None:
        return None
    return MeetingView(
        id=engagement_id, version=row.version, title=row.title,
        delegation=Ref(RecordKind.DELEGATION.value, parent.id, parent.title), item=item,
        sources=sources_of(session, RecordKind.ENGAGEMENT, engagement_id))


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


def engagements_of(session: Session, person_id: int) -> tuple[Attendance, ...]:
    return engagements_of_people(session, [person_id]).get(person_id, ())


def engagements_of_people(session: Session,
                          person_ids: Iterable[int]) -> dict[int, tuple[Attendance, ...]]:
    """The meetings of each of *person_ids*, in one query (people with none left out)."""
    wanted = sorted(set(person_ids))
    if not wanted:
        return {}
    rows = session.execute(
        sa.select(col(EngagementParticipant.person_id), col(EngagementParticipant.role),
                  col(Engagement.id), col(Engagement.title), col(Engagement.date),
                  col(Delegation.id), col(Delegation.title), col(Delegation.date_note))
        .join(Engagement, col(Engagement.id) == EngagementParticipant.engagement_id)
        .join(Delegation, col(Delegation.id) == Engagement.delegation_id)
        .where(col(EngagementParticipant.person_id).in_(wanted))).all()
    found: dict[int, list[Attendance]] = defaultdict(list)
    for person_id, role, e_id, e_title, e_date, d_id, d_title, d_note in rows:
        found[person_id].append(Attendance(e_id or 0, e_title, e_date, role, Ref(
            RecordKind.DELEGATION.value, d_id or 0, d_title), d_note))
    for attended in found.values():
        attended.sort(key=lambda a: (approximate_date(a.date, a.delegation_date_note)
                                     or dt.date.max, a.title))
    return {person_id: tuple(attended) for person_id, attended in found.items()}
