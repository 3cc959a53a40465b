"""Action items: the migration that adds them, and which open items a briefing recalls."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from db import ops, schema
from db.catalog import Catalog, open_catalog
from db.kinds import RecordKind
from db.reads import actions
from tests.db.old_catalogs import catalog_at

K = RecordKind


def test_a_catalog_from_before_action_items_gains_the_table_and_keeps_its_people(
        tmp_path: Path) -> None:
    path = tmp_path / "old.liaison"
    catalog_at(path, "0006")
    conn = sqlite3.connect(path)
    assert "action_item" not in {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.execute("INSERT INTO person (created_at, updated_at, version, family_name, "
                 "name_order, address_by, languages, aliases, sort_key) VALUES "
                 "('2024-01-01', '2024-01-01', 1, 'Nguyễn', 'family_first', 'given', "
                 "'[]', '[]', 'nguyen')")
    conn.commit()
    conn.close()
    with open_catalog(path) as catalog:
        with catalog.engine.connect() as db:
            assert db.exec_driver_sql("PRAGMA user_version").scalar() == schema.SCHEMA_VERSION
            columns = {c["name"] for c in inspect(db).get_columns("action_item")}
        assert {"what", "person_id", "counterpart_id", "due_date", "status", "delegation_id",
                "engagement_id", "notes"} <= columns
        made = ops.create(catalog, K.ACTION_ITEM, {"what": "Send the study", "person_id": 1})
        assert made.ids(K.ACTION_ITEM)
        with catalog.read_session() as session:
            assert [a.who.label for a in actions.of_person(session, 1) if a.who] == ["Nguyễn"]
    catalog_at(path, "0006", downgrade=True)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as db:
        assert "action_item" not in inspect(db).get_table_names()
        assert db.exec_driver_sql("PRAGMA user_version").scalar() == 6
    engine.dispose()


@pytest.mark.both_engines
def test_a_bad_status_or_a_missing_what_is_refused(empty_catalog: Catalog) -> None:
    with pytest.raises(ops.ValidationError) as refused:
        ops.create(empty_catalog, K.ACTION_ITEM, {"what": "  ", "status": "maybe"})
    assert set(refused.value.errors) == {"what", "status"}


def _person(catalog: Catalog, family: str) -> int:
    return ops.create(catalog, K.PERSON, {"family_name": family}).ids(K.PERSON)[0]


@pytest.mark.both_engines
def test_open_items_recalled_for_the_same_people_only(empty_catalog: Catalog) -> None:
    c = empty_catalog
    chung, piccioni, stranger = (_person(c, n) for n in ("Chung", "Piccioni", "Stranger"))
    first = ops.create(c, K.DELEGATION, {"title": "First visit", "start_date": "2017-06-13"}
                       ).ids(K.DELEGATION)[0]
    ops.create(c, K.DELEGATION_MEMBER, {"delegation_id": first, "person_id": piccioni})
    meeting = ops.create(c, K.ENGAGEMENT, {"delegation_id": first, "title": "Meeting",
                                           "date": "2017-06-14"}).ids(K.ENGAGEMENT)[0]
    ops.create(c, K.ENGAGEMENT_PARTICIPANT, {"engagement_id": meeting, "person_id": chung})

    def item(**values: object) -> int:
        return ops.create(c, K.ACTION_ITEM, values).ids(K.ACTION_ITEM)[0]

    named = item(what="Named", person_id=chung)
    at_meeting = item(what="At his meeting", engagement_id=meeting)
    for_him = item(what="For him", person_id=stranger, counterpart_id=chung)
    item(what="Done already", person_id=chung, status="done")
    item(what="Someone else's", person_id=stranger)
    later = ops.create(c, K.DELEGATION, {"title": "Later", "start_date": "2020-01-01"}
                       ).ids(K.DELEGATION)[0]
    item(what="Agreed later", person_id=chung, delegation_id=later)

    with c.read_session() as session:
        recalled = actions.open_for(session, person_ids=[chung], before=dt.date(2019, 1, 1))
        mine = actions.open_for(session, person_ids=[chung], excluding=first)
    assert {a.id for a in recalled} == {named, at_meeting, for_him}
    assert next(a for a in recalled if a.id == at_meeting).agreed_on == dt.date(2017, 6, 14)
    assert next(a for a in recalled if a.id == at_meeting).delegation is not None
    assert at_meeting not in {a.id for a in mine}  # the sheet's own visit is not "earlier"
