"""Opening the office database: URLs, first opens at once, read-only logins, clear errors."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select

from db import ops, schema
from db.catalog import CatalogError, ReadOnlyCatalogError, create_catalog, open_catalog
from db.models import ChangeLogEntry, Person, RecordKind
from tests.office.pgserver import PgServer

ROOT = Path(__file__).resolve().parents[2]


def test_postgres_and_postgresql_urls_both_open(pg_server: PgServer, pg_sample_url: str) -> None:
    database = pg_sample_url.rsplit("/", 1)[1]
    for scheme in ("postgres", "postgresql", "postgresql+psycopg"):
        with open_catalog(pg_server.url(database, scheme=scheme)) as catalog, \
                catalog.read_session() as session:
            assert session.exec(select(Person)).first() is not None


def test_five_clients_opening_an_empty_database_at_once_all_succeed(pg_empty_url: str) -> None:
    def first_open(_: int) -> int:
        with open_catalog(pg_empty_url) as catalog, catalog.engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM person")).scalar_one())

    with ThreadPoolExecutor(max_workers=5) as pool:
        assert list(pool.map(first_open, range(5))) == [0] * 5
    processes = [subprocess.Popen(
        [sys.executable, "-c", "import sys; from db.catalog import open_catalog; "
         "open_catalog(sys.argv[1]).close(); print('ok')", pg_empty_url],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(5)]
    outcomes = [p.communicate(timeout=120) for p in processes]
    assert [out.strip() for out, _err in outcomes] == ["ok"] * 5, [e for _o, e in outcomes]


def test_init_makes_the_sample_on_a_server_and_refuses_a_database_in_use(
        pg_empty_url: str) -> None:
    with create_catalog(pg_empty_url, sample=True) as catalog, catalog.read_session() as session:
        assert session.exec(select(Person).where(Person.family_name == "Nguyễn")).first()
    with pytest.raises(CatalogError, match="already holds a Liaison catalog"):
        create_catalog(pg_empty_url, sample=False)


def test_a_server_that_cannot_be_reached_is_one_line_saying_what_to_check(
        pg_server: PgServer) -> None:
    wrong_port = f"postgresql://postgres@127.0.0.1:{pg_server.port + 1}/nothing"
    with pytest.raises(CatalogError) as caught:
        open_catalog(wrong_port)
    message = str(caught.value)
    assert "\n" not in message and "check the host and port" in message, message
    assert f"127.0.0.1:{pg_server.port + 1}" in message
    with pytest.raises(CatalogError) as caught:
        open_catalog(pg_server.url("no_such_database"))
    assert "\n" not in str(caught.value) and "no_such_database" in str(caught.value)
    with pytest.raises(CatalogError, match=r"Cannot use .* as a database URL"):
        open_catalog("postgresql+nodriver://x@127.0.0.1/y")


def test_a_newer_catalog_on_the_server_is_refused(pg_server: PgServer,
                                                  pg_sample_url: str) -> None:
    database = pg_sample_url.rsplit("/", 1)[1]
    pg_server.sql(database, f"UPDATE alembic_version SET version_num = "
                            f"'{schema.SCHEMA_VERSION + 1:04d}'")
    with pytest.raises(CatalogError, match="newer version of Liaison"):
        open_catalog(pg_sample_url)


def test_a_read_only_login_opens_read_only_with_the_reason(pg_server: PgServer,
                                                           pg_sample_url: str) -> None:
    database = pg_sample_url.rsplit("/", 1)[1]
    reader = f"reader_{database}"
    pg_server.sql(database, f"CREATE ROLE {reader} LOGIN")
    pg_server.sql(database, f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}")
    with open_catalog(pg_server.url(database, user=reader)) as catalog:
        assert catalog.read_only
        assert reader in catalog.read_only_message() and "only read" in catalog.read_only_message()
        with pytest.raises(ReadOnlyCatalogError):
            ops.create(catalog, RecordKind.COUNTRY, {"code": "FR", "name": "France"})


def test_the_change_log_names_the_database_login(pg_server: PgServer,
                                                 pg_sample_url: str) -> None:
    database = pg_sample_url.rsplit("/", 1)[1]
    editor = f"anh_{database}"
    pg_server.sql(database, f"CREATE ROLE {editor} LOGIN")
    pg_server.sql(database, f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "
                            f"public TO {editor}")
    pg_server.sql(database, f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {editor}")
    with open_catalog(pg_server.url(database, user=editor)) as catalog:
        assert not catalog.read_only
        result = ops.create(catalog, RecordKind.COUNTRY, {"code": "FR", "name": "France"})
        with catalog.read_session() as session:
            entry = session.exec(select(ChangeLogEntry).where(
                ChangeLogEntry.operation_id == result.operation_id)).one()
    assert entry.actor == editor


def test_times_read_back_as_written_whatever_the_session_time_zone(pg_server: PgServer,
                                                                   pg_sample_url: str) -> None:
    database = pg_sample_url.rsplit("/", 1)[1]
    pg_server.sql(database, f"ALTER DATABASE {database} SET timezone = 'Asia/Ho_Chi_Minh'")
    before = dt.datetime.now(dt.UTC)
    with open_catalog(pg_sample_url) as catalog:
        result = ops.create(catalog, RecordKind.COUNTRY, {"code": "FR", "name": "France"})
        with catalog.read_session() as session:
            entry = session.exec(select(ChangeLogEntry).where(
                ChangeLogEntry.operation_id == result.operation_id)).one()
    after = dt.datetime.now(dt.UTC)
    assert entry.changed_at.tzinfo is not None
    assert before - dt.timedelta(seconds=5) <= entry.changed_at <= after + dt.timedelta(seconds=5)
