"""Events with their organisers, sessions and participants."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from db.kinds import EventRole, OrganiserRole, RecordKind, SessionKind
from db.models.base import Record, foreign_key


class Event(Record, table=True):
    __tablename__ = "event"
    kind: ClassVar[RecordKind] = RecordKind.EVENT

    name: str = Field(index=True)
    name_vi: str | None = None  # the Vietnamese form (db.bilingual)
    series: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    date_note: str | None = None
    # The day the record sorts on: start_date, else the earliest day date_note points at
    # ("June 2017" -> 2017-06-01). Derived by db.ops (coerce.derive), never typed.
    sort_date: dt.date | None = Field(default=None, index=True)
    city_id: int | None = foreign_key("city.id", ondelete="SET NULL")
    venue_id: int | None = foreign_key("organisation.id", ondelete="SET NULL")
    venue_note: str | None = None
    theme: str | None = None
    description: str | None = None
    attendance: int | None = None
    figures: str | None = None


class EventOrganiser(Record, table=True):
    __tablename__ = "event_organiser"
    __table_args__ = (UniqueConstraint("event_id", "organisation_id"),)
    kind: ClassVar[RecordKind] = RecordKind.EVENT_ORGANISER

    event_id: int = foreign_key("event.id", ondelete="CASCADE", nullable=False)
    organisation_id: int = foreign_key("organisation.id", ondelete="CASCADE", nullable=False)
    role: str = Field(default=OrganiserRole.ORGANISER.value)


class EventSession(Record, table=True):
    __tablename__ = "event_session"
    kind: ClassVar[RecordKind] = RecordKind.EVENT_SESSION

    event_id: int = foreign_key("event.id", ondelete="CASCADE", nullable=False)
    title: str
    session_kind: str = Field(default=SessionKind.OTHER.value)
    date: dt.date | None = None
    notes: str | None = None
    sequence: int = Field(default=0)


class EventParticipant(Record, table=True):
    __tablename__ = "event_participant"
    __table_args__ = (UniqueConstraint("event_id", "person_id"),)
    kind: ClassVar[RecordKind] = RecordKind.EVENT_PARTICIPANT

    event_id: int = foreign_key("event.id", ondelete="CASCADE", nullable=False)
    person_id: int = foreign_key("person.id", ondelete="CASCADE", nullable=False)
    role: str = Field(default=EventRole.ATTENDEE.value)
    notes: str | None = None
    sequence: int | None = None  # explicit order of precedence, as for delegation members
