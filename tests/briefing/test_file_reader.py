"""A sheet read from the catalog file over sqlite3 alone is the sheet the store prints.

``liaison brief`` prints one sheet from a catalog file without loading SQLAlchemy
(:mod:`db.catalog.file_reader`, issue 16): its reads are the store's own SQL text
(:mod:`db.rows`), so the two paths must give the same PDF, byte for byte, for every
record of every kind, in both languages, for both copies. Photos, contact officers,
gifts and open actions are added to the sample so that every kind of column (dates,
times, JSON lists, blobs) is read both ways.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from db import ops, registry
from db.catalog import open_catalog
from db.catalog.file_reader import open_file_reader
from db.kinds import RecordKind
from db.models import DelegationMember
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, SheetSource, render
from tests.briefing.conftest import attach_photo, photo_bytes

KINDS = {Kind.DELEGATION: RecordKind.DELEGATION, Kind.PERSON: RecordKind.PERSON,
         Kind.PAIRING: RecordKind.PAIRING, Kind.EVENT: RecordKind.EVENT,
         Kind.PACK: RecordKind.DELEGATION}


@pytest.fixture
def furnished(sample_path: Path) -> Path:
    """The sample with photos of the first delegation's people, its contact officers,
    an open action and a gift: what the sample's articles do not say, made here."""
    with open_catalog(sample_path) as catalog:
        with catalog.read_session() as session:
            people = list(session.exec(select(DelegationMember.person_id)
                                       .where(DelegationMember.delegation_id == 1)))
        assert len(people) >= 2
        for n, person in enumerate(people):
            attach_photo(catalog, person, photo_bytes("JPEG", (300, 400), (30 * n, 90, 140)))
        ops.update(catalog, RecordKind.DELEGATION, 1, {
            "our_contact_id": people[0], "their_contact_details": "Ms Lan, +84 90 123 4567",
            "arrival": "VN 123, 10:40", "accommodation": "Hotel Metropole"},
            expected_version=1)
        ops.create(catalog, RecordKind.ACTION_ITEM, {
            "what": "Send the memorandum draft", "counterpart_id": people[1],
            "due_date": dt.date(2030, 1, 15)})
        ops.create(catalog, RecordKind.GIFT, {
            "description": "Lacquer painting of Hoàn Kiếm Lake", "to_person_id": people[1],
            "date": dt.date(2024, 5, 2)})
    return sample_path


def _sheets(source: SheetSource, ids: dict[Kind, list[int]],
            options: SheetOptions) -> dict[tuple[str, int], bytes]:
    return {(kind.value, record_id): render(source, kind, record_id, options)
            for kind, record_ids in ids.items() for record_id in record_ids}


@pytest.mark.parametrize(("language", "counterpart"),
                         [("en", False), ("vi", False), ("vi", True)])
def test_every_sheet_is_the_same_read_either_way(furnished: Path, language: str,
                                                 counterpart: bool) -> None:
    options = SheetOptions(language=language, counterpart=counterpart, reproducible=True,
                           printed_on=dt.date(2025, 3, 1))
    with open_catalog(furnished, read_only=True, daily_backup=False) as catalog:
        with catalog.read_session() as session:
            ids = {kind: list(registry.record_ids(session, record_kind))
                   for kind, record_kind in KINDS.items()}
        through_store = _sheets(catalog, ids, options)
    reader = open_file_reader(furnished)
    assert reader is not None  # a current local catalog: the thin path takes it
    with reader:
        over_sqlite3 = _sheets(reader, ids, options)
    assert len(through_store) > 20
    differ = sorted(key for key in through_store if through_store[key] != over_sqlite3[key])
    assert differ == []


def test_the_thin_path_declines_what_the_store_must_open(tmp_path: Path) -> None:
    """A foreign SQLite file, a file that is not SQLite and a missing one are left to the
    store, which says what is wrong."""
    foreign = tmp_path / "other.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    text = tmp_path / "notes.liaison"
    text.write_text("not a catalog", encoding="utf-8")
    assert open_file_reader(foreign) is None
    assert open_file_reader(text) is None
    assert open_file_reader(tmp_path / "missing.liaison") is None
