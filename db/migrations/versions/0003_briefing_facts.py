"""Briefing facts and gifts: dated attestations of positions, an explicit order of
precedence for delegation members and event participants, and the gift register.

A position known only from an article ("in office on 2017-06-13") gets that day as an
attestation, so sheets can tell a title held today from one last seen in 2017. The
ISO days already written in such a position's date note are copied over (nothing
else is guessed: "November 2016" stays in the note until someone enters 2016-11).

Revision ID: 0003
Revises: 0002
"""

import json
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_NUMBER = 3
_ISO_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def upgrade() -> None:
    with op.batch_alter_table("position", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attested_on", sa.JSON(), nullable=False,
                                      server_default="[]"))
    _attest_from_date_notes()
    for table in ("delegation_member", "event_participant"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("sequence", sa.Integer(), nullable=True))
    op.create_table(
        "gift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("from_person_id", sa.Integer(), nullable=True),
        sa.Column("from_organisation_id", sa.Integer(), nullable=True),
        sa.Column("to_person_id", sa.Integer(), nullable=True),
        sa.Column("to_organisation_id", sa.Integer(), nullable=True),
        sa.Column("delegation_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=True),
        sa.Column("notes", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["from_person_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["from_organisation_id"], ["organisation.id"],
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["to_person_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["to_organisation_id"], ["organisation.id"],
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["delegation_id"], ["delegation.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("gift", schema=None) as batch_op:
        for column in ("from_person_id", "from_organisation_id", "to_person_id",
                       "to_organisation_id", "delegation_id", "event_id"):
            batch_op.create_index(batch_op.f(f"ix_gift_{column}"), [column], unique=False)
    _stamp(SCHEMA_NUMBER)


def _attest_from_date_notes() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT id, date_note FROM position WHERE start_date IS NULL AND end_date IS NULL "
        "AND date_note IS NOT NULL")).all()
    for position_id, note in rows:
        days = sorted(set(_ISO_DAY.findall(note or "")))
        if days:
            bind.execute(sa.text("UPDATE position SET attested_on = :days WHERE id = :id"),
                         {"days": json.dumps(days), "id": position_id})


def _stamp(number: int) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {number}")


def downgrade() -> None:
    op.drop_table("gift")
    for table in ("delegation_member", "event_participant"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("sequence")
    with op.batch_alter_table("position", schema=None) as batch_op:
        batch_op.drop_column("attested_on")
    _stamp(1)
