"""Editing a record with its parts, deleting with a tombstone and restoring it, history.

Everything runs on real catalog files; two ``Catalog`` objects on one file stand
for two windows or two instances of the app.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import select

from db import changes, ops, search
from db.catalog import Catalog, open_catalog
from db.models import TABLES, ChangeLogEntry, Person, Position, RecordKind
from db.names_parse import split_name
from db.validation import duplicate_rows

# The same behaviour on a catalog file and on the office server (tests/conftest.py).
pytestmark = pytest.mark.both_engines

K = RecordKind


def _person_id(catalog: Catalog, family: str, given: str) -> int:
    with catalog.read_session() as session:
        person = session.exec(select(Person).where(Person.family_name == family,
                                                   Person.given_names == given)).one()
        assert person.id is not None
        return person.id


def _load(catalog: Catalog, kind: RecordKind, record_id: int) -> ops.Draft:
    with catalog.read_session() as session:
        draft = ops.load_draft(session, kind, record_id)
    assert draft is not None
    return draft


def _all_rows(catalog: Catalog) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table except the change log (which only grows)."""
    found = {}
    with catalog.engine.connect() as conn:
        for model in TABLES.values():
            table = model.__tablename__
            found[str(table)] = sorted(conn.execute(text(f"SELECT * FROM {table}")).all())
    return found


def _with(draft: ops.Draft, **changes: Any) -> ops.Draft:
    return ops.Draft(draft.kind, {**draft.values, **changes}, draft.id, draft.version,
                     draft.parts)


def _new_person(**values: Any) -> ops.Draft:
    base = {"family_name": "Nguyễn", "given_names": "Văn An", "name_order": "family_first",
            "address_by": "given"}
    return ops.Draft(K.PERSON, {**base, **values}, parts={"positions": (
        ops.Draft(K.POSITION, {"title": "Director", "start_date": dt.date(2020, 1, 1)}),)})


def test_a_person_and_their_position_are_created_in_one_operation(
        empty_catalog: Catalog) -> None:
    saved = ops.save(empty_catalog, _new_person())
    person_id = saved.state.id
    assert person_id is not None
    assert len({c.kind for c in saved.result.changes}) == 2
    (position,) = saved.state.parts["positions"]
    assert position.values["title"] == "Director" and position.id is not None
    assert "person_id" not in position.values  # the link is the save's business
    with empty_catalog.read_session() as session:
        ops_ids = set(session.exec(select(ChangeLogEntry.operation_id)).all())
        assert ops_ids == {saved.result.operation_id}
        hits = search.search(session, "nguyen van an director", kinds=["person"])
    assert [h.id for h in hits] == [person_id]


def test_edit_then_undo_restores_values_and_deleted_rows_with_their_ids(
        sample_catalog: Catalog) -> None:
    chung = _person_id(sample_catalog, "Nguyễn", "Đức Chung")
    before = _load(sample_catalog, K.PERSON, chung)
    rows_before = _all_rows(sample_catalog)
    old_position = before.parts["positions"][0]
    after = ops.Draft(K.PERSON, {**before.values, "email": "chung@hanoi.gov.vn"}, before.id,
                      before.version, {**before.parts, "positions": (
                          ops.Draft(K.POSITION, {"title": "Member of the Central Committee",
                                                 "rank": 5}),)})
    saved = ops.save(sample_catalog, after, before)
    assert [p.values["title"] for p in saved.state.parts["positions"]] == [
        "Member of the Central Committee"]
    assert saved.state.version == before.version + 1
    assert (K.POSITION, old_position.id) in saved.graveyard

    undone = ops.save(sample_catalog, before, saved.state, saved.graveyard)
    assert [p.id for p in undone.state.parts["positions"]] == [old_position.id]
    restored = _all_rows(sample_catalog)
    assert restored["position"] == rows_before["position"]
    person_cols = next(r for r in restored["person"] if r[0] == chung)
    old_cols = next(r for r in rows_before["person"] if r[0] == chung)
    # Everything but updated_at and version is as before.
    assert {i: v for i, v in enumerate(person_cols) if i not in (2, 3)} == {
        i: v for i, v in enumerate(old_cols) if i not in (2, 3)}

    redone = ops.save(sample_catalog, saved.state, undone.state, undone.graveyard)
    assert [p.id for p in redone.state.parts["positions"]] == [
        p.id for p in saved.state.parts["positions"]]
    assert redone.state.values["email"] == "chung@hanoi.gov.vn"


def test_a_stale_save_is_refused_and_changes_nothing(sample_path: Path) -> None:
    with open_catalog(sample_path) as mine, open_catalog(sample_path) as theirs:
        chung = _person_id(mine, "Nguyễn", "Đức Chung")
        loaded = _load(mine, K.PERSON, chung)
        ops.save(theirs, _with(_load(theirs, K.PERSON, chung), email="a@example.org"),
                 _load(theirs, K.PERSON, chung))
        rows = _all_rows(mine)
        with pytest.raises(ops.StaleVersionError):
            ops.save(mine, _with(loaded, email="b@example.org"), loaded)
        assert _all_rows(mine) == rows
        assert _load(mine, K.PERSON, chung).values["email"] == "a@example.org"


def test_changing_only_a_position_versions_the_person(sample_catalog: Catalog) -> None:
    chung = _person_id(sample_catalog, "Nguyễn", "Đức Chung")
    loaded = _load(sample_catalog, K.PERSON, chung)
    position = loaded.parts["positions"][0]
    edited = ops.Draft(K.PERSON, loaded.values, loaded.id, loaded.version, {"positions": (
        ops.Draft(K.POSITION, {**position.values, "rank": 1}, position.id, position.version),)})
    saved = ops.save(sample_catalog, edited, loaded)
    assert saved.state.version == loaded.version + 1
    with pytest.raises(ops.StaleVersionError):  # a form holding the old person must not win
        ops.save(sample_catalog, _with(loaded, email="x@example.org"), loaded)


def test_a_bad_row_names_its_part_and_place(sample_catalog: Catalog) -> None:
    draft = _new_person()
    bad = ops.Draft(K.PERSON, draft.values, parts={"positions": (
        draft.parts["positions"][0],
        ops.Draft(K.POSITION, {"title": "Mayor", "start_date": dt.date(2020, 1, 2),
                               "end_date": dt.date(2019, 1, 1)}),
    )})
    with pytest.raises(ops.RowValidationError) as refused:
        ops.save(sample_catalog, bad)
    assert refused.value.path == (("positions", 1),)
    assert refused.value.errors == {"end_date": "A position cannot end before it starts."}
    with sample_catalog.read_session() as session:
        assert not session.exec(select(Person).where(Person.given_names == "Văn An")).all()


def test_live_checks_use_the_same_rules(sample_catalog: Catalog) -> None:
    assert ops.check(K.PERSON, {"family_name": " "}) == {
        "family_name": "Family name is required (for someone known by one name, enter it "
                       "here)."}
    assert "email" in ops.check(K.PERSON, {"family_name": "X", "email": "not an address"})
    assert "phone" in ops.check(K.PERSON, {"family_name": "X", "phone": "12"})
    assert ops.check(K.POSITION, {"person_id": 0, "title": "T", "start_date": "2020-13-01"}) == {
        "start_date": "Enter a date as YYYY-MM-DD."}
    assert duplicate_rows(K.DELEGATION_MEMBER, [{"person_id": 1}, {"person_id": 2},
                                                {"person_id": 1}]) == {
        2: {"person_id": "This person is already a member of this delegation."}}


def test_a_country_from_the_iso_list_is_added_with_the_save(empty_catalog: Catalog) -> None:
    saved = ops.save(empty_catalog, _new_person(nationality_id=ops.CountryCode("vn")))
    with empty_catalog.read_session() as session:
        country = session.get(TABLES[K.COUNTRY], saved.state.values["nationality_id"])
    assert country is not None and (country.code, country.name) == ("VN", "Vietnam")  # type: ignore[attr-defined]
    with pytest.raises(ops.ValidationError) as refused:
        ops.save(empty_catalog, _new_person(nationality_id=ops.CountryCode("XX")))
    assert set(refused.value.errors) == {"nationality_id"}


def test_remove_then_restore_puts_every_row_back(sample_catalog: Catalog) -> None:
    chung = _person_id(sample_catalog, "Nguyễn", "Đức Chung")
    ops.save(sample_catalog, ops.Draft(K.PERSON, {}, chung,
                                       _load(sample_catalog, K.PERSON, chung).version,
                                       {"photo": (ops.Draft(K.ATTACHMENT, {
                                           "filename": "chung.png", "media_type": "image/png",
                                           "size": 3, "sha256": "x", "data": b"png"}),)}),
             _load(sample_catalog, K.PERSON, chung))
    rows = _all_rows(sample_catalog)
    version = _load(sample_catalog, K.PERSON, chung).version
    with sample_catalog.read_session() as session:
        refs = {label: (n, mode) for label, n, mode in ops.references(session, K.PERSON, chung)}
    assert refs["position"] == (1, "CASCADE")
    assert refs["delegation_member"] == (1, "CASCADE")  # kinds, said in words by the app

    _result, tombstone = ops.remove(sample_catalog, K.PERSON, chung, expected_version=version)
    assert tombstone.count(K.CITATION) >= 2 and tombstone.count(K.ATTACHMENT) == 1
    assert tombstone.count(K.POSITION) == 1
    with sample_catalog.read_session() as session:
        for table in ("citation", "attachment"):
            dangling = session.execute(text(
                f"SELECT count(*) FROM {table} WHERE record_kind='person' AND record_id=:id"),
                {"id": chung}).scalar_one()
            assert dangling == 0
        # (Others' biographies still mention him: only he must be gone.)
        assert chung not in [h.id for h in search.search(session, "nguyen duc chung",
                                                         kinds=["person"])]

    ops.restore(sample_catalog, tombstone)
    assert _all_rows(sample_catalog) == rows
    with sample_catalog.read_session() as session:
        assert [h.id for h in search.search(session, "nguyen duc chung", kinds=["person"])][:1] \
            == [chung]
    # Redo: the restored record has the version it had.
    ops.remove(sample_catalog, K.PERSON, chung, expected_version=tombstone.version)


def test_removing_an_organisation_clears_references_and_restore_sets_them(
        sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        position = session.exec(select(Position).where(
            Position.organisation_id.is_not(None))).first()  # type: ignore[union-attr]
        assert position is not None and position.organisation_id is not None
        org_id, position_version = position.organisation_id, position.version
    rows = _all_rows(sample_catalog)
    _result, tombstone = ops.remove(sample_catalog, K.ORGANISATION, org_id,
                                    expected_version=None)
    assert any(link.kind == K.POSITION for link in tombstone.links)
    with sample_catalog.read_session() as session:
        cleared = session.get(Position, position.id)
        assert cleared is not None and cleared.organisation_id is None
        assert cleared.version == position_version + 1  # an open form gets a conflict
    ops.restore(sample_catalog, tombstone)
    after = _all_rows(sample_catalog)
    # Every row is back; the ones whose reference was cleared and set again have moved
    # on a version or two (updated_at, version), and nothing else.
    for table, before_rows in rows.items():
        assert [r[:1] + r[4:] for r in after[table]] == [r[:1] + r[4:] for r in before_rows]
    with sample_catalog.read_session() as session:
        again = session.get(Position, position.id)
        assert again is not None and again.organisation_id == org_id


def test_removing_a_delegation_leaves_no_citation_of_its_meetings(
        sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        delegation_id = session.execute(text(
            "SELECT delegation_id FROM engagement e JOIN citation c ON c.record_kind='engagement'"
            " AND c.record_id=e.id LIMIT 1")).scalar_one()
    rows = _all_rows(sample_catalog)
    _result, tombstone = ops.remove(sample_catalog, K.DELEGATION, delegation_id,
                                    expected_version=None)
    with sample_catalog.read_session() as session:
        orphans = session.execute(text(
            "SELECT count(*) FROM citation c WHERE c.record_kind='engagement' AND NOT EXISTS "
            "(SELECT 1 FROM engagement e WHERE e.id = c.record_id)")).scalar_one()
    assert orphans == 0
    ops.restore(sample_catalog, tombstone)
    assert _all_rows(sample_catalog) == rows


def test_saves_never_reuse_a_deleted_records_id(empty_catalog: Catalog) -> None:
    first = ops.save(empty_catalog, _new_person()).state
    assert first.id is not None and first.version is not None
    _result, tombstone = ops.remove(empty_catalog, K.PERSON, first.id,
                                    expected_version=first.version)
    again = ops.save(empty_catalog, _new_person(given_names="Thị Bình")).state
    assert again.id == first.id + 1  # SQLite alone would hand out the deleted id again
    ops.restore(empty_catalog, tombstone)
    assert _load(empty_catalog, K.PERSON, first.id).values["given_names"] == "Văn An"


def test_restore_refuses_when_the_id_was_taken(empty_catalog: Catalog) -> None:
    first = ops.save(empty_catalog, _new_person()).state
    assert first.id is not None and first.version is not None
    _result, tombstone = ops.remove(empty_catalog, K.PERSON, first.id,
                                    expected_version=first.version)
    # Ids are never reused (AUTOINCREMENT), but another instance restoring its own
    # tombstone can take the number back: restore must notice, not overwrite.
    with empty_catalog.write_session() as session:
        session.execute(text(
            "INSERT INTO person (id, created_at, updated_at, version, family_name, sort_key, "
            "name_order, address_by, languages) VALUES (:id, '2026-01-01', '2026-01-01', 1, "
            "'Kwon', 'kwon', 'family_first', 'family', '[]')"), {"id": first.id})
    rows = _all_rows(empty_catalog)
    with pytest.raises(ops.OperationError, match="now used by another record"):
        ops.restore(empty_catalog, tombstone)
    assert _all_rows(empty_catalog) == rows


def test_restore_leaves_out_rows_whose_owner_is_gone(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        delegation_id, person_id = session.execute(text(
            "SELECT delegation_id, person_id FROM delegation_member LIMIT 1")).one()
    _r, delegation_tomb = ops.remove(sample_catalog, K.DELEGATION, delegation_id,
                                     expected_version=None)
    ops.remove(sample_catalog, K.PERSON, person_id, expected_version=None)
    ops.restore(sample_catalog, delegation_tomb)
    with sample_catalog.read_session() as session:
        members = session.execute(text(
            "SELECT person_id FROM delegation_member WHERE delegation_id=:d"),
            {"d": delegation_id}).scalars().all()
    assert person_id not in members
    assert len(members) == delegation_tomb.count(K.DELEGATION_MEMBER) - 1


def test_a_city_in_a_pairing_cannot_be_removed(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        city_id = session.execute(text("SELECT city_a_id FROM pairing LIMIT 1")).scalar_one()
    with pytest.raises(ops.StillReferencedError):
        ops.remove(sample_catalog, K.CITY, city_id, expected_version=None)


def test_history_lists_field_changes_and_owned_rows(sample_catalog: Catalog) -> None:
    chung = _person_id(sample_catalog, "Nguyễn", "Đức Chung")
    loaded = _load(sample_catalog, K.PERSON, chung)
    hostile = "<b>bold</b> & \"quoted\" 🙂 עברית"
    saved = ops.save(sample_catalog, ops.Draft(
        K.PERSON, {**loaded.values, "biography": hostile}, loaded.id, loaded.version,
        {"positions": ()}), loaded, actor="tester")
    with sample_catalog.read_session() as session:
        lines = changes.history(session, K.PERSON, chung)
    newest = [line for line in lines if line.operation_id == saved.result.operation_id]
    bio = [line for line in newest if line.field == "biography"]
    assert bio and bio[0].new_value == hostile and bio[0].actor == "tester"
    removed = [line for line in newest if line.record_kind == "position"]
    assert removed and removed[0].action == "delete"
    assert removed[0].record_label.startswith("Position “Chairman")
    # The sample's creation of the position is found through the log, though it is gone.
    assert any(line.record_kind == "position" and line.action == "create" for line in lines)
    assert all(line.record_kind in ("person", "position", "citation", "attachment")
               for line in lines)


@pytest.mark.parametrize(("pasted", "expected"), [
    ("H.E. Mrs Cecilia Piccioni", ("H.E. Mrs", None, "Cecilia", "Piccioni", "given_first")),
    ("Chairman Nguyễn Đức Chung", (None, "Chairman", "Đức Chung", "Nguyễn", "family_first")),
    ("Chairman Kwon Young Gull", (None, "Chairman", "Young Gull", "Kwon", "family_first")),
    ("Deputy Minister Nguyen Van Khoa",
     (None, "Deputy Minister", "Van Khoa", "Nguyen", "family_first")),
    ("Dr Ursula von der Leyen", ("Dr", None, "Ursula", "von der Leyen", "given_first")),
    ("Hoan", (None, None, None, "Hoan", "mononym")),
])
def test_pasted_names_are_split(pasted: str, expected: tuple[Any, ...]) -> None:
    found = split_name(pasted)
    assert found is not None
    assert (found.honorific, found.title, found.given_names, found.family_name,
            found.name_order) == expected


def test_the_title_suggests_the_form_of_address() -> None:
    chung, kwon = split_name("Chairman Nguyễn Đức Chung"), split_name("Chairman Kwon Young Gull")
    assert chung is not None and kwon is not None
    assert chung.form_of_address() == "Chairman Chung"
    assert kwon.form_of_address() == "Chairman Kwon"
    assert split_name("   ") is None
