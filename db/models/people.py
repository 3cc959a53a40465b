"""People and the titles they hold (positions)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field

from db.kinds import AddressBy, NameOrder, RecordKind
from db.models.base import Record, foreign_key


class Person(Record, table=True):
    """Someone the office meets. ``sort_key`` is derived by ``db.ops`` (folded family name
    then given names) so lists sort ``Đặng`` with the Ds, not after ``Z``."""

    __tablename__ = "person"
    __table_args__ = (Index("ix_person_sort", "sort_key", "id"),)
    kind: ClassVar[RecordKind] = RecordKind.PERSON

    honorific: str | None = None
    given_names: str | None = None
    family_name: str = Field(index=True)
    sort_key: str = Field(default="")
    name_order: str = Field(default=NameOrder.GIVEN_FIRST.value)
    address_by: str = Field(default=AddressBy.FAMILY.value)
    original_script: str | None = None
    form_of_address: str | None = None
    # "Also known as" (``Ba Dũng`` for Nguyễn Tấn Dũng): searchable, never in an address.
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    nationality_id: int | None = foreign_key("country.id", ondelete="SET NULL")
    email: str | None = None
    phone: str | None = None
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    biography: str | None = None
    protocol_notes: str | None = None
    private_notes: str | None = None
    # What a protocol briefing says of the person (compare the US Chief of Protocol's
    # guide): how the name sounds, how it is written on letters and place cards (the
    # spoken form of address is form_of_address or comes from the title), interpreting,
    # and what they do not eat. Printed on the internal sheet only.
    pronunciation: str | None = None  # "NGWEN duc CHOONG"
    written_address: str | None = None  # "His Excellency Mr Nguyễn Đức Chung, Chairman of..."
    interpreter: str | None = None  # "Needs a Vietnamese–English interpreter"
    dietary: str | None = None  # "Vegetarian; no shellfish"
    # ISO, to the day, month or year as known: "1965-03-14", "1965-03", "1965" (db.partial_dates)
    birth_date: str | None = None


class Position(Record, table=True):
    """A title held at an organisation over a period; open end = still held."""

    __tablename__ = "position"
    kind: ClassVar[RecordKind] = RecordKind.POSITION

    person_id: int = foreign_key("person.id", ondelete="CASCADE", nullable=False)
    organisation_id: int | None = foreign_key("organisation.id", ondelete="SET NULL")
    title: str
    title_vi: str | None = None  # "Chủ tịch UBND TP Hà Nội" (db.bilingual)
    address_title: str | None = None
    address_title_vi: str | None = None  # "Chủ tịch"
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    date_note: str | None = None
    rank: int = Field(default=100)
    # Days (or months, years) a source shows the title held: "2017-06-13", "2016-11".
    # See db.titles: without covering start/end dates, only these make a title current.
    attested_on: list[str] = Field(default_factory=list,
                                   sa_column=Column(JSON, nullable=False, server_default="[]"))
