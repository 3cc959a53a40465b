"""Search reads what users remember: people's biographies and protocol notes.

The search documents (``db.documents``) now hold a person's biography and
protocol notes, searched in a last tier below names, titles and places (see
``db.search_query``), so "ambassador" finds the ambassador whose title says
"Head of the EU Delegation". The notes' folded words are stored after the
accented names in the index's ``exact`` column, so the index's columns do not
change; catalogs made before this hold the old documents, and this revision
asks ``db.schema.upgrade`` to rebuild the index with today's code after the
last migration (SQLite and PostgreSQL alike).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import context, op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_NUMBER = 9


def _stamp(number: int) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {number}")


def upgrade() -> None:
    context.config.attributes["rebuild_search_index"] = True
    _stamp(SCHEMA_NUMBER)


def downgrade() -> None:
    context.config.attributes["rebuild_search_index"] = True
    _stamp(SCHEMA_NUMBER - 1)
