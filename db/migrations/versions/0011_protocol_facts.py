"""What a protocol briefing says: a person's pronunciation, written style of address,
interpreting and dietary needs; a delegation's arrival, departure, hotel, contact
officers on both sides and press arrangements.

Only new, empty columns: nothing already stored changes. The two contact officers
refer to people (``ON DELETE SET NULL``). SQLite adds a column with its
``REFERENCES`` clause in place (``ALTER TABLE ... ADD COLUMN``), so the delegation
table is not copied: copying it would drop the old table, which with foreign keys on
deletes its members and programme. PostgreSQL adds the constraints by name.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_NUMBER = 11
_PERSON_TEXT = ("pronunciation", "written_address", "interpreter", "dietary")
_DELEGATION_TEXT = ("arrival", "departure", "accommodation", "our_contact_details",
                    "their_contact_details", "press")
_CONTACTS = ("our_contact_id", "their_contact_id")


def _stamp(number: int) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {number}")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name in _PERSON_TEXT:
        op.add_column("person", sa.Column(name, sa.String(), nullable=True))
    for name in _DELEGATION_TEXT:
        op.add_column("delegation", sa.Column(name, sa.String(), nullable=True))
    for name in _CONTACTS:
        if sqlite:  # in place, with the reference (see the module docstring)
            op.execute(f"ALTER TABLE delegation ADD COLUMN {name} INTEGER "
                       "REFERENCES person (id) ON DELETE SET NULL")
        else:
            op.add_column("delegation", sa.Column(name, sa.Integer(), nullable=True))
            op.create_foreign_key(f"fk_delegation_{name}_person", "delegation", "person",
                                  [name], ["id"], ondelete="SET NULL")
        op.create_index(f"ix_delegation_{name}", "delegation", [name], unique=False)
    _stamp(SCHEMA_NUMBER)


def downgrade() -> None:
    for name in _CONTACTS:
        op.drop_index(f"ix_delegation_{name}", table_name="delegation")
    with op.batch_alter_table("delegation") as batch:
        for name in (*_DELEGATION_TEXT, *_CONTACTS):
            batch.drop_column(name)
    with op.batch_alter_table("person") as batch:
        for name in _PERSON_TEXT:
            batch.drop_column(name)
    _stamp(SCHEMA_NUMBER - 1)
