"""Delegations, their members and their programme (engagements)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from db.kinds import DelegationStatus, Direction, EngagementRole, MemberRole, RecordKind
from db.models.base import Record, foreign_key


class Delegation(Record, table=True):
    __tablename__ = "delegation"
    kind: ClassVar[RecordKind] = RecordKind.DELEGATION

    title: str = Field(index=True)
    direction: str = Field(default=Direction.INCOMING.value)
    sending_city_id: int | None = foreign_key("city.id", ondelete="SET NULL")
    sending_organisation_id: int | None = foreign_key("organisation.id", ondelete="SET NULL")
    host_city_id: int | None = foreign_key("city.id", ondelete="SET NULL")
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    date_note: str | None = None
    # The day the record sorts on: start_date, else the earliest day date_note points at
    # ("June 2017" -> 2017-06-01). Derived by db.ops (coerce.derive), never typed.
    sort_date: dt.date | None = Field(default=None, index=True)
    purpose: str | None = None
    status: str = Field(default=DelegationStatus.PLANNED.value)
    pairing_id: int | None = foreign_key("pairing.id", ondelete="SET NULL")
    event_id: int | None = foreign_key("event.id", ondelete="SET NULL")
    outcomes: str | None = None
    follow_ups: str | None = None
    # Logistics, whom to call on each side, and the press (free text; a contact officer
    # is a person in the catalog where possible, with details typed beside, or only the
    # details when the officer is not recorded). See gui.briefing.protocol.
    arrival: str | None = None  # "VN 18, 13 June 06:35, Noi Bai T2; met by ..."
    departure: str | None = None
    accommodation: str | None = None  # the hotel
    our_contact_id: int | None = foreign_key("person.id", ondelete="SET NULL")
    our_contact_details: str | None = None  # "Ms Lan, +84 90 123 4567"
    their_contact_id: int | None = foreign_key("person.id", ondelete="SET NULL")
    their_contact_details: str | None = None
    press: str | None = None  # media coverage, press arrangements


class DelegationMember(Record, table=True):
    __tablename__ = "delegation_member"
    __table_args__ = (UniqueConstraint("delegation_id", "person_id"),)
    kind: ClassVar[RecordKind] = RecordKind.DELEGATION_MEMBER

    delegation_id: int = foreign_key("delegation.id", ondelete="CASCADE", nullable=False)
    person_id: int = foreign_key("person.id", ondelete="CASCADE", nullable=False)
    role: str = Field(default=MemberRole.MEMBER.value)
    notes: str | None = None
    # Explicit order of precedence set by the user (1, 2, ...); None: db.precedence decides.
    sequence: int | None = None


class Engagement(Record, table=True):
    """One item of a delegation's programme: a meeting, a visit, a ceremony."""

    __tablename__ = "engagement"
    kind: ClassVar[RecordKind] = RecordKind.ENGAGEMENT

    delegation_id: int = foreign_key("delegation.id", ondelete="CASCADE", nullable=False)
    title: str
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    city_id: int | None = foreign_key("city.id", ondelete="SET NULL")
    place: str | None = None
    host_organisation_id: int | None = foreign_key("organisation.id", ondelete="SET NULL")
    topics: str | None = None
    notes: str | None = None
    sequence: int = Field(default=0)


class EngagementParticipant(Record, table=True):
    __tablename__ = "engagement_participant"
    __table_args__ = (UniqueConstraint("engagement_id", "person_id"),)
    kind: ClassVar[RecordKind] = RecordKind.ENGAGEMENT_PARTICIPANT

    engagement_id: int = foreign_key("engagement.id", ondelete="CASCADE", nullable=False)
    person_id: int = foreign_key("person.id", ondelete="CASCADE", nullable=False)
    role: str = Field(default=EngagementRole.PARTICIPANT.value)
