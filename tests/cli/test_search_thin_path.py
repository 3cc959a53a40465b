"""``liaison search`` reads a catalog file with sqlite3 alone, and answers as the store does.

The thin path (``db.quick_search``) exists for speed: a look-up must not pay for
SQLAlchemy, SQLModel, pydantic or Qt (issue 16). Its imports are measured in a real
process with ``python -X importtime``; its answers are compared with the store's
own search on the same file, query by query.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

import db.catalog
from db import quick_search, search
from db.catalog import open_catalog
from tests.cli.imports import forbidden, imported_by

ROOT = Path(__file__).resolve().parents[2]
# Modules the search command must never load (a name, or the start of a dotted name).
FORBIDDEN = ("sqlmodel", "pydantic", "sqlalchemy.orm", "PySide6")
QUERIES = ["nguyen duc", "Nguyễn Đức Chung", "hà nội", "ha", "n", "smart city", "kim",
           "milan", "chairman", "de", "xyz", "hcmc", "saigon", "đà nẵng", "tran"]


def _imported_by_search(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``liaison search`` as a user does and list every module it imported."""
    return imported_by("search", *args)


def _forbidden(modules: set[str]) -> set[str]:
    return forbidden(modules, FORBIDDEN)


def test_search_imports_no_orm_pydantic_or_qt(sample_path: Path) -> None:
    result, modules = _imported_by_search("nguyen duc chung", "--json",
                                          "--catalog", str(sample_path))
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["title"] == "Nguyễn Đức Chung"
    assert "db.quick_search" in modules  # the measurement saw our modules at all
    assert _forbidden(modules) == set()
    assert "sqlalchemy" not in modules  # not even its core: it alone costs 3x the query


def test_plain_text_output_takes_the_thin_path_too(sample_path: Path) -> None:
    result, modules = _imported_by_search("hanoi", "--catalog", str(sample_path))
    assert result.returncode == 0 and "Hanoi" in result.stdout
    assert _forbidden(modules) == set()


def test_a_file_the_thin_path_declines_goes_through_the_store(tmp_path: Path) -> None:
    """Not a catalog: the store's own one-line refusal, loaded only for the error."""
    stranger = tmp_path / "notes.liaison"
    stranger.write_text("not a database")
    result, modules = _imported_by_search("x", "--catalog", str(stranger))
    said = [line for line in result.stderr.splitlines() if not line.startswith("import time:")]
    assert result.returncode == 2
    assert len(said) == 1 and said[0].startswith("liaison: ")
    assert "is not a Liaison catalog" in said[0]
    assert "sqlmodel" in modules


@pytest.mark.parametrize("query", QUERIES)
def test_thin_search_answers_exactly_as_the_store(sample_path: Path, query: str) -> None:
    thin = quick_search.search_file(sample_path, query, limit=20)
    with open_catalog(sample_path, read_only=True) as catalog, \
            catalog.read_session() as session:
        stored = search.search(session, query, limit=20)
    assert thin == stored


def test_thin_search_filters_kinds_with_the_registry_codes(sample_path: Path) -> None:
    thin = quick_search.search_file(sample_path, "ha", kind_codes=search.kind_codes(["city"]))
    assert thin and {hit.kind for hit in thin} == {"city"}


def test_the_thin_path_declines_an_older_catalog(sample_path: Path) -> None:
    """An older file must be upgraded by the store first: the thin path never reads it."""
    conn = sqlite3.connect(sample_path)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    assert quick_search.search_file(sample_path, "hanoi") is None
    assert quick_search.search_file(sample_path.with_name("missing.liaison"), "hanoi") is None


def test_the_catalog_package_lists_every_public_name_once() -> None:
    """``db.catalog`` loads its modules on first use: each public name must say where."""
    assert sorted(db.catalog.__all__) == sorted(db.catalog._MODULE_OF)
    for name in db.catalog.__all__:
        assert getattr(db.catalog, name) is not None
