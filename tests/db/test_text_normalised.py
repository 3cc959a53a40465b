"""Text is stored NFC and trimmed, whoever writes it; old catalogs are normalised on upgrade."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

from db import ops, schema, search
from db.catalog import Catalog, open_catalog
from db.kinds import RecordKind
from tests.db.old_catalogs import catalog_at

K = RecordKind


def nfd(value: str) -> str:
    return unicodedata.normalize("NFD", value)


_READER = """
import json, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
row = conn.execute("SELECT family_name, given_names, aliases, honorific, sort_key "
                   "FROM person WHERE id = ?", (int(sys.argv[2]),)).fetchone()
print(json.dumps(row, ensure_ascii=True))
"""


def _read_in_another_process(path: Path, person_id: int) -> list[str | None]:
    """The stored values as another program sees them (no Python of ours involved)."""
    out = subprocess.run([sys.executable, "-c", _READER, str(path), str(person_id)],
                         capture_output=True, text=True, check=True)
    return list(json.loads(out.stdout))


def test_decomposed_and_padded_text_is_stored_nfc_and_trimmed(empty_catalog: Catalog) -> None:
    assert empty_catalog.path is not None
    person = ops.create(empty_catalog, K.PERSON, {
        "family_name": nfd("  Đặng  "), "given_names": nfd(" Văn Hải\t"),
        "aliases": [nfd(" Ba Hải "), "   "], "honorific": "   ",
        "name_order": "family_first"}).ids(K.PERSON)[0]
    family, given, aliases, honorific, sort_key = _read_in_another_process(
        empty_catalog.path, person)
    assert family == "Đặng" and unicodedata.is_normalized("NFC", family)
    assert given == "Văn Hải"
    assert json.loads(aliases or "[]") == ["Ba Hải"]
    assert honorific is None  # an empty optional text is no text
    assert sort_key == "dang\x1fvan hai"
    ops.update(empty_catalog, K.PERSON, person, {"family_name": nfd("Đặng ")},
               expected_version=1)
    # The same name typed twice is one spelling: the update changed nothing.
    with empty_catalog.read_session() as session:
        from db.models import Person

        stored = session.get(Person, person)
        assert stored is not None and stored.version == 1
        hits = search.search(session, nfd("Đặng Văn Hải"))
    assert [h.title for h in hits][:1] == ["Đặng Văn Hải"]


def _v1_catalog(path: Path) -> None:
    """A catalog as Liaison made it before migration 0004, holding text as typed."""
    catalog_at(path, "0001")
    conn = sqlite3.connect(path)
    now = "2020-01-01 00:00:00.000000"
    conn.execute(
        "INSERT INTO person (id, created_at, updated_at, version, honorific, given_names, "
        "family_name, sort_key, name_order, address_by, languages, form_of_address) "
        "VALUES (1, ?, ?, 1, ?, ?, ?, 'stale', 'given_first', 'given', ?, ?)",
        (now, now, "  ", "H`Yim", nfd(" Kđoh "), json.dumps([" vi ", "", "en"]), "  "))
    conn.execute("INSERT INTO city (id, created_at, updated_at, version, name, local_name, "
                 "aliases) VALUES (1, ?, ?, 1, ?, ?, ?)",
                 (now, now, " Da Nang ", nfd("Đà Nẵng  "), json.dumps([nfd(" Đà Nẵng ")])))
    conn.execute("INSERT INTO search_index (rowid, kind, record_id, title, subtitle, names, "
                 "body) VALUES (17, 'person', 1, 'H`Yim Kđoh', '', 'h yim kdoh', '')")
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    conn.close()


def test_upgrade_normalises_old_text_and_rebuilds_the_index(tmp_path: Path) -> None:
    path = tmp_path / "old.liaison"
    _v1_catalog(path)
    with open_catalog(path) as catalog, catalog.read_session() as session:
        found = [h.title for h in search.search(session, "hyim")]
        by_local = [h.title for h in search.search(session, "da nang", kinds=["city"])]
    assert found == ["H`Yim Kđoh"]
    assert by_local == ["Da Nang"]
    conn = sqlite3.connect(path)
    person = conn.execute("SELECT family_name, honorific, form_of_address, languages, aliases, "
                          "sort_key FROM person").fetchone()
    city = conn.execute("SELECT name, local_name, aliases FROM city").fetchone()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    assert person[:3] == ("Kđoh", None, None)
    assert json.loads(person[3]) == ["vi", "en"]
    assert json.loads(person[4]) == []
    assert person[5] == "kdoh\x1fhyim"  # apostrophes fold away in the sort key too
    assert city[0] == "Da Nang" and city[1] == "Đà Nẵng"
    assert unicodedata.is_normalized("NFC", city[1])
    assert json.loads(city[2]) == ["Đà Nẵng"]
    assert version == schema.SCHEMA_VERSION
