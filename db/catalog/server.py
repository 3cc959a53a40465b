"""Catalogs kept by a database server (the shared office database), opened by URL.

A server keeps its own backups and does its own locking, so none of the file
protections (inspection, quarantine, daily backups) apply here: backing up an
office database is the server's job (``pg_dump`` or the hosting's snapshots),
and ``liaison export json`` is the portable copy.

What this module adds to a plain SQLAlchemy engine:

* ``postgres://`` and ``postgresql://`` URLs use psycopg 3 (the driver we ship);
* the first clients to open an empty or older database take turns (an
  advisory lock), so five colleagues starting the app at once all succeed
  and only one of them creates or upgrades the schema;
* a login that may only read opens the catalog read-only, with the banner
  saying why;
* a server that cannot be reached is one line naming what to check.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from db import dialect, schema
from db.catalog.errors import CatalogError, NewerCatalogError
from db.catalog.files import ON_REQUEST_REASON
from db.catalog.handle import Catalog
from db.i18n import N_
from db.said import say

CONNECT_TIMEOUT_S = 10


def redacted(url: str) -> str:
    """The URL without its password, for messages and window titles."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def server_engine(url: str) -> Engine:
    """An engine on a server URL; write transactions begin as :mod:`db.dialect` says."""
    try:
        where = make_url(dialect.server_url(url))
        # Sessions in UTC: timestamps are written in UTC, and a column a later
        # migration makes without a zone must not be shifted by the server's zone.
        engine = create_engine(where, pool_pre_ping=True,
                               connect_args={"connect_timeout": CONNECT_TIMEOUT_S,
                                             "options": "-c timezone=UTC"})
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        # SQLAlchemy's words ("Can't load plugin: sqlalchemy.dialects:bogus") add nothing a
        # user can act on, in English: the sentence says how to write the address.
        raise CatalogError(say(N_(
            "Cannot use {url} as a database URL; write it as "
            "postgresql://USER@HOST:PORT/DATABASE."), url=redacted(url))) from exc
    rules = dialect.of(engine)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        rules.begin(conn, write=bool(conn.get_execution_options().get("liaison_write")))

    return engine


def _unreachable(exc: DBAPIError, url: str) -> CatalogError:
    problem = dialect.server_refusal(exc.orig, redacted(url)) if exc.orig else None
    if problem is not None and problem.refusal is not dialect.Refusal.UNREACHABLE:
        return CatalogError(problem.message)
    return CatalogError(dialect.connection_problem(exc, url))


def open_url(url: str, *, read_only: bool = False) -> Catalog:
    """Open the catalog in the database at *url*, making or upgrading its schema first.

    Clients opening at the same moment take turns (see the module notes).
    """
    engine = server_engine(url)
    catalog = Catalog(engine=engine, url=url, path=None, read_only=read_only,
                      read_only_reason=say(ON_REQUEST_REASON) if read_only else None)
    try:
        rules = dialect.of(engine)
        with rules.schema_lock(engine):
            version = schema.server_version(engine)
            if version > schema.SCHEMA_VERSION:
                raise NewerCatalogError(say(N_(
                    "The database {name} was made by a newer version of Liaison (catalog "
                    "format {found}; this version reads up to {known}). Update Liaison to "
                    "open it."), name=catalog.name, found=version, known=schema.SCHEMA_VERSION))
            if version < schema.SCHEMA_VERSION:
                _upgrade(engine, catalog.name, version)
        if not read_only:
            with engine.connect() as conn:
                reason = rules.read_only_reason(conn)
            if reason is not None:
                catalog.read_only, catalog.read_only_reason = True, reason
    except CatalogError:
        catalog.close()
        raise
    except DBAPIError as exc:
        catalog.close()
        raise _unreachable(exc, url) from exc
    except Exception as exc:
        catalog.close()
        raise CatalogError(say(N_("Cannot open the database {name}: {error}"),
                               name=catalog.name, error=exc)) from exc
    return catalog


def _upgrade(engine: Engine, name: str, version: int) -> None:
    """Make or upgrade the schema; a refusal says what happened, not "Cannot connect":
    the connection worked, the upgrade did not (and, in one transaction, left nothing)."""
    try:
        schema.upgrade(engine)
    except DBAPIError as exc:
        problem = dialect.server_refusal(exc.orig, name) if exc.orig else None
        if problem is not None and problem.refusal in (dialect.Refusal.NOT_ALLOWED,
                                                       dialect.Refusal.READ_ONLY):
            template = (N_("The database {name} must be set up for this version of Liaison, "
                           "and your login may not change its tables. Ask whoever runs the "
                           "server to open it once with a login that owns the database.")
                        if version == 0 else
                        N_("The database {name} must be upgraded for this version of Liaison, "
                           "and your login may not change its tables. Ask whoever runs the "
                           "server to open it once with a login that owns the database."))
            raise CatalogError(say(template, name=name)) from exc
        if exc.connection_invalidated or (
                problem is not None and problem.refusal is dialect.Refusal.UNREACHABLE):
            raise  # the connection itself was lost: open_url says what to check
        raise _upgrade_failed(name, version, exc.orig or exc) from exc
    except CatalogError:
        raise
    except Exception as exc:  # Alembic's own refusals (an unknown revision...)
        raise _upgrade_failed(name, version, exc) from exc


def _upgrade_failed(name: str, version: int, cause: BaseException) -> CatalogError:
    detail = " ".join(str(cause).split()).split(" DETAIL:")[0].split(" HINT:")[0]
    return CatalogError(say(N_(
        "The database {name} could not be upgraded from catalog format {version} to "
        "{current} for this version of Liaison ({detail}); it is unchanged. Ask the "
        "server's administrator to look at it, or open it with the version of Liaison "
        "the office used before."),
        name=name, version=version, current=schema.SCHEMA_VERSION, detail=detail.rstrip(".")))


def create_on_server(url: str, *, fill: Callable[[Catalog], object] | None = None) -> Catalog:
    """Make a catalog in the (empty) database at *url*; *fill* loads the sample into it.

    Refuses a database that already has tables: ``init`` never writes over
    somebody's data. The database itself is made by the server's owner
    (``createdb``), as is the login.
    """
    engine = server_engine(url)
    name = make_url(dialect.server_url(url)).database or url
    try:
        with dialect.of(engine).schema_lock(engine):
            with engine.connect() as conn:
                tables = inspect(conn).get_table_names()
            if tables:
                held = (say(N_("a Liaison catalog")) if "alembic_version" in tables
                        else say(N_("{count} tables of another program"), count=len(tables)))
                raise CatalogError(say(N_(
                    "The database {name} already holds {held}; Liaison makes a catalog only "
                    "in an empty database. Open it with --database-url, or create a new "
                    "database (createdb) for the new catalog."), name=name, held=held))
            schema.upgrade(engine)
            if fill is not None:
                fill(Catalog(engine=engine, url=url, path=None))
    except DBAPIError as exc:
        raise _unreachable(exc, url) from exc
    finally:
        engine.dispose()
    return open_url(url)
