"""``liaison check --database-url URL``: the office database's report, changing nothing.

The same questions as for a file (:mod:`db.health`), asked of a server: is the
schema this version's, do the references hold, is the search index in step,
may this login write. Integrity of the storage itself and backups are the
server's business (``pg_dump``, ``pg_amcheck``); the report says so.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from db import dialect, schema
from db.catalog import CatalogError, open_catalog
from db.catalog.server import redacted, server_engine
from db.health import Report
from db.search import SEARCH_KINDS, rebuild


def _index_gaps(conn: Connection) -> list[str]:
    problems = []
    for kind in SEARCH_KINDS:
        table = kind.value
        records = conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
        indexed = conn.execute(text("SELECT count(*) FROM search_index WHERE kind = :kind"),
                               {"kind": kind.value}).scalar_one()
        if records != indexed:
            problems.append(f"search index holds {indexed} of {records} {table} records "
                            "(run `liaison check --repair`)")
    orphans = conn.execute(text(
        "SELECT count(*) FROM search_index s WHERE NOT EXISTS (SELECT 1 FROM person p "
        "WHERE p.id = s.record_id) AND s.kind = 'person'")).scalar_one()
    if orphans:
        problems.append(f"search index lists {orphans} people who no longer exist "
                        "(run `liaison check --repair`)")
    return problems


def _reference_problems(conn: Connection) -> list[str]:
    """Foreign keys the server has not validated (added NOT VALID, or disabled triggers)."""
    rows = conn.execute(text(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint "
        "WHERE contype = 'f' AND NOT convalidated AND connamespace = current_schema()::regnamespace"
    )).all()
    return [f"reference {name} on {table} is not checked by the server" for table, name in rows]


def check_server(url: str) -> Report:
    """Look at the catalog in the database at *url*; raises CatalogError when unreachable."""
    report = Report(redacted(url))
    engine = server_engine(url)
    try:
        version = schema.server_version(engine)
        if version == 0:
            report.problems.append("no Liaison catalog in this database (make one with "
                                   "`liaison init --database-url URL`)")
            return report
        if version > schema.SCHEMA_VERSION:
            report.problems.append(f"made by a newer Liaison (format {version}, this version "
                                   f"reads up to {schema.SCHEMA_VERSION})")
            return report
        report.facts.append(f"catalog format {version}" + (
            " (will be upgraded when opened)" if version < schema.SCHEMA_VERSION else ""))
        with engine.connect() as conn:
            server = conn.execute(text("SHOW server_version")).scalar_one()
            user = conn.execute(text("SELECT session_user")).scalar_one()
            report.facts.append(f"PostgreSQL {server}, logged in as {user}")
            problems = _reference_problems(conn)
            report.problems.extend(problems)
            if not problems:
                report.facts.append("references: ok (enforced by the server)")
            if version == schema.SCHEMA_VERSION:
                gaps = _index_gaps(conn)
                report.problems.extend(gaps)
                if not gaps:
                    report.facts.append("search index: in step")
            why = dialect.of(conn).read_only_reason(conn)
            if why:
                report.facts.append(f"read-only ({why}): it opens for reading only")
            conn.rollback()
        report.facts.append("backups: the server's job (pg_dump or the hosting's snapshots); "
                            "`liaison export json` makes a portable copy")
    except DBAPIError as exc:
        raise CatalogError(dialect.connection_problem(exc, url)) from exc
    finally:
        engine.dispose()
    return report


def repair_server(url: str) -> int:
    """Rebuild the search index of the catalog at *url*; returns the records indexed."""
    with open_catalog(url) as catalog, catalog.write_session() as session:
        return rebuild(session)
