"""The gift register and the action items read as SQL text: through the store's session
and through a bare read-only ``sqlite3`` connection (how ``liaison brief`` reads a
catalog file without the ORM), with the same results, which a briefing recalls."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from db.catalog import open_catalog
from db.reads import actions, gifts
from db.rows import Reader, rows_of
from tests.briefing.conftest import K, create, delegation_id, person_id

HANOI_2017 = "EU World Cities delegation to Hanoi"


def _reads(source: Reader, *, chung: int, angelet: int, visit: int, later: int,
           unrelated: int, pairing: int) -> dict[str, Any]:
    """What the sheets and panes read, by name."""
    return {
        "sheet gifts": gifts.exchanged_with(source, person_ids=[angelet], delegation_id=later,
                                            pairing_id=pairing),
        "sheet actions": actions.open_for(source, person_ids=[angelet, chung],
                                          pairing_id=pairing, excluding=later,
                                          before=dt.date(2018, 5, 2)),
        "pairing's open actions": actions.open_for(source, person_ids=[], pairing_id=pairing),
        "unrelated visit's gifts": gifts.exchanged_with(source, delegation_id=unrelated),
        "chung's gifts": gifts.of_record(source, "person", chung),
        "gifts of people": gifts.of_people(source, [chung, angelet]),
        "visit's gifts": gifts.of_record(source, "delegation", visit),
        "pairing's gifts": gifts.of_record(source, "pairing", pairing),
        "chung's actions": actions.of_record(source, "person", chung),
        "visit's actions": actions.of_record(source, "delegation", visit),
        "open for each": actions.open_for_each(source, [chung, angelet]),
    }


def test_gifts_and_action_items_read_alike_through_the_session_and_bare_sqlite3(
        sample_path: Path) -> None:
    with open_catalog(sample_path) as c:
        visit = delegation_id(c, HANOI_2017)
        chung = person_id(c, "Nguyễn", "Đức Chung")
        angelet = person_id(c, "Angelet")
        stranger = create(c, K.PERSON, family_name="Stranger")
        with c.read_session() as session:
            [(pairing,)] = rows_of(session)(
                'SELECT d.pairing_id FROM "delegation" d WHERE d.id = :id', {"id": visit})
        later = create(c, K.DELEGATION, title="Return visit", start_date="2018-05-02",
                       pairing_id=pairing)
        create(c, K.DELEGATION_MEMBER, delegation_id=later, person_id=angelet)
        meeting = create(c, K.ENGAGEMENT, delegation_id=visit, title="Working lunch",
                         date="2017-06-14")
        create(c, K.ENGAGEMENT_PARTICIPANT, engagement_id=meeting, person_id=chung)
        unrelated = create(c, K.DELEGATION, title="Unrelated visit")
        create(c, K.GIFT, description="Lacquer painting", date="2017-06-13",
               from_person_id=chung, to_person_id=angelet, delegation_id=visit)
        create(c, K.GIFT, description="Tea set", date="2017-06-14", delegation_id=visit)
        create(c, K.GIFT, description="Book of photographs", date="2018-05-03",
               delegation_id=later)
        create(c, K.GIFT, description="Silk scarf", direction="received",
               to_person_id=chung)
        create(c, K.GIFT, description="Someone else's pen", from_person_id=stranger,
               delegation_id=unrelated)
        create(c, K.ACTION_ITEM, what="Send the study", engagement_id=meeting,
               due_date="2017-09-01")
        create(c, K.ACTION_ITEM, what="Share the report", delegation_id=visit)
        create(c, K.ACTION_ITEM, what="Done already", person_id=chung, status="done")
        create(c, K.ACTION_ITEM, what="This visit's own", delegation_id=later)
        create(c, K.ACTION_ITEM, what="Someone else's", person_id=stranger,
               delegation_id=unrelated)
        ids = {"chung": chung, "angelet": angelet, "visit": visit, "later": later,
               "unrelated": unrelated, "pairing": pairing}
        with c.read_session() as session:
            by_session = _reads(session, **ids)

    bare = sqlite3.connect(f"file:{sample_path}?mode=ro", uri=True)

    def rows(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        return bare.execute(sql, params).fetchall()

    try:
        by_sqlite3 = _reads(rows, **ids)
    finally:
        bare.close()
    assert by_sqlite3 == by_session

    # What a user sees: the return visit's sheet recalls its own gift and that of the
    # pairing's first visit, and the item promised at the lunch Chung attended, not the
    # others.
    assert [g.description for g in by_sqlite3["sheet gifts"]] == [
        "Book of photographs", "Tea set", "Lacquer painting"]
    lacquer = by_sqlite3["sheet gifts"][2]
    assert lacquer.date == dt.date(2017, 6, 13) and lacquer.giver is not None
    assert lacquer.giver.label == "Nguyễn Đức Chung" and lacquer.recipient is not None
    assert lacquer.recipient.label == "Bruno Angelet"
    assert [a.what for a in by_sqlite3["sheet actions"]] == [
        "Send the study", "Share the report"]  # by due date, undated last
    study = by_sqlite3["sheet actions"][0]
    assert study.agreed_on == dt.date(2017, 6, 14) and study.due_date == dt.date(2017, 9, 1)
    assert study.engagement is not None and study.engagement.label == "Working lunch"
    assert study.delegation is not None and study.delegation.id == visit
    # Chung's pane: newest first, undated last.
    assert [g.description for g in by_sqlite3["chung's gifts"]] == [
        "Lacquer painting", "Silk scarf"]
    assert [g.description for g in by_sqlite3["gifts of people"][angelet]] == [
        "Lacquer painting"]
    assert [g.description for g in by_sqlite3["visit's gifts"]] == [
        "Tea set", "Lacquer painting"]
    assert [g.description for g in by_sqlite3["pairing's gifts"]] == [
        "Book of photographs", "Tea set", "Lacquer painting"]
    assert [g.description for g in by_sqlite3["unrelated visit's gifts"]] == [
        "Someone else's pen"]
    assert [a.what for a in by_sqlite3["pairing's open actions"]] == [
        "Share the report", "This visit's own"]
    assert [a.what for a in by_sqlite3["chung's actions"]] == ["Done already"]
    assert [a.what for a in by_sqlite3["visit's actions"]] == [
        "Send the study", "Share the report"]
    assert {who: [a.what for a in items]
            for who, items in by_sqlite3["open for each"].items()} == {
        chung: ["Send the study", "Share the report"],  # at the visit's lunch, at the visit
        angelet: ["Share the report", "This visit's own"]}  # a member of both visits
