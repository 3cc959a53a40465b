"""The office server's search index: one tsvector per column instead of one weighted vector.

On PostgreSQL the single ``tsv`` column (every column's words under a weight
naming the column) is replaced by four generated columns, ``names_tsv``,
``body_tsv``, ``exact_tsv`` and ``whole_tsv``, each with its own GIN index. A
weight is checked only after the index has found every row holding a word, so
"``smart`` among names" re-read each of the thousands of rows with ``smart`` in
their body; a vector per column lets the index answer alone (see
:mod:`db.search_pg`). The server computes the columns as rows are written, so
rows already in the index get theirs here and nothing is rebuilt.

On SQLite nothing changes (FTS5 already is the index); the file is backed up
before this runs, as before every upgrade, and its format number becomes 6.

Frozen: later changes go in new revisions, never here.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_NUMBER = 6
_COLUMNS = ("names", "body", "exact", "whole")
_OLD_WEIGHTS = {"names": "A", "body": "B", "exact": "C", "whole": "D"}


def _vector(column: str) -> str:
    """The words of a column as FTS5's tokenizer splits them (runs of letters and digits)."""
    return f"to_tsvector('simple'::regconfig, regexp_replace({column}, '[^[:alnum:]]+', ' ', 'g'))"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {SCHEMA_NUMBER}")
        return
    op.execute("DROP INDEX IF EXISTS ix_search_index_tsv")
    # One ALTER TABLE: the table is rewritten once for the four columns.
    op.execute("ALTER TABLE search_index DROP COLUMN IF EXISTS tsv, " + ", ".join(
        f"ADD COLUMN {c}_tsv tsvector GENERATED ALWAYS AS ({_vector(c)}) STORED"
        for c in _COLUMNS))
    for column in _COLUMNS:
        op.execute(f"CREATE INDEX ix_search_index_{column}_tsv ON search_index "
                   f"USING gin ({column}_tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA user_version = 5")
        return
    for column in _COLUMNS:
        op.execute(f"DROP INDEX IF EXISTS ix_search_index_{column}_tsv")
    op.execute("ALTER TABLE search_index " + ", ".join(
        f"DROP COLUMN IF EXISTS {c}_tsv" for c in _COLUMNS) + ", ADD COLUMN tsv tsvector")
    op.execute("UPDATE search_index SET tsv = " + " || ".join(
        f"setweight({_vector(c)}, '{_OLD_WEIGHTS[c]}')" for c in _COLUMNS))
    op.execute("CREATE INDEX ix_search_index_tsv ON search_index USING gin (tsv)")
