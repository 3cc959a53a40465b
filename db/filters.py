"""Where each list filter's choices come from: a vocabulary or the catalog.

The filters themselves (the WHERE clauses) live with the lists in
:mod:`db.listing`; this module answers "which organisations, countries, years
can I pick?", read on the worker when a list is first shown.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from sqlmodel import Session, col, select

from db import listing
from db.i18n import _
from db.kinds import DelegationStatus, Direction, OrganisationKind, PairingStatus, RecordKind
from db.models import City, Country, Programme
from db.registry import labels_in_order as labels
from db.wording import words

Choices = list[tuple[object, str]]
Loader = Callable[[Session], Choices]


def _enum(vocabulary: type[StrEnum]) -> Loader:
    return lambda _session: [(m.value, words(m.value))
                             for m in vocabulary]


def _records(kind: RecordKind) -> Loader:
    return lambda session: [(ref.id, ref.label) for ref in labels(session, kind)]


def _countries(session: Session) -> Choices:
    return [(c.id, c.name) for c in session.exec(select(Country).order_by(col(Country.name)))]


def _cities(session: Session) -> Choices:
    return [(c.id, c.name) for c in session.exec(select(City).order_by(col(City.name)))]


def _years(kind: RecordKind) -> Loader:
    return lambda session: [(year, str(year)) for year in listing.years(session, kind)]


def _programmes(session: Session) -> Choices:
    return [(p.id, p.name) for p in session.exec(select(Programme).order_by(col(Programme.name)))]


def _areas(session: Session) -> Choices:
    return [(i, name) for i, name in listing.area_choices(session)]


def _tenses(_session: Session) -> Choices:
    return [("any", _("Any time")), ("current", _("Current")), ("former", _("Former"))]


#: (kind, filter name) -> its choices. The names match ``db.listing`` filters.
CHOICES: dict[tuple[RecordKind, str], Loader] = {
    (RecordKind.PERSON, "organisation_id"): _records(RecordKind.ORGANISATION),
    (RecordKind.PERSON, "country_id"): _countries,
    (RecordKind.PERSON, "post"): _tenses,
    (RecordKind.ORGANISATION, "org_kind"): _enum(OrganisationKind),
    (RecordKind.ORGANISATION, "country_id"): _countries,
    (RecordKind.CITY, "country_id"): _countries,
    (RecordKind.PAIRING, "programme_id"): _programmes,
    (RecordKind.PAIRING, "status"): _enum(PairingStatus),
    (RecordKind.PAIRING, "area_id"): _areas,
    (RecordKind.DELEGATION, "direction"): _enum(Direction),
    (RecordKind.DELEGATION, "status"): _enum(DelegationStatus),
    (RecordKind.DELEGATION, "year"): _years(RecordKind.DELEGATION),
    (RecordKind.DELEGATION, "city_id"): _cities,
    (RecordKind.EVENT, "year"): _years(RecordKind.EVENT),
    (RecordKind.EVENT, "city_id"): _cities,
}


def choices(session: Session, kind: RecordKind, name: str) -> Choices:
    """The choices of filter *name* on *kind*'s list."""
    return CHOICES[(kind, name)](session)
