"""Field prefixes in a search: title:, org:, city:, year: narrow what the words find."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db import ops, search
from db.catalog import Catalog
from db.models import RecordKind
from db.search_fields import split

pytestmark = pytest.mark.both_engines


def _titles(catalog: Catalog, query: str, **kw: object) -> list[str]:
    with catalog.read_session() as session:
        return [h.title for h in search.search(session, query, **kw)]  # type: ignore[arg-type]


def test_split_reads_prefixes_and_leaves_the_rest() -> None:
    rest, fields = split('nguyen title:Chủ tịch org:"People\'s Committee" year:2017')
    assert rest.split() == ["nguyen", "tịch"]  # unquoted, a prefix takes one word
    assert fields == [("title", "chu"), ("org", "peoples"), ("org", "committee"),
                      ("year", "2017")]
    assert split("http://example.org") == ("http://example.org", [])
    assert split('title: org:"')[1] == []
    assert split("CITY:Hà Nội")[1] == [("city", "ha")]


def test_title_prefix_finds_people_by_their_title(sample_catalog: Catalog) -> None:
    found = _titles(sample_catalog, "title:chairman", kinds=["person"])
    assert "Nguyễn Đức Chung" in found and "Bruno Angelet" not in found


def test_org_prefix_with_quotes(sample_catalog: Catalog) -> None:
    found = _titles(sample_catalog, 'org:"European Union"', kinds=["person"])
    assert found == ["Bruno Angelet"]


def test_words_and_prefixes_together(sample_catalog: Catalog) -> None:
    assert _titles(sample_catalog, "bruno org:delegation") == ["Bruno Angelet"]
    # (Chung's notes mention Bruno, and Chung is of the People's Committee.)
    assert _titles(sample_catalog, "bruno org:committee") == ["Nguyễn Đức Chung"]


def test_year_and_city_prefixes(empty_catalog: Catalog) -> None:
    hanoi = ops.create(empty_catalog, RecordKind.CITY, {"name": "Hanoi",
                                                        "local_name": "Hà Nội"}).ids(
        RecordKind.CITY)[0]
    for title, start, note in [("Spring visit", dt.date(2017, 3, 1), None),
                               ("Autumn visit", None, "second half of 2018"),
                               ("Old visit", dt.date(2016, 3, 1), None)]:
        ops.create(empty_catalog, RecordKind.DELEGATION, {
            "title": title, "start_date": start, "date_note": note, "host_city_id": hanoi})
    ops.create(empty_catalog, RecordKind.DELEGATION, {"title": "Elsewhere visit",
                                                      "start_date": dt.date(2017, 5, 1)})
    assert sorted(_titles(empty_catalog, "visit year:2017")) == ["Elsewhere visit",
                                                                 "Spring visit"]
    assert _titles(empty_catalog, "year:2018") == ["Autumn visit"]
    assert sorted(_titles(empty_catalog, "city:\"Hà Nội\" year:2017")) == ["Spring visit"]
    assert "Elsewhere visit" not in _titles(empty_catalog, "visit city:hanoi")


@pytest.mark.parametrize("query", ["title:", 'org:"', "year:", "city:😀", 'title:"""',
                                   "org:" + "x" * 100_000, "year:2017 " * 1000])
def test_odd_prefixes_give_results_or_nothing(sample_catalog: Catalog, query: str) -> None:
    assert isinstance(_titles(sample_catalog, query), list)


def test_prefixes_from_the_command_line(sample_path: Path) -> None:
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-m", "gui", "search", 'org:"European Union"',
                           "--kind", "person", "--json", "--catalog", str(sample_path)],
                          cwd=root, text=True, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [hit["title"] for hit in json.loads(done.stdout)] == ["Bruno Angelet"]
