"""Large generated catalogs for benchmarks and load tests (``liaison demo``).

Rows go in through SQLAlchemy Core in batched transactions (ORM objects and a
change-log row per field would make 100,000 people take minutes); the search
index is then rebuilt with the same code ``liaison check --repair`` uses, so a
demo catalog searches exactly like a real one. Generation is seeded: the same
``--people N`` gives the same catalog.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import Table, insert

from db import search
from db.catalog.handle import Catalog
from db.i18n import _, format_list, format_number, ngettext
from db.kinds import RecordKind
from db.models import (
    ChangeLogEntry,
    City,
    Country,
    Delegation,
    DelegationMember,
    Engagement,
    Event,
    EventOrganiser,
    EventParticipant,
    Organisation,
    OrganisationKind,
    Person,
    Position,
    utcnow,
)
from db.names import sort_key
from db.vocabulary import count

_VI_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
              "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
_VI_MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Quốc", "Ngọc", "Xuân", "Hồng", "Gia"]
_VI_GIVEN = ["Anh", "Bình", "Chung", "Dũng", "Hải", "Hùng", "Khoa", "Lan", "Mai", "Nam",
             "Phương", "Quang", "Sơn", "Thành", "Trang", "Tuấn", "Việt", "Hà", "Long", "Thảo"]
_KO_FAMILY = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Kwon"]
_KO_GIVEN = ["Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun", "Young Gull", "Do-yun", "Su-bin"]
_WEST_GIVEN = ["Anna", "Bruno", "Cecilia", "Ramón", "Igor", "Marta", "Luca", "Sophie", "Jan",
               "Elena", "Pieter", "Zuzana", "François", "Søren", "Łukasz"]
_WEST_FAMILY = ["Rossi", "Angelet", "Piccioni", "López", "Novák", "Müller", "Dubois", "Kováč",
                "Jensen", "García", "Nowak", "De Vries", "Bianchi", "Horváth", "O'Brien"]
_HONORIFICS = ["Mr", "Mrs", "Ms", "Dr", "H.E.", None]
_TITLES = [("Chairman", 20), ("Vice Chairman", 25), ("Director", 40), ("Deputy Director", 45),
           ("Head of Division", 50), ("Ambassador", 10), ("Counsellor", 30), ("Officer", 70),
           ("Chief Executive Officer", 50), ("Professor", 60), ("Programme Manager", 65)]
_COUNTRIES = ["VN", "IT", "SK", "KR", "FR", "DE", "ES", "PL", "NL", "JP", "MY", "ID", "AU", "BE"]
_CITY_STEMS = ["Hà Nội", "Milan", "Košice", "Seoul", "Đà Nẵng", "Huế", "Lyon", "Kraków",
               "Busan", "Osaka", "Penang", "Surabaya", "Perth", "Ghent", "Bratislava"]
_ORG_WORDS = ["Department of", "Institute for", "Agency for", "Centre of", "Association of",
              "Office of"]
_ORG_TOPICS = ["Information and Communications", "Urban Planning", "Transport", "Innovation",
               "Foreign Affairs", "Culture", "Smart Cities", "Environment", "Trade", "Tourism"]

BATCH = 20_000

Progress = Callable[[str], None]


def _batched(rows: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def _insert(catalog: Catalog, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    table: Table = model.__table__
    now = utcnow()
    for batch in _batched(rows):
        with catalog.write_session() as session:
            session.execute(insert(table),
                            [{"created_at": now, "updated_at": now, "version": 1, **r}
                             for r in batch])


def _person(rng: random.Random, nationality: dict[str, int]) -> dict[str, Any]:
    style = rng.random()
    if style < 0.6:
        return {"family_name": rng.choice(_VI_FAMILY),
                "given_names": f"{rng.choice(_VI_MIDDLE)} {rng.choice(_VI_GIVEN)}",
                "name_order": "family_first", "address_by": "given",
                "honorific": rng.choice(["Mr", "Mrs", "Ms", None]),
                "nationality_id": nationality["VN"], "languages": ["vi"]}
    if style < 0.7:
        return {"family_name": rng.choice(_KO_FAMILY), "given_names": rng.choice(_KO_GIVEN),
                "name_order": "family_first", "address_by": "family",
                "honorific": rng.choice(["Mr", "Ms", "Dr"]),
                "nationality_id": nationality["KR"], "languages": ["ko"]}
    return {"family_name": rng.choice(_WEST_FAMILY), "given_names": rng.choice(_WEST_GIVEN),
            "name_order": "given_first", "address_by": "family",
            "honorific": rng.choice(_HONORIFICS),
            "nationality_id": nationality[rng.choice(_COUNTRIES[1:])], "languages": ["en"]}


def generate(catalog: Catalog, *, people: int, seed: int = 2017,
             progress: Progress | None = None) -> dict[str, int]:
    """Fill an empty catalog with *people* people and proportionate other records."""
    from db.validation import country_name

    say = progress or (lambda _message: None)
    rng = random.Random(seed)
    n_cities = max(20, people // 200)
    n_orgs = max(10, people // 20)
    n_delegations = max(5, people // 20)
    n_events = max(3, people // 50)

    _insert(catalog, Country, [{"code": c, "name": country_name(c) or c} for c in _COUNTRIES])
    nationality = {c: i for i, c in enumerate(_COUNTRIES, start=1)}
    _insert(catalog, City, [
        {"name": f"{_CITY_STEMS[i % len(_CITY_STEMS)]} {i // len(_CITY_STEMS) or ''}".strip(),
         "local_name": None, "aliases": [], "country_id": rng.randint(1, len(_COUNTRIES))}
        for i in range(n_cities)
    ])
    _insert(catalog, Organisation, [
        {"name": f"{rng.choice(_ORG_WORDS)} {rng.choice(_ORG_TOPICS)} {i + 1}",
         "acronym": None, "org_kind": rng.choice(list(OrganisationKind)).value,
         "city_id": rng.randint(1, n_cities), "country_id": rng.randint(1, len(_COUNTRIES))}
        for i in range(n_orgs)
    ])
    say(format_list([count(RecordKind.CITY, n_cities), count(RecordKind.ORGANISATION, n_orgs)]))
    _insert(catalog, Person, [
        {**p, "sort_key": sort_key(p["given_names"], p["family_name"])}
        for p in (_person(rng, nationality) for _ in range(people))
    ])
    positions = []
    for person_id in range(1, people + 1):
        start = dt.date(rng.randint(1995, 2022), rng.randint(1, 12), 1)
        for step in range(rng.choice((1, 1, 2))):
            title, rank = rng.choice(_TITLES)
            begin = start + dt.timedelta(days=step * 1500)
            positions.append({
                "person_id": person_id, "organisation_id": rng.randint(1, n_orgs),
                "title": title, "address_title": title.split()[0], "start_date": begin,
                "end_date": None if step or rng.random() < 0.5 else begin
                + dt.timedelta(days=1400), "rank": rank})
    _insert(catalog, Position, positions)
    say(format_list([count(RecordKind.PERSON, people), count(RecordKind.POSITION, len(positions))]))
    _insert(catalog, Event, [
        {"name": f"Smart City Forum {i + 1}", "start_date": dt.date(2010 + i % 16, 1 + i % 12, 10),
         "sort_date": dt.date(2010 + i % 16, 1 + i % 12, 10),
         "city_id": rng.randint(1, n_cities), "theme": rng.choice(_ORG_TOPICS)}
        for i in range(n_events)
    ])
    _insert(catalog, EventOrganiser, [
        {"event_id": i, "organisation_id": rng.randint(1, n_orgs), "role": "organiser"}
        for i in range(1, n_events + 1)
    ])
    participants = {(rng.randint(1, n_events), rng.randint(1, people))
                    for _ in range(n_events * 10)}
    _insert(catalog, EventParticipant, [
        {"event_id": e, "person_id": p, "role": rng.choice(["speaker", "delegate", "attendee"])}
        for e, p in sorted(participants)
    ])
    delegations: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    engagements: list[dict[str, Any]] = []
    for i in range(1, n_delegations + 1):
        start = dt.date(2010 + i % 16, 1 + i % 12, 1 + i % 27)
        delegations.append({
            "title": f"Delegation {i} on {rng.choice(_ORG_TOPICS).lower()}",
            "direction": rng.choice(["incoming", "outgoing"]),
            "status": rng.choice(["planned", "confirmed", "completed", "cancelled"]),
            "sending_city_id": rng.randint(1, n_cities), "host_city_id": rng.randint(1, n_cities),
            "start_date": start, "sort_date": start,
            "end_date": start + dt.timedelta(days=rng.randint(0, 5))})
        chosen = rng.sample(range(1, people + 1), k=min(people, rng.randint(2, 8)))
        members.extend({"delegation_id": i, "person_id": p,
                        "role": "head" if n == 0 else "member"} for n, p in enumerate(chosen))
        engagements.extend({"delegation_id": i, "title": f"Working meeting {n + 1}",
                            "date": start + dt.timedelta(days=n), "sequence": n,
                            "host_organisation_id": rng.randint(1, n_orgs)}
                           for n in range(rng.randint(1, 4)))
    _insert(catalog, Delegation, delegations)
    _insert(catalog, DelegationMember, members)
    _insert(catalog, Engagement, engagements)
    say(format_list([count(RecordKind.DELEGATION, n_delegations),
                     count(RecordKind.ENGAGEMENT, len(engagements)),
                     count(RecordKind.EVENT, n_events)]))
    with catalog.write_session() as session:
        indexed = search.rebuild(session)
        session.add(ChangeLogEntry(actor="liaison demo", operation_id=f"demo-{seed}",
                                   record_kind="catalog", record_id=0, action="create",
                                   new_value=f"generated {people} people"))
    say(_("search index: {records}").format(records=ngettext(
        "{count} record", "{count} records", indexed).format(count=format_number(indexed))))
    return {"people": people, "positions": len(positions), "organisations": n_orgs,
            "cities": n_cities, "delegations": n_delegations, "events": n_events,
            "indexed": indexed}
