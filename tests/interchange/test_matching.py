"""People matched against the catalog: namesakes stay apart, the same person is updated."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func
from sqlmodel import col, select

from db import interchange, ops
from db.catalog import Catalog
from db.models import ChangeLogEntry, Organisation, Person, RecordKind
from tests.interchange.files import write_csv

HEADERS = ["Họ và tên", "Chức vụ", "Cơ quan", "Tỉnh", "Email"]


def count(catalog: Catalog, model: type) -> int:
    with catalog.read_session() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def load(catalog: Catalog, path: Path, **options: bool) -> interchange.Report:
    return interchange.import_prepared(catalog, interchange.prepare(path), **options)


def test_two_officials_with_one_name_from_two_provinces_stay_two(empty_catalog: Catalog,
                                                                 tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [
        HEADERS,
        ["Nguyễn Hữu Đức", "Phó Chủ tịch", "UBND tỉnh Bình Dương", "Bình Dương", ""],
        ["Nguyễn Hữu Đức", "Giám đốc Sở Xây dựng", "Sở Xây dựng Hà Nam", "Hà Nam", ""],
    ])
    report = load(empty_catalog, path)
    assert report.created["person"] == 2 and report.review == []
    assert count(empty_catalog, Person) == 2
    again = load(empty_catalog, path)
    assert again.created == {} and again.updated == {} and again.unchanged == 2
    assert count(empty_catalog, Person) == 2 and count(empty_catalog, Organisation) == 2


def test_the_same_person_seen_again_is_updated_not_duplicated(empty_catalog: Catalog,
                                                              tmp_path: Path) -> None:
    first = write_csv(tmp_path / "a.csv", [HEADERS, [
        "Nguyễn Đức Chung", "Chủ tịch", "UBND Thành phố Hà Nội", "Hà Nội", "chung@hanoi.gov.vn"]])
    load(empty_catalog, first)
    later = write_csv(tmp_path / "b.csv", [["Họ và tên", "Email", "Điện thoại"], [
        "Nguyen Duc Chung", "chung@hanoi.gov.vn", "+84 24 3825 3536"]])
    # Written without accents, found by folded name plus the same e-mail.
    later_report = load(empty_catalog, later)
    assert count(empty_catalog, Person) == 1, later_report.as_dict()


def test_a_name_that_fits_two_people_goes_to_review(sample_catalog: Catalog,
                                                    tmp_path: Path) -> None:
    for email in ("a@x.vn", "b@x.vn"):
        ops.create(sample_catalog, RecordKind.PERSON, {
            "family_name": "Lê", "given_names": "Văn Nam", "name_order": "family_first",
            "email": email})
    before = count(sample_catalog, Person)
    path = write_csv(tmp_path / "a.csv", [["Họ và tên", "Chức vụ"], ["Lê Văn Nam", "Chuyên viên"]])
    report = load(sample_catalog, path)
    assert [(i.row, "review") for i in report.review] == [(2, "review")]
    assert "Lê Văn Nam may be a person already in the catalog" in report.review[0].message
    assert count(sample_catalog, Person) == before


def test_five_bad_rows_of_500(empty_catalog: Catalog, tmp_path: Path) -> None:
    rows = [["Family name", "Given names", "Email", "Nationality", "Name order"]]
    bad = {37: "Email", 120: "Nationality", 250: "Family name", 333: "Name order",
           499: "Email"}
    for n in range(1, 501):
        row = [f"Person{n:03d}", "Anna", f"anna{n}@example.org", "Belgium", ""]
        if bad.get(n) == "Email":
            row[2] = f"anna{n}-at-example.org"
        elif bad.get(n) == "Family name":
            row[0] = ""
        elif bad.get(n) == "Nationality":
            row[3] = "Atlantis"
        elif bad.get(n) == "Name order":
            row[4] = "sideways"
        rows.append(row)
    path = write_csv(tmp_path / "big.csv", rows)
    prepared = interchange.prepare(path)
    refused = interchange.import_prepared(empty_catalog, prepared)
    assert refused.bad_rows == [38, 121, 251, 334, 500]  # file rows: the header is row 1
    assert [(i.row, i.column) for i in refused.errors] == [
        (38, "Email"), (121, "Nationality"), (251, "Family name"), (334, "Name order"),
        (500, "Email")]
    assert "Atlantis" in refused.errors[1].message
    assert not refused.written and count(empty_catalog, Person) == 0
    dry = interchange.import_prepared(empty_catalog, prepared, dry_run=True,
                                      skip_bad_rows=True)
    assert dry.created["person"] == 495 and not dry.written
    assert count(empty_catalog, Person) == 0
    taken = interchange.import_prepared(empty_catalog, prepared, skip_bad_rows=True)
    assert taken.written and taken.created["person"] == 495
    assert count(empty_catalog, Person) == 495


def test_an_import_is_one_operation_and_undoes_as_one(sample_catalog: Catalog,
                                                      tmp_path: Path) -> None:
    people_before = count(sample_catalog, Person)
    orgs_before = count(sample_catalog, Organisation)
    path = write_csv(tmp_path / "a.csv", [HEADERS,
        ["Nguyễn Văn Mới", "Chuyên viên", "Sở Ngoại vụ Đà Nẵng", "Đà Nẵng", ""],
        ["Bruno Angelet", "Ambassador", "", "", "bruno.angelet@eeas.europa.eu"]])
    report = load(sample_catalog, path)
    assert report.written and report.backup is not None and Path(report.backup).exists()
    assert report.result is not None
    with sample_catalog.read_session() as session:
        operations = set(session.execute(select(col(ChangeLogEntry.operation_id)).where(
            col(ChangeLogEntry.operation_id) == report.result.operation_id)).scalars())
    assert len(operations) == 1
    assert count(sample_catalog, Person) == people_before + 1
    assert report.undo is not None
    interchange.undo(sample_catalog, report.undo)
    assert count(sample_catalog, Person) == people_before
    assert count(sample_catalog, Organisation) == orgs_before
    with sample_catalog.read_session() as session:
        bruno = session.execute(select(Person).where(
            col(Person.family_name) == "Angelet")).scalars().one()
    assert bruno.email != "bruno.angelet@eeas.europa.eu"


def test_a_person_twice_in_one_file_is_one_person_with_one_position(
        empty_catalog: Catalog, tmp_path: Path) -> None:
    row = ["Trần Sỹ Thanh", "Chủ tịch", "UBND Thành phố Hà Nội", "Hà Nội", "thanh@hanoi.gov.vn"]
    path = write_csv(tmp_path / "twice.csv", [HEADERS, row, row,
                                             [*row[:1], "Bí thư", *row[2:]]])
    report = load(empty_catalog, path)
    assert report.created["person"] == 1 and report.created["position"] == 2
    assert report.unchanged == 1
    from db.models import Position

    assert count(empty_catalog, Position) == 2
