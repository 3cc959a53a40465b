"""The protocol facts of people and delegations in the store: an older catalog upgrades
keeping its records, limits and rules hold on both engines, a contact officer deleted
is cleared (not the delegation), and two processes saving them never lose one another's
work silently."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db import ops, schema
from db.catalog import Catalog, open_catalog
from db.kinds import RecordKind
from db.models import Delegation, DelegationMember, Engagement, Person
from tests.db.old_catalogs import catalog_at

K = RecordKind


def test_a_0010_catalog_upgrades_keeping_its_records(tmp_path: Path) -> None:
    path = tmp_path / "old.liaison"
    catalog_at(path, "0010")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 10")
    now = "2020-01-01 00:00:00.000000"
    conn.execute("INSERT INTO person (id, created_at, updated_at, version, family_name, "
                 "sort_key, name_order, address_by, aliases, languages, protocol_notes) "
                 "VALUES (1, ?, ?, 3, 'Nguyễn', 'nguyen', 'family_first', 'given', '[]', "
                 "'[\"vi\"]', 'Bows slightly')", (now, now))
    conn.execute("INSERT INTO delegation (id, created_at, updated_at, version, title, "
                 "direction, status) VALUES (1, ?, ?, 2, 'Visit', 'incoming', 'planned')",
                 (now, now))
    conn.execute("INSERT INTO delegation_member (id, created_at, updated_at, version, "
                 "delegation_id, person_id, role) VALUES (1, ?, ?, 1, 1, 1, 'head')",
                 (now, now))
    conn.execute("INSERT INTO engagement (id, created_at, updated_at, version, "
                 "delegation_id, title, sequence) VALUES (1, ?, ?, 1, 1, 'Call', 0)",
                 (now, now))
    conn.commit()
    conn.close()
    with open_catalog(path) as catalog:
        with catalog.read_session() as session:
            person = session.get(Person, 1)
            delegation = session.get(Delegation, 1)
            assert person is not None and delegation is not None
            assert (person.version, person.protocol_notes, person.languages) == (
                3, "Bows slightly", ["vi"])
            assert (person.pronunciation, person.dietary, delegation.arrival,
                    delegation.our_contact_id) == (None, None, None, None)
            assert session.get(DelegationMember, 1) is not None  # the table was not copied
            assert session.get(Engagement, 1) is not None
        ops.update(catalog, K.DELEGATION, 1, {"our_contact_id": 1, "press": "VTV"},
                   expected_version=2)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert ("person", "our_contact_id") in {
        (row[2], row[3]) for row in conn.execute("PRAGMA foreign_key_list(delegation)")}
    conn.close()


@pytest.mark.both_engines
def test_a_deleted_contact_officer_is_cleared_and_the_delegation_stays(
        empty_catalog: Catalog) -> None:
    officer = ops.create(empty_catalog, K.PERSON, {
        "family_name": "Lan", "pronunciation": "LAHN", "dietary": "Không ăn cay",
        "written_address": "Bà Nguyễn Thị Lan", "interpreter": "Không cần"}).ids(K.PERSON)[0]
    delegation = ops.create(empty_catalog, K.DELEGATION, {
        "title": "Visit", "our_contact_id": officer, "our_contact_details": "+84 90 123 4567",
        "arrival": "VN 18\n06:35", "press": "x" * 10_000}).ids(K.DELEGATION)[0]
    ops.delete(empty_catalog, K.PERSON, officer, expected_version=1)
    with empty_catalog.read_session() as session:
        row = session.get(Delegation, delegation)
        assert row is not None
        assert (row.our_contact_id, row.our_contact_details, row.arrival) == (
            None, "+84 90 123 4567", "VN 18\n06:35")


@pytest.mark.both_engines
def test_limits_and_the_two_sides_rule(empty_catalog: Catalog) -> None:
    person = ops.create(empty_catalog, K.PERSON, {"family_name": "A"}).ids(K.PERSON)[0]
    with pytest.raises(ops.ValidationError, match="too long"):
        ops.create(empty_catalog, K.PERSON, {"family_name": "B", "pronunciation": "x" * 501})
    with pytest.raises(ops.ValidationError, match="too long"):
        ops.create(empty_catalog, K.DELEGATION, {"title": "V", "press": "x" * 10_001})
    with pytest.raises(ops.ValidationError, match="both sides") as caught:
        ops.create(empty_catalog, K.DELEGATION, {"title": "V", "our_contact_id": person,
                                                 "their_contact_id": person})
    assert "their_contact_id" in caught.value.errors


_WRITER = textwrap.dedent("""
    import sys
    from db import ops
    from db.catalog import open_catalog
    from db.kinds import RecordKind
    from db.models import Delegation
    path, field, text = sys.argv[1:]
    with open_catalog(path, daily_backup=False) as catalog:
        with catalog.read_session() as session:
            version = session.get(Delegation, 1).version
        print("ready", flush=True)
        sys.stdin.readline()
        try:
            ops.update(catalog, RecordKind.DELEGATION, 1, {field: text},
                       expected_version=version)
            print("saved", flush=True)
        except ops.StaleVersionError:
            print("stale", flush=True)
""")


def test_two_processes_saving_protocol_fields_never_lose_one_silently(
        sample_path: Path) -> None:
    """Both read version N, both save: one lands, the other is told it is stale (its
    form would offer the conflict dialog), and nothing is half written."""
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(sample_path), field, text],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
               for field, text in (("arrival", "VN 18, Nội Bài"),
                                    ("press", "Báo Hà Nội Mới"))]
    for writer in writers:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.close()
    outcomes = []
    for writer in writers:
        assert writer.stdout is not None and writer.stderr is not None
        out = writer.stdout.read()
        assert writer.wait(timeout=120) == 0, writer.stderr.read()
        writer.stderr.close()
        writer.stdout.close()
        outcomes.append(out.split()[-1])
    assert sorted(outcomes) == ["saved", "stale"]
    with open_catalog(sample_path, daily_backup=False) as catalog, \
            catalog.read_session() as session:
        row = session.get(Delegation, 1)
        assert row is not None
        landed = {"arrival": row.arrival, "press": row.press}
    winner = ("arrival", "VN 18, Nội Bài") if outcomes[0] == "saved" else (
        "press", "Báo Hà Nội Mới")
    assert landed == {"arrival": None, "press": None} | dict([winner])
