"""The search index: folded text of every searchable record, and its query parser.

The index lives in the catalog (an FTS5 table on SQLite) and is kept in step by
``db.ops`` inside the same transaction as each write, so search never shows a
record that a rolled-back edit never made. Text is folded in Python
(:func:`db.folding.fold`) on both sides; user input is reduced to word tokens
and each is quoted, so ``"``, ``NEAR(``, ``*``, ``-`` or ``AND`` are plain text,
never FTS5 syntax.

Documents are built for many records at once (a few queries per batch, not per
record) so a full rebuild of a 100,000-person catalog stays quick.

Each document is stored four ways: ``names`` and ``body`` folded (accent-free
words), ``exact`` (the names' accented words as written, so ``Hiến`` can rank
above ``Hiện``) and ``whole`` (each whole name as one token, so typing a whole
name puts that record first). Query parsing and ranking live in
:mod:`db.search_query`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session, col, select

from db.folding import APOSTROPHES, fold
from db.models import (
    TABLES,
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
from db.search_query import DETAIL_MARK, marked_words, search_sqlite, tokens

# Hit, tokens and match_expression are re-exported: callers know them as db.search's.
from db.search_query import Hit as Hit
from db.search_query import match_expression as match_expression
from db.search_query import whole_key as _whole_key

SEARCH_KINDS: tuple[RecordKind, ...] = (
    RecordKind.PERSON,
    RecordKind.ORGANISATION,
    RecordKind.CITY,
    RecordKind.PROGRAMME,
    RecordKind.PAIRING,
    RecordKind.DELEGATION,
    RecordKind.ENGAGEMENT,
    RecordKind.EVENT,
)
_KIND_CODE = {kind: code for code, kind in enumerate(SEARCH_KINDS, start=1)}
_ROWID_STRIDE = 16
_APOSTROPHE_WORD = re.compile(f"\\w*[{APOSTROPHES}][\\w{APOSTROPHES}]*")
_BATCH = 500


@dataclass(frozen=True)
class Document:
    kind: RecordKind
    id: int
    title: str
    subtitle: str
    names: str
    body: str
    keys: tuple[str | None, ...] = ()  # other whole names: aliases, original script
    detail: str = ""  # what tells namesakes apart, shown only when names clash


def rowid(kind: RecordKind, record_id: int) -> int:
    return record_id * _ROWID_STRIDE + _KIND_CODE[kind]


def index_text(value: str) -> str:
    """Folded text for the index, plus the parts of apostrophe words (``H'Yim`` -> ``yim``).

    fold() drops apostrophes, so ``hyim`` finds H`Yim; the extra part keeps
    ``yim`` finding it too, as it did when the apostrophe split the word.
    """
    folded = fold(value)
    extra = [fold(part) for word in _APOSTROPHE_WORD.findall(value)
             for part in re.split(f"[{APOSTROPHES}]", word)[1:] if len(part) > 1]
    return f"{folded} {' '.join(extra)}" if extra else folded


# ---------------------------------------------------------------- documents


def _join(parts: Iterable[str | None]) -> str:
    return " ".join(part for part in parts if part)


def _subtitle(parts: Iterable[str | None]) -> str:
    return " · ".join(part for part in parts if part)


def _title_at(title: str, organisation: str | None) -> str:
    """``Director, Agency X``, but not ``Chairman of the Hanoi PC, Hanoi PC``."""
    if organisation and organisation.casefold() not in title.casefold():
        return f"{title}, {organisation}"
    return title


def _in_batches(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _BATCH):
        yield ids[start : start + _BATCH]


def _names_by_id(session: Session, model: type[Organisation] | type[City] | type[Country],
                 ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    found: dict[int, str] = {}
    for batch in _in_batches(wanted):
        query = select(col(model.id), col(model.name)).where(col(model.id).in_(batch))
        found.update((rid, name) for rid, name in session.exec(query) if rid is not None)
    return found


def _current(position: Position, today: dt.date) -> bool:
    started = position.start_date is None or position.start_date <= today
    running = position.end_date is None or position.end_date >= today
    return started and running


def _people(session: Session, ids: Sequence[int]) -> list[Document]:
    people = session.exec(select(Person).where(col(Person.id).in_(ids))).all()
    positions: dict[int, list[Position]] = defaultdict(list)
    for position in session.exec(select(Position).where(col(Position.person_id).in_(ids))):
        positions[position.person_id].append(position)
    orgs = _names_by_id(session, Organisation,
                        (p.organisation_id for ps in positions.values() for p in ps))
    countries = _names_by_id(session, Country, (p.nationality_id for p in people))
    places = _places_of(session, (p.organisation_id for ps in positions.values() for p in ps))
    today = dt.date.today()
    docs = []
    for person in people:
        assert person.id is not None
        name = display_name(person.given_names, person.family_name, person.name_order)
        held = sorted(positions[person.id], key=lambda p: p.rank)
        current = [p for p in held if _current(p, today)]
        subtitle = ""
        if current:
            subtitle = _title_at(current[0].title, orgs.get(current[0].organisation_id or -1))
        aliases = list(getattr(person, "aliases", None) or [])
        docs.append(Document(
            RecordKind.PERSON, person.id, name, subtitle,
            names=_join([name, person.original_script, person.form_of_address, *aliases]),
            keys=(person.original_script, *aliases),
            detail=_person_detail(held, orgs, places, countries.get(person.nationality_id or -1)),
            body=_join([person.honorific, countries.get(person.nationality_id or -1),
                        *(p.title for p in held),
                        *(orgs.get(p.organisation_id or -1) for p in held)]),
        ))
    return docs


def _places_of(session: Session, org_ids: Iterable[int | None]) -> dict[int, str]:
    """Organisation id -> its province (the city's region) or else its city."""
    wanted = sorted({i for i in org_ids if i is not None})
    found: dict[int, str] = {}
    for batch in _in_batches(wanted):
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


def _organisations(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(Organisation).where(col(Organisation.id).in_(ids))).all()
    cities = _names_by_id(session, City, (o.city_id for o in rows))
    parents = _names_by_id(session, Organisation, (o.parent_id for o in rows))
    docs = []
    for org in rows:
        assert org.id is not None
        city = cities.get(org.city_id or -1)
        docs.append(Document(
            RecordKind.ORGANISATION, org.id, org.name, _subtitle([org.acronym, city]),
            names=_join([org.name, org.acronym]), keys=(org.acronym,),
            body=_join([city, parents.get(org.parent_id or -1), org.org_kind.replace("_", " ")]),
        ))
    return docs


def _cities(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(City).where(col(City.id).in_(ids))).all()
    countries = _names_by_id(session, Country, (c.country_id for c in rows))
    return [
        Document(
            RecordKind.CITY, c.id or 0, c.name,
            _subtitle([c.local_name, countries.get(c.country_id or -1)]),
            names=_join([c.name, c.local_name, *c.aliases]), keys=(c.local_name, *c.aliases),
            body=_join([c.region, countries.get(c.country_id or -1)]),
        )
        for c in rows
    ]


def _programmes(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(Programme).where(col(Programme.id).in_(ids))).all()
    orgs = _names_by_id(session, Organisation,
                        [o for p in rows for o in (p.funder_id, p.managing_organisation_id)])
    return [
        Document(
            RecordKind.PROGRAMME, p.id or 0, p.name, orgs.get(p.funder_id or -1, ""),
            names=p.name,
            body=_join([p.description, orgs.get(p.funder_id or -1),
                        orgs.get(p.managing_organisation_id or -1)]),
        )
        for p in rows
    ]


def _pairings(session: Session, ids: Sequence[int]) -> list[Document]:
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
            RecordKind.PAIRING, pairing.id, f"{a.name} – {b.name}",
            programmes.get(pairing.programme_id, "") or pairing.pairing_kind.replace("_", " "),
            names=_join([a.name, a.local_name, *a.aliases, b.name, b.local_name, *b.aliases]),
            body=_join([programmes.get(pairing.programme_id), *areas[pairing.id],
                        pairing.summary]),
        ))
    return docs


def _delegations(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(Delegation).where(col(Delegation.id).in_(ids))).all()
    cities = _names_by_id(session, City,
                          [c for d in rows for c in (d.sending_city_id, d.host_city_id)])
    orgs = _names_by_id(session, Organisation, (d.sending_organisation_id for d in rows))
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
        ))
    return docs


def _engagements(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(Engagement).where(col(Engagement.id).in_(ids))).all()
    orgs = _names_by_id(session, Organisation, (e.host_organisation_id for e in rows))
    cities = _names_by_id(session, City, (e.city_id for e in rows))
    return [
        Document(
            RecordKind.ENGAGEMENT, e.id or 0, e.title,
            _subtitle([e.date.isoformat() if e.date else None, cities.get(e.city_id or -1)]),
            names=e.title,
            body=_join([e.topics, e.place, orgs.get(e.host_organisation_id or -1),
                        cities.get(e.city_id or -1)]),
        )
        for e in rows
    ]


def _events(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(Event).where(col(Event.id).in_(ids))).all()
    cities = _names_by_id(session, City, (e.city_id for e in rows))
    venues = _names_by_id(session, Organisation, (e.venue_id for e in rows))
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
            names=_join([e.name, e.series]),
            body=_join([e.theme, cities.get(e.city_id or -1), venues.get(e.venue_id or -1),
                        e.venue_note, *organisers[e.id]]),
        ))
    return docs


_BUILDERS: dict[RecordKind, Callable[[Session, Sequence[int]], list[Document]]] = {
    RecordKind.PERSON: _people,
    RecordKind.ORGANISATION: _organisations,
    RecordKind.CITY: _cities,
    RecordKind.PROGRAMME: _programmes,
    RecordKind.PAIRING: _pairings,
    RecordKind.DELEGATION: _delegations,
    RecordKind.ENGAGEMENT: _engagements,
    RecordKind.EVENT: _events,
}


# ---------------------------------------------------------------- writing the index


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _write(session: Session, docs: Sequence[Document]) -> None:
    if not docs:
        return
    session.execute(
        text("INSERT INTO search_index "
             "(rowid, kind, record_id, title, subtitle, names, body, exact, whole) "
             "VALUES (:rowid, :kind, :record_id, :title, :subtitle, :names, :body, :exact, "
             ":whole)"),
        [
            {"rowid": rowid(d.kind, d.id), "kind": d.kind.value, "record_id": d.id,
             "title": d.title, "subtitle": f"{d.subtitle}{DETAIL_MARK}{d.detail}" if d.detail
             else d.subtitle, "names": index_text(d.names),
             "body": index_text(d.body), "exact": " ".join(marked_words(d.names)),
             "whole": " ".join(dict.fromkeys(
                 k for k in (_whole_key(n) for n in (d.title, *d.keys) if n) if k))}
            for d in docs
        ],
    )


def remove(session: Session, kind: RecordKind, ids: Sequence[int]) -> None:
    if kind not in _KIND_CODE or not ids:
        return
    for batch in _in_batches(list(ids)):
        session.execute(
            text("DELETE FROM search_index WHERE rowid IN "
                 f"({','.join(str(rowid(kind, i)) for i in batch)})")
        )


def reindex(session: Session, kind: RecordKind, ids: Sequence[int]) -> None:
    """Replace the index entries of these records (missing ones are just removed)."""
    if kind not in _BUILDERS or not ids:
        return
    remove(session, kind, ids)
    for batch in _in_batches(sorted(set(ids))):
        _write(session, _BUILDERS[kind](session, batch))


def rebuild(session: Session) -> int:
    """Empty the index and index every record again; returns the number indexed."""
    session.execute(text("DELETE FROM search_index"))
    total = 0
    for kind, builder in _BUILDERS.items():
        model = TABLES[kind]
        ids = list(session.exec(select(col(model.id)).order_by(col(model.id))).all())
        for batch in _in_batches([i for i in ids if i is not None]):
            docs = builder(session, batch)
            _write(session, docs)
            total += len(docs)
    return total


# ---------------------------------------------------------------- querying


def search(session: Session, query: str, *, kinds: Sequence[str] = (),
           limit: int = 50) -> list[Hit]:
    """Ranked records for a user's query: whole names first (see :mod:`db.search_query`)."""
    words = tokens(query)
    if not words or limit <= 0:
        return []
    if _is_sqlite(session):
        codes = [_KIND_CODE[RecordKind(k)] for k in kinds if RecordKind(k) in _KIND_CODE]
        if kinds and not codes:
            return []
        return search_sqlite(session, query, kind_codes=codes, stride=_ROWID_STRIDE,
                             limit=limit)
    params: dict[str, object] = {"limit": limit}
    kind_clause = ""
    if kinds:
        names = [f":k{i}" for i in range(len(kinds))]
        kind_clause = f" AND kind IN ({', '.join(names)})"
        params.update({f"k{i}": kind for i, kind in enumerate(kinds)})
    # Without FTS5 (PostgreSQL until its own search lands): substring match, whole names first.
    clauses = []
    for i, word in enumerate(words):
        params[f"w{i}"] = f"%{word}%"
        clauses.append(f"(names LIKE :w{i} OR body LIKE :w{i})")
    params["whole"] = f"% {''.join(words)} %"
    sql = (
        "SELECT kind, record_id, title, subtitle, "
        "CASE WHEN ' ' || whole || ' ' LIKE :whole THEN 0.0 ELSE 1.0 END AS score "
        f"FROM search_index WHERE {' AND '.join(clauses)}{kind_clause} "
        "ORDER BY score, title LIMIT :limit"
    )
    rows = session.execute(text(sql), params).all()
    return [Hit(kind, int(rid), title, (subtitle or "").split(DETAIL_MARK)[0], float(score))
            for kind, rid, title, subtitle, score in rows]


# ---------------------------------------------------------------- keeping in step

# Index documents that quote another record's text: when the record on the left
# changes, the documents found by these (table, column) links are rebuilt too.
_QUOTED_BY: dict[RecordKind, tuple[tuple[RecordKind, str, str], ...]] = {
    RecordKind.COUNTRY: ((RecordKind.CITY, "city", "country_id"),
                         (RecordKind.PERSON, "person", "nationality_id")),
    RecordKind.CITY: ((RecordKind.ORGANISATION, "organisation", "city_id"),
                      (RecordKind.PAIRING, "pairing", "city_a_id"),
                      (RecordKind.PAIRING, "pairing", "city_b_id"),
                      (RecordKind.DELEGATION, "delegation", "sending_city_id"),
                      (RecordKind.DELEGATION, "delegation", "host_city_id"),
                      (RecordKind.ENGAGEMENT, "engagement", "city_id"),
                      (RecordKind.EVENT, "event", "city_id")),
    RecordKind.ORGANISATION: ((RecordKind.ORGANISATION, "organisation", "parent_id"),
                              (RecordKind.PROGRAMME, "programme", "funder_id"),
                              (RecordKind.PROGRAMME, "programme", "managing_organisation_id"),
                              (RecordKind.DELEGATION, "delegation", "sending_organisation_id"),
                              (RecordKind.ENGAGEMENT, "engagement", "host_organisation_id"),
                              (RecordKind.EVENT, "event", "venue_id")),
    RecordKind.PROGRAMME: ((RecordKind.PAIRING, "pairing", "programme_id"),),
}
# Link rows whose change alters the document of the record they hang on.
_OWNER: dict[RecordKind, tuple[RecordKind, str]] = {
    RecordKind.POSITION: (RecordKind.PERSON, "person_id"),
    RecordKind.PAIRING_AREA: (RecordKind.PAIRING, "pairing_id"),
    RecordKind.DELEGATION_MEMBER: (RecordKind.DELEGATION, "delegation_id"),
    RecordKind.EVENT_ORGANISER: (RecordKind.EVENT, "event_id"),
}
# Many-to-many text: an organisation's name appears in its people's and events' documents.
_QUOTED_THROUGH: dict[RecordKind, tuple[tuple[RecordKind, str], ...]] = {
    RecordKind.ORGANISATION: (
        (RecordKind.PERSON, "SELECT person_id FROM position WHERE organisation_id = :id"),
        (RecordKind.EVENT, "SELECT event_id FROM event_organiser WHERE organisation_id = :id"),
    ),
    RecordKind.COOPERATION_AREA: (
        (RecordKind.PAIRING, "SELECT pairing_id FROM pairing_area WHERE area_id = :id"),
    ),
    RecordKind.PERSON: (
        (RecordKind.DELEGATION,
         "SELECT delegation_id FROM delegation_member WHERE person_id = :id AND role = 'head'"),
    ),
}


def dependents(session: Session, kind: RecordKind, record_id: int,
               owner_ids: dict[str, int | None] | None = None) -> dict[RecordKind, set[int]]:
    """Which index documents quote this record (so must be rebuilt when it changes).

    *owner_ids* gives a link row's foreign keys as they were (for deleted rows).
    """
    found: dict[RecordKind, set[int]] = defaultdict(set)
    if kind in _BUILDERS:
        found[kind].add(record_id)
    for target, table, column in _QUOTED_BY.get(kind, ()):
        for (rid,) in session.execute(
            text(f"SELECT id FROM {table} WHERE {column} = :id"), {"id": record_id}
        ):
            found[target].add(rid)
    for target, sql in _QUOTED_THROUGH.get(kind, ()):
        for (rid,) in session.execute(text(sql), {"id": record_id}):
            found[target].add(rid)
    if kind in _OWNER and owner_ids:
        target, column = _OWNER[kind]
        owner = owner_ids.get(column)
        if owner is not None:
            found[target].add(owner)
    return found
