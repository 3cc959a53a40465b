"""The CLI as a user runs it: a real process, exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def liaison(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gui", *args], cwd=ROOT, text=True,
                          capture_output=True, env={**os.environ, **(env or {})}, timeout=120)


def assert_user_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("liaison: ")
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_search_finds_chung_without_accents(sample_path: Path) -> None:
    result = liaison("search", "nguyen duc chung", "--json", "--catalog", str(sample_path))
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits[0] == {**hits[0], "kind": "person", "title": "Nguyễn Đức Chung"}
    assert {"kind", "id", "title"} <= set(hits[0])


def test_search_on_a_fresh_default_catalog_creates_it_from_the_sample(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    result = liaison("search", "nguyen duc chung", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["title"] == "Nguyễn Đức Chung"
    assert (tmp_path / "data" / "Liaison" / "catalog.liaison").exists()


def test_search_kind_and_limit(sample_path: Path) -> None:
    result = liaison("search", "ha", "--kind", "city", "--limit", "2", "--json",
                     "--catalog", str(sample_path))
    hits = json.loads(result.stdout)
    assert 1 <= len(hits) <= 2 and {h["kind"] for h in hits} == {"city"}


def search_json(sample_path: Path, query: str) -> list[dict[str, object]]:
    result = liaison("search", query, "--json", "--catalog", str(sample_path))
    assert result.returncode == 0 and result.stderr == "", result
    hits: list[dict[str, object]] = json.loads(result.stdout)
    return hits


@pytest.mark.parametrize(("query", "words"), [
    ('"', ""), ("*", ""), ("-", ""), ("(((", ""),
    ('"nguyen duc chung', "nguyen duc chung"), ("NEAR(chung", "near chung"),
    ("AND", "and"), ("'; DROP TABLE person;--", "drop table person"),
])
def test_hostile_queries_exit_zero(sample_path: Path, query: str, words: str) -> None:
    """Query syntax is text: the JSON lists what the words alone find, or nothing."""
    hits = search_json(sample_path, query)
    if not words:
        assert hits == []
    else:
        assert hits == search_json(sample_path, words)
    if words == "nguyen duc chung":
        assert hits[0]["title"] == "Nguyễn Đức Chung"


def test_init_makes_sample_and_empty_catalogs(tmp_path: Path) -> None:
    result = liaison("init", str(tmp_path / "a.liaison"))
    assert result.returncode == 0 and "18 people" in result.stdout
    result = liaison("init", str(tmp_path / "b.liaison"), "--empty")
    assert result.returncode == 0 and "(empty)" in result.stdout
    assert_user_error(liaison("init", str(tmp_path / "a.liaison")), "already exists")
    assert_user_error(liaison("init", str(tmp_path / "no" / "such" / "x.liaison")),
                      "does not exist")


def test_check_reports_clean_and_refuses_junk_untouched(sample_path: Path,
                                                        tmp_path: Path) -> None:
    result = liaison("check", "--catalog", str(sample_path))
    assert result.returncode == 0 and "clean" in result.stdout
    junk = tmp_path / "notes.liaison"
    junk.write_bytes(b"Meeting notes, not a catalog\n")
    assert_user_error(liaison("check", "--catalog", str(junk)), "not a Liaison catalog")
    assert junk.read_bytes() == b"Meeting notes, not a catalog\n"


def test_check_detects_a_stale_search_index_and_repairs_it(sample_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(sample_path)
    conn.execute("DELETE FROM search_index WHERE kind = 'person'")
    conn.commit()
    conn.close()
    assert_user_error(liaison("check", "--catalog", str(sample_path)), "search index")
    result = liaison("check", "--repair", "--catalog", str(sample_path))
    assert result.returncode == 0, result.stderr
    assert "Rebuilt the search index" in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("search",), "required"),
        (("frobnicate",), "invalid choice"),
        (("demo", "x.liaison", "--people", "many"), "not a whole number"),
        (("demo", "x.liaison", "--people", "0"), "not a positive number"),
        (("search", "x", "--limit", "-3"), "not a positive number"),
        (("search", "x", "--kind", "spaceship"), "invalid choice"),
        (("search", "x", "--catalog", "/nonexistent/c.liaison"), "There is no catalog"),
        (("search", "x", "--database-url", "bogus://nowhere"), "Cannot"),
        (("check", "--catalog", "/"), "not a Liaison catalog"),
    ],
)
def test_user_errors_are_one_line_exit_2(args: tuple[str, ...], fragment: str) -> None:
    assert_user_error(liaison(*args), fragment)


def test_demo_makes_a_generated_catalog(tmp_path: Path) -> None:
    path = tmp_path / "demo.liaison"
    result = liaison("demo", str(path), "--people", "500")
    assert result.returncode == 0, result.stderr
    assert "500 people" in result.stdout
    search = liaison("search", "nguyen", "--json", "--kind", "person", "--catalog", str(path))
    assert len(json.loads(search.stdout)) == 20
    assert_user_error(liaison("demo", str(path), "--people", "5"), "already exists")
    assert not list(tmp_path.glob(".*partial*"))


def test_damaged_catalog_gets_one_line_not_a_traceback(sample_path: Path) -> None:
    data = sample_path.read_bytes()
    page = 4096
    # Wreck the middle pages (b-tree pages of the tables), keep the header intact.
    wrecked = data[: page * 3] + bytes([0xA5]) * (len(data) - page * 6) + data[-page * 3:]
    sample_path.write_bytes(wrecked)
    result = liaison("search", "chung", "--catalog", str(sample_path))
    assert result.returncode == 2, result
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
