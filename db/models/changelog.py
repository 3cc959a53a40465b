"""The change log: who changed what and when, field by field (written by ``db.ops``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index
from sqlmodel import Field

from db.models.base import STAMP, Record, utcnow


class ChangeLogEntry(Record, table=True):
    """Who changed what and when, one row per field changed."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_record", "record_kind", "record_id"),)

    changed_at: dt.datetime = Field(default_factory=utcnow, nullable=False, sa_type=STAMP)
    actor: str
    operation_id: str = Field(index=True)
    record_kind: str
    record_id: int
    action: str
    field: str | None = None
    old_value: str | None = None
    new_value: str | None = None
