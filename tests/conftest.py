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
def sample_catalog(sample_path: Path) -> Iterator[Catalog]:
    from db.catalog import open_catalog

    with open_catalog(sample_path) as catalog:
        yield catalog


@pytest.fixture
def empty_catalog(tmp_path: Path) -> Iterator[Catalog]:
    from db.catalog import create_catalog

    with create_catalog(tmp_path / "empty.liaison", sample=False) as catalog:
        yield catalog
