"""Schema versions and Alembic upgrades.

Each Alembic revision is named by its number (``0001`` is the baseline) and
stamps that number into SQLite's ``user_version``, so a file can be judged
older, current or newer by reading its header alone, without Alembic and
without writing to it.

The two numbers are read by ``liaison search``'s thin path (:mod:`db.quick_search`),
which must not load SQLAlchemy: the functions below import what they use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

APPLICATION_ID = 0x4C49534E  # "LISN": marks a SQLite file as a Liaison catalog
SCHEMA_VERSION = 13  # the number of the newest revision in db/migrations/versions
MIGRATIONS = Path(__file__).with_name("migrations")


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision in one transaction.

    A migration that changes the search index sets ``rebuild_search_index`` in
    Alembic's config attributes; the index is then rebuilt here, in the same
    transaction.
    """
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.execution_options(liaison_write=True).begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        if config.attributes.get("rebuild_search_index"):
            # A migration changed how records are indexed; fill the index with today's
            # code, after the last migration, so old migrations never build documents.
            from sqlmodel import Session

            from db import search

            with Session(bind=conn) as session:
                search.rebuild(session)
                session.flush()


def server_version(engine: Engine) -> int:
    """The schema number of a database server's catalog (0 when it has none yet)."""
    from sqlalchemy import inspect, text  # see the module's note: kept off the import path

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return 0
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return int(revision) if revision and str(revision).isdigit() else SCHEMA_VERSION + 1
