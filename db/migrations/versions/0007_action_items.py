"""Action items: what was promised at a meeting, by whom, by when, open or done.

A new table only; nothing already stored changes.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_NUMBER = 7
_REFERENCES = (("person_id", "person"), ("counterpart_id", "person"),
               ("delegation_id", "delegation"), ("engagement_id", "engagement"))


def upgrade() -> None:
    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("counterpart_id", sa.Integer(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("delegation_id", sa.Integer(), nullable=True),
        sa.Column("engagement_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.String(), nullable=True),
        *(sa.ForeignKeyConstraint([column], [f"{table}.id"], ondelete="SET NULL")
          for column, table in _REFERENCES),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    for column, _table in _REFERENCES:
        op.create_index(f"ix_action_item_{column}", "action_item", [column], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {SCHEMA_NUMBER}")


def downgrade() -> None:
    op.drop_table("action_item")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA user_version = 6")
