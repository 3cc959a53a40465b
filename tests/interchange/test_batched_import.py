"""The batched import (``db.ops`` ``create_many``) gives the catalog one create at a time gives.

Same file, two empty catalogs: one imported record by record (``batched=False``),
one in bulk. Records, their history and what search finds must be the same,
field for field; only timestamps and the operation id may differ.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from db import interchange, ops, search
from db.catalog import Catalog, create_catalog, open_catalog
from db.interchange import importer
from db.models import TABLES, Person, RecordKind
from tests.interchange.files import write_xlsx

HEADERS = ["STT", "Họ và tên", "Chức vụ", "Cơ quan", "Tỉnh/Thành phố", "Email", "Quốc tịch"]
QUERIES = ("nguyen huu duc", "duc", "so ngoai vu", "kwon", "chu tich", "tinh 03", "daegu",
           "korea", "example")
ROOT = Path(__file__).resolve().parents[2]
_VOLATILE = {"created_at", "updated_at", "changed_at", "operation_id"}


def _rows() -> list[list[object]]:
    rows: list[list[object]] = [HEADERS]
    for n in range(1, 41):
        rows.append([n, f"Lê Văn Bình {n}", "Chuyên viên", f"Sở Ngoại vụ {n % 7}",
                     f"Tỉnh {n % 5:02d}", f"binh{n}@example.gov.vn", ""])
    rows += [
        # two officials with one name from different provinces: two people
        [41, "Nguyễn Hữu Đức", "Chủ tịch", "UBND tỉnh Tỉnh 01", "Tỉnh 01", "", ""],
        [42, "Nguyễn Hữu Đức", "Chủ tịch", "UBND tỉnh Tỉnh 02", "Tỉnh 02", "", ""],
        [43, "Kwon Young Gull", "Chairman", "Daegu City Council", "Daegu", "", "KR"],
        # the same person again (same e-mail) with a second title: one person, two titles
        [44, "Lê Văn Bình 3", "Phó Giám đốc", "Sở Ngoại vụ 3", "Tỉnh 03",
         "binh3@example.gov.vn", ""],
        [45, "Trần Thị Sai", "Chuyên viên", "Sở Ngoại vụ 1", "Tỉnh 01", "not-an-email", ""],
        [46, "Phạm Minh", "Chuyên viên", "Sở Ngoại vụ 1", "Tỉnh 01", "", "Atlantis"],
        # namesakes from two provinces, then the name with nothing to tell them apart
        [47, "Hoàng Văn Nam", "Chuyên viên", "Sở Ngoại vụ 1", "Tỉnh 01", "", ""],
        [48, "Hoàng Văn Nam", "Chuyên viên", "Sở Ngoại vụ 2", "Tỉnh 02", "", ""],
        [49, "Hoàng Văn Nam", "Phó Giám đốc", "", "", "", ""],
    ]
    return rows


def _state(catalog: Catalog) -> dict[str, Any]:
    """Every record (but its timestamps), the change log, and search hits."""
    found: dict[str, Any] = {}
    with catalog.read_session() as session:
        for kind, model in TABLES.items():
            table = model.__table__  # type: ignore[attr-defined]
            found[kind.value] = sorted(
                (tuple((k, repr(v)) for k, v in row._mapping.items() if k not in _VOLATILE)
                 for row in session.execute(table.select())), key=repr)
        found["change_log"] = sorted(
            (row.record_kind, row.record_id, row.action, row.field, row.old_value,
             row.new_value, row.actor)
            for row in session.execute(text("SELECT * FROM change_log")))
        found["search"] = {query: [(h.kind, h.id, h.title, h.subtitle)
                                   for h in search.search(session, query)]
                           for query in QUERIES}
    return found


def _second_catalog(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Catalog:
    if engine == "postgresql":
        server = request.getfixturevalue("pg_server")
        return open_catalog(server.url(server.create_database("single")))
    return create_catalog(tmp_path / "single.liaison", sample=False)


@pytest.mark.both_engines
def test_batched_import_gives_the_records_history_and_hits_of_one_create_at_a_time(
        empty_catalog: Catalog, engine: str, request: pytest.FixtureRequest,
        tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "dai-bieu.xlsx", _rows(), title="DANH SÁCH ĐẠI BIỂU")
    with _second_catalog(engine, request, tmp_path) as single:
        one_by_one = interchange.import_prepared(single, interchange.prepare(path),
                                                 skip_bad_rows=True, backup=False,
                                                 batched=False)
        expected = _state(single)
    batched = interchange.import_prepared(empty_catalog, interchange.prepare(path),
                                          skip_bad_rows=True, backup=False)
    got = _state(empty_catalog)

    assert batched.as_dict() == one_by_one.as_dict()
    assert batched.created["person"] == 45 and batched.created["position"] == 46
    # rows are numbered as the sheet shows them: a title row, then the headers
    assert [(i.row, i.column) for i in batched.errors] == [(47, "Email"), (48, "Quốc tịch")]
    assert [i.row for i in batched.review] == [51]
    for name in expected:
        assert got[name] == expected[name], name
    assert len(got["change_log"]) == 45 + 46 + 6 + 10 + 1  # people, positions, places
    assert got["search"]["nguyen huu duc"] and got["search"]["daegu"]
    with empty_catalog.read_session() as session:  # one operation: one undo step
        operations = session.execute(text("SELECT DISTINCT operation_id FROM change_log"))
        assert len(operations.all()) == 1


def test_undo_of_a_batched_import_leaves_the_catalog_as_it_was(empty_catalog: Catalog,
                                                               tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "dai-bieu.xlsx", _rows())
    report = interchange.import_prepared(empty_catalog, interchange.prepare(path),
                                         skip_bad_rows=True, backup=False)
    assert report.undo is not None and report.created["person"] == 45
    importer.undo(empty_catalog, report.undo)
    with empty_catalog.read_session() as session:
        assert session.execute(text("SELECT count(*) FROM person")).scalar_one() == 0
        assert session.execute(text("SELECT count(*) FROM position")).scalar_one() == 0
        assert search.search(session, "binh") == []


def test_create_many_refuses_what_create_refuses_and_writes_nothing(
        empty_catalog: Catalog) -> None:
    with ops.transaction(empty_catalog) as tx:
        ids = tx.create_many(RecordKind.COUNTRY, [{"code": "VN", "name": "Viet Nam"},
                                                  {"code": "KR", "name": "Korea"}])
    assert len(ids) == 2
    rows = [{"code": "FR", "name": "France"}, {"code": "FR", "name": "France again"}]
    with pytest.raises(ops.RowValidationError) as refused, ops.transaction(empty_catalog) as tx:
        tx.create_many(RecordKind.COUNTRY, rows)
    assert refused.value.path == (("rows", 1),) and "code" in refused.value.errors
    with pytest.raises(ops.RowValidationError) as taken, ops.transaction(empty_catalog) as tx:
        tx.create_many(RecordKind.COUNTRY, [{"code": "DE", "name": "Germany"},
                                            {"code": "VN", "name": "Again"}])
    assert taken.value.path == (("rows", 1),)
    with pytest.raises(ops.RowValidationError) as missing, ops.transaction(empty_catalog) as tx:
        tx.create_many(RecordKind.POSITION, [{"person_id": 999, "title": "Chairman"}])
    assert missing.value.errors == {"person_id": "This refers to a record that no longer exists."}
    with pytest.raises(ops.RowValidationError) as unnamed, ops.transaction(empty_catalog) as tx:
        tx.create_many(RecordKind.PERSON, [{"family_name": "Lê"}, {"given_names": "An"}])
    assert unnamed.value.path == (("rows", 1),) and "family_name" in unnamed.value.errors
    with empty_catalog.read_session() as session:
        assert session.execute(text("SELECT count(*) FROM country")).scalar_one() == 2
        assert session.get(Person, 1) is None


@pytest.mark.both_engines
def test_a_colleague_writing_during_an_import_loses_nothing_and_never_sees_half_of_it(
        empty_catalog: Catalog, tmp_path: Path) -> None:
    people = 1500
    rows: list[list[object]] = [HEADERS[:6]] + [
        [n, f"Đỗ Thị Hà {n}", "Chuyên viên", f"Sở Ngoại vụ {n % 40}", f"Tỉnh {n % 9}",
         f"ha{n}@example.gov.vn"] for n in range(1, people + 1)]
    path = write_xlsx(tmp_path / "dai-bieu.xlsx", rows)
    prepared = interchange.prepare(path)
    stop = tmp_path / "stop"
    colleague = subprocess.Popen(
        [sys.executable, "-m", "tests.interchange.bystander",
         str(empty_catalog.path or empty_catalog.url), str(stop)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert colleague.stdout is not None
        assert colleague.stdout.readline().strip() == "ready", colleague.stderr
        began = time.time()
        report = interchange.import_prepared(empty_catalog, prepared, backup=False)
        ended = time.time()
        stop.touch()
        out, err = colleague.communicate(timeout=300)
    finally:
        if colleague.poll() is None:
            colleague.kill()
    assert colleague.returncode == 0, err[-2000:]
    seen = json.loads(out.strip().splitlines()[-1])
    assert report.written and report.created["person"] == people
    # the colleague really wrote while the import ran...
    assert any(began <= start <= ended for start, _end in seen["spans"])
    # ...never saw part of it (all its people and organisations, or none)...
    assert {tuple(c) for c in seen["counts"]} <= {(0, 0), (people, 40)}
    # ...and lost nothing: every organisation it was told was saved is there.
    with empty_catalog.read_session() as session:
        names = set(session.execute(text("SELECT name FROM organisation")).scalars())
        assert session.execute(text("SELECT count(*) FROM person")).scalar_one() == people
        assert session.execute(text("SELECT count(*) FROM position")).scalar_one() == people
        assert len(search.search(session, "do thi ha", limit=2000)) == people
    assert set(seen["written"]) <= names and seen["written"]
    assert not set(seen["refused"]) & names  # "not saved" was true
    assert len([n for n in names if n.startswith("Sở Ngoại vụ")]) == 40
