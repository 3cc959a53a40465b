"""Gifts given and received, listed on people, delegations and pairings."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlmodel import Field

from db.kinds import GiftDirection, RecordKind
from db.models.base import Record, foreign_key


class Gift(Record, table=True):
    """A gift given or received, so the next visit never repeats one."""

    __tablename__ = "gift"
    kind: ClassVar[RecordKind] = RecordKind.GIFT

    date: dt.date | None = None
    direction: str = Field(default=GiftDirection.GIVEN.value)
    from_person_id: int | None = foreign_key("person.id", ondelete="SET NULL")
    from_organisation_id: int | None = foreign_key("organisation.id", ondelete="SET NULL")
    to_person_id: int | None = foreign_key("person.id", ondelete="SET NULL")
    to_organisation_id: int | None = foreign_key("organisation.id", ondelete="SET NULL")
    delegation_id: int | None = foreign_key("delegation.id", ondelete="SET NULL")
    event_id: int | None = foreign_key("event.id", ondelete="SET NULL")
    description: str
    value: str | None = None
    notes: str | None = None
