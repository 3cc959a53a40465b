"""The office database: timestamps with their zone, and a real search index on PostgreSQL.

On PostgreSQL:

* every ``timestamp without time zone`` column becomes ``timestamptz``, read as
  the UTC it was written in (a client whose session time zone is
  Asia/Ho_Chi_Minh no longer sees a 16:34 UTC change as 23:34);
* the search index gets a ``tsv`` column (``tsvector``, GIN-indexed) holding
  each indexed column's words under its own weight (names A, body B; later
  revisions add exact C and whole D). The app writes it with each row
  (:mod:`db.search_pg`); rows already there get theirs here.

On SQLite nothing is rewritten: SQLite stores a timestamp the same way with or
without a zone, and FTS5 already is the index. The file is backed up before
this runs, as before every upgrade, and its format number becomes 2.

Frozen: later changes go in new revisions, never here.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_NUMBER = 2


def _words(column: str) -> str:
    return f"regexp_replace({column}, '[^[:alnum:]]+', ' ', 'g')"


def _zoned_columns(zone: bool) -> list[tuple[str, str]]:
    """(table, column) of every timestamp column with (or without) a zone."""
    wanted = "timestamp with time zone" if zone else "timestamp without time zone"
    rows = op.get_bind().execute(sa.text(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND data_type = :wanted "
        "ORDER BY table_name, column_name"), {"wanted": wanted})
    return [(str(table), str(column)) for table, column in rows]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {SCHEMA_NUMBER}")
        return
    for table, column in _zoned_columns(zone=False):
        op.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE timestamptz '
                   f"USING \"{column}\" AT TIME ZONE 'UTC'")
    op.execute("ALTER TABLE search_index ADD COLUMN tsv tsvector")
    op.execute("UPDATE search_index SET tsv = "
               f"setweight(to_tsvector('simple'::regconfig, {_words('names')}), 'A') || "
               f"setweight(to_tsvector('simple'::regconfig, {_words('body')}), 'B')")
    op.execute("CREATE INDEX ix_search_index_tsv ON search_index USING gin (tsv)")
    op.execute("CREATE INDEX ix_search_index_record ON search_index (kind, record_id)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA user_version = 1")
        return
    op.execute("DROP INDEX IF EXISTS ix_search_index_record")
    op.execute("DROP INDEX IF EXISTS ix_search_index_tsv")
    op.execute("ALTER TABLE search_index DROP COLUMN IF EXISTS tsv")
    for table, column in _zoned_columns(zone=True):
        op.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE timestamp '
                   f"USING \"{column}\" AT TIME ZONE 'UTC'")
