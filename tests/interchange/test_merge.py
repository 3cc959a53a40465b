"""Duplicates found by name and what else agrees; a merge moves everything and undoes."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import col, select

from db import ops
from db.catalog import Catalog
from db.interchange.duplicates import candidates
from db.interchange.merge import merge, unmerge
from db.models import (
    Attachment,
    ChangeLogEntry,
    Citation,
    DelegationMember,
    Person,
    Position,
    RecordKind,
    Source,
)


def _person(catalog: Catalog, **values: object) -> int:
    return ops.create(catalog, RecordKind.PERSON, values).changes[0].id


def test_duplicates_ignore_accents_and_word_order_and_weigh_email(
        sample_catalog: Catalog) -> None:
    a = _person(sample_catalog, family_name="Phạm", given_names="Thị Lan",
                name_order="family_first", email="lan@danang.gov.vn")
    b = _person(sample_catalog, family_name="Pham", given_names="Thi Lan",
                name_order="family_first", email="LAN@danang.gov.vn")
    c = _person(sample_catalog, family_name="Phạm", given_names="Thị Lan",
                name_order="family_first", email="other@hue.gov.vn")
    with sample_catalog.read_session() as session:
        found = candidates(session, RecordKind.PERSON)
    pairs = {(x.a_id, x.b_id): x for x in found}
    assert (a, b) in pairs and "same e-mail" in pairs[(a, b)].reasons
    assert pairs[(a, b)].score == 100
    # Same name, different addresses: listed lower, or not at all.
    assert (a, c) not in pairs or pairs[(a, c)].score < pairs[(a, b)].score
    assert found[0].score >= found[-1].score


def test_merge_moves_everything_and_undo_puts_it_back(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        chung = session.execute(select(Person).where(
            col(Person.given_names) == "Đức Chung")).scalars().one()
        member = session.execute(select(DelegationMember).where(
            col(DelegationMember.person_id) == chung.id)).scalars().first()
        source = session.execute(select(Source)).scalars().first()
        assert chung.id is not None and member is not None and source is not None
        people_before = session.execute(select(func.count()).select_from(Person)).scalar_one()
    twin = _person(sample_catalog, family_name="Nguyen", given_names="Duc Chung",
                   name_order="family_first", phone="+84 24 3825 3536")
    ops.create(sample_catalog, RecordKind.POSITION, {"person_id": twin, "title": "Mayor"})
    ops.create(sample_catalog, RecordKind.DELEGATION_MEMBER, {
        "delegation_id": member.delegation_id, "person_id": twin})  # the same membership
    ops.create(sample_catalog, RecordKind.CITATION, {
        "source_id": source.id, "record_kind": "person", "record_id": twin})
    ops.create(sample_catalog, RecordKind.ATTACHMENT, {
        "record_kind": "person", "record_id": twin, "role": "document", "filename": "cv.txt",
        "media_type": "text/plain", "size": 2, "sha256": "x", "data": b"cv"})
    merged = merge(sample_catalog, RecordKind.PERSON, chung.id, twin,
                   {"phone": "+84 24 3825 3536"})
    with sample_catalog.read_session() as session:
        assert session.get(Person, twin) is None
        survivor = session.get(Person, chung.id)
        assert survivor is not None and survivor.phone == "+842438253536"
        titles = set(session.execute(select(col(Position.title)).where(
            col(Position.person_id) == chung.id)).scalars())
        assert "Mayor" in titles
        memberships = session.execute(select(func.count()).select_from(DelegationMember).where(
            col(DelegationMember.delegation_id) == member.delegation_id,
            col(DelegationMember.person_id) == chung.id)).scalar_one()
        assert memberships == 1  # not two
        assert session.execute(select(Attachment).where(
            col(Attachment.filename) == "cv.txt")).scalars().one().record_id == chung.id
        assert session.execute(select(func.count()).select_from(Citation).where(
            col(Citation.record_kind) == "person",
            col(Citation.record_id) == twin)).scalar_one() == 0
        history = session.execute(select(func.count()).select_from(ChangeLogEntry).where(
            col(ChangeLogEntry.record_kind) == "person",
            col(ChangeLogEntry.record_id) == chung.id,
            col(ChangeLogEntry.action) == "create")).scalar_one()
        assert history == 2  # the twin's creation now belongs to the survivor's history
    unmerge(sample_catalog, merged.undo)
    with sample_catalog.read_session() as session:
        back = session.get(Person, twin)
        assert back is not None and back.family_name == "Nguyen"
        assert session.execute(select(func.count()).select_from(Person)).scalar_one() == (
            people_before + 1)
        assert session.execute(select(col(Position.person_id)).where(
            col(Position.title) == "Mayor")).scalar_one() == twin
        assert session.execute(select(func.count()).select_from(DelegationMember).where(
            col(DelegationMember.person_id) == twin)).scalar_one() == 1
        survivor = session.get(Person, chung.id)
        assert survivor is not None and survivor.phone != "+842438253536"
        assert session.execute(select(Attachment).where(
            col(Attachment.filename) == "cv.txt")).scalars().one().record_id == twin


def test_merge_refuses_a_stale_record(sample_catalog: Catalog) -> None:
    import pytest

    a = _person(sample_catalog, family_name="Lý", given_names="An")
    b = _person(sample_catalog, family_name="Ly", given_names="An")
    with pytest.raises(ops.StaleVersionError):
        merge(sample_catalog, RecordKind.PERSON, a, b, {}, expected={a: 7})
    with sample_catalog.read_session() as session:
        assert session.get(Person, b) is not None
