"""The lists of the browse sections: each kind's columns, cells and filters.

A :class:`db.spec.ListSpec` declares a list once: the header of each column and,
when sortable, the SQL to order by; the cells of a page of rows (related names
fetched in one query per page, never per row); and the filters (name -> WHERE
clause). ``db.listing`` runs the query for whichever kind the registry names.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_
from sqlmodel import Session, col, select

from db import titles
from db.bilingual import form
from db.i18n import N_, _, format_date
from db.kinds import RecordKind
from db.models import (
    City,
    Country,
    Delegation,
    Event,
    Organisation,
    Pairing,
    PairingArea,
    Person,
    Position,
    Programme,
)
from db.names import display_name
from db.reads.common import labels_of
from db.spec import ColumnSpec, FilterClause, ListSpec
from db.wording import pairing_label, words

# ---------------------------------------------------------------- shared helpers


def _names(session: Session, model: Any, ids: set[Any]) -> dict[int, str]:
    """Names by id in the current language (a Vietnamese form, a country in CLDR)."""
    return labels_of(session, RecordKind(model.__tablename__), ids)


def when(start: dt.date | None, end: dt.date | None, note: str | None) -> str:
    """``29/11/2023 – 30/11/2023``, a single day, or the article's words when undated:
    dates as the interface language writes them (the column sorts by the date itself)."""
    if start is None:
        return note or ""
    if end is None or end == start:
        return format_date(start, "short")
    return f"{format_date(start, 'short')} – {format_date(end, 'short')}"


def plain(column: Any) -> Callable[[], Any]:
    """A sort key: the column as stored (dates, codes)."""
    return lambda: col(column)


def folded(column: Any) -> Callable[[], Any]:
    """A sort key: the text column in lower case (names, titles)."""
    return lambda: func.lower(col(column))


def is_id(column: Any) -> FilterClause:
    """A filter: the column holds the id chosen (a city, a country, an organisation)."""
    return lambda value: col(column) == int(value)


def name_of(model: Any, column: Any) -> Callable[[], Any]:
    """A sort key: the name of the record that *column* points at (a city, a country).

    One rule for every such column (they differ only in the two tables), as SQL so a
    list of 100,000 rows sorts in the database."""
    return lambda: select(model.name).where(col(model.id) == col(column)).scalar_subquery()


def _year(column: Any) -> FilterClause:
    def clause(year: Any) -> ColumnElement[bool]:
        first, last = dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)
        return and_(column >= first, column <= last)

    return clause


# ---------------------------------------------------------------- people


def current_title(position: Position, standing: titles.Standing) -> str:
    """A list's "Current title" cell: the title in the language, and "as of 2017" after
    it when no source confirms it today (db.titles), so it never reads as current."""
    title = form(position, "title")
    if standing.confirmed:
        return title
    return _("{title} ({as_of})").format(title=title, as_of=standing.as_of())


def _people_cells(session: Session, rows: Sequence[Person]) -> Sequence[tuple[str, ...]]:
    ids = [p.id for p in rows if p.id is not None]
    today = dt.date.today()
    positions: dict[int, list[Position]] = defaultdict(list)
    for p in session.exec(select(Position).where(col(Position.person_id).in_(ids))):
        positions[p.person_id].append(p)
    # The title to show today, by the one rule (held / attested / unconfirmed).
    shown = {person_id: ordered[0] for person_id, found in positions.items()
             if (ordered := titles.order_on(found, today))}
    orgs = _names(session, Organisation, {p.organisation_id for p, _s in shown.values()})
    countries = _names(session, Country, {p.nationality_id for p in rows})
    cells = []
    for person in rows:
        top = shown.get(person.id or 0)
        cells.append((
            display_name(person.given_names, person.family_name, person.name_order),
            current_title(*top) if top else "",
            orgs.get(top[0].organisation_id or 0, "") if top else "",
            countries.get(person.nationality_id or 0, ""),
        ))
    return cells


def _holds(organisation_id: Any = None, title: str | None = None,
           tense: str = "any") -> ColumnElement[bool]:
    """People with a position matching these (``IN`` over the indexed position table)."""
    today = dt.date.today()
    holders = select(col(Position.person_id))
    if organisation_id is not None:
        holders = holders.where(col(Position.organisation_id) == int(organisation_id))
    if title:
        holders = holders.where(or_(func.lower(col(Position.title)).contains(title.lower()),
                                    func.lower(col(Position.title_vi)).contains(title.lower())))
    if tense == "current":
        holders = holders.where(
            or_(col(Position.end_date).is_(None), col(Position.end_date) >= today),
            or_(col(Position.start_date).is_(None), col(Position.start_date) <= today),
        )
    elif tense == "former":
        holders = holders.where(col(Position.end_date) < today)
    return col(Person.id).in_(holders)


def _people_post(value: Any) -> ColumnElement[bool]:
    """``("current" | "former" | "any", title text)``: holders of a post."""
    tense, title = value
    return _holds(title=title, tense=tense)


PEOPLE = ListSpec(
    kind=RecordKind.PERSON,
    model=Person,
    columns=(
        ColumnSpec("name", N_("Name"), plain(Person.sort_key)),
        ColumnSpec("title", N_("Current title")),
        ColumnSpec("organisation", N_("Organisation")),
        ColumnSpec("nationality", N_("Nationality"), name_of(Country, Person.nationality_id)),
    ),
    cells=_people_cells,
    default_sort=lambda: (col(Person.sort_key), col(Person.id)),
    filters={
        "organisation_id": lambda value: _holds(organisation_id=value),
        "country_id": is_id(Person.nationality_id),
        "post": _people_post,
    },
)


# ---------------------------------------------------------------- organisations, cities


def _organisation_cells(session: Session,
                        rows: Sequence[Organisation]) -> Sequence[tuple[str, ...]]:
    cities = _names(session, City, {o.city_id for o in rows})
    countries = _names(session, Country, {o.country_id for o in rows})
    return [(form(o), o.acronym or "", words(o.org_kind), cities.get(o.city_id or 0, ""),
             countries.get(o.country_id or 0, "")) for o in rows]


ORGANISATIONS = ListSpec(
    kind=RecordKind.ORGANISATION,
    model=Organisation,
    columns=(
        ColumnSpec("name", N_("Name"), folded(Organisation.name)),
        ColumnSpec("acronym", N_("Acronym"), plain(Organisation.acronym)),
        ColumnSpec("kind", N_("Kind"), plain(Organisation.org_kind)),
        ColumnSpec("city", N_("City"), name_of(City, Organisation.city_id)),
        ColumnSpec("country", N_("Country"), name_of(Country, Organisation.country_id)),
    ),
    cells=_organisation_cells,
    default_sort=lambda: (func.lower(col(Organisation.name)), col(Organisation.id)),
    filters={
        "org_kind": lambda value: col(Organisation.org_kind) == value,
        "country_id": is_id(Organisation.country_id),
        "city_id": is_id(Organisation.city_id),
    },
)


def _city_cells(session: Session, rows: Sequence[City]) -> Sequence[tuple[str, ...]]:
    countries = _names(session, Country, {c.country_id for c in rows})
    return [(form(c), c.local_name or "", countries.get(c.country_id or 0, ""), c.region or "")
            for c in rows]


CITIES = ListSpec(
    kind=RecordKind.CITY,
    model=City,
    columns=(
        ColumnSpec("name", N_("City"), folded(City.name)),
        ColumnSpec("local_name", N_("Local name"), plain(City.local_name)),
        ColumnSpec("country", N_("Country"), name_of(Country, City.country_id)),
        ColumnSpec("region", N_("Region"), plain(City.region)),
    ),
    cells=_city_cells,
    default_sort=lambda: (func.lower(col(City.name)), col(City.id)),
    filters={"country_id": is_id(City.country_id)},
)


def _programme_cells(session: Session, rows: Sequence[Programme]) -> Sequence[tuple[str, ...]]:
    orgs = _names(session, Organisation,
                  {p.funder_id for p in rows} | {p.managing_organisation_id for p in rows})
    return [(p.name, orgs.get(p.funder_id or 0, ""),
             orgs.get(p.managing_organisation_id or 0, ""),
             when(p.start_date, p.end_date, p.date_note)) for p in rows]


PROGRAMMES = ListSpec(
    kind=RecordKind.PROGRAMME,
    model=Programme,
    columns=(
        ColumnSpec("name", N_("Programme"), folded(Programme.name)),
        ColumnSpec("funder", N_("Funder")),
        ColumnSpec("managed_by", N_("Managed by")),
        ColumnSpec("dates", N_("Dates"), plain(Programme.start_date)),
    ),
    cells=_programme_cells,
    default_sort=lambda: (func.lower(col(Programme.name)), col(Programme.id)),
)


# ---------------------------------------------------------------- pairings


def _pairing_cells(session: Session, rows: Sequence[Pairing]) -> Sequence[tuple[str, ...]]:
    cities = _names(session, City, {p.city_a_id for p in rows} | {p.city_b_id for p in rows})
    programmes = _names(session, Programme, {p.programme_id for p in rows})
    return [(pairing_label(cities.get(p.city_a_id), cities.get(p.city_b_id)),
             programmes.get(p.programme_id or 0, ""), words(p.pairing_kind), words(p.status),
             p.since.isoformat() if p.since else (p.date_note or "")) for p in rows]


def _city_a_name() -> Any:
    return name_of(City, Pairing.city_a_id)()


PAIRINGS = ListSpec(
    kind=RecordKind.PAIRING,
    model=Pairing,
    columns=(
        ColumnSpec("cities", N_("Cities"), _city_a_name),
        ColumnSpec("programme", N_("Programme"), name_of(Programme, Pairing.programme_id)),
        ColumnSpec("kind", N_("Kind"), plain(Pairing.pairing_kind)),
        ColumnSpec("status", N_("Status"), plain(Pairing.status)),
        ColumnSpec("since", N_("Since"), plain(Pairing.since)),
    ),
    cells=_pairing_cells,
    default_sort=lambda: (_city_a_name(), col(Pairing.id)),
    filters={
        "programme_id": is_id(Pairing.programme_id),
        "status": lambda value: col(Pairing.status) == value,
        "area_id": lambda value: exists().where(
            col(PairingArea.pairing_id) == col(Pairing.id), col(PairingArea.area_id) == int(value)),
        "city_id": lambda value: or_(col(Pairing.city_a_id) == int(value),
                                     col(Pairing.city_b_id) == int(value)),
    },
)


# ---------------------------------------------------------------- delegations, events


def _delegation_cells(session: Session, rows: Sequence[Delegation]) -> Sequence[tuple[str, ...]]:
    cities = _names(session, City,
                    {d.host_city_id for d in rows} | {d.sending_city_id for d in rows})
    orgs = _names(session, Organisation, {d.sending_organisation_id for d in rows})
    cells = []
    for d in rows:
        sender = cities.get(d.sending_city_id or 0) or orgs.get(d.sending_organisation_id or 0, "")
        cells.append((d.title, when(d.start_date, d.end_date, d.date_note), words(d.direction),
                      words(d.status), sender, cities.get(d.host_city_id or 0, "")))
    return cells


DELEGATIONS = ListSpec(
    kind=RecordKind.DELEGATION,
    model=Delegation,
    columns=(
        ColumnSpec("title", N_("Delegation"), folded(Delegation.title)),
        ColumnSpec("dates", N_("Dates"), plain(Delegation.sort_date)),
        ColumnSpec("direction", N_("Direction"), plain(Delegation.direction)),
        ColumnSpec("status", N_("Status"), plain(Delegation.status)),
        ColumnSpec("from", N_("From")),
        ColumnSpec("host", N_("Host city"), name_of(City, Delegation.host_city_id)),
    ),
    cells=_delegation_cells,
    default_sort=lambda: (col(Delegation.sort_date).desc(), col(Delegation.id).desc()),
    default_column="dates",
    default_descending=True,
    year_column="sort_date",  # "June 2017" counts in 2017
    filters={
        "direction": lambda value: col(Delegation.direction) == value,
        "status": lambda value: col(Delegation.status) == value,
        "year": _year(col(Delegation.sort_date)),
        "city_id": lambda value: or_(col(Delegation.host_city_id) == int(value),
                                     col(Delegation.sending_city_id) == int(value)),
    },
)


def _event_cells(session: Session, rows: Sequence[Event]) -> Sequence[tuple[str, ...]]:
    cities = _names(session, City, {e.city_id for e in rows})
    return [(form(e), when(e.start_date, e.end_date, e.date_note),
             cities.get(e.city_id or 0, ""), e.theme or "") for e in rows]


EVENTS = ListSpec(
    kind=RecordKind.EVENT,
    model=Event,
    columns=(
        ColumnSpec("name", N_("Event"), folded(Event.name)),
        ColumnSpec("dates", N_("Dates"), plain(Event.sort_date)),
        ColumnSpec("city", N_("City"), name_of(City, Event.city_id)),
        ColumnSpec("theme", N_("Theme"), plain(Event.theme)),
    ),
    cells=_event_cells,
    default_sort=lambda: (col(Event.sort_date).desc(), col(Event.id).desc()),
    default_column="dates",
    default_descending=True,
    year_column="sort_date",  # "June 2017" counts in 2017
    filters={
        "year": _year(col(Event.sort_date)),
        "city_id": is_id(Event.city_id),
    },
)
