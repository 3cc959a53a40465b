"""What every table shares: the id, the timestamps and the version (optimistic lock).

Every table carries ``id``, ``created_at``, ``updated_at`` and ``version``: the
version is the optimistic lock that lets two laptops (or two windows) edit the
same catalog without one silently overwriting the other.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel
from sqlmodel.main import SQLModelConfig

from db.kinds import RecordKind

# Timestamps keep their zone: a server whose session time zone is not UTC would
# otherwise read a 16:34 UTC change back as 23:34 (migration 0002).
STAMP = DateTime(timezone=True)


def utcnow() -> dt.datetime:
    """An aware UTC timestamp: SQLModel stores UTC and refuses naive datetimes."""
    return dt.datetime.now(dt.UTC)


class Record(SQLModel):
    """Columns every table shares."""

    # Rows are built from the database, never validated (SQLModel tables skip
    # validation), so pydantic's schema for each table is built on first use, if ever:
    # importing the tables costs a third less for every command and the app.
    model_config = SQLModelConfig(defer_build=True)

    id: int | None = Field(default=None, primary_key=True)
    created_at: dt.datetime = Field(default_factory=utcnow, nullable=False, sa_type=STAMP)
    updated_at: dt.datetime = Field(default_factory=utcnow, nullable=False, sa_type=STAMP)
    version: int = Field(default=1, nullable=False)

    kind: ClassVar[RecordKind]


def foreign_key(target: str, *, ondelete: str, nullable: bool = True, index: bool = True) -> Any:
    """A foreign key column; *ondelete* says what ownership means (see ``db.models``)."""
    return Field(  # type: ignore[call-overload]
        default=None, foreign_key=target, ondelete=ondelete, nullable=nullable, index=index
    )
