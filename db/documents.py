"""Search documents: what the index holds of each kind of record.

One builder per kind turns a batch of ids into :class:`db.spec.Document` values
(a few queries per batch, never one per record), so a full rebuild of a
100,000-person catalog stays quick. Each kind's builder is named in its
description (``db.registry``); ``db.search`` writes what they return.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlmodel import Session, col, select

from db.models import (
    City,
    CooperationArea,
    Country,
    Delegation,
    DelegationMember,
    Engagement,
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
from db.names import display_name
from db.search_fields import years
from db.spec import Document
from db.wording import pairing_label, title_at, words

BATCH = 500


def _join(parts: Iterable[str | None]) -> str:
    return " ".join(part for part in parts if part)


def _subtitle(parts: Iterable[str | None]) -> str:
    return " · ".join(part for part in parts if part)


def in_batches(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def _names_by_id(session: Session, model: type[Organisation] | type[City] | type[Country],
                 ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    found: dict[int, str] = {}
    for batch in in_batches(wanted):
        query = select(col(model.id), col(model.name)).where(col(model.id).in_(batch))
        found.update((rid, name) for rid, name in session.exec(query) if rid is not None)
    return found


def _vietnamese_names(session: Session, model: type[Organisation] | type[City],
                      ids: Iterable[int | None]) -> dict[int, str]:
    """The Vietnamese forms (``name_vi``) of these records, where they have one: a
    document quotes both forms, so either finds it."""
    wanted = sorted({i for i in ids if i is not None})
    found: dict[int, str] = {}
    for batch in in_batches(wanted):
        query = select(col(model.id), col(model.name_vi)).where(
            col(model.id).in_(batch), col(model.name_vi).is_not(None))
        found.update((rid, name) for rid, name in session.exec(query) if rid and name)
    return found


def _city_words(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    """City id -> every name it goes by (``Hanoi Hà Nội``): what ``city:`` matches."""
    wanted = sorted({i for i in ids if i is not None})
    found: dict[int, str] = {}
    for batch in in_batches(wanted):
        found.update((c.id, _join([c.name, c.name_vi, c.local_name, *(c.aliases or [])]))
                     for c in session.exec(select(City).where(col(City.id).in_(batch)))
                     if c.id is not None)
    return found


def people(session: Session, ids: Sequence[int]) -> list[Document]:
    people = session.exec(select(Person).where(col(Person.id).in_(ids))).all()
    positions: dict[int, list[Position]] = defaultdict(list)
    for position in session.exec(select(Position).where(col(Position.person_id).in_(ids))):
        positions[position.person_id].append(position)
    orgs = _names_by_id(session, Organisation,
                        (p.organisation_id for ps in positions.values() for p in ps))
    countries = _names_by_id(session, Country, (p.nationality_id for p in people))
    places = _places_of(session, (p.organisation_id for ps in positions.values() for p in ps))
    orgs_vi = _vietnamese_names(session, Organisation,
                                (p.organisation_id for ps in positions.values() for p in ps))
    today = dt.date.today()
    docs = []
    for person in people:
        assert person.id is not None
        name = display_name(person.given_names, person.family_name, person.name_order)
        held = sorted(positions[person.id], key=lambda p: p.rank)
        current = [p for p in held if held_on(p.start_date, p.end_date, today)]
        subtitle = ""
        if current:
            subtitle = title_at(current[0].title, orgs.get(current[0].organisation_id or -1))
        aliases = list(getattr(person, "aliases", None) or [])
        docs.append(Document(
            RecordKind.PERSON, person.id, name, subtitle,
            names=_join([name, person.original_script, person.form_of_address, *aliases]),
            keys=(person.original_script, *aliases),
            detail=_person_detail(held, orgs, places, countries.get(person.nationality_id or -1)),
            body=_join([person.honorific, countries.get(person.nationality_id or -1),
                        *(p.title for p in held), *(p.title_vi for p in held),
                        *(orgs.get(p.organisation_id or -1) for p in held),
                        *(orgs_vi.get(p.organisation_id or -1) for p in held)]),
            # What users remember of someone ("the ambassador"): searched last, below
            # names, titles and places. Private notes are never searched.
            notes=_join([person.biography, person.protocol_notes]),
            fields=(*(("title", p.title) for p in held), *(("title", p.title_vi) for p in held),
                    *(("org", orgs.get(p.organisation_id or -1)) for p in held),
                    *(("org", orgs_vi.get(p.organisation_id or -1)) for p in held),
                    *(("city", places.get(p.organisation_id or -1)) for p in held),
                    *(("year", _held_years(p, today)) for p in held)),
        ))
    return docs


def _places_of(session: Session, org_ids: Iterable[int | None]) -> dict[int, str]:
    """Organisation id -> its province (the city's region) or else its city."""
    wanted = sorted({i for i in org_ids if i is not None})
    found: dict[int, str] = {}
    for batch in in_batches(wanted):
        query = (select(col(Organisation.id), col(City.name), col(City.region))
                 .join(City, col(City.id) == Organisation.city_id)
                 .where(col(Organisation.id).in_(batch)))
        found.update((oid, region or city) for oid, city, region in session.exec(query)
                     if oid is not None)
    return found


def _years(position: Position) -> str:
    first = str(position.start_date.year) if position.start_date else ""
    last = str(position.end_date.year) if position.end_date else ""
    if first and last:
        return first if first == last else f"{first}–{last}"
    return f"since {first}" if first else (f"until {last}" if last else "")


def _person_detail(held: Sequence[Position], orgs: dict[int, str], places: dict[int, str],
                   country: str | None) -> str:
    """Organisation, province, years of the first position held, nationality."""
    parts: list[str | None] = []
    if held:
        first = held[0]
        parts += [orgs.get(first.organisation_id or -1) or first.title,
                  places.get(first.organisation_id or -1), _years(first)]
    parts.append(country)
    return _subtitle(dict.fromkeys(p for p in parts if p))


def organisations(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(Organisation).where(col(Organisation.id).in_(ids))).all()
    cities = _names_by_id(session, City, (o.city_id for o in rows))
    parents = _names_by_id(session, Organisation, (o.parent_id for o in rows))
    docs = []
    for org in rows:
        assert org.id is not None
        city = cities.get(org.city_id or -1)
        docs.append(Document(
            RecordKind.ORGANISATION, org.id, org.name, _subtitle([org.acronym, city]),
            names=_join([org.name, org.name_vi, org.acronym]), keys=(org.acronym, org.name_vi),
            body=_join([city, parents.get(org.parent_id or -1), words(org.org_kind).lower()]),
            fields=(("org", org.name), ("org", org.name_vi), ("org", org.acronym),
                    ("org", parents.get(org.parent_id or -1)), ("city", city)),
        ))
    return docs


def cities(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(City).where(col(City.id).in_(ids))).all()
    countries = _names_by_id(session, Country, (c.country_id for c in rows))
    return [
        Document(
            RecordKind.CITY, c.id or 0, c.name,
            _subtitle([c.local_name, countries.get(c.country_id or -1)]),
            names=_join([c.name, c.name_vi, c.local_name, *c.aliases]),
            keys=(c.name_vi, c.local_name, *c.aliases),
            body=_join([c.region, countries.get(c.country_id or -1)]),
            fields=(("city", c.name), ("city", c.name_vi), ("city", c.local_name),
                    *(("city", a) for a in c.aliases)),
        )
        for c in rows
    ]


def programmes(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(Programme).where(col(Programme.id).in_(ids))).all()
    orgs = _names_by_id(session, Organisation,
                        [o for p in rows for o in (p.funder_id, p.managing_organisation_id)])
    return [
        Document(
            RecordKind.PROGRAMME, p.id or 0, p.name, orgs.get(p.funder_id or -1, ""),
            names=p.name,
            body=_join([p.description, orgs.get(p.funder_id or -1),
                        orgs.get(p.managing_organisation_id or -1)]),
            fields=(("org", orgs.get(p.funder_id or -1)),
                    ("org", orgs.get(p.managing_organisation_id or -1)),
                    ("year", years(_year(p.start_date), _year(p.end_date)))),
        )
        for p in rows
    ]


def pairings(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(Pairing).where(col(Pairing.id).in_(ids))).all()
    city_rows = {
        c.id: c
        for c in session.exec(select(City).where(
            col(City.id).in_({r.city_a_id for r in rows} | {r.city_b_id for r in rows})))
    }
    programmes = {
        p.id: p.name for p in session.exec(select(Programme).where(
            col(Programme.id).in_({r.programme_id for r in rows if r.programme_id})))
    }
    areas: dict[int, list[str]] = defaultdict(list)
    for pairing_id, area in session.exec(
        select(PairingArea.pairing_id, CooperationArea.name)
        .join(CooperationArea, col(CooperationArea.id) == PairingArea.area_id)
        .where(col(PairingArea.pairing_id).in_(ids))
    ):
        areas[pairing_id].append(area)
    docs = []
    for pairing in rows:
        assert pairing.id is not None
        a, b = city_rows[pairing.city_a_id], city_rows[pairing.city_b_id]
        docs.append(Document(
            RecordKind.PAIRING, pairing.id, pairing_label(a.name, b.name),
            programmes.get(pairing.programme_id, "") or words(pairing.pairing_kind).lower(),
            names=_join([a.name, a.local_name, *a.aliases, b.name, b.local_name, *b.aliases]),
            body=_join([programmes.get(pairing.programme_id), *areas[pairing.id],
                        pairing.summary]),
            fields=(("city", a.name), ("city", a.local_name), ("city", b.name),
                    ("city", b.local_name), ("year", years(_year(pairing.since), None))),
        ))
    return docs


def delegations(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(Delegation).where(col(Delegation.id).in_(ids))).all()
    cities = _names_by_id(session, City,
                          [c for d in rows for c in (d.sending_city_id, d.host_city_id)])
    orgs = _names_by_id(session, Organisation, (d.sending_organisation_id for d in rows))
    towns = _city_words(session, [c for d in rows for c in (d.sending_city_id, d.host_city_id)])
    heads: dict[int, list[str]] = defaultdict(list)
    for delegation_id, given, family, order in session.exec(
        select(DelegationMember.delegation_id, Person.given_names, Person.family_name,
               Person.name_order)
        .join(Person, col(Person.id) == DelegationMember.person_id)
        .where(col(DelegationMember.delegation_id).in_(ids), DelegationMember.role == "head")
    ):
        heads[delegation_id].append(display_name(given, family, order))
    docs = []
    for d in rows:
        assert d.id is not None
        when = d.start_date.isoformat() if d.start_date else (d.date_note or "")
        docs.append(Document(
            RecordKind.DELEGATION, d.id, d.title,
            _subtitle([when, cities.get(d.host_city_id or -1)]),
            names=d.title,
            body=_join([d.purpose, cities.get(d.sending_city_id or -1),
                        cities.get(d.host_city_id or -1),
                        orgs.get(d.sending_organisation_id or -1), *heads[d.id], d.direction]),
            fields=(("city", towns.get(d.sending_city_id or -1)),
                    ("city", towns.get(d.host_city_id or -1)),
                    ("org", orgs.get(d.sending_organisation_id or -1)),
                    ("year", years(_year(d.sort_date), _year(d.end_date)))),
        ))
    return docs


def engagements(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(Engagement).where(col(Engagement.id).in_(ids))).all()
    orgs = _names_by_id(session, Organisation, (e.host_organisation_id for e in rows))
    cities = _names_by_id(session, City, (e.city_id for e in rows))
    towns = _city_words(session, (e.city_id for e in rows))
    return [
        Document(
            RecordKind.ENGAGEMENT, e.id or 0, e.title,
            _subtitle([e.date.isoformat() if e.date else None, cities.get(e.city_id or -1)]),
            names=e.title,
            body=_join([e.topics, e.place, orgs.get(e.host_organisation_id or -1),
                        cities.get(e.city_id or -1)]),
            fields=(("org", orgs.get(e.host_organisation_id or -1)),
                    ("city", towns.get(e.city_id or -1)), ("year", years(_year(e.date), None))),
        )
        for e in rows
    ]


def events(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(Event).where(col(Event.id).in_(ids))).all()
    cities = _names_by_id(session, City, (e.city_id for e in rows))
    venues = _names_by_id(session, Organisation, (e.venue_id for e in rows))
    towns = _city_words(session, (e.city_id for e in rows))
    organisers: dict[int, list[str]] = defaultdict(list)
    for event_id, name, acronym in session.exec(
        select(EventOrganiser.event_id, Organisation.name, Organisation.acronym)
        .join(Organisation, col(Organisation.id) == EventOrganiser.organisation_id)
        .where(col(EventOrganiser.event_id).in_(ids))
    ):
        organisers[event_id].extend([name, acronym or ""])
    docs = []
    for e in rows:
        assert e.id is not None
        when = e.start_date.isoformat() if e.start_date else (e.date_note or "")
        docs.append(Document(
            RecordKind.EVENT, e.id, e.name, _subtitle([when, cities.get(e.city_id or -1)]),
            names=_join([e.name, e.name_vi, e.series]), keys=(e.name_vi,),
            body=_join([e.theme, cities.get(e.city_id or -1), venues.get(e.venue_id or -1),
                        e.venue_note, *organisers[e.id]]),
            fields=(("city", towns.get(e.city_id or -1)), ("org", venues.get(e.venue_id or -1)),
                    *(("org", name) for name in organisers[e.id]),
                    ("year", years(_year(e.sort_date), _year(e.end_date)))),
        ))
    return docs


def _year(day: dt.date | None) -> int | None:
    return day.year if day else None


def _held_years(position: Position, today: dt.date) -> str:
    """The years a title was held (an open end: until this year) and those a source
    attests it in (``2017-06-13`` -> 2017)."""
    end = _year(position.end_date) or (today.year if position.start_date else None)
    attested = " ".join(a[:4] for a in position.attested_on if a[:4].isdigit())
    return f"{years(_year(position.start_date), end)} {attested}".strip()


def held_on(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """Open ends count as held: an unknown start or end does not exclude the day."""
    return (start is None or start <= day) and (end is None or end >= day)
