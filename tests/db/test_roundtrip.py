"""Every table round-trips through db.ops and reads back as written."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlmodel import select

from db import ops, reads
from db.catalog import Catalog
from db.models import TABLES, ChangeLogEntry, RecordKind

# The same behaviour on a catalog file and on the office server (tests/conftest.py).
pytestmark = pytest.mark.both_engines

K = RecordKind


def full_catalog_values() -> list[tuple[RecordKind, str, dict[str, Any]]]:
    """One record of every kind with every field filled, in dependency order.

    Values naming another record use ``"@key"``; they are replaced by its id.
    """
    return [
        (K.COUNTRY, "vn", {"code": "VN", "name": "Viet Nam"}),
        (K.COUNTRY, "it", {"code": "IT", "name": "Italy"}),
        (K.CITY, "hanoi", {"name": "Hanoi", "local_name": "Hà Nội", "aliases": ["Ha Noi"],
                           "country_id": "@vn", "region": "Red River Delta",
                           "latitude": 21.0285, "longitude": 105.8542}),
        (K.CITY, "milan", {"name": "Milan", "local_name": "Milano", "aliases": [],
                           "country_id": "@it", "region": "Lombardy", "latitude": 45.46,
                           "longitude": 9.19}),
        (K.ORGANISATION, "ec", {"name": "European Commission", "acronym": "EC",
                                "org_kind": "international_body", "website": "https://ec.europa.eu",
                                "notes": "Brussels"}),
        (K.ORGANISATION, "hpc", {"name": "Hanoi People's Committee", "acronym": "UBND",
                                 "org_kind": "government_body", "city_id": "@hanoi",
                                 "country_id": "@vn", "parent_id": "@ec", "website": None,
                                 "notes": "City government"}),
        (K.PERSON, "chung", {"honorific": "Mr", "given_names": "Đức Chung",
                             "family_name": "Nguyễn", "name_order": "family_first",
                             "address_by": "given", "original_script": "Nguyễn Đức Chung",
                             "form_of_address": None, "nationality_id": "@vn",
                             "email": "chung@example.org", "phone": "+842438253536",
                             "languages": ["vi", "en"], "biography": "Mayor of Hanoi.",
                             "protocol_notes": "Addressed as Chairman Chung.",
                             "private_notes": "Do not print."}),
        (K.POSITION, "pos", {"person_id": "@chung", "organisation_id": "@hpc",
                             "title": "Chairman of the Hanoi People's Committee",
                             "address_title": "Chairman", "start_date": dt.date(2015, 12, 11),
                             "end_date": dt.date(2020, 8, 21), "date_note": "term", "rank": 20,
                             "attested_on": ["2017-06-13"]}),
        (K.PROGRAMME, "wc", {"name": "EU World Cities", "funder_id": "@ec",
                             "managing_organisation_id": "@hpc",
                             "start_date": dt.date(2016, 1, 1), "end_date": dt.date(2018, 12, 31),
                             "date_note": None, "description": "City pairs", "website": None}),
        (K.COOPERATION_AREA, "mob", {"name": "Mobility", "description": "Transport"}),
        (K.PAIRING, "pair", {"city_a_id": "@hanoi", "city_b_id": "@milan", "programme_id": "@wc",
                             "pairing_kind": "programme_pairing", "status": "active",
                             "since": dt.date(2017, 6, 13), "date_note": None,
                             "summary": "Smart city"}),
        (K.PAIRING_AREA, "pa", {"pairing_id": "@pair", "area_id": "@mob"}),
        (K.EVENT, "ev", {"name": "Summit", "series": "VASC", "start_date": dt.date(2023, 11, 29),
                         "end_date": dt.date(2023, 11, 30), "date_note": None,
                         "city_id": "@hanoi", "venue_id": "@hpc", "venue_note": "Hall A",
                         "theme": "Data", "description": "Opening", "attendance": 700,
                         "figures": "3 panels"}),
        (K.EVENT_ORGANISER, "eo", {"event_id": "@ev", "organisation_id": "@hpc",
                                   "role": "co_host"}),
        (K.EVENT_SESSION, "es", {"event_id": "@ev", "title": "Panel 1", "session_kind": "panel",
                                 "date": dt.date(2023, 11, 29), "notes": "Data",
                                 "sequence": 1}),
        (K.EVENT_PARTICIPANT, "ep", {"event_id": "@ev", "person_id": "@chung",
                                     "role": "speaker", "notes": "Keynote", "sequence": 1}),
        (K.DELEGATION, "del", {"title": "EU mission", "direction": "incoming",
                               "sending_city_id": "@milan", "sending_organisation_id": "@ec",
                               "host_city_id": "@hanoi", "start_date": dt.date(2017, 6, 13),
                               "end_date": dt.date(2017, 6, 15), "date_note": None,
                               "purpose": "Kick-off", "status": "completed",
                               "pairing_id": "@pair", "event_id": "@ev", "outcomes": "MoU",
                               "follow_ups": "Visit Milan"}),
        (K.DELEGATION_MEMBER, "dm", {"delegation_id": "@del", "person_id": "@chung",
                                     "role": "head", "notes": "Leads", "sequence": 1}),
        (K.ENGAGEMENT, "en", {"delegation_id": "@del", "title": "Meeting",
                              "date": dt.date(2017, 6, 13), "start_time": dt.time(9, 0),
                              "end_time": dt.time(10, 30), "city_id": "@hanoi",
                              "place": "City Hall", "host_organisation_id": "@hpc",
                              "topics": "Mobility", "notes": "Press", "sequence": 1}),
        (K.ENGAGEMENT_PARTICIPANT, "enp", {"engagement_id": "@en", "person_id": "@chung",
                                           "role": "host"}),
        (K.SOURCE, "src", {"title": "Work Meeting in Vietnam", "publisher": "EU",
                           "url": "https://example.org/a", "published_on": dt.date(2017, 6, 13),
                           "language": "en", "summary": "Meeting"}),
        (K.CITATION, "cit", {"source_id": "@src", "record_kind": "person",
                             "record_id": "@chung", "note": "para 1"}),
        (K.ATTACHMENT, "att", {"record_kind": "person", "record_id": "@chung", "role": "photo",
                               "filename": "chung.png", "media_type": "image/png", "size": 4,
                               "sha256": "0" * 64, "data": b"\x89PNG"}),
        (K.GIFT, "gift", {"date": dt.date(2017, 6, 13), "direction": "received",
                          "from_person_id": "@chung", "from_organisation_id": "@hpc",
                          "to_person_id": "@chung", "to_organisation_id": "@ec",
                          "delegation_id": "@del", "event_id": "@ev",
                          "description": "Lacquer painting of Hoàn Kiếm Lake",
                          "value": "about 100 EUR", "notes": "Displayed at the EU office"}),
        (K.ACTION_ITEM, "act", {"what": "Visit Milan", "person_id": "@chung",
                                "counterpart_id": "@chung", "due_date": dt.date(2017, 12, 31),
                                "status": "open", "delegation_id": "@del",
                                "engagement_id": "@en", "notes": "Second half of 2017"}),
    ]


def _resolve(values: dict[str, Any], ids: dict[str, int]) -> dict[str, Any]:
    return {k: ids[v[1:]] if isinstance(v, str) and v.startswith("@") else v
            for k, v in values.items()}


def test_every_table_round_trips(empty_catalog: Catalog) -> None:
    plan = full_catalog_values()
    assert {kind for kind, _, _ in plan} == set(TABLES), "the plan must cover every table"
    ids: dict[str, int] = {}
    with ops.transaction(empty_catalog) as tx:
        for kind, key, values in plan:
            ids[key] = tx.create(kind, _resolve(values, ids))
    with empty_catalog.read_session() as session:
        for kind, key, values in plan:
            row = session.get(TABLES[kind], ids[key])
            assert row is not None
            for name, expected in _resolve(values, ids).items():
                assert getattr(row, name) == expected, (kind, name)
            assert row.version == 1
            assert row.created_at is not None and row.updated_at is not None


def test_reads_show_what_was_written(empty_catalog: Catalog) -> None:
    ids: dict[str, int] = {}
    with ops.transaction(empty_catalog) as tx:
        for kind, key, values in full_catalog_values():
            ids[key] = tx.create(kind, _resolve(values, ids))
    with empty_catalog.read_session() as session:
        person = reads.person(session, ids["chung"])
        delegation = reads.delegation(session, ids["del"])
        event = reads.event(session, ids["ev"])
        pairing = reads.pairing(session, ids["pair"])
    assert person is not None and delegation is not None and event is not None
    assert pairing is not None
    assert person.display_name == "Nguyễn Đức Chung"
    assert person.form_of_address(dt.date(2017, 6, 13)) == "Chairman Chung"
    assert person.form_of_address(dt.date(2021, 1, 1)) == "Mr Chung"
    assert [s.title for s in person.sources] == ["Work Meeting in Vietnam"]
    assert [p.ref.label for p in person.delegations] == ["EU mission"]
    assert [p.ref.label for p in person.events] == ["Summit"]
    assert [m.person.display_name for m in delegation.members] == ["Nguyễn Đức Chung"]
    assert delegation.engagements[0].participants[0][0].label == "Nguyễn Đức Chung"
    assert delegation.pairing is not None and delegation.pairing.label == "Hanoi – Milan"
    assert event.organisers[0][0].label == "Hanoi People's Committee"
    assert event.sessions[0][0] == "Panel 1"
    assert pairing.areas == ("Mobility",)


def test_update_bumps_version_and_logs_each_field(empty_catalog: Catalog) -> None:
    created = ops.create(empty_catalog, K.PERSON, {"family_name": "Angelet",
                                                   "given_names": "Bruno"})
    person_id = created.ids(K.PERSON)[0]
    result = ops.update(empty_catalog, K.PERSON, person_id,
                        {"honorific": "H.E.", "given_names": "Bruno"}, expected_version=1)
    assert result.changes[0].version == 2
    assert result.changes[0].fields == ("honorific",)
    with empty_catalog.read_session() as session:
        log = session.exec(select(ChangeLogEntry).where(
            ChangeLogEntry.record_kind == "person", ChangeLogEntry.record_id == person_id)
            .order_by(ChangeLogEntry.id)).all()
    assert [(e.action, e.field) for e in log] == [("create", None), ("update", "honorific")]
    assert (log[1].old_value, log[1].new_value) == (None, "H.E.")
    assert log[1].operation_id == result.operation_id
    assert log[1].actor


def test_stale_update_is_refused_and_changes_nothing(empty_catalog: Catalog) -> None:
    person_id = ops.create(empty_catalog, K.PERSON, {"family_name": "Piccioni"}).ids(K.PERSON)[0]
    ops.update(empty_catalog, K.PERSON, person_id, {"given_names": "Cecilia"},
               expected_version=1)
    with pytest.raises(ops.StaleVersionError, match="changed elsewhere"):
        ops.update(empty_catalog, K.PERSON, person_id, {"given_names": "Cecil"},
                   expected_version=1)
    with pytest.raises(ops.StaleVersionError):
        ops.delete(empty_catalog, K.PERSON, person_id, expected_version=1)
    with empty_catalog.read_session() as session:
        person = reads.person(session, person_id)
    assert person is not None and person.given_names == "Cecilia" and person.version == 2


def test_a_failed_step_rolls_back_the_whole_operation(empty_catalog: Catalog) -> None:
    with pytest.raises(ops.ValidationError), ops.transaction(empty_catalog) as tx:
        tx.create(K.PERSON, {"family_name": "Yeo", "given_names": "Paul"})
        tx.create(K.POSITION, {"person_id": 999, "title": "CEO"})
    with empty_catalog.read_session() as session:
        assert reads.count(session, K.PERSON) == 0
        assert session.exec(select(ChangeLogEntry)).all() == []


@pytest.mark.parametrize(
    ("kind", "values", "field", "message"),
    [
        (K.PERSON, {"family_name": "  "}, "family_name", "Family name is required"),
        (K.PERSON, {"family_name": "X", "email": "not-an-address"}, "email", "e-mail"),
        (K.PERSON, {"family_name": "X", "phone": "call me"}, "phone", "Not a phone number"),
        (K.PERSON, {"family_name": "X", "name_order": "sideways"}, "name_order", "one of"),
        (K.COUNTRY, {"code": "XX", "name": "Nowhere"}, "code", "Unknown country code"),
        (K.PROGRAMME, {"name": "P", "start_date": "2020-01-02", "end_date": "2019-01-01"},
         "end_date", "cannot end before it starts"),
        (K.EVENT, {"name": "E", "start_date": "13/06/2017"}, "start_date", "YYYY-MM-DD"),
        (K.CITY, {"name": "Hanoi", "country_id": 42}, "country_id", "no longer exists"),
        (K.ORGANISATION, {"name": "O", "nickname": "x"}, "nickname", "no field"),
    ],
)
def test_bad_input_gets_a_clear_message(empty_catalog: Catalog, kind: RecordKind,
                                        values: dict[str, Any], field: str,
                                        message: str) -> None:
    with pytest.raises(ops.ValidationError) as caught:
        ops.create(empty_catalog, kind, values)
    assert message in caught.value.errors[field]


def test_position_cannot_end_before_it_starts(empty_catalog: Catalog) -> None:
    person_id = ops.create(empty_catalog, K.PERSON, {"family_name": "Trần"}).ids(K.PERSON)[0]
    with pytest.raises(ops.ValidationError, match="cannot end before it starts"):
        ops.create(empty_catalog, K.POSITION, {"person_id": person_id, "title": "Chairman",
                                               "start_date": "2020-01-01",
                                               "end_date": "2019-12-31"})


def test_person_twice_in_one_delegation_is_refused(empty_catalog: Catalog) -> None:
    with ops.transaction(empty_catalog) as tx:
        person_id = tx.create(K.PERSON, {"family_name": "López", "given_names": "Ramón"})
        delegation_id = tx.create(K.DELEGATION, {"title": "EU mission"})
        tx.create(K.DELEGATION_MEMBER, {"delegation_id": delegation_id, "person_id": person_id})
    with pytest.raises(ops.ValidationError, match="already a member"):
        ops.create(empty_catalog, K.DELEGATION_MEMBER,
                   {"delegation_id": delegation_id, "person_id": person_id})


def test_delete_takes_owned_rows_and_refuses_while_needed(empty_catalog: Catalog) -> None:
    ids: dict[str, int] = {}
    with ops.transaction(empty_catalog) as tx:
        for kind, key, values in full_catalog_values():
            ids[key] = tx.create(kind, _resolve(values, ids))
    with pytest.raises(ops.StillReferencedError, match="1 pairing"):
        ops.delete(empty_catalog, K.CITY, ids["milan"], expected_version=1)
    result = ops.delete(empty_catalog, K.PERSON, ids["chung"], expected_version=1)
    deleted = {(c.kind, c.id) for c in result.changes}
    assert (K.POSITION, ids["pos"]) in deleted
    assert (K.DELEGATION_MEMBER, ids["dm"]) in deleted
    with empty_catalog.read_session() as session:
        for kind in (K.POSITION, K.DELEGATION_MEMBER, K.EVENT_PARTICIPANT,
                     K.ENGAGEMENT_PARTICIPANT, K.CITATION, K.ATTACHMENT):
            assert reads.count(session, kind) == 0, kind
        assert reads.count(session, K.DELEGATION) == 1


def test_hostile_text_survives_a_round_trip(empty_catalog: Catalog) -> None:
    names = ["<b>Bold</b> & \"quoted\" 'x'", "Đặng 😀 <a href='x'>", "שלום עליכם", "N" * 500]
    for name in names:
        person_id = ops.create(empty_catalog, K.PERSON, {"family_name": name}).ids(K.PERSON)[0]
        with empty_catalog.read_session() as session:
            person = reads.person(session, person_id)
        assert person is not None and person.family_name == name


def test_ids_of_deleted_records_are_never_reused(empty_catalog: Catalog) -> None:
    """Undo restores deleted records by id, so a new record must not take a deleted one's."""
    first = ops.create(empty_catalog, K.PERSON, {"family_name": "Lê"}).ids(K.PERSON)[0]
    ops.delete(empty_catalog, K.PERSON, first, expected_version=1)
    second = ops.create(empty_catalog, K.PERSON, {"family_name": "Lý"}).ids(K.PERSON)[0]
    assert second > first


def test_delete_leaves_nothing_pointing_at_the_deleted_record(empty_catalog: Catalog) -> None:
    ids: dict[str, int] = {}
    with ops.transaction(empty_catalog) as tx:
        for kind, key, values in full_catalog_values():
            ids[key] = tx.create(kind, _resolve(values, ids))
        tx.create(K.CITATION, {"source_id": ids["src"], "record_kind": "engagement",
                               "record_id": ids["en"]})
    ops.delete(empty_catalog, K.DELEGATION, ids["del"], expected_version=1)
    with empty_catalog.read_session() as session:
        citations = session.exec(select(TABLES[K.CITATION])).all()
    assert [(c.record_kind, c.record_id) for c in citations] == [("person", ids["chung"])]
