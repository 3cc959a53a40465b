"""The filters each list offers, declared once per kind.

A filter names a ``db.listing`` filter and where its choices come from: a fixed
vocabulary (direction, status) or the catalog (organisations, countries,
years), loaded on the worker thread when a catalog opens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlmodel import Session, col, select

from db import listing
from db.models import (
    City,
    Country,
    DelegationStatus,
    Direction,
    OrganisationKind,
    PairingStatus,
    Programme,
    RecordKind,
)
from db.registry import labels_in_order as labels
from db.wording import words

Choices = list[tuple[object, str]]


@dataclass(frozen=True)
class FilterSpec:
    name: str
    label: str
    choices: Callable[[Session], Choices]
    post: bool = False  # a text box + current/former instead of a combo


def _enum(vocabulary: type[StrEnum]) -> Callable[[Session], Choices]:
    return lambda _session: [(m.value, words(m.value))
                             for m in vocabulary]


def _records(kind: RecordKind) -> Callable[[Session], Choices]:
    return lambda session: [(ref.id, ref.label) for ref in labels(session, kind)]


def _countries(session: Session) -> Choices:
    return [(c.id, c.name) for c in session.exec(select(Country).order_by(col(Country.name)))]


def _cities(session: Session) -> Choices:
    return [(c.id, c.name) for c in session.exec(select(City).order_by(col(City.name)))]


def _years(kind: RecordKind) -> Callable[[Session], Choices]:
    return lambda session: [(year, str(year)) for year in listing.years(session, kind)]


def _programmes(session: Session) -> Choices:
    return [(p.id, p.name) for p in session.exec(select(Programme).order_by(col(Programme.name)))]


FILTERS: dict[RecordKind, tuple[FilterSpec, ...]] = {
    RecordKind.PERSON: (
        FilterSpec("organisation_id", "Organisation", _records(RecordKind.ORGANISATION)),
        FilterSpec("country_id", "Nationality", _countries),
        FilterSpec("post", "Post", lambda _s: [("any", "Any time"), ("current", "Current"),
                                                ("former", "Former")], post=True),
    ),
    RecordKind.ORGANISATION: (
        FilterSpec("org_kind", "Kind", _enum(OrganisationKind)),
        FilterSpec("country_id", "Country", _countries),
    ),
    RecordKind.CITY: (FilterSpec("country_id", "Country", _countries),),
    RecordKind.PROGRAMME: (),
    RecordKind.PAIRING: (
        FilterSpec("programme_id", "Programme", _programmes),
        FilterSpec("status", "Status", _enum(PairingStatus)),
        FilterSpec("area_id", "Area", lambda session: [
            (i, name) for i, name in listing.area_choices(session)]),
    ),
    RecordKind.DELEGATION: (
        FilterSpec("direction", "Direction", _enum(Direction)),
        FilterSpec("status", "Status", _enum(DelegationStatus)),
        FilterSpec("year", "Year", _years(RecordKind.DELEGATION)),
        FilterSpec("city_id", "City", _cities),
    ),
    RecordKind.EVENT: (
        FilterSpec("year", "Year", _years(RecordKind.EVENT)),
        FilterSpec("city_id", "City", _cities),
    ),
}
