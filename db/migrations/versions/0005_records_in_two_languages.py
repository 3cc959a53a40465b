"""Records in two languages: a Vietnamese form beside the name or title.

Organisations, cities and events gain ``name_vi``; positions gain ``title_vi`` and
``address_title_vi`` (``Chủ tịch UBND TP Hà Nội``, ``Chủ tịch``). The English column
keeps its meaning as the form used when no Vietnamese one is given
(:func:`db.bilingual.pick`). The search index is rebuilt so both forms are found.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_NUMBER = 5
_COLUMNS: dict[str, tuple[str, ...]] = {
    "organisation": ("name_vi",),
    "city": ("name_vi",),
    "event": ("name_vi",),
    "position": ("title_vi", "address_title_vi"),
}


def _stamp(number: int) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {number}")


def upgrade() -> None:
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name in columns:
                batch.add_column(sa.Column(name, sa.String(), nullable=True))
    # db.schema.upgrade fills the index after the last migration, with today's documents.
    context.config.attributes["rebuild_search_index"] = True
    _stamp(SCHEMA_NUMBER)


def downgrade() -> None:
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name in columns:
                batch.drop_column(name)
    _stamp(SCHEMA_NUMBER - 1)
