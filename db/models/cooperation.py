"""Cooperation between cities: programmes, areas, pairings."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from db.kinds import PairingKind, PairingStatus, RecordKind
from db.models.base import Record, foreign_key


class Programme(Record, table=True):
    __tablename__ = "programme"
    kind: ClassVar[RecordKind] = RecordKind.PROGRAMME

    name: str = Field(index=True)
    funder_id: int | None = foreign_key("organisation.id", ondelete="SET NULL")
    managing_organisation_id: int | None = foreign_key("organisation.id", ondelete="SET NULL")
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    date_note: str | None = None
    description: str | None = None
    website: str | None = None


class CooperationArea(Record, table=True):
    __tablename__ = "cooperation_area"
    kind: ClassVar[RecordKind] = RecordKind.COOPERATION_AREA

    name: str = Field(unique=True)
    description: str | None = None


class Pairing(Record, table=True):
    __tablename__ = "pairing"
    kind: ClassVar[RecordKind] = RecordKind.PAIRING

    city_a_id: int = foreign_key("city.id", ondelete="RESTRICT", nullable=False)
    city_b_id: int = foreign_key("city.id", ondelete="RESTRICT", nullable=False)
    programme_id: int | None = foreign_key("programme.id", ondelete="SET NULL")
    pairing_kind: str = Field(default=PairingKind.COOPERATION.value)
    status: str = Field(default=PairingStatus.ACTIVE.value)
    since: dt.date | None = None
    date_note: str | None = None
    summary: str | None = None


class PairingArea(Record, table=True):
    __tablename__ = "pairing_area"
    __table_args__ = (UniqueConstraint("pairing_id", "area_id"),)
    kind: ClassVar[RecordKind] = RecordKind.PAIRING_AREA

    pairing_id: int = foreign_key("pairing.id", ondelete="CASCADE", nullable=False)
    area_id: int = foreign_key("cooperation_area.id", ondelete="CASCADE", nullable=False)
