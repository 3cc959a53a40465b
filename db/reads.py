"""The read side: frozen read objects for lists, detail panes and briefing sheets.

Views never hold ORM objects: a read object is a plain frozen value that can
cross threads (the GUI's worker) and be printed headless (briefings). Pages
fetch the rows of one screenful plus, in one batched query each, the related
facts those rows show, never one query per row.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select

from db import precedence, titles
from db.dates import approximate_date
from db.models import (
    TABLES,
    Citation,
    City,
    CooperationArea,
    Country,
    Delegation,
    DelegationMember,
    Engagement,
    EngagementParticipant,
    Event,
    EventOrganiser,
    EventParticipant,
    EventSession,
    MemberRole,
    Organisation,
    Pairing,
    PairingArea,
    Person,
    Position,
    Programme,
    RecordKind,
    Source,
)
from db.names import display_name

T = TypeVar("T")
_MEMBER_ORDER = {role.value: i for i, role in enumerate(MemberRole)}


@dataclass(frozen=True)
class Ref:
    """A link to another record, with the text to show for it."""

    kind: str
    id: int
    label: str


@dataclass(frozen=True)
class SourceView:
    id: int
    title: str
    publisher: str | None
    url: str | None
    published_on: dt.date | None


@dataclass(frozen=True)
class PositionView:
    id: int
    version: int
    title: str
    address_title: str | None
    organisation: Ref | None
    start_date: dt.date | None
    end_date: dt.date | None
    date_note: str | None
    rank: int
    attested_on: tuple[str, ...] = ()

    @property
    def organisation_id(self) -> int | None:
        return self.organisation.id if self.organisation else None

    def standing(self, day: dt.date,
                 policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> titles.Standing | None:
        """Held, attested or unconfirmed on *day* (None: its dates exclude the day)."""
        return titles.standing(self, day, policy)

    def held_on(self, day: dt.date, policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> bool:
        """Held or attested on *day* (see db.titles): a position with no dates and no
        recent attestation is *not* held every day, it is unconfirmed."""
        return titles.held_on(self, day, policy)

    @property
    def label(self) -> str:
        org = self.organisation.label if self.organisation else ""
        return f"{self.title}, {org}" if org and org not in self.title else self.title


def titles_on(positions: Iterable[PositionView], day: dt.date,
              policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> list[PositionView]:
    """Positions held or attested on *day*, most senior first: a 2017 briefing shows
    2017 titles, and a title last seen in 2017 is not among today's."""
    return titles.confirmed_on(positions, day, policy)


@dataclass(frozen=True)
class Participation:
    """A delegation or event a person took part in, with their role."""

    ref: Ref
    role: str
    date: dt.date | None
    date_note: str | None


@dataclass(frozen=True)
class PersonView:
    id: int
    version: int
    honorific: str | None
    given_names: str | None
    family_name: str
    name_order: str
    address_by: str
    original_script: str | None
    explicit_form_of_address: str | None
    nationality: Ref | None
    email: str | None
    phone: str | None
    languages: tuple[str, ...]
    biography: str | None
    protocol_notes: str | None
    private_notes: str | None
    positions: tuple[PositionView, ...]
    delegations: tuple[Participation, ...]
    events: tuple[Participation, ...]
    sources: tuple[SourceView, ...]
    aliases: tuple[str, ...] = ()  # "also known as": never part of the form of address

    @property
    def display_name(self) -> str:
        return display_name(self.given_names, self.family_name, self.name_order)

    def titles_on(self, day: dt.date,
                  policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> list[PositionView]:
        return titles_on(self.positions, day, policy)

    def title_on(self, day: dt.date,
                 policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> PositionView | None:
        """The most senior title held or attested on *day*; None if none is confirmed."""
        held = self.titles_on(day, policy)
        return held[0] if held else None

    def title_standing(self, day: dt.date, policy: titles.TitlePolicy = titles.DEFAULT_POLICY,
                       ) -> tuple[PositionView, titles.Standing] | None:
        """The title to print for *day*: the most senior confirmed one, else the most
        senior recorded one with its (unconfirmed) standing, to print "as of"."""
        ordered = titles.order_on(self.positions, day, policy)
        return ordered[0] if ordered else None

    def unconfirmed_on(self, day: dt.date, policy: titles.TitlePolicy = titles.DEFAULT_POLICY,
                       ) -> list[tuple[PositionView, titles.Standing]]:
        """Recorded titles no source confirms for *day*: to confirm before the meeting."""
        return [(p, s) for p, s in titles.order_on(self.positions, day, policy)
                if not s.confirmed]

    @property
    def current_title(self) -> PositionView | None:
        return self.title_on(dt.date.today())

    def address_on(self, day: dt.date | None = None,
                   policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> titles.Address:
        """The form of address on *day*, and whether it fell back from an unconfirmed title."""
        found = self.title_standing(day or dt.date.today(), policy)
        return titles.address(
            explicit=self.explicit_form_of_address,
            title=(found[0].address_title, found[1]) if found else None,
            honorific=self.honorific, given_names=self.given_names,
            family_name=self.family_name, name_order=self.name_order,
            address_by=self.address_by)

    def form_of_address(self, day: dt.date | None = None,
                        policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> str:
        """``Chairman Chung`` on *day* (today by default), only from a title confirmed
        then; ``Mr Chung`` when the title is unconfirmed."""
        return self.address_on(day, policy).text


# ---------------------------------------------------------------- helpers


def _labels(session: Session, model: Any, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.exec(select(model.id, model.name).where(col(model.id).in_(wanted))).all())


def _ref(kind: RecordKind, record_id: int | None, labels: dict[int, str]) -> Ref | None:
    if record_id is None or record_id not in labels:
        return None
    return Ref(kind.value, record_id, labels[record_id])


def sources_of(session: Session, kind: RecordKind, record_id: int) -> tuple[SourceView, ...]:
    return sources_by_record(session, kind, [record_id]).get(record_id, ())


def _positions(session: Session, person_ids: Sequence[int]) -> dict[int, list[PositionView]]:
    rows = session.exec(select(Position).where(col(Position.person_id).in_(person_ids))).all()
    orgs = _labels(session, Organisation, (p.organisation_id for p in rows))
    found: dict[int, list[PositionView]] = defaultdict(list)
    for p in rows:
        found[p.person_id].append(PositionView(
            p.id or 0, p.version, p.title, p.address_title,
            _ref(RecordKind.ORGANISATION, p.organisation_id, orgs),
            p.start_date, p.end_date, p.date_note, p.rank, tuple(p.attested_on),
        ))
    for views in found.values():
        views.sort(key=lambda v: (v.start_date or dt.date.min, v.rank), reverse=True)
    return found


def person_label(person: Person) -> str:
    return display_name(person.given_names, person.family_name, person.name_order)


# ---------------------------------------------------------------- people


def count(session: Session, kind: RecordKind) -> int:
    return int(session.exec(select(func.count()).select_from(TABLES[kind])).one())


def person(session: Session, person_id: int) -> PersonView | None:
    return people(session, [person_id]).get(person_id)


# ---------------------------------------------------------------- delegations


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

    @property
    def reference_date(self) -> dt.date | None:
        """The day titles are read on (see :func:`delegation_day`)."""
        return delegation_day(self)


def _engagement(session: Session, e: Engagement) -> EngagementView:
    cities = _labels(session, City, [e.city_id])
    orgs = _labels(session, Organisation, [e.host_organisation_id])
    participants = tuple(
        (Ref(RecordKind.PERSON.value, p.id or 0, person_label(p)), ep.role)
        for ep, p in session.exec(
            select(EngagementParticipant, Person)
            .join(Person, col(Person.id) == EngagementParticipant.person_id)
            .where(EngagementParticipant.engagement_id == e.id)
        )
    )
    return EngagementView(
        e.id or 0, e.title, e.date, e.start_time, e.end_time,
        _ref(RecordKind.CITY, e.city_id, cities), e.place,
        _ref(RecordKind.ORGANISATION, e.host_organisation_id, orgs), participants,
        e.topics, e.notes,
    )


# ---------------------------------------------------------------- pairings, events


def pairing_ref(session: Session, pairing_id: int | None) -> Ref | None:
    if pairing_id is None:
        return None
    p = session.get(Pairing, pairing_id)
    if p is None:
        return None
    cities = _labels(session, City, [p.city_a_id, p.city_b_id])
    return Ref(RecordKind.PAIRING.value, pairing_id,
               f"{cities.get(p.city_a_id, '?')} – {cities.get(p.city_b_id, '?')}")


@dataclass(frozen=True)
class PairingView:
    id: int
    version: int
    city_a: Ref
    city_b: Ref
    programme: Ref | None
    kind: str
    status: str
    since: dt.date | None
    date_note: str | None
    areas: tuple[str, ...]
    summary: str | None
    sources: tuple[SourceView, ...]


def pairing(session: Session, pairing_id: int) -> PairingView | None:
    p = session.get(Pairing, pairing_id)
    if p is None:
        return None
    cities = _labels(session, City, [p.city_a_id, p.city_b_id])
    programmes = _labels(session, Programme, [p.programme_id])
    areas = session.exec(
        select(CooperationArea.name)
        .join(PairingArea, col(PairingArea.area_id) == CooperationArea.id)
        .where(PairingArea.pairing_id == pairing_id).order_by(col(CooperationArea.name))
    ).all()
    city_a = _ref(RecordKind.CITY, p.city_a_id, cities)
    city_b = _ref(RecordKind.CITY, p.city_b_id, cities)
    assert city_a is not None and city_b is not None
    return PairingView(
        pairing_id, p.version, city_a, city_b,
        _ref(RecordKind.PROGRAMME, p.programme_id, programmes), p.pairing_kind, p.status,
        p.since, p.date_note, tuple(areas), p.summary,
        sources_of(session, RecordKind.PAIRING, pairing_id),
    )


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
    cities = _labels(session, City, [e.city_id])
    venues = _labels(session, Organisation, [e.venue_id])
    organisers = tuple(
        (Ref(RecordKind.ORGANISATION.value, o.id or 0, o.name), eo.role)
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
        event_id, e.version, e.name, e.series, e.start_date, e.end_date, e.date_note,
        _ref(RecordKind.CITY, e.city_id, cities), _ref(RecordKind.ORGANISATION, e.venue_id, venues),
        e.venue_note, e.theme, e.description, e.attendance, e.figures, organisers, sessions,
        tuple(participants), sources_of(session, RecordKind.EVENT, event_id),
    )


# ---------------------------------------------------------------- generic look-ups


_LABEL_COLUMN: dict[RecordKind, str] = {
    RecordKind.CITY: "name",
    RecordKind.ORGANISATION: "name",
    RecordKind.PROGRAMME: "name",
    RecordKind.COOPERATION_AREA: "name",
    RecordKind.EVENT: "name",
    RecordKind.DELEGATION: "title",
    RecordKind.ENGAGEMENT: "title",
    RecordKind.SOURCE: "title",
    RecordKind.COUNTRY: "name",
}


def labels(session: Session, kind: RecordKind) -> list[Ref]:
    """Every record of a kind with its display label (pickers, checks, small lists)."""
    if kind == RecordKind.PERSON:
        return [Ref(kind.value, p.id or 0, person_label(p))
                for p in session.exec(select(Person).order_by(col(Person.family_name)))]
    if kind == RecordKind.PAIRING:
        refs = [pairing_ref(session, pid) for pid in session.exec(select(Pairing.id))]
        return [r for r in refs if r is not None]
    model = TABLES[kind]
    column = getattr(model, _LABEL_COLUMN[kind])
    return [Ref(kind.value, rid or 0, label)
            for rid, label in session.exec(select(model.id, column).order_by(column))]


def counts(session: Session) -> dict[str, int]:
    """How many records of each main kind the catalog holds (status bar, checks)."""
    kinds = (RecordKind.PERSON, RecordKind.ORGANISATION, RecordKind.CITY, RecordKind.PROGRAMME,
             RecordKind.PAIRING, RecordKind.DELEGATION, RecordKind.EVENT, RecordKind.SOURCE)
    return {kind.value: count(session, kind) for kind in kinds}


# ---------------------------------------------------------------- organisations, cities, programmes


@dataclass(frozen=True)
class HolderView:
    """Someone who held a post at an organisation, and when."""

    person: Ref
    title: str
    start_date: dt.date | None
    end_date: dt.date | None
    date_note: str | None
    current: bool


@dataclass(frozen=True)
class OrganisationView:
    id: int
    version: int
    name: str
    acronym: str | None
    kind: str
    city: Ref | None
    country: Ref | None
    parent: Ref | None
    parts: tuple[Ref, ...]
    website: str | None
    notes: str | None
    people: tuple[HolderView, ...]
    events: tuple[tuple[Ref, str], ...]
    delegations: tuple[Ref, ...]
    programmes: tuple[Ref, ...]
    sources: tuple[SourceView, ...]


def organisation(session: Session, organisation_id: int) -> OrganisationView | None:
    o = session.get(Organisation, organisation_id)
    if o is None:
        return None
    cities = _labels(session, City, [o.city_id])
    countries = _labels(session, Country, [o.country_id])
    parents = _labels(session, Organisation, [o.parent_id])
    today = dt.date.today()
    people = []
    for position, person_row in session.exec(
        select(Position, Person).join(Person, col(Person.id) == Position.person_id)
        .where(Position.organisation_id == organisation_id)
        .order_by(col(Position.rank), col(Person.sort_key))
    ):
        view = PositionView(position.id or 0, position.version, position.title, None, None,
                            position.start_date, position.end_date, position.date_note,
                            position.rank, tuple(position.attested_on))
        people.append(HolderView(Ref(RecordKind.PERSON.value, person_row.id or 0,
                                     person_label(person_row)), position.title,
                                 position.start_date, position.end_date, position.date_note,
                                 view.held_on(today)))
    return OrganisationView(
        id=organisation_id, version=o.version, name=o.name, acronym=o.acronym, kind=o.org_kind,
        city=_ref(RecordKind.CITY, o.city_id, cities),
        country=_ref(RecordKind.COUNTRY, o.country_id, countries),
        parent=_ref(RecordKind.ORGANISATION, o.parent_id, parents),
        parts=tuple(Ref(RecordKind.ORGANISATION.value, c.id or 0, c.name) for c in session.exec(
            select(Organisation).where(Organisation.parent_id == organisation_id)
            .order_by(col(Organisation.name)))),
        website=o.website, notes=o.notes, people=tuple(people),
        events=tuple((Ref(RecordKind.EVENT.value, e.id or 0, e.name), eo.role)
                     for eo, e in session.exec(
                         select(EventOrganiser, Event)
                         .join(Event, col(Event.id) == EventOrganiser.event_id)
                         .where(EventOrganiser.organisation_id == organisation_id)
                         .order_by(col(Event.start_date)))),
        delegations=tuple(Ref(RecordKind.DELEGATION.value, d.id or 0, d.title)
                          for d in session.exec(select(Delegation).where(
                              Delegation.sending_organisation_id == organisation_id)
                              .order_by(col(Delegation.start_date)))),
        programmes=tuple(Ref(RecordKind.PROGRAMME.value, p.id or 0, p.name)
                         for p in session.exec(select(Programme).where(
                             (col(Programme.funder_id) == organisation_id)
                             | (col(Programme.managing_organisation_id) == organisation_id)))),
        sources=sources_of(session, RecordKind.ORGANISATION, organisation_id),
    )


@dataclass(frozen=True)
class CityView:
    id: int
    version: int
    name: str
    local_name: str | None
    aliases: tuple[str, ...]
    country: Ref | None
    region: str | None
    latitude: float | None
    longitude: float | None
    pairings: tuple[Ref, ...]
    organisations: tuple[Ref, ...]
    delegations: tuple[Ref, ...]
    events: tuple[Ref, ...]
    sources: tuple[SourceView, ...]


_RELATED_LIMIT = 200


def city(session: Session, city_id: int) -> CityView | None:
    c = session.get(City, city_id)
    if c is None:
        return None
    countries = _labels(session, Country, [c.country_id])
    pairings = [pairing_ref(session, p.id) for p in session.exec(select(Pairing).where(
        (col(Pairing.city_a_id) == city_id) | (col(Pairing.city_b_id) == city_id)))]
    return CityView(
        id=city_id, version=c.version, name=c.name, local_name=c.local_name,
        aliases=tuple(c.aliases), country=_ref(RecordKind.COUNTRY, c.country_id, countries),
        region=c.region, latitude=c.latitude, longitude=c.longitude,
        pairings=tuple(p for p in pairings if p is not None),
        organisations=tuple(Ref(RecordKind.ORGANISATION.value, o.id or 0, o.name)
                            for o in session.exec(select(Organisation)
                                                  .where(Organisation.city_id == city_id)
                                                  .order_by(col(Organisation.name))
                                                  .limit(_RELATED_LIMIT))),
        delegations=tuple(Ref(RecordKind.DELEGATION.value, d.id or 0, d.title)
                          for d in session.exec(select(Delegation).where(
                              (col(Delegation.host_city_id) == city_id)
                              | (col(Delegation.sending_city_id) == city_id))
                              .order_by(col(Delegation.start_date).desc())
                              .limit(_RELATED_LIMIT))),
        events=tuple(Ref(RecordKind.EVENT.value, e.id or 0, e.name)
                     for e in session.exec(select(Event).where(Event.city_id == city_id)
                                           .order_by(col(Event.start_date).desc())
                                           .limit(_RELATED_LIMIT))),
        sources=sources_of(session, RecordKind.CITY, city_id),
    )


@dataclass(frozen=True)
class ProgrammeView:
    id: int
    version: int
    name: str
    funder: Ref | None
    managing_organisation: Ref | None
    start_date: dt.date | None
    end_date: dt.date | None
    date_note: str | None
    description: str | None
    website: str | None
    pairings: tuple[Ref, ...]
    sources: tuple[SourceView, ...]


def programme(session: Session, programme_id: int) -> ProgrammeView | None:
    p = session.get(Programme, programme_id)
    if p is None:
        return None
    orgs = _labels(session, Organisation, [p.funder_id, p.managing_organisation_id])
    pairings = [pairing_ref(session, row.id) for row in session.exec(
        select(Pairing).where(Pairing.programme_id == programme_id))]
    return ProgrammeView(
        programme_id, p.version, p.name, _ref(RecordKind.ORGANISATION, p.funder_id, orgs),
        _ref(RecordKind.ORGANISATION, p.managing_organisation_id, orgs), p.start_date,
        p.end_date, p.date_note, p.description, p.website,
        tuple(r for r in pairings if r is not None),
        sources_of(session, RecordKind.PROGRAMME, programme_id),
    )


def delegation_day(view: DelegationView) -> dt.date | None:
    """The day a delegation's titles are read on: its first day, else its earliest dated
    engagement, else what its date note says; None when nothing is known."""
    if view.start_date is not None:
        return view.start_date
    dated = [e.date for e in view.engagements if e.date is not None]
    if dated:
        return min(dated)
    return approximate_date(None, view.date_note)


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


def by_precedence(members: Iterable[MemberView],
                  day: dt.date | None) -> tuple[MemberView, ...]:
    """Members in the one order of precedence (db.precedence) on *day*.

    :func:`delegation` orders on :func:`delegation_day` (its first day, else its first
    dated engagement, else what its date note says), the day its titles are printed on.
    """
    return tuple(precedence.ordered(members, day, person=lambda m: m.person,
                                    role=lambda m: m.role, sequence=lambda m: m.sequence))


# ---------------------------------------------------------------- batched read objects


def people(session: Session, person_ids: Iterable[int], *,
           related: bool = True) -> dict[int, PersonView]:
    """:func:`db.person` for many people at once, in a fixed number of queries.

    A delegation of twelve (or an event with forty speakers) would otherwise cost six
    queries a head; sheets print in a blink only if loading does not grow with them.
    With ``related=False`` each view's delegations, events and sources are left
    empty, for sheets that print none of them.
    """
    wanted = sorted(set(person_ids))
    if not wanted:
        return {}
    rows = session.exec(select(Person).where(col(Person.id).in_(wanted))).all()
    nationalities = {p.nationality_id for p in rows if p.nationality_id}
    countries = dict(session.exec(select(Country.id, Country.name).where(
        col(Country.id).in_(nationalities))).all()) if nationalities else {}
    positions = _positions(session, wanted)
    delegations: dict[int, list[Participation]] = defaultdict(list)
    events: dict[int, list[Participation]] = defaultdict(list)
    sources: dict[int, tuple[SourceView, ...]] = {}
    if related:
        _related(session, wanted, delegations, events, sources)
    found = {}
    for p in rows:
        person_id = p.id or 0
        nationality = (Ref(RecordKind.COUNTRY.value, p.nationality_id,
                                 countries[p.nationality_id])
                       if p.nationality_id is not None and p.nationality_id in countries
                       else None)
        found[person_id] = PersonView(
            id=person_id, version=p.version, honorific=p.honorific, given_names=p.given_names,
            family_name=p.family_name, name_order=p.name_order, address_by=p.address_by,
            original_script=p.original_script, explicit_form_of_address=p.form_of_address,
            nationality=nationality, email=p.email, phone=p.phone,
            languages=tuple(p.languages), biography=p.biography,
            protocol_notes=p.protocol_notes, private_notes=p.private_notes,
            positions=tuple(positions.get(person_id, [])),
            delegations=tuple(delegations.get(person_id, [])),
            events=tuple(events.get(person_id, [])), sources=sources.get(person_id, ()),
            aliases=tuple(p.aliases or ()))
    return found


def _related(session: Session, wanted: Sequence[int],
             delegations: dict[int, list[Participation]],
             events: dict[int, list[Participation]],
             sources: dict[int, tuple[SourceView, ...]]) -> None:
    """Fill in the delegations, events and sources of the people in *wanted*."""
    for m, d in session.exec(
            select(DelegationMember, Delegation)
            .join(Delegation, col(Delegation.id) == DelegationMember.delegation_id)
            .where(col(DelegationMember.person_id).in_(wanted))
            .order_by(col(Delegation.start_date))):
        delegations[m.person_id].append(Participation(
            Ref(RecordKind.DELEGATION.value, d.id or 0, d.title), m.role, d.start_date,
            d.date_note))
    for ep, e in session.exec(
            select(EventParticipant, Event)
            .join(Event, col(Event.id) == EventParticipant.event_id)
            .where(col(EventParticipant.person_id).in_(wanted))
            .order_by(col(Event.start_date))):
        events[ep.person_id].append(Participation(
            Ref(RecordKind.EVENT.value, e.id or 0, e.name), ep.role, e.start_date,
            e.date_note))
    sources.update(sources_by_record(session, RecordKind.PERSON, wanted))


def sources_by_record(session: Session, kind: RecordKind,
                      record_ids: Sequence[int]) -> dict[int, tuple[SourceView, ...]]:
    """The sources of many records of one kind, in one query."""
    found: dict[int, list[SourceView]] = defaultdict(list)
    for citation, s in session.exec(
            select(Citation, Source).join(Source, col(Source.id) == Citation.source_id)
            .where(Citation.record_kind == kind.value, col(Citation.record_id).in_(record_ids))
            .order_by(col(Source.published_on), col(Source.title))):
        found[citation.record_id].append(
            SourceView(s.id or 0, s.title, s.publisher, s.url, s.published_on))
    return {record_id: tuple(views) for record_id, views in found.items()}


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
    labels = _labels
    paired = session.get(Pairing, d.pairing_id) if d.pairing_id is not None else None
    cities_ = labels(session, City, [d.sending_city_id, d.host_city_id,
                                     *((paired.city_a_id, paired.city_b_id) if paired else ())])
    orgs = labels(session, Organisation, [d.sending_organisation_id])
    events_ = labels(session, Event, [d.event_id])
    member_rows = session.exec(select(DelegationMember)
                               .where(DelegationMember.delegation_id == delegation_id)).all()
    views = people(session, [m.person_id for m in member_rows], related=member_details)
    members = [MemberView(views[m.person_id], m.role, m.notes, m.sequence)
               for m in member_rows if m.person_id in views]
    rows = session.exec(select(Engagement).where(Engagement.delegation_id == delegation_id)
                        .order_by(col(Engagement.sequence), col(Engagement.id))).all()
    places = labels(session, City, [e.city_id for e in rows])
    hosts = labels(session, Organisation, [e.host_organisation_id for e in rows])
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
        _ref(RecordKind.CITY, e.city_id, places), e.place,
        _ref(RecordKind.ORGANISATION, e.host_organisation_id, hosts),
        tuple(taking_part.get(e.id or 0, [])), e.topics, e.notes) for e in rows]
    if all(e.date is not None for e in engagements):
        engagements.sort(key=lambda e: (e.date or dt.date.max, e.start_time or dt.time.min))
    dated = [e.date for e in engagements if e.date is not None]
    members = list(by_precedence(members, d.start_date or (min(dated) if dated else None)
                                 or approximate_date(None, d.date_note)))
    return DelegationView(
        id=delegation_id, version=d.version, title=d.title, direction=d.direction,
        sending_city=_ref(RecordKind.CITY, d.sending_city_id, cities_),
        sending_organisation=_ref(RecordKind.ORGANISATION, d.sending_organisation_id,
                                        orgs),
        host_city=_ref(RecordKind.CITY, d.host_city_id, cities_),
        start_date=d.start_date, end_date=d.end_date, date_note=d.date_note, purpose=d.purpose,
        status=d.status,
        pairing=Ref(RecordKind.PAIRING.value, paired.id or 0,
                          f"{cities_.get(paired.city_a_id, '?')} – "
                          f"{cities_.get(paired.city_b_id, '?')}") if paired else None,
        event=_ref(RecordKind.EVENT, d.event_id, events_),
        outcomes=d.outcomes, follow_ups=d.follow_ups, members=tuple(members),
        engagements=tuple(engagements),
        sources=sources_of(session, RecordKind.DELEGATION, delegation_id),
    )
