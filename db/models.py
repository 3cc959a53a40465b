"""The catalog's tables.

Every table carries ``id``, ``created_at``, ``updated_at`` and ``version``: the
version is the optimistic lock that lets two laptops (or two windows) edit the
same catalog without one silently overwriting the other.

Enumerated fields are stored as plain strings and checked by ``db.ops``: adding
a new kind of organisation must not need a table rebuild on SQLite.

Foreign keys follow ownership: rows that only make sense inside their parent
(positions, members, engagements, participants, sessions, organiser links,
pairing areas) are deleted with it; optional references to independent records
are cleared; required references to independent records (a pairing's cities)
block the delete, so ``db.ops`` can tell the user what still refers to them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, Column, DateTime, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.kinds import (
    AddressBy,
    ChangeAction,
    DelegationStatus,
    Direction,
    EngagementRole,
    EventRole,
    GiftDirection,
    MemberRole,
    NameOrder,
    OrganisationKind,
    OrganiserRole,
    PairingKind,
    PairingStatus,
    RecordKind,
    SessionKind,
)

# Timestamps keep their zone: a server whose session time zone is not UTC would
# otherwise read a 16:34 UTC change back as 23:34 (migration 0002).
_STAMP = DateTime(timezone=True)


def utcnow() -> dt.datetime:
    """An aware UTC timestamp: SQLModel stores UTC and refuses naive datetimes."""
    return dt.datetime.now(dt.UTC)


# The vocabularies live in db.kinds (importable without SQLAlchemy); re-exported here.


# ---------------------------------------------------------------- base


class Record(SQLModel):
    """Columns every table shares."""

    id: int | None = Field(default=None, primary_key=True)
    created_at: dt.datetime = Field(default_factory=utcnow, nullable=False, sa_type=_STAMP)
    updated_at: dt.datetime = Field(default_factory=utcnow, nullable=False, sa_type=_STAMP)
    version: int = Field(default=1, nullable=False)

    kind: ClassVar[RecordKind]


def _fk(target: str, *, ondelete: str, nullable: bool = True, index: bool = True) -> Any:
    return Field(  # type: ignore[call-overload]
        default=None, foreign_key=target, ondelete=ondelete, nullable=nullable, index=index
    )


# ---------------------------------------------------------------- places and bodies


class Country(Record, table=True):
    __tablename__ = "country"
    kind: ClassVar[RecordKind] = RecordKind.COUNTRY

    code: str = Field(max_length=2, unique=True, index=True)
    name: str


class City(Record, table=True):
    __tablename__ = "city"
    kind: ClassVar[RecordKind] = RecordKind.CITY

    name: str = Field(index=True)
    local_name: str | None = None
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    country_id: int | None = _fk("country.id", ondelete="SET NULL")
    region: str | None = None
    latitude: float | None = None
    longitude: float | None = None


class Organisation(Record, table=True):
    __tablename__ = "organisation"
    kind: ClassVar[RecordKind] = RecordKind.ORGANISATION

    name: str = Field(index=True)
    acronym: str | None = None
    org_kind: str = Field(default=OrganisationKind.OTHER.value)
    city_id: int | None = _fk("city.id", ondelete="SET NULL")
    country_id: int | None = _fk("country.id", ondelete="SET NULL")
    parent_id: int | None = _fk("organisation.id", ondelete="SET NULL")
    website: str | None = None
    notes: str | None = None


# ---------------------------------------------------------------- people


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
    nationality_id: int | None = _fk("country.id", ondelete="SET NULL")
    email: str | None = None
    phone: str | None = None
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    biography: str | None = None
    protocol_notes: str | None = None
    private_notes: str | None = None


class Position(Record, table=True):
    """A title held at an organisation over a period; open end = still held."""

    __tablename__ = "position"
    kind: ClassVar[RecordKind] = RecordKind.POSITION

    person_id: int = _fk("person.id", ondelete="CASCADE", nullable=False)
    organisation_id: int | None = _fk("organisation.id", ondelete="SET NULL")
    title: str
    address_title: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    date_note: str | None = None
    rank: int = Field(default=100)
    # Days (or months, years) a source shows the title held: "2017-06-13", "2016-11".
    # See db.titles: without covering start/end dates, only these make a title current.
    attested_on: list[str] = Field(default_factory=list,
                                   sa_column=Column(JSON, nullable=False, server_default="[]"))


# ---------------------------------------------------------------- cooperation


class Programme(Record, table=True):
    __tablename__ = "programme"
    kind: ClassVar[RecordKind] = RecordKind.PROGRAMME

    name: str = Field(index=True)
    funder_id: int | None = _fk("organisation.id", ondelete="SET NULL")
    managing_organisation_id: int | None = _fk("organisation.id", ondelete="SET NULL")
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

    city_a_id: int = _fk("city.id", ondelete="RESTRICT", nullable=False)
    city_b_id: int = _fk("city.id", ondelete="RESTRICT", nullable=False)
    programme_id: int | None = _fk("programme.id", ondelete="SET NULL")
    pairing_kind: str = Field(default=PairingKind.COOPERATION.value)
    status: str = Field(default=PairingStatus.ACTIVE.value)
    since: dt.date | None = None
    date_note: str | None = None
    summary: str | None = None


class PairingArea(Record, table=True):
    __tablename__ = "pairing_area"
    __table_args__ = (UniqueConstraint("pairing_id", "area_id"),)
    kind: ClassVar[RecordKind] = RecordKind.PAIRING_AREA

    pairing_id: int = _fk("pairing.id", ondelete="CASCADE", nullable=False)
    area_id: int = _fk("cooperation_area.id", ondelete="CASCADE", nullable=False)


# ---------------------------------------------------------------- events


class Event(Record, table=True):
    __tablename__ = "event"
    kind: ClassVar[RecordKind] = RecordKind.EVENT

    name: str = Field(index=True)
    series: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    date_note: str | None = None
    city_id: int | None = _fk("city.id", ondelete="SET NULL")
    venue_id: int | None = _fk("organisation.id", ondelete="SET NULL")
    venue_note: str | None = None
    theme: str | None = None
    description: str | None = None
    attendance: int | None = None
    figures: str | None = None


class EventOrganiser(Record, table=True):
    __tablename__ = "event_organiser"
    __table_args__ = (UniqueConstraint("event_id", "organisation_id"),)
    kind: ClassVar[RecordKind] = RecordKind.EVENT_ORGANISER

    event_id: int = _fk("event.id", ondelete="CASCADE", nullable=False)
    organisation_id: int = _fk("organisation.id", ondelete="CASCADE", nullable=False)
    role: str = Field(default=OrganiserRole.ORGANISER.value)


class EventSession(Record, table=True):
    __tablename__ = "event_session"
    kind: ClassVar[RecordKind] = RecordKind.EVENT_SESSION

    event_id: int = _fk("event.id", ondelete="CASCADE", nullable=False)
    title: str
    session_kind: str = Field(default=SessionKind.OTHER.value)
    date: dt.date | None = None
    notes: str | None = None
    sequence: int = Field(default=0)


class EventParticipant(Record, table=True):
    __tablename__ = "event_participant"
    __table_args__ = (UniqueConstraint("event_id", "person_id"),)
    kind: ClassVar[RecordKind] = RecordKind.EVENT_PARTICIPANT

    event_id: int = _fk("event.id", ondelete="CASCADE", nullable=False)
    person_id: int = _fk("person.id", ondelete="CASCADE", nullable=False)
    role: str = Field(default=EventRole.ATTENDEE.value)
    notes: str | None = None
    sequence: int | None = None  # explicit order of precedence, as for delegation members


# ---------------------------------------------------------------- delegations


class Delegation(Record, table=True):
    __tablename__ = "delegation"
    kind: ClassVar[RecordKind] = RecordKind.DELEGATION

    title: str = Field(index=True)
    direction: str = Field(default=Direction.INCOMING.value)
    sending_city_id: int | None = _fk("city.id", ondelete="SET NULL")
    sending_organisation_id: int | None = _fk("organisation.id", ondelete="SET NULL")
    host_city_id: int | None = _fk("city.id", ondelete="SET NULL")
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    date_note: str | None = None
    purpose: str | None = None
    status: str = Field(default=DelegationStatus.PLANNED.value)
    pairing_id: int | None = _fk("pairing.id", ondelete="SET NULL")
    event_id: int | None = _fk("event.id", ondelete="SET NULL")
    outcomes: str | None = None
    follow_ups: str | None = None


class DelegationMember(Record, table=True):
    __tablename__ = "delegation_member"
    __table_args__ = (UniqueConstraint("delegation_id", "person_id"),)
    kind: ClassVar[RecordKind] = RecordKind.DELEGATION_MEMBER

    delegation_id: int = _fk("delegation.id", ondelete="CASCADE", nullable=False)
    person_id: int = _fk("person.id", ondelete="CASCADE", nullable=False)
    role: str = Field(default=MemberRole.MEMBER.value)
    notes: str | None = None
    # Explicit order of precedence set by the user (1, 2, ...); None: db.precedence decides.
    sequence: int | None = None


class Engagement(Record, table=True):
    """One item of a delegation's programme: a meeting, a visit, a ceremony."""

    __tablename__ = "engagement"
    kind: ClassVar[RecordKind] = RecordKind.ENGAGEMENT

    delegation_id: int = _fk("delegation.id", ondelete="CASCADE", nullable=False)
    title: str
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    city_id: int | None = _fk("city.id", ondelete="SET NULL")
    place: str | None = None
    host_organisation_id: int | None = _fk("organisation.id", ondelete="SET NULL")
    topics: str | None = None
    notes: str | None = None
    sequence: int = Field(default=0)


class EngagementParticipant(Record, table=True):
    __tablename__ = "engagement_participant"
    __table_args__ = (UniqueConstraint("engagement_id", "person_id"),)
    kind: ClassVar[RecordKind] = RecordKind.ENGAGEMENT_PARTICIPANT

    engagement_id: int = _fk("engagement.id", ondelete="CASCADE", nullable=False)
    person_id: int = _fk("person.id", ondelete="CASCADE", nullable=False)
    role: str = Field(default=EngagementRole.PARTICIPANT.value)


# ---------------------------------------------------------------- provenance


class Source(Record, table=True):
    __tablename__ = "source"
    kind: ClassVar[RecordKind] = RecordKind.SOURCE

    title: str
    publisher: str | None = None
    url: str | None = None
    published_on: dt.date | None = None
    language: str | None = None
    summary: str | None = None


class Citation(Record, table=True):
    """A source cited by any record; records are named by kind and id."""

    __tablename__ = "citation"
    __table_args__ = (
        UniqueConstraint("source_id", "record_kind", "record_id"),
        Index("ix_citation_record", "record_kind", "record_id"),
    )
    kind: ClassVar[RecordKind] = RecordKind.CITATION

    source_id: int = _fk("source.id", ondelete="CASCADE", nullable=False)
    record_kind: str
    record_id: int
    note: str | None = None


class Attachment(Record, table=True):
    """A file kept inside the catalog so a laptop copy is complete offline."""

    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_record", "record_kind", "record_id"),)
    kind: ClassVar[RecordKind] = RecordKind.ATTACHMENT

    record_kind: str
    record_id: int
    role: str = Field(default="document")
    filename: str
    media_type: str
    size: int
    sha256: str
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Gift(Record, table=True):
    """A gift given or received, so the next visit never repeats one."""

    __tablename__ = "gift"
    kind: ClassVar[RecordKind] = RecordKind.GIFT

    date: dt.date | None = None
    direction: str = Field(default=GiftDirection.GIVEN.value)
    from_person_id: int | None = _fk("person.id", ondelete="SET NULL")
    from_organisation_id: int | None = _fk("organisation.id", ondelete="SET NULL")
    to_person_id: int | None = _fk("person.id", ondelete="SET NULL")
    to_organisation_id: int | None = _fk("organisation.id", ondelete="SET NULL")
    delegation_id: int | None = _fk("delegation.id", ondelete="SET NULL")
    event_id: int | None = _fk("event.id", ondelete="SET NULL")
    description: str
    value: str | None = None
    notes: str | None = None


class ChangeLogEntry(Record, table=True):
    """Who changed what and when, one row per field changed."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_record", "record_kind", "record_id"),)

    changed_at: dt.datetime = Field(default_factory=utcnow, nullable=False, sa_type=_STAMP)
    actor: str
    operation_id: str = Field(index=True)
    record_kind: str
    record_id: int
    action: str
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None


__all__ = [
    "AddressBy",
    "ChangeAction",
    "DelegationStatus",
    "Direction",
    "EngagementRole",
    "EventRole",
    "GiftDirection",
    "MemberRole",
    "NameOrder",
    "OrganisationKind",
    "OrganiserRole",
    "PairingKind",
    "PairingStatus",
    "RecordKind",
    "SessionKind",
]

TABLES: dict[RecordKind, type[Record]] = {
    cls.kind: cls
    for cls in (
        Country, City, Organisation, Person, Position, Programme, CooperationArea, Pairing,
        PairingArea, Event, EventOrganiser, EventSession, EventParticipant, Delegation,
        DelegationMember, Engagement, EngagementParticipant, Source, Citation, Attachment,
        Gift,
    )
}
