"""Search finds what users remember of a record, not only its name: biographies,
protocol notes, meeting topics and event themes, ranked below names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import ops, schema, search
from db.catalog import Catalog, open_catalog
from db.models import RecordKind
from tests.db.old_catalogs import catalog_at

pytestmark = pytest.mark.both_engines


def _hits(catalog: Catalog, query: str, **kw: object) -> list[tuple[str, str]]:
    with catalog.read_session() as session:
        return [(h.kind, h.title)
                for h in search.search(session, query, **kw)]  # type: ignore[arg-type]


def test_ambassador_finds_bruno_angelet_by_his_biography(sample_catalog: Catalog) -> None:
    # His title says "Head of the European Union Delegation"; "Ambassador" is in his biography.
    people = [title for kind, title in _hits(sample_catalog, "ambassador") if kind == "person"]
    assert "Bruno Angelet" in people


def test_protocol_notes_are_searched(sample_catalog: Catalog) -> None:
    # "triple-helix" is only in Ramón López's protocol notes.
    assert ("person", "Ramón López") in _hits(sample_catalog, "triple helix")


def test_meeting_topics_and_event_themes_are_searched(empty_catalog: Catalog) -> None:
    ops.create(empty_catalog, RecordKind.EVENT, {"name": "Kick-off", "theme": "Hydroponics"})
    assert _hits(empty_catalog, "hydroponic") == [("event", "Kick-off")]


def test_names_rank_above_notes_that_mention_them(empty_catalog: Catalog) -> None:
    ops.create(empty_catalog, RecordKind.PERSON, {
        "given_names": "Anna", "family_name": "Smith",
        "biography": "Worked with Peter Ambrose for years."})
    ops.create(empty_catalog, RecordKind.PERSON, {"given_names": "Peter", "family_name": "Ambrose"})
    assert [t for _, t in _hits(empty_catalog, "ambrose")] == ["Peter Ambrose", "Anna Smith"]


def test_private_notes_are_never_searched(empty_catalog: Catalog) -> None:
    ops.create(empty_catalog, RecordKind.PERSON, {
        "given_names": "Anna", "family_name": "Smith", "private_notes": "Zanzibar"})
    assert _hits(empty_catalog, "zanzibar") == []


@pytest.mark.parametrize("query", ['"', 'NEAR(', "🇻🇳🎉", "ambassador 😀", "x" * 1_000_000,
                                   "ambassador " * 100_000, "\x00", "title:", 'org:"'])
def test_hostile_queries_give_results_or_nothing(sample_catalog: Catalog, query: str) -> None:
    hits = _hits(sample_catalog, query)
    assert isinstance(hits, list)
    if "ambassador" in query:
        assert ("person", "Bruno Angelet") in hits


def test_upgrade_from_0004_rebuilds_the_index_with_notes(tmp_path: Path) -> None:
    """A catalog made before biographies were searched finds them once opened."""
    path = tmp_path / "old.liaison"
    catalog_at(path, "0004")
    conn = sqlite3.connect(path)
    now = "2020-01-01 00:00:00.000000"
    conn.execute(
        "INSERT INTO person (id, created_at, updated_at, version, given_names, family_name, "
        "sort_key, name_order, address_by, languages, aliases, biography) VALUES "
        "(1, ?, ?, 1, 'Bruno', 'Angelet', 'angelet', 'given_first', 'family', '[]', '[]', "
        "'Ambassador of the EU')", (now, now))
    # The document as 0004's code wrote it: no biography.
    conn.execute("INSERT INTO search_index (rowid, kind, record_id, title, subtitle, names, "
                 "body, exact, whole) VALUES (17, 'person', 1, 'Bruno Angelet', '', "
                 "'bruno angelet', '', '', 'brunoangelet')")
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone() == (4,)
    conn.close()
    with open_catalog(path) as catalog, catalog.read_session() as session:
        found = [h.title for h in search.search(session, "ambassador")]
    assert found == ["Bruno Angelet"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (schema.SCHEMA_VERSION,)
    conn.close()


def test_a_list_filter_reads_names_and_titles_not_notes(empty_catalog: Catalog) -> None:
    from db import listing

    ops.create(empty_catalog, RecordKind.PERSON, {
        "given_names": "Anna", "family_name": "Smith", "biography": "Met Mr Tran in Hue."})
    ops.create(empty_catalog, RecordKind.PERSON, {"given_names": "Bao", "family_name": "Trần"})
    with empty_catalog.read_session() as session:
        page = listing.page(session, RecordKind.PERSON, listing.ListQuery(text="tran"))
    assert [row.cells[0] for row in page.rows] == ["Bao Trần"]
