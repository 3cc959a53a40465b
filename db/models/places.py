"""Places and bodies: countries, cities, organisations."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import JSON, Column
from sqlmodel import Field

from db.kinds import OrganisationKind, RecordKind
from db.models.base import Record, foreign_key


class Country(Record, table=True):
    __tablename__ = "country"
    kind: ClassVar[RecordKind] = RecordKind.COUNTRY

    code: str = Field(max_length=2, unique=True, index=True)
    name: str


class City(Record, table=True):
    __tablename__ = "city"
    kind: ClassVar[RecordKind] = RecordKind.CITY

    name: str = Field(index=True)
    name_vi: str | None = None  # the Vietnamese form, if it differs (db.bilingual)
    local_name: str | None = None
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    country_id: int | None = foreign_key("country.id", ondelete="SET NULL")
    region: str | None = None
    latitude: float | None = None
    longitude: float | None = None


class Organisation(Record, table=True):
    __tablename__ = "organisation"
    kind: ClassVar[RecordKind] = RecordKind.ORGANISATION

    name: str = Field(index=True)
    name_vi: str | None = None  # "UBND TP Hà Nội" (db.bilingual)
    acronym: str | None = None
    org_kind: str = Field(default=OrganisationKind.OTHER.value)
    city_id: int | None = foreign_key("city.id", ondelete="SET NULL")
    country_id: int | None = foreign_key("country.id", ondelete="SET NULL")
    parent_id: int | None = foreign_key("organisation.id", ondelete="SET NULL")
    website: str | None = None
    notes: str | None = None
