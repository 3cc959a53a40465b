"""Search folds a word the same whether it is typed in capitals or not.

``db.folding.fold`` now casefolds before it drops accents, and folds the small
Icelandic eth ``ð`` to ``d`` as it already did its capital ``Ð`` (often typed for
``Đ``): before, ``ÐU`` searched as ``du`` but ``ðu`` as ``ðu``, and Greek letters
with an iota subscript folded differently in capitals. The index holds words folded
by the old rule, so this revision asks ``db.schema.upgrade`` to rebuild it with
today's code after the last migration (SQLite and PostgreSQL alike).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import context, op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_NUMBER = 13


def _stamp(number: int) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {number}")


def upgrade() -> None:
    context.config.attributes["rebuild_search_index"] = True
    _stamp(SCHEMA_NUMBER)


def downgrade() -> None:
    context.config.attributes["rebuild_search_index"] = True
    _stamp(SCHEMA_NUMBER - 1)
