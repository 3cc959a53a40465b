"""Organisations, cities, programmes and pairings, and the facts a sheet prints of them
(a city with its country, an organisation with its acronym and parent body)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from db.bilingual import form
from db.models import (
    City,
    CooperationArea,
    Delegation,
    Event,
    EventOrganiser,
    Organisation,
    Pairing,
    PairingArea,
    Person,
    Position,
    Programme,
    RecordKind,
)
from db.reads.common import Ref, SourceView, labels_of, ref_or_none, sources_of
from db.reads.people import PositionView, person_label
from db.wording import pairing_label


def pairing_refs(session: Session, rows: Sequence[Pairing]) -> list[Ref]:
    """Links to these pairings, named by their cities in one query for all of them."""
    cities = labels_of(session, RecordKind.CITY,
                       [c for p in rows for c in (p.city_a_id, p.city_b_id)])
    return [Ref(RecordKind.PAIRING.value, p.id or 0,
                pairing_label(cities.get(p.city_a_id), cities.get(p.city_b_id))) for p in rows]


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
    cities = labels_of(session, RecordKind.CITY, [p.city_a_id, p.city_b_id])
    programmes = labels_of(session, RecordKind.PROGRAMME, [p.programme_id])
    areas = session.exec(
        select(CooperationArea.name)
        .join(PairingArea, col(PairingArea.area_id) == CooperationArea.id)
        .where(PairingArea.pairing_id == pairing_id).order_by(col(CooperationArea.name))
    ).all()
    city_a = ref_or_none(RecordKind.CITY, p.city_a_id, cities)
    city_b = ref_or_none(RecordKind.CITY, p.city_b_id, cities)
    assert city_a is not None and city_b is not None
    return PairingView(
        pairing_id, p.version, city_a, city_b,
        ref_or_none(RecordKind.PROGRAMME, p.programme_id, programmes), p.pairing_kind, p.status,
        p.since, p.date_note, tuple(areas), p.summary,
        sources_of(session, RecordKind.PAIRING, pairing_id),
    )


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


def _refs(session: Session, model: Any, where: Any, order: Any, *, field: str = "name",
          limit: int | None = None) -> tuple[Ref, ...]:
    """Links to the records of *model* that *where* selects, in *order* then by id, each
    named by its *field* in the interface's language (db.bilingual.form): the related
    lists of a detail pane."""
    query = select(model).where(where).order_by(order, col(model.id))
    return tuple(Ref(model.kind.value, r.id or 0, form(r, field))
                 for r in session.exec(query.limit(limit) if limit else query))


def organisation(session: Session, organisation_id: int) -> OrganisationView | None:
    o = session.get(Organisation, organisation_id)
    if o is None:
        return None
    cities = labels_of(session, RecordKind.CITY, [o.city_id])
    countries = labels_of(session, RecordKind.COUNTRY, [o.country_id])
    parents = labels_of(session, RecordKind.ORGANISATION, [o.parent_id])
    today = dt.date.today()
    people = []
    for position, person_row in session.exec(
        select(Position, Person).join(Person, col(Person.id) == Position.person_id)
        .where(Position.organisation_id == organisation_id)
        .order_by(col(Position.rank), col(Person.sort_key))
    ):
        view = PositionView(position.id or 0, position.version, form(position, "title"), None, None,
                            position.start_date, position.end_date, position.date_note,
                            position.rank, tuple(position.attested_on))
        people.append(HolderView(Ref(RecordKind.PERSON.value, person_row.id or 0,
                                     person_label(person_row)), form(position, "title"),
                                 position.start_date, position.end_date, position.date_note,
                                 view.held_on(today)))
    return OrganisationView(
        id=organisation_id, version=o.version, name=form(o), acronym=o.acronym, kind=o.org_kind,
        city=ref_or_none(RecordKind.CITY, o.city_id, cities),
        country=ref_or_none(RecordKind.COUNTRY, o.country_id, countries),
        parent=ref_or_none(RecordKind.ORGANISATION, o.parent_id, parents),
        parts=_refs(session, Organisation, Organisation.parent_id == organisation_id,
                    col(Organisation.name)),
        website=o.website, notes=o.notes, people=tuple(people),
        events=tuple((Ref(RecordKind.EVENT.value, e.id or 0, form(e)), eo.role)
                     for eo, e in session.exec(
                         select(EventOrganiser, Event)
                         .join(Event, col(Event.id) == EventOrganiser.event_id)
                         .where(EventOrganiser.organisation_id == organisation_id)
                         .order_by(col(Event.start_date)))),
        delegations=_refs(session, Delegation,
                          Delegation.sending_organisation_id == organisation_id,
                          col(Delegation.sort_date), field="title"),
        programmes=_refs(session, Programme, (col(Programme.funder_id) == organisation_id)
                         | (col(Programme.managing_organisation_id) == organisation_id),
                         col(Programme.id)),
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
    countries = labels_of(session, RecordKind.COUNTRY, [c.country_id])
    pairings = pairing_refs(session, session.exec(select(Pairing).where(
        (col(Pairing.city_a_id) == city_id) | (col(Pairing.city_b_id) == city_id))).all())
    return CityView(
        id=city_id, version=c.version, name=form(c), local_name=c.local_name,
        aliases=tuple(c.aliases), country=ref_or_none(RecordKind.COUNTRY, c.country_id, countries),
        region=c.region, latitude=c.latitude, longitude=c.longitude,
        pairings=tuple(pairings),
        organisations=_refs(session, Organisation, Organisation.city_id == city_id,
                            col(Organisation.name), limit=_RELATED_LIMIT),
        delegations=_refs(session, Delegation, (col(Delegation.host_city_id) == city_id)
                          | (col(Delegation.sending_city_id) == city_id),
                          col(Delegation.sort_date).desc(), field="title", limit=_RELATED_LIMIT),
        events=_refs(session, Event, Event.city_id == city_id, col(Event.sort_date).desc(),
                     limit=_RELATED_LIMIT),
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
    orgs = labels_of(session, RecordKind.ORGANISATION, [p.funder_id, p.managing_organisation_id])
    pairings = pairing_refs(session, session.exec(
        select(Pairing).where(Pairing.programme_id == programme_id)).all())
    return ProgrammeView(
        programme_id, p.version, p.name, ref_or_none(RecordKind.ORGANISATION, p.funder_id, orgs),
        ref_or_none(RecordKind.ORGANISATION, p.managing_organisation_id, orgs), p.start_date,
        p.end_date, p.date_note, p.description, p.website,
        tuple(pairings), sources_of(session, RecordKind.PROGRAMME, programme_id),
    )



# ---------------------------------------------------------------- facts a sheet prints


@dataclass(frozen=True)
class CityFacts:
    id: int
    name: str
    local_name: str | None
    country_id: int | None
    country: str | None
    region: str | None


def city_facts(session: Session, city_ids: Iterable[int | None]) -> dict[int, CityFacts]:
    wanted = {i for i in city_ids if i is not None}
    if not wanted:
        return {}
    rows = session.exec(select(City).where(col(City.id).in_(wanted))).all()
    countries = labels_of(session, RecordKind.COUNTRY, (c.country_id for c in rows))
    return {c.id or 0: CityFacts(c.id or 0, form(c), c.local_name, c.country_id,
                                 countries.get(c.country_id or -1), c.region)
            for c in rows}


@dataclass(frozen=True)
class OrganisationInfo:
    """An organisation as a sheet names it: with its acronym, city and parent body."""

    id: int
    name: str
    acronym: str | None
    org_kind: str
    city_id: int | None
    city: str | None
    country_id: int | None
    country: str | None
    parent: str | None


def organisations_info(session: Session,
                  organisation_ids: Iterable[int | None]) -> dict[int, OrganisationInfo]:
    wanted = {i for i in organisation_ids if i is not None}
    if not wanted:
        return {}
    rows = session.exec(select(Organisation).where(col(Organisation.id).in_(wanted))).all()
    city_names = labels_of(session, RecordKind.CITY, (r.city_id for r in rows))
    country_names = labels_of(session, RecordKind.COUNTRY, (r.country_id for r in rows))
    parent_names = labels_of(session, RecordKind.ORGANISATION, (r.parent_id for r in rows))
    return {
        r.id or 0: OrganisationInfo(
            r.id or 0, form(r), r.acronym, r.org_kind, r.city_id,
            city_names.get(r.city_id or -1), r.country_id, country_names.get(r.country_id or -1),
            parent_names.get(r.parent_id or -1))
        for r in rows
    }


@dataclass(frozen=True)
class ProgrammeFacts:
    id: int
    name: str
    funder: Ref | None
    managing_organisation: Ref | None
    start_date: dt.date | None
    end_date: dt.date | None
    date_note: str | None
    description: str | None
    website: str | None


def programme_facts(session: Session,
                    programme_id: int | None) -> ProgrammeFacts | None:
    if programme_id is None:
        return None
    p = session.get(Programme, programme_id)
    if p is None:
        return None
    names = labels_of(session, RecordKind.ORGANISATION, [p.funder_id, p.managing_organisation_id])

    def ref(org_id: int | None) -> Ref | None:
        return ref_or_none(RecordKind.ORGANISATION, org_id, names)

    return ProgrammeFacts(programme_id, p.name, ref(p.funder_id), ref(p.managing_organisation_id),
                         p.start_date, p.end_date, p.date_note, p.description, p.website)
