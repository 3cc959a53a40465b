"""A word folds the same typed in capitals or not, and old indexes are rebuilt to match."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from db import schema, search
from db.catalog import open_catalog
from db.folding import fold
from tests.db.old_catalogs import catalog_at


@example("ÐU")  # the Icelandic eth: 'ÐU' folded to 'du' but 'ðu' stayed 'ðu'
@example("ᾈ")  # Greek capital with a subscript iota: its small form is two letters
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_capitals_fold_like_small_letters(text: str) -> None:
    assert fold(text) == fold(text.casefold()) == fold(text.lower())
    assert fold(text) == fold(text).casefold()


def test_upgrade_from_0012_rebuilds_the_index_with_todays_folding(tmp_path: Path) -> None:
    """An Icelandic name indexed under the old rule ('guðmundsson') is found after the
    upgrade however it is typed."""
    path = tmp_path / "old.liaison"
    catalog_at(path, "0012")
    conn = sqlite3.connect(path)
    now = "2020-01-01 00:00:00.000000"
    conn.execute(
        "INSERT INTO person (id, created_at, updated_at, version, given_names, family_name, "
        "sort_key, name_order, address_by, languages, aliases) VALUES "
        "(1, ?, ?, 1, 'Sigrún', 'Guðmundsdóttir', 'guðmundsdottir', 'given_first', "
        "'family', '[]', '[]')", (now, now))
    # The document as 0012's code folded it: the small eth kept.
    conn.execute("INSERT INTO search_index (rowid, kind, record_id, title, subtitle, names, "
                 "body, exact, whole) VALUES (17, 'person', 1, 'Sigrún Guðmundsdóttir', '', "
                 "'sigrun guðmundsdottir', '', 'sigrún guðmundsdóttir', "
                 "'sigrunguðmundsdottir')")
    conn.commit()
    conn.close()
    with open_catalog(path) as catalog, catalog.read_session() as session:
        for query in ("gudmundsdottir", "GUÐMUNDSDÓTTIR", "sigrun gudmundsdottir"):
            assert [h.title for h in search.search(session, query)] == [
                "Sigrún Guðmundsdóttir"], query
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (schema.SCHEMA_VERSION,)
    conn.close()
