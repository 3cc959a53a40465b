"""Where facts come from and what is kept with a record: sources, citations, attachments."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import Column, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field

from db.kinds import RecordKind
from db.models.base import Record, foreign_key


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

    source_id: int = foreign_key("source.id", ondelete="CASCADE", nullable=False)
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
    # A photo's portrait as sheets print it, derived when it is written (db.portraits).
    portrait: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
