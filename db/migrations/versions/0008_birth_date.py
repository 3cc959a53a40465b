"""People's birth dates: ``person.birth_date``, an ISO date that may be partial.

Officials' birth dates are often known only by year ("sinh năm 1965") or month, as
Popolo's ``birth_date`` allows: the column holds ``1965``, ``1965-03`` or
``1965-03-14`` (text, so a year alone is not made into 1 January). It tells two
namesakes apart in imports and in Tools > Find Duplicates.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_NUMBER = 8


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("birth_date", sa.String(), nullable=True))
    _stamp(SCHEMA_NUMBER)


def _stamp(number: int) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {number}")


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("birth_date")
    _stamp(SCHEMA_NUMBER - 1)
