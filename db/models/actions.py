"""Action items: what was promised at a meeting, by whom, by when, and whether it is done."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlmodel import Field

from db.kinds import ActionStatus, RecordKind
from db.models.base import Record, foreign_key


class ActionItem(Record, table=True):
    """One thing to follow up, printed on the next briefing with the same counterpart
    while it is open."""

    __tablename__ = "action_item"
    kind: ClassVar[RecordKind] = RecordKind.ACTION_ITEM

    what: str
    person_id: int | None = foreign_key("person.id", ondelete="SET NULL")  # who does it
    counterpart_id: int | None = foreign_key("person.id", ondelete="SET NULL")  # for whom
    due_date: dt.date | None = None
    status: str = Field(default=ActionStatus.OPEN.value)
    delegation_id: int | None = foreign_key("delegation.id", ondelete="SET NULL")
    engagement_id: int | None = foreign_key("engagement.id", ondelete="SET NULL")
    notes: str | None = None
