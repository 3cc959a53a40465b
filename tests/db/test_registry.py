"""The registry describes every kind once, and generic code needs nothing else.

A table without a description, or an owned table missing from its owner's parts,
fails here. A throwaway kind (its own table, registered for one test only) is
then written, listed, searched and logged by the same code as the real kinds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import Any, ClassVar

import pytest
from sqlmodel import Field, Session, SQLModel, col, select

from db import changes, listing, ops, search
from db.catalog import Catalog
from db.models import ChangeAction, Record, RecordKind
from db.registry import REGISTRY
from db.spec import ColumnSpec, Document, KindSpec, ListSpec, named_by

# The change log records changes to records; it is not a kind of record itself.
NOT_RECORDS = {"change_log"}


def _cascades(found: KindSpec) -> dict[str, str]:
    """Reference columns deleted with the record they point to: column -> table."""
    return {column.name: fk.column.table.name
            for column in found.model.__table__.columns  # type: ignore[attr-defined]
            for fk in column.foreign_keys if (fk.ondelete or "").upper() == "CASCADE"}


def test_every_table_is_described_once() -> None:
    described = [found.table for found in REGISTRY.values()]
    assert len(described) == len(set(described))
    assert set(SQLModel.metadata.tables) - NOT_RECORDS == set(described)


def test_every_owned_table_is_a_part_of_its_owner() -> None:
    """Rows deleted with their owner (CASCADE) or hanging on any record (record_kind +
    record_id) are edited with it: a description that misses one fails here."""
    for found in REGISTRY.values():
        owners = {(owner.table, part.link) for owner in REGISTRY.values()
                  for part in owner.parts if part.kind == found.kind}
        columns = found.model.__table__.columns  # type: ignore[attr-defined]
        if "record_kind" in columns and "record_id" in columns:
            assert owners, f"{found.kind.value} hangs on records but is no one's part"
            continue
        cascades = _cascades(found)
        if cascades:
            assert any((table, column) in owners for column, table in cascades.items()), (
                f"{found.kind.value} is deleted with {sorted(cascades.values())} "
                "but is not a part of any of them")
        if found.document is not None:
            assert RecordKind.CITATION in {part.kind for part in found.parts}, (
                f"{found.kind.value} is searched but cannot cite its sources")


def test_every_part_links_to_its_owner() -> None:
    for owner in REGISTRY.values():
        for part in owner.parts:
            row = REGISTRY[part.kind]
            if part.link is None:
                assert {"record_kind", "record_id"} <= set(
                    row.model.__table__.columns.keys())  # type: ignore[attr-defined]
            else:
                assert _cascades(row).get(part.link) == owner.table, (owner.kind, part.name)


def test_search_codes_are_unique_and_stable() -> None:
    """Codes are stored in the index's row ids: these must never change."""
    assert {found.kind.value: found.search_code for found in REGISTRY.searchable()} == {
        "person": 1, "organisation": 2, "city": 3, "programme": 4, "pairing": 5,
        "delegation": 6, "engagement": 7, "event": 8}
    clash = KindSpec(RecordKind.PERSON, REGISTRY.model(RecordKind.PERSON), "x", "xs",
                     named_by("family_name"), search_code=3)
    with pytest.raises(ValueError):
        REGISTRY.temporarily(clash).__enter__()


def test_interchange_fields_come_from_the_table() -> None:
    fields = {f.name: f for f in REGISTRY[RecordKind.PERSON].fields}
    assert "version" not in fields and "sort_key" not in fields
    assert fields["family_name"].required and fields["family_name"].type is str
    assert fields["nationality_id"].refers_to == "country"
    assert REGISTRY.links(RecordKind.DELEGATION)["host_city_id"] == RecordKind.CITY


# ---------------------------------------------------------------- a throwaway kind


class GadgetKind(StrEnum):
    GADGET = "gadget"


class Gadget(Record, table=True):
    __tablename__ = "gadget"
    kind: ClassVar[Any] = GadgetKind.GADGET

    name: str
    city_id: int | None = Field(default=None, foreign_key="city.id", ondelete="SET NULL")


# Not part of the catalog's schema: only the test below creates this table.
SQLModel.metadata.remove(Gadget.__table__)  # type: ignore[attr-defined]
GADGET: Any = GadgetKind.GADGET


def _gadget_cells(session: Session, rows: Sequence[Gadget]) -> list[tuple[str, ...]]:
    return [(row.name,) for row in rows]


def _gadget_documents(session: Session, ids: Sequence[int]) -> list[Document]:
    rows = session.exec(select(Gadget).where(col(Gadget.id).in_(ids))).all()
    return [Document(GADGET, row.id or 0, row.name, "gadget", row.name, "") for row in rows]


GADGET_SPEC = KindSpec(
    GADGET, Gadget, "gadget", "gadgets", named_by("name"),
    listing=ListSpec(GADGET, Gadget, (ColumnSpec("name", "Name", lambda: col(Gadget.name)),),
                     _gadget_cells, lambda: (col(Gadget.name), col(Gadget.id))),
    document=_gadget_documents, search_code=15,
)


@pytest.fixture
def gadgets(empty_catalog: Catalog) -> Iterator[Catalog]:
    Gadget.__table__.create(empty_catalog.engine)  # type: ignore[attr-defined]
    with REGISTRY.temporarily(GADGET_SPEC):
        yield empty_catalog


def test_a_new_kind_needs_nothing_but_its_description(gadgets: Catalog) -> None:
    created = ops.create(gadgets, GADGET, {"name": "Flux capacitor"})
    gadget_id = created.ids(GADGET)[0]
    city_id = ops.create(gadgets, RecordKind.CITY, {"name": "Hanoi"}).ids(RecordKind.CITY)[0]
    updated = ops.update(gadgets, GADGET, gadget_id, {"city_id": city_id}, expected_version=1)
    assert updated.changes[0].fields == ("city_id",)

    with gadgets.read_session() as session:
        page = listing.page(session, GADGET)
        assert [row.cells for row in page.rows] == [("Flux capacitor",)]
        hits = search.search(session, "flux")
        assert [(h.kind, h.id, h.title) for h in hits] == [("gadget", gadget_id,
                                                           "Flux capacitor")]
        assert ops.record_label(session, GADGET, gadget_id) == "Flux capacitor"
        history = changes.history(session, GADGET, gadget_id)
        assert [(line.action, line.field, line.new_value) for line in history][:2] == [
            ("update", "city_id", "Hanoi"), ("create", "name", "Flux capacitor")]
        assert ("gadget", 1) in [(label, n) for label, n, _ in
                                 ops.references(session, RecordKind.CITY, city_id)]

    # A city the gadget points to is cleared on delete and set again on undo.
    result, tombstone = ops.remove(gadgets, RecordKind.CITY, city_id, expected_version=1)
    assert (GADGET, gadget_id) in {(c.kind, c.id) for c in result.changes}
    ops.restore(gadgets, tombstone)
    removed, grave = ops.remove(gadgets, GADGET, gadget_id, expected_version=None)
    assert removed.changes[-1].action == ChangeAction.DELETE
    with gadgets.read_session() as session:
        assert search.search(session, "flux") == []
        assert listing.page(session, GADGET).total == 0
    ops.restore(gadgets, grave)
    with gadgets.read_session() as session:
        gadget = session.get(Gadget, gadget_id)
        assert gadget is not None and gadget.city_id == city_id
        assert listing.page(session, GADGET).total == 1
        assert dt.date.today() >= gadget.created_at.date()
