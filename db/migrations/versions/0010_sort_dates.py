"""Dates columns sort in time order, partial dates included.

Delegations and events gain ``sort_date``: their start day, else the earliest day
their date note points at ("June 2017" -> 2017-06-01, "second half of 2017" ->
2017-07-01; ``db.dates.approximate_date``). ``db.ops`` derives it on every write;
this revision fills it for the records already stored. Lists sort their Dates
column and read their year filter on it, so an undated "June 2017" visit sits
between May and July instead of at one end.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.dates import approximate_date

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_NUMBER = 10
_TABLES = ("delegation", "event")


def _stamp(number: int) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {number}")


def upgrade() -> None:
    bind = op.get_bind()
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("sort_date", sa.Date(), nullable=True))
            batch.create_index(f"ix_{table}_sort_date", ["sort_date"])
        rows = bind.execute(sa.text(f"SELECT id, start_date, date_note FROM {table}")).all()
        for record_id, start, note in rows:
            if isinstance(start, str):  # SQLite hands a raw date back as text
                start = dt.date.fromisoformat(start[:10])
            day = approximate_date(start, note)
            if day is not None:
                bind.execute(sa.text(f"UPDATE {table} SET sort_date = :day WHERE id = :id"),
                             {"day": day, "id": record_id})
    _stamp(SCHEMA_NUMBER)


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_sort_date")
            batch.drop_column("sort_date")
    _stamp(SCHEMA_NUMBER - 1)
