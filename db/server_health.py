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
from db.health import (
    CURRENT_FORMAT,
    INDEX_GAPS,
    INDEX_ORPHANS,
    NEWER_FORMAT,
    OLDER_FORMAT,
    READ_ONLY_FACT,
    Report,
)
from db.i18n import N_, format_number
from db.said import say
from db.search import SEARCH_KINDS, rebuild
from db.vocabulary import english_nouns


def _index_gaps(conn: Connection) -> list[str]:
    problems: list[str] = []
    for kind in SEARCH_KINDS:
        table = kind.value
        records = conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one()
        indexed = conn.execute(text("SELECT count(*) FROM search_index WHERE kind = :kind"),
                               {"kind": kind.value}).scalar_one()
        if records != indexed:
            problems.append(say(INDEX_GAPS, indexed=format_number(indexed),
                                records=format_number(records),
                                table=say(english_nouns(kind)[0])))
    orphans = conn.execute(text(
        "SELECT count(*) FROM search_index s WHERE NOT EXISTS (SELECT 1 FROM person p "
        "WHERE p.id = s.record_id) AND s.kind = 'person'")).scalar_one()
    if orphans:
        problems.append(say(INDEX_ORPHANS, count=format_number(orphans)))
    return problems


def _reference_problems(conn: Connection) -> list[str]:
    """Foreign keys the server has not validated (added NOT VALID, or disabled triggers)."""
    rows = conn.execute(text(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint "
        "WHERE contype = 'f' AND NOT convalidated AND connamespace = current_schema()::regnamespace"
    )).all()
    return [say(N_("reference {name} on {table} is not checked by the server"),
                name=name, table=table) for table, name in rows]


def check_server(url: str) -> Report:
    """Look at the catalog in the database at *url*; raises CatalogError when unreachable."""
    report = Report(redacted(url))
    engine = server_engine(url)
    try:
        version = schema.server_version(engine)
        if version == 0:
            report.problems.append(say(N_("no Liaison catalog in this database (make one with "
                                          "`liaison init --database-url URL`)")))
            return report
        if version > schema.SCHEMA_VERSION:
            report.problems.append(say(NEWER_FORMAT, found=version, known=schema.SCHEMA_VERSION))
            return report
        report.facts.append(say(OLDER_FORMAT if version < schema.SCHEMA_VERSION
                                else CURRENT_FORMAT, version=version))
        with engine.connect() as conn:
            server = conn.execute(text("SHOW server_version")).scalar_one()
            user = conn.execute(text("SELECT session_user")).scalar_one()
            report.facts.append(say(N_("PostgreSQL {version}, logged in as {user}"),
                                    version=server, user=user))
            problems = _reference_problems(conn)
            report.problems.extend(problems)
            if not problems:
                report.facts.append(say(N_("references: ok (enforced by the server)")))
            if version == schema.SCHEMA_VERSION:
                gaps = _index_gaps(conn)
                report.problems.extend(gaps)
                if not gaps:
                    report.facts.append(say(N_("search index: in step")))
            why = dialect.of(conn).read_only_reason(conn)
            if why:
                report.facts.append(say(READ_ONLY_FACT, reason=why))
            conn.rollback()
        report.facts.append(say(N_("backups: the server's job (pg_dump or the hosting's "
                                   "snapshots); `liaison export json` makes a portable copy")))
    except DBAPIError as exc:
        raise CatalogError(dialect.connection_problem(exc, url)) from exc
    finally:
        engine.dispose()
    return report


def repair_server(url: str) -> int:
    """Rebuild the search index of the catalog at *url*; returns the records indexed."""
    with open_catalog(url) as catalog, catalog.write_session() as session:
        return rebuild(session)
