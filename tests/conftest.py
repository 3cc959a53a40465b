"""Shared fixtures: real catalog files in temporary folders, never mocks.

The sample catalog is built once per session and *copied* for each test that
needs it, so tests can write to it freely and still start fast.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import i18n
from db.catalog import Catalog
from tests.office.pgserver import PgServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's data, config or settings."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    # Words in English unless a test asks for another language (the CLI follows LANGUAGE).
    monkeypatch.setenv("LANGUAGE", "en")
    i18n.set_language("en")


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.catalog import create_catalog

    path = tmp_path_factory.mktemp("template") / "sample.liaison"
    create_catalog(path, sample=True).close()
    return path


@pytest.fixture
def sample_path(sample_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "Sample catalog.liaison"
    shutil.copyfile(sample_template, path)
    return path


@pytest.fixture
def sample_catalog(engine: str, request: pytest.FixtureRequest) -> Iterator[Catalog]:
    """The sample catalog: a fresh copy of the file, or of the server database."""
    from db.catalog import open_catalog

    place = request.getfixturevalue("pg_sample_url" if engine == "postgresql" else "sample_path")
    with open_catalog(place) as catalog:
        yield catalog


@pytest.fixture
def empty_catalog(engine: str, request: pytest.FixtureRequest,
                  tmp_path: Path) -> Iterator[Catalog]:
    from db.catalog import create_catalog, open_catalog

    if engine == "postgresql":  # opening an empty database makes the catalog's tables
        with open_catalog(request.getfixturevalue("pg_empty_url")) as catalog:
            yield catalog
        return
    with create_catalog(tmp_path / "empty.liaison", sample=False) as catalog:
        yield catalog


# ---------------------------------------------------------------- the office server
# A throwaway PostgreSQL for the session (tests/office/pgserver.py). Tests that
# should hold on both engines mark themselves ``@pytest.mark.both_engines`` (or
# a module's ``pytestmark``): their ``sample_catalog`` and ``empty_catalog`` then
# come once from a file and once from the server.

ENGINES = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_engines: run with sample_catalog/empty_catalog on SQLite and PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if ("engine" in metafunc.fixturenames
            and metafunc.definition.get_closest_marker("both_engines") is not None):
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """Which engine this test's catalogs use: "sqlite" unless the test runs on both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL server for the whole session; skipped only where none is installed
    and this is not CI (under CI=true a missing server fails the run)."""
    from tests.office import pgserver

    try:
        server = pgserver.start()
    except pgserver.ServerUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs PostgreSQL: {exc}")
        pytest.skip(str(exc))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_sample_template(pg_server: PgServer) -> str:
    """A database holding the sample catalog, copied (CREATE DATABASE ... TEMPLATE) per test."""
    from db import sample
    from db.catalog import open_catalog

    name = pg_server.create_database("sample")
    with open_catalog(pg_server.url(name)) as catalog:
        sample.load(catalog)
    return name


@pytest.fixture
def pg_sample_url(pg_server: PgServer, pg_sample_template: str) -> Iterator[str]:
    name = pg_server.create_database("s", template=pg_sample_template)
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture
def pg_empty_url(pg_server: PgServer) -> Iterator[str]:
    """A new empty database (no catalog in it yet)."""
    name = pg_server.create_database("e")
    yield pg_server.url(name)
    pg_server.drop_database(name)
