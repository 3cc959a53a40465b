"""Organisations, cities, programmes and pairings, and the facts a sheet prints of them
(a city with its country, an organisation with its acronym and parent body).

SQL text over :data:`db.rows.Rows` (see :mod:`db.rows`): these reads serve the store's
session and a bare read-only ``sqlite3`` connection alike, so a ``liaison brief``
process prints a pairing sheet without importing the table classes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeAlias

from db.bilingual import NAMED_IN_TWO_LANGUAGES, pick
from db.kinds import RecordKind
from db.names import display_name
from db.reads.common import Ref, SourceView, labels_of, ref_or_none, sources_of
from db.reads.people import PositionView
from db.rows import Reader, day, ids_in, rows_of, strings
from db.wording import pairing_label

#: A pairing as :func:`pairing_refs` names it: its id and its two cities' ids.
PairingCities: TypeAlias = tuple[int, int, int]


def pairing_refs(source: Reader, pairings: Iterable[PairingCities]) -> list[Ref]:
    """Links to these pairings (``(id, city_a_id, city_b_id)`` each), named by their
    cities in one query for all of them."""
    wanted = list(pairings)
    cities = labels_of(source, RecordKind.CITY, [c for _p, a, b in wanted for c in (a, b)])
    return [Ref(RecordKind.PAIRING.value, pairing_id,
                pairing_label(cities.get(city_a_id), cities.get(city_b_id)))
            for pairing_id, city_a_id, city_b_id in wanted]


def _pairings_where(source: Reader, where: str, params: dict[str, Any]) -> list[Ref]:
    """Links to the pairings *where* selects (no order: the engine's, as it always was)."""
    return pairing_refs(source, [
        (int(pid), int(a), int(b)) for pid, a, b in rows_of(source)(
            f'SELECT p.id, p.city_a_id, p.city_b_id FROM "pairing" p WHERE {where}', params)])


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


def pairing(source: Reader, pairing_id: int) -> PairingView | None:
    rows = rows_of(source)
    found = rows(
        "SELECT p.version, p.city_a_id, p.city_b_id, p.programme_id, p.pairing_kind,"
        ' p.status, p.since, p.date_note, p.summary FROM "pairing" p WHERE p.id = :id',
        {"id": pairing_id})
    if not found:
        return None
    (version, city_a_id, city_b_id, programme_id, pairing_kind, status, since, date_note,
     summary) = found[0]
    cities = labels_of(source, RecordKind.CITY, [city_a_id, city_b_id])
    programmes = labels_of(source, RecordKind.PROGRAMME, [programme_id])
    areas = tuple(name for (name,) in rows(
        'SELECT a.name FROM "cooperation_area" a'
        ' JOIN "pairing_area" pa ON pa.area_id = a.id'
        " WHERE pa.pairing_id = :id ORDER BY a.name", {"id": pairing_id}))
    city_a = ref_or_none(RecordKind.CITY, city_a_id, cities)
    city_b = ref_or_none(RecordKind.CITY, city_b_id, cities)
    assert city_a is not None and city_b is not None
    return PairingView(
        pairing_id, version, city_a, city_b,
        ref_or_none(RecordKind.PROGRAMME, programme_id, programmes), pairing_kind, status,
        day(since), date_note, areas, summary,
        sources_of(source, RecordKind.PAIRING, pairing_id),
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


def _refs(source: Reader, kind: RecordKind, where: str, params: dict[str, Any], order: str,
          *, field: str = "name", limit: int | None = None) -> tuple[Ref, ...]:
    """Links to the records of *kind* (table alias ``r``) that *where* selects, in *order*
    then by id, each named by its *field* in the interface's language
    (:func:`db.bilingual.pick`): the related lists of a detail pane."""
    vietnamese = f"r.{field}_vi" if kind.value in NAMED_IN_TWO_LANGUAGES else "NULL"
    sql = (f'SELECT r.id, r.{field}, {vietnamese} FROM "{kind.value}" r WHERE {where}'
           f" ORDER BY {order}, r.id")
    if limit:
        sql, params = sql + " LIMIT :limit", {**params, "limit": limit}
    return tuple(Ref(kind.value, int(rid), pick(text, text_vi) or "")
                 for rid, text, text_vi in rows_of(source)(sql, params))


def _holders(source: Reader, organisation_id: int) -> tuple[HolderView, ...]:
    """Who held a post at the organisation, by rank then name, and whether they still do."""
    today = dt.date.today()
    people = []
    for (position_id, version, title, title_vi, start, end, date_note, rank, attested_on,
         person_id, given_names, family_name, name_order) in rows_of(source)(
            "SELECT po.id, po.version, po.title, po.title_vi, po.start_date, po.end_date,"
            " po.date_note, po.rank, po.attested_on,"
            " pe.id, pe.given_names, pe.family_name, pe.name_order"
            ' FROM "position" po JOIN "person" pe ON pe.id = po.person_id'
            " WHERE po.organisation_id = :id ORDER BY po.rank, pe.sort_key",
            {"id": organisation_id}):
        shown = pick(title, title_vi) or ""
        start_date, end_date = day(start), day(end)
        view = PositionView(int(position_id), version, shown, None, None, start_date,
                            end_date, date_note, rank, strings(attested_on))
        people.append(HolderView(
            Ref(RecordKind.PERSON.value, int(person_id),
                display_name(given_names, family_name, name_order)),
            shown, start_date, end_date, date_note, view.held_on(today)))
    return tuple(people)


def organisation(source: Reader, organisation_id: int) -> OrganisationView | None:
    rows = rows_of(source)
    found = rows(
        "SELECT o.version, o.name, o.name_vi, o.acronym, o.org_kind, o.city_id, o.country_id,"
        ' o.parent_id, o.website, o.notes FROM "organisation" o WHERE o.id = :id',
        {"id": organisation_id})
    if not found:
        return None
    (version, name, name_vi, acronym, org_kind, city_id, country_id, parent_id, website,
     notes) = found[0]
    cities = labels_of(source, RecordKind.CITY, [city_id])
    countries = labels_of(source, RecordKind.COUNTRY, [country_id])
    parents = labels_of(source, RecordKind.ORGANISATION, [parent_id])
    this = {"id": organisation_id}
    return OrganisationView(
        id=organisation_id, version=version, name=pick(name, name_vi) or "", acronym=acronym,
        kind=org_kind,
        city=ref_or_none(RecordKind.CITY, city_id, cities),
        country=ref_or_none(RecordKind.COUNTRY, country_id, countries),
        parent=ref_or_none(RecordKind.ORGANISATION, parent_id, parents),
        parts=_refs(source, RecordKind.ORGANISATION, "r.parent_id = :id", this, "r.name"),
        website=website, notes=notes, people=_holders(source, organisation_id),
        events=tuple((Ref(RecordKind.EVENT.value, int(event_id), pick(e_name, e_name_vi) or ""),
                      role)
                     for role, event_id, e_name, e_name_vi in rows(
                         'SELECT eo.role, e.id, e.name, e.name_vi FROM "event_organiser" eo'
                         ' JOIN "event" e ON e.id = eo.event_id'
                         " WHERE eo.organisation_id = :id ORDER BY e.start_date", this)),
        delegations=_refs(source, RecordKind.DELEGATION, "r.sending_organisation_id = :id",
                          this, "r.sort_date", field="title"),
        programmes=_refs(source, RecordKind.PROGRAMME,
                         "r.funder_id = :id OR r.managing_organisation_id = :id", this, "r.id"),
        sources=sources_of(source, RecordKind.ORGANISATION, organisation_id),
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


def city(source: Reader, city_id: int) -> CityView | None:
    found = rows_of(source)(
        "SELECT c.version, c.name, c.name_vi, c.local_name, c.aliases, c.country_id, c.region,"
        ' c.latitude, c.longitude FROM "city" c WHERE c.id = :id', {"id": city_id})
    if not found:
        return None
    (version, name, name_vi, local_name, aliases, country_id, region, latitude,
     longitude) = found[0]
    countries = labels_of(source, RecordKind.COUNTRY, [country_id])
    this = {"id": city_id}
    return CityView(
        id=city_id, version=version, name=pick(name, name_vi) or "", local_name=local_name,
        aliases=strings(aliases), country=ref_or_none(RecordKind.COUNTRY, country_id, countries),
        region=region, latitude=latitude, longitude=longitude,
        pairings=tuple(_pairings_where(source, "p.city_a_id = :id OR p.city_b_id = :id", this)),
        organisations=_refs(source, RecordKind.ORGANISATION, "r.city_id = :id", this,
                            "r.name", limit=_RELATED_LIMIT),
        delegations=_refs(source, RecordKind.DELEGATION,
                          "r.host_city_id = :id OR r.sending_city_id = :id", this,
                          "r.sort_date DESC", field="title", limit=_RELATED_LIMIT),
        events=_refs(source, RecordKind.EVENT, "r.city_id = :id", this, "r.sort_date DESC",
                     limit=_RELATED_LIMIT),
        sources=sources_of(source, RecordKind.CITY, city_id),
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


def programme(source: Reader, programme_id: int) -> ProgrammeView | None:
    found = _programme(source, programme_id)
    if found is None:
        return None
    version, facts = found
    pairings = _pairings_where(source, "p.programme_id = :id", {"id": programme_id})
    return ProgrammeView(
        programme_id, version, facts.name, facts.funder, facts.managing_organisation,
        facts.start_date, facts.end_date, facts.date_note, facts.description, facts.website,
        tuple(pairings), sources_of(source, RecordKind.PROGRAMME, programme_id),
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


def city_facts(source: Reader, city_ids: Iterable[int | None]) -> dict[int, CityFacts]:
    where, params = ids_in("id", city_ids)
    if not params:
        return {}
    rows = [(int(cid), name, name_vi, local_name, country_id, region)
            for cid, name, name_vi, local_name, country_id, region in rows_of(source)(
                "SELECT c.id, c.name, c.name_vi, c.local_name, c.country_id, c.region"
                f' FROM "city" c WHERE c.id IN {where}', params)]
    countries = labels_of(source, RecordKind.COUNTRY,
                          (country_id for *_c, country_id, _r in rows))
    return {cid: CityFacts(cid, pick(name, name_vi) or "", local_name, country_id,
                           countries.get(country_id or -1), region)
            for cid, name, name_vi, local_name, country_id, region in rows}


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


def organisations_info(source: Reader,
                       organisation_ids: Iterable[int | None]) -> dict[int, OrganisationInfo]:
    where, params = ids_in("id", organisation_ids)
    if not params:
        return {}
    rows = [_OrganisationRow(*row) for row in rows_of(source)(
        "SELECT o.id, o.name, o.name_vi, o.acronym, o.org_kind, o.city_id, o.country_id,"
        f' o.parent_id FROM "organisation" o WHERE o.id IN {where}', params)]
    city_names = labels_of(source, RecordKind.CITY, (r.city_id for r in rows))
    country_names = labels_of(source, RecordKind.COUNTRY, (r.country_id for r in rows))
    parent_names = labels_of(source, RecordKind.ORGANISATION, (r.parent_id for r in rows))
    return {
        int(r.id): OrganisationInfo(
            int(r.id), pick(r.name, r.name_vi) or "", r.acronym, r.org_kind, r.city_id,
            city_names.get(r.city_id or -1), r.country_id, country_names.get(r.country_id or -1),
            parent_names.get(r.parent_id or -1))
        for r in rows
    }


class _OrganisationRow(NamedTuple):
    """The columns :func:`organisations_info` reads, in its SELECT's order."""

    id: int
    name: str
    name_vi: str | None
    acronym: str | None
    org_kind: str
    city_id: int | None
    country_id: int | None
    parent_id: int | None


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


def programme_facts(source: Reader,
                    programme_id: int | None) -> ProgrammeFacts | None:
    if programme_id is None:
        return None
    found = _programme(source, programme_id)
    return None if found is None else found[1]


def _programme(source: Reader, programme_id: int) -> tuple[int, ProgrammeFacts] | None:
    """A programme's version and facts, its organisations named, in two queries."""
    found = rows_of(source)(
        "SELECT p.version, p.name, p.funder_id, p.managing_organisation_id, p.start_date,"
        " p.end_date, p.date_note, p.description, p.website"
        ' FROM "programme" p WHERE p.id = :id', {"id": programme_id})
    if not found:
        return None
    (version, name, funder_id, managing_id, start_date, end_date, date_note, description,
     website) = found[0]
    names = labels_of(source, RecordKind.ORGANISATION, [funder_id, managing_id])

    def ref(org_id: int | None) -> Ref | None:
        return ref_or_none(RecordKind.ORGANISATION, org_id, names)

    return version, ProgrammeFacts(programme_id, name, ref(funder_id), ref(managing_id),
                                   day(start_date), day(end_date), date_note, description,
                                   website)
