"""The exchanges between two cities, for the pairing sheet and detail pane.

Delegations between the cities (either way, or under their pairing) and the events
those delegations attended, in time order; and the people involved on each side.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from db.bilingual import form
from db.dates import approximate_date
from db.models import (
    Delegation,
    DelegationMember,
    Engagement,
    EngagementParticipant,
    Event,
    EventParticipant,
    OrganisationKind,
    Person,
    Position,
    RecordKind,
)
from db.reads.common import Ref
from db.reads.people import PositionView, person_label, titles_on
from db.reads.places import CityFacts, OrganisationInfo, city_facts, organisations_info
from db.wording import words


@dataclass(frozen=True)
class Exchange:
    """A delegation or event in the history between two cities."""

    kind: str
    id: int
    title: str
    start_date: dt.date | None
    end_date: dt.date | None
    date_note: str | None
    sort_date: dt.date | None
    direction: str | None
    from_city: str | None
    to_city: str | None
    status: str | None
    summary: str | None


def exchanges(session: Session, city_a_id: int, city_b_id: int, *,
             pairing_id: int | None = None) -> tuple[Exchange, ...]:
    """Delegations between the two cities (either way, or under the pairing) and the events
    those delegations attended, in time order; undated items last."""
    between = (
        ((col(Delegation.sending_city_id) == city_a_id)
         & (col(Delegation.host_city_id) == city_b_id))
        | ((col(Delegation.sending_city_id) == city_b_id)
           & (col(Delegation.host_city_id) == city_a_id))
    )
    if pairing_id is not None:
        between = between | (col(Delegation.pairing_id) == pairing_id)
    delegations = session.exec(select(Delegation).where(between)).all()
    ids = [d.id or 0 for d in delegations]
    first_engagement: dict[int, dt.date] = {}
    if ids:
        for meeting in session.exec(
                select(Engagement)
                .where(col(Engagement.delegation_id).in_(ids), col(Engagement.date).is_not(None))):
            day, delegation_id = meeting.date, meeting.delegation_id
            if day is not None and (delegation_id not in first_engagement
                                    or day < first_engagement[delegation_id]):
                first_engagement[delegation_id] = day
    city_names = {c.id: c.name for c in city_facts(
        session, [x for d in delegations for x in (d.sending_city_id, d.host_city_id)]).values()}
    items = [
        Exchange(
            RecordKind.DELEGATION.value, d.id or 0, d.title, d.start_date, d.end_date, d.date_note,
            d.start_date or first_engagement.get(d.id or 0)
            or approximate_date(None, d.date_note),
            d.direction, city_names.get(d.sending_city_id or -1),
            city_names.get(d.host_city_id or -1), d.status, d.purpose)
        for d in delegations
    ]
    attended = {d.event_id for d in delegations if d.event_id is not None}
    if attended:
        events = session.exec(select(Event).where(col(Event.id).in_(attended))).all()
        event_cities = {c.id: c.name for c in city_facts(
            session, [e.city_id for e in events]).values()}
        items.extend(
            Exchange(
                RecordKind.EVENT.value, e.id or 0, form(e), e.start_date, e.end_date, e.date_note,
                approximate_date(e.start_date, e.date_note), None, None,
                event_cities.get(e.city_id or -1), None, e.theme or e.description)
            for e in events
        )
    items.sort(key=lambda i: (i.sort_date is None, i.sort_date or dt.date.min,
                              i.kind != RecordKind.EVENT.value, i.title.casefold(), i.id))
    return tuple(items)


# ---------------------------------------------------------------- key people on each side


@dataclass(frozen=True)
class KeyPerson:
    """Someone involved in the history between two cities, with the side they were on."""

    person_id: int
    name: str
    title: str
    organisation: str
    side: int  # 0: the first city, 1: the second, 2: neither or unknown
    involvement: tuple[str, ...]
    last_seen: dt.date | None


def _org_side(info: OrganisationInfo | None, cities_by_side: Sequence[CityFacts],
              country_ids: Sequence[int | None]) -> int | None:
    if info is None or info.org_kind == OrganisationKind.EMBASSY.value:
        return None  # an embassy sits in one city and speaks for another country
    for side, c in enumerate(cities_by_side):
        if info.city_id == c.id and (info.country_id is None
                                     or info.country_id == country_ids[side]):
            return side
    return None


def key_people(session: Session, city_a_id: int, city_b_id: int,
               items: Sequence[Exchange]) -> tuple[KeyPerson, ...]:
    """People in the delegations and events of *items*, each placed on a side.

    A side is decided, in order, by nationality (when the cities are in different
    countries), by an organisation based in one of the cities (embassies excepted),
    by membership of a delegation sent by one of the cities, then by hosting a
    meeting in one of them. Most recently involved first within a side.
    """
    both = city_facts(session, [city_a_id, city_b_id])
    if city_a_id not in both or city_b_id not in both:
        return ()
    sides = (both[city_a_id], both[city_b_id])
    seen, hints = _involvement(session, sides, items)
    if not seen:
        return ()
    people_rows = {p.id: p for p in session.exec(
        select(Person).where(col(Person.id).in_(seen))).all()}
    by_person: dict[int, list[Position]] = defaultdict(list)
    for pos in session.exec(select(Position).where(col(Position.person_id).in_(seen))).all():
        by_person[pos.person_id].append(pos)
    orgs = organisations_info(session, [pos.organisation_id for held in by_person.values()
                                   for pos in held])
    country_ids = (sides[0].country_id, sides[1].country_id)
    found: list[KeyPerson] = []
    for person_id, involved in seen.items():
        person_row = people_rows.get(person_id)
        if person_row is None:
            continue
        last = max((day for day, _ in involved if day is not None), default=None)
        views = [PositionView(
            pos.id or 0, pos.version, form(pos, "title"), form(pos, "address_title") or None,
            Ref(RecordKind.ORGANISATION.value, pos.organisation_id,
                      orgs[pos.organisation_id].name)
            if pos.organisation_id is not None and pos.organisation_id in orgs else None,
            pos.start_date, pos.end_date, pos.date_note, pos.rank, tuple(pos.attested_on))
            for pos in by_person.get(person_id, [])]
        held = titles_on(views, last or dt.date.today()) or views
        side = _side(person_row, [orgs.get(pos.organisation_id or -1)
                                  for pos in by_person.get(person_id, [])],
                     sides, country_ids)
        if side is None:
            side = hints.get(person_id, 2)
        ordered = sorted(involved, key=lambda entry: (entry[0] is None,
                                                      entry[0] or dt.date.min))
        found.append(KeyPerson(
            person_id, person_label(person_row), held[0].title if held else "",
            held[0].organisation.label if held and held[0].organisation else "", side,
            tuple(dict.fromkeys(text for _, text in ordered)), last))
    found.sort(key=lambda k: (k.side, k.last_seen is None,
                              -(k.last_seen or dt.date.min).toordinal(), k.name.casefold()))
    return tuple(found)


Involvement = dict[int, list[tuple[dt.date | None, str]]]


def _involvement(session: Session, sides: tuple[CityFacts, CityFacts],
                 items: Sequence[Exchange]) -> tuple[Involvement, dict[int, int]]:
    """What each person did in *items* (with when), and a side hinted by what they did:
    sent by one of the cities, or hosting a meeting in one."""
    delegation_ids = [i.id for i in items if i.kind == RecordKind.DELEGATION.value]
    event_ids = [i.id for i in items if i.kind == RecordKind.EVENT.value]
    dated = {(i.kind, i.id): i.sort_date for i in items}
    seen: Involvement = defaultdict(list)
    sent: dict[int, int] = {}
    hosted: dict[int, int] = {}

    def side_of(city_id: int | None) -> int | None:
        return next((n for n, c in enumerate(sides) if c.id == city_id), None)

    def took_part(person_id: int, day: dt.date | None, role: str, what: str) -> None:
        seen[person_id].append((day, f"{_role_label(role)}, {what}"))

    if delegation_ids:
        for member, d in session.exec(
                select(DelegationMember, Delegation)
                .join(Delegation, col(Delegation.id) == DelegationMember.delegation_id)
                .where(col(DelegationMember.delegation_id).in_(delegation_ids))).all():
            took_part(member.person_id, dated[(RecordKind.DELEGATION.value, d.id or 0)],
                      member.role, d.title)
            home = side_of(d.sending_city_id)
            if home is not None:
                sent.setdefault(member.person_id, home)
        for taking_part, meeting, d in session.exec(
                select(EngagementParticipant, Engagement, Delegation)
                .join(Engagement, col(Engagement.id) == EngagementParticipant.engagement_id)
                .join(Delegation, col(Delegation.id) == Engagement.delegation_id)
                .where(col(Engagement.delegation_id).in_(delegation_ids))).all():
            took_part(taking_part.person_id,
                      meeting.date or dated[(RecordKind.DELEGATION.value, d.id or 0)],
                      taking_part.role, meeting.title)
            host_side = side_of(meeting.city_id or d.host_city_id)
            if taking_part.role == "host" and host_side is not None:
                hosted.setdefault(taking_part.person_id, host_side)
    if event_ids:
        for attendee, e in session.exec(
                select(EventParticipant, Event)
                .join(Event, col(Event.id) == EventParticipant.event_id)
                .where(col(EventParticipant.event_id).in_(event_ids))).all():
            took_part(attendee.person_id, dated[(RecordKind.EVENT.value, e.id or 0)],
                      attendee.role, form(e))
    return seen, {**hosted, **sent}


def _side(person_row: Person, held: Sequence[OrganisationInfo | None],
          sides: tuple[CityFacts, CityFacts],
          country_ids: tuple[int | None, int | None]) -> int | None:
    """The side a person's nationality or organisation puts them on, if any."""
    if country_ids[0] != country_ids[1] and person_row.nationality_id is not None:
        for n, country in enumerate(country_ids):
            if country == person_row.nationality_id:
                return n
    for info in held:
        side = _org_side(info, sides, country_ids)
        if side is not None:
            return side
    return None


def _role_label(role: str) -> str:
    return words(role)
