"""The exchanges between two cities, for the pairing sheet and detail pane.

Delegations between the cities (either way, or under their pairing) and the events
those delegations attended, in time order; and the people involved on each side.
SQL text over :data:`db.rows.Rows`, like every read (see :mod:`db.rows`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from db.bilingual import pick
from db.dates import approximate_date
from db.kinds import OrganisationKind, RecordKind
from db.names import display_name
from db.reads.common import Ref
from db.reads.people import PositionView, titles_on
from db.reads.places import CityFacts, OrganisationInfo, city_facts, organisations_info
from db.rows import Reader, day, ids_in, rows_of, strings
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


class _Visit(NamedTuple):
    """A delegation as :func:`exchanges` reads it, dates converted."""

    id: int
    title: str
    start_date: dt.date | None
    end_date: dt.date | None
    date_note: str | None
    direction: str
    sending_city_id: int | None
    host_city_id: int | None
    status: str
    purpose: str | None
    event_id: int | None


def exchanges(source: Reader, city_a_id: int, city_b_id: int, *,
              pairing_id: int | None = None) -> tuple[Exchange, ...]:
    """Delegations between the two cities (either way, or under the pairing) and the events
    those delegations attended, in time order; undated items last."""
    rows = rows_of(source)
    between = ("(d.sending_city_id = :a AND d.host_city_id = :b)"
               " OR (d.sending_city_id = :b AND d.host_city_id = :a)")
    params: dict[str, int] = {"a": city_a_id, "b": city_b_id}
    if pairing_id is not None:
        between += " OR d.pairing_id = :pairing"
        params["pairing"] = pairing_id
    delegations = [
        _Visit(int(did), title, day(start), day(end), date_note, direction, sending, host,
               status, purpose, event_id)
        for (did, title, start, end, date_note, direction, sending, host, status, purpose,
             event_id) in rows(
            "SELECT d.id, d.title, d.start_date, d.end_date, d.date_note, d.direction,"
            " d.sending_city_id, d.host_city_id, d.status, d.purpose, d.event_id"
            f' FROM "delegation" d WHERE {between}', params)]
    first_engagement = _first_meetings(source, [d.id for d in delegations])
    city_names = {c.id: c.name for c in city_facts(
        source, [x for d in delegations for x in (d.sending_city_id, d.host_city_id)]).values()}
    items = [
        Exchange(
            RecordKind.DELEGATION.value, d.id, d.title, d.start_date, d.end_date, d.date_note,
            d.start_date or first_engagement.get(d.id)
            or approximate_date(None, d.date_note),
            d.direction, city_names.get(d.sending_city_id or -1),
            city_names.get(d.host_city_id or -1), d.status, d.purpose)
        for d in delegations
    ]
    where, attended = ids_in("e", (d.event_id for d in delegations))
    if attended:
        events = [
            (int(eid), pick(name, name_vi) or "", day(start), day(end), date_note, city_id,
             theme or description)
            for eid, name, name_vi, start, end, date_note, city_id, theme, description in rows(
                "SELECT e.id, e.name, e.name_vi, e.start_date, e.end_date, e.date_note,"
                f' e.city_id, e.theme, e.description FROM "event" e WHERE e.id IN {where}',
                attended)]
        event_cities = {c.id: c.name for c in city_facts(
            source, [city_id for *_event, city_id, _summary in events]).values()}
        items.extend(
            Exchange(
                RecordKind.EVENT.value, eid, name, start, end, date_note,
                approximate_date(start, date_note), None, None,
                event_cities.get(city_id or -1), None, summary)
            for eid, name, start, end, date_note, city_id, summary in events
        )
    items.sort(key=lambda i: (i.sort_date is None, i.sort_date or dt.date.min,
                              i.kind != RecordKind.EVENT.value, i.title.casefold(), i.id))
    return tuple(items)


def _first_meetings(source: Reader, delegation_ids: Sequence[int]) -> dict[int, dt.date]:
    """The first dated meeting of each delegation: the day an undated visit sorts on."""
    where, params = ids_in("d", delegation_ids)
    first: dict[int, dt.date] = {}
    if not params:
        return first
    for delegation_id, on in rows_of(source)(
            'SELECT en.delegation_id, en.date FROM "engagement" en'
            f" WHERE en.delegation_id IN {where} AND en.date IS NOT NULL", params):
        when = day(on)
        if when is not None and (delegation_id not in first or when < first[delegation_id]):
            first[int(delegation_id)] = when
    return first


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


def key_people(source: Reader, city_a_id: int, city_b_id: int,
               items: Sequence[Exchange]) -> tuple[KeyPerson, ...]:
    """People in the delegations and events of *items*, each placed on a side.

    A side is decided, in order, by nationality (when the cities are in different
    countries), by an organisation based in one of the cities (embassies excepted),
    by membership of a delegation sent by one of the cities, then by hosting a
    meeting in one of them. Most recently involved first within a side.
    """
    both = city_facts(source, [city_a_id, city_b_id])
    if city_a_id not in both or city_b_id not in both:
        return ()
    sides = (both[city_a_id], both[city_b_id])
    seen, hints = _involvement(source, sides, items)
    if not seen:
        return ()
    rows = rows_of(source)
    where, params = ids_in("p", seen)
    people = {int(pid): (display_name(given_names, family_name, name_order), nationality_id)
              for pid, given_names, family_name, name_order, nationality_id in rows(
                  "SELECT p.id, p.given_names, p.family_name, p.name_order, p.nationality_id"
                  f' FROM "person" p WHERE p.id IN {where}', params)}
    by_person = _positions(source, seen)
    orgs = organisations_info(source, [org_id for held in by_person.values()
                                       for _pos, org_id in held])
    country_ids = (sides[0].country_id, sides[1].country_id)
    found: list[KeyPerson] = []
    for person_id, involved in seen.items():
        if person_id not in people:
            continue
        name, nationality_id = people[person_id]
        last = max((when for when, _ in involved if when is not None), default=None)
        views = [PositionView(
            pos.id, pos.version, pos.title, pos.address_title,
            Ref(RecordKind.ORGANISATION.value, org_id, orgs[org_id].name)
            if org_id is not None and org_id in orgs else None,
            pos.start_date, pos.end_date, pos.date_note, pos.rank, pos.attested_on)
            for pos, org_id in by_person.get(person_id, [])]
        held = titles_on(views, last or dt.date.today()) or views
        side = _side(nationality_id, [orgs.get(org_id or -1)
                                      for _pos, org_id in by_person.get(person_id, [])],
                     sides, country_ids)
        if side is None:
            side = hints.get(person_id, 2)
        ordered = sorted(involved, key=lambda entry: (entry[0] is None,
                                                      entry[0] or dt.date.min))
        found.append(KeyPerson(
            person_id, name, held[0].title if held else "",
            held[0].organisation.label if held and held[0].organisation else "", side,
            tuple(dict.fromkeys(text for _, text in ordered)), last))
    found.sort(key=lambda k: (k.side, k.last_seen is None,
                              -(k.last_seen or dt.date.min).toordinal(), k.name.casefold()))
    return tuple(found)


def _positions(source: Reader,
               person_ids: Iterable[int]) -> dict[int, list[tuple[PositionView, int | None]]]:
    """The positions of these people, unnamed, each with its organisation's id
    (:func:`key_people` names them all in one query)."""
    where, params = ids_in("p", person_ids)
    by_person: dict[int, list[tuple[PositionView, int | None]]] = defaultdict(list)
    for (position_id, person_id, version, title, title_vi, address_title, address_title_vi,
         organisation_id, start, end, date_note, rank, attested_on) in rows_of(source)(
            "SELECT po.id, po.person_id, po.version, po.title, po.title_vi, po.address_title,"
            " po.address_title_vi, po.organisation_id, po.start_date, po.end_date,"
            ' po.date_note, po.rank, po.attested_on FROM "position" po'
            f" WHERE po.person_id IN {where}", params):
        by_person[int(person_id)].append((PositionView(
            int(position_id), version, pick(title, title_vi) or "",
            pick(address_title, address_title_vi) or None, None, day(start), day(end),
            date_note, rank, strings(attested_on)), organisation_id))
    return by_person


Involvement = dict[int, list[tuple[dt.date | None, str]]]


def _involvement(source: Reader, sides: tuple[CityFacts, CityFacts],
                 items: Sequence[Exchange]) -> tuple[Involvement, dict[int, int]]:
    """What each person did in *items* (with when), and a side hinted by what they did:
    sent by one of the cities, or hosting a meeting in one."""
    rows = rows_of(source)
    delegations, delegation_ids = ids_in(
        "d", (i.id for i in items if i.kind == RecordKind.DELEGATION.value))
    events, event_ids = ids_in("e", (i.id for i in items if i.kind == RecordKind.EVENT.value))
    dated = {(i.kind, i.id): i.sort_date for i in items}
    seen: Involvement = defaultdict(list)
    sent: dict[int, int] = {}
    hosted: dict[int, int] = {}

    def side_of(city_id: int | None) -> int | None:
        return next((n for n, c in enumerate(sides) if c.id == city_id), None)

    def took_part(person_id: int, when: dt.date | None, role: str, what: str) -> None:
        seen[person_id].append((when, f"{_role_label(role)}, {what}"))

    if delegation_ids:
        for person_id, role, delegation_id, title, sending_city_id in rows(
                "SELECT dm.person_id, dm.role, d.id, d.title, d.sending_city_id"
                ' FROM "delegation_member" dm JOIN "delegation" d ON d.id = dm.delegation_id'
                f" WHERE dm.delegation_id IN {delegations}", delegation_ids):
            took_part(person_id, dated[(RecordKind.DELEGATION.value, delegation_id)], role,
                      title)
            home = side_of(sending_city_id)
            if home is not None:
                sent.setdefault(person_id, home)
        for person_id, role, on, title, city_id, delegation_id, host_city_id in rows(
                "SELECT ep.person_id, ep.role, en.date, en.title, en.city_id, d.id,"
                ' d.host_city_id FROM "engagement_participant" ep'
                ' JOIN "engagement" en ON en.id = ep.engagement_id'
                ' JOIN "delegation" d ON d.id = en.delegation_id'
                f" WHERE en.delegation_id IN {delegations}", delegation_ids):
            took_part(person_id,
                      day(on) or dated[(RecordKind.DELEGATION.value, delegation_id)],
                      role, title)
            host_side = side_of(city_id or host_city_id)
            if role == "host" and host_side is not None:
                hosted.setdefault(person_id, host_side)
    if event_ids:
        for person_id, role, event_id, name, name_vi in rows(
                'SELECT ep.person_id, ep.role, e.id, e.name, e.name_vi FROM "event_participant" ep'
                ' JOIN "event" e ON e.id = ep.event_id'
                f" WHERE ep.event_id IN {events}", event_ids):
            took_part(person_id, dated[(RecordKind.EVENT.value, event_id)], role,
                      pick(name, name_vi) or "")
    return seen, {**hosted, **sent}


def _side(nationality_id: int | None, held: Sequence[OrganisationInfo | None],
          sides: tuple[CityFacts, CityFacts],
          country_ids: tuple[int | None, int | None]) -> int | None:
    """The side a person's nationality or organisation puts them on, if any."""
    if country_ids[0] != country_ids[1] and nationality_id is not None:
        for n, country in enumerate(country_ids):
            if country == nationality_id:
                return n
    for info in held:
        side = _org_side(info, sides, country_ids)
        if side is not None:
            return side
    return None


def _role_label(role: str) -> str:
    return words(role)
