"""Names and text: people's aliases, every text NFC and trimmed, a search index that ranks.

- ``person.aliases`` ("also known as"), a JSON list like ``city.aliases``.
- Every text value already stored is normalised as ``db.ops`` now stores new ones:
  NFC, trimmed, an empty optional text becomes NULL. Before this, SQLAlchemy 2.1
  skipped the clean-up, so ``"  Lê  "`` and a decomposed ``Đặng`` were kept as typed.
- ``person.sort_key`` is derived again (folding now drops apostrophes: ``H'Yim``).
- The search index gains the ``exact`` (accented words as written) and ``whole``
  (whole names as one token) columns; on SQLite the FTS5 table is recreated
  without its own diacritic folding (we fold in Python). The index is filled again
  by ``db.schema.upgrade`` once every migration has run, with the code that keeps
  it in step, so this file does not depend on today's table definitions.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import context, op

from db.names import sort_key

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA_NUMBER = 4
# History stays as it was recorded; the index is rebuilt; the rest holds user text.
_SKIP_TABLES = {"alembic_version", "change_log", "search_index"}


def _clean(value: str, nullable: bool) -> str | None:
    text = unicodedata.normalize("NFC", value).strip()
    return text if text or not nullable else None


def _clean_list(value: Any) -> Any:
    """A JSON list of texts, cleaned; anything else as it was (SQLite gives JSON as text)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, list):
        return [unicodedata.normalize("NFC", str(v)).strip() for v in value if str(v).strip()]
    return value


def _normalise_text(bind: sa.Connection) -> None:
    inspector = sa.inspect(bind)
    for table in inspector.get_table_names():
        if table in _SKIP_TABLES or table.startswith(("search_index", "sqlite_")):
            continue
        columns = inspector.get_columns(table)
        if "id" not in {c["name"] for c in columns}:
            continue
        texts = [c for c in columns if isinstance(c["type"], sa.String | sa.Text)
                 and not isinstance(c["type"], sa.Enum)]
        lists = [c for c in columns if isinstance(c["type"], sa.JSON)]
        wanted = texts + lists
        if not wanted:
            continue
        names = ", ".join(f'"{c["name"]}"' for c in wanted)
        rows = bind.execute(sa.text(f'SELECT id, {names} FROM "{table}"')).all()
        for row in rows:
            changed: dict[str, Any] = {}
            for column, value in zip(wanted, row[1:], strict=True):
                if value is None:
                    continue
                if column in texts and isinstance(value, str):
                    new: Any = _clean(value, bool(column.get("nullable", True)))
                    if new != value:
                        changed[column["name"]] = new
                else:
                    new = _clean_list(value)
                    if isinstance(new, list) and new != (
                            json.loads(value) if isinstance(value, str) else value):
                        changed[column["name"]] = new
            if changed:
                sets = ", ".join(f'"{name}" = :{name}' for name in changed)
                statement = sa.text(f'UPDATE "{table}" SET {sets} WHERE id = :id').bindparams(
                    *(sa.bindparam(c["name"], type_=sa.JSON()) for c in lists
                      if c["name"] in changed))
                bind.execute(statement, {**changed, "id": row[0]})


def _derive_sort_keys(bind: sa.Connection) -> None:
    rows = bind.execute(sa.text("SELECT id, given_names, family_name, sort_key FROM person"))
    for pid, given, family, old in rows.all():
        new = sort_key(given, family or "")
        if new != old:
            bind.execute(sa.text("UPDATE person SET sort_key = :k WHERE id = :id"),
                         {"k": new, "id": pid})


def _recreate_search_index(bind: sa.Connection) -> None:
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_index")
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "kind UNINDEXED, record_id UNINDEXED, title UNINDEXED, subtitle UNINDEXED, "
            "names, body, exact, whole, "
            "tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')"
        )
    else:
        op.execute("DELETE FROM search_index")
        with op.batch_alter_table("search_index") as batch:
            batch.add_column(sa.Column("exact", sa.Text(), nullable=False, server_default=""))
            batch.add_column(sa.Column("whole", sa.Text(), nullable=False, server_default=""))
    # db.schema.upgrade fills the index after the last migration (see its docstring).
    context.config.attributes["rebuild_search_index"] = True


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("aliases", sa.JSON(), nullable=False, server_default="[]"))
    _normalise_text(bind)
    _derive_sort_keys(bind)
    _recreate_search_index(bind)
    if bind.dialect.name == "sqlite":
        op.execute(f"PRAGMA user_version = {SCHEMA_NUMBER}")


def downgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("person") as batch:
        batch.drop_column("aliases")
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_index")
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "kind UNINDEXED, record_id UNINDEXED, title UNINDEXED, subtitle UNINDEXED, "
            "names, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
        )
        op.execute("PRAGMA user_version = 1")
    else:
        with op.batch_alter_table("search_index") as batch:
            batch.drop_column("whole")
            batch.drop_column("exact")
    context.config.attributes["rebuild_search_index"] = True
