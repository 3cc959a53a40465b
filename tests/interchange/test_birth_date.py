"""Birth dates: imported under their usual headers, as precise as the file knows them,
exported in every format, and used to tell namesakes apart."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import vobject
from openpyxl import load_workbook
from sqlalchemy import select
from sqlmodel import col

from db import interchange, ops
from db.catalog import Catalog
from db.interchange.duplicates import candidates
from db.interchange.export import export
from db.interchange.fields import match_header
from db.models import Person, RecordKind
from tests.interchange.files import write_csv, write_xlsx


def _births(catalog: Catalog) -> dict[str, str | None]:
    with catalog.read_session() as session:
        return {f"{p.family_name} {p.given_names}": p.birth_date for p in session.execute(
            select(Person).order_by(col(Person.id))).scalars()}


def test_headers_that_name_a_birth_date() -> None:
    for header in ("Ngày sinh", "NGAY SINH", "Birth date", "DOB", "Date of birth"):
        assert match_header(RecordKind.PERSON, header) == "birth_date", header


def test_birth_dates_imported_to_the_day_month_or_year(empty_catalog: Catalog,
                                                       tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "dai-bieu.xlsx", [
        ["Họ và tên", "Ngày sinh", "Tỉnh/Thành phố"],
        ["Nguyễn Văn An", dt.datetime(1965, 3, 14), "Hà Nội"],  # a spreadsheet date
        ["Trần Thị Bình", "14/03/1966", "Huế"],
        ["Lê Văn Cường", "03/1967", "Đà Nẵng"],
        ["Phạm Thị Dung", 1968, "Cần Thơ"],  # a year typed as a number
        ["Hoàng Văn Em", "31/02/1969", "Hải Phòng"],  # no such day
    ])
    report = interchange.import_prepared(empty_catalog, interchange.prepare(path),
                                         skip_bad_rows=True)
    assert [(i.row, i.column) for i in report.errors] == [(6, "Ngày sinh")]
    assert report.notices == []  # the column is kept, not only used for matching
    assert _births(empty_catalog) == {"Nguyễn Văn An": "1965-03-14", "Trần Thị Bình": "1966-03-14",
                                      "Lê Văn Cường": "1967-03", "Phạm Thị Dung": "1968"}


def test_namesakes_with_different_birth_dates_stay_two_people(empty_catalog: Catalog,
                                                              tmp_path: Path) -> None:
    headers = ["Họ và tên", "Ngày sinh", "Chức vụ"]
    first = write_csv(tmp_path / "a.csv", [headers, ["Nguyễn Hữu Đức", "1962-05-01", "Chủ tịch"],
                                           ["Nguyễn Hữu Đức", "1970", "Giám đốc Sở"]])
    report = interchange.import_prepared(empty_catalog, interchange.prepare(first))
    assert report.created["person"] == 2, report.as_dict()
    # the same people again, one with a more precise date: matched, nothing new
    again = write_csv(tmp_path / "b.csv", [headers, ["Nguyễn Hữu Đức", "1962-05-01", "Chủ tịch"],
                                           ["Nguyễn Hữu Đức", "07/1970", "Giám đốc Sở"]])
    report = interchange.import_prepared(empty_catalog, interchange.prepare(again))
    assert report.created.get("person", 0) == 0 and report.review == [], report.as_dict()
    with empty_catalog.read_session() as session:
        births = sorted(session.execute(select(col(Person.birth_date))).scalars())
    assert births == ["1962-05-01", "1970-07"]


def test_birth_date_in_every_export(empty_catalog: Catalog, tmp_path: Path) -> None:
    ops.create(empty_catalog, RecordKind.PERSON, {
        "family_name": "Nguyễn", "given_names": "Văn An", "birth_date": "14/03/1965"})
    ops.create(empty_catalog, RecordKind.PERSON, {
        "family_name": "Trần", "given_names": "Bình", "birth_date": "1966"})
    export(empty_catalog, "csv", tmp_path / "p.csv", kind="person", language="vi")
    with (tmp_path / "p.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["Ngày sinh"] for r in rows] == ["1965-03-14", "1966"]
    export(empty_catalog, "xlsx", tmp_path / "p.xlsx", kind="person")
    sheet = load_workbook(tmp_path / "p.xlsx").worksheets[0]
    header = [c.value for c in sheet[1]]
    column = header.index("Birth date")
    assert [r[column] for r in sheet.iter_rows(min_row=2, values_only=True)] == [
        "1965-03-14", "1966"]
    export(empty_catalog, "popolo", tmp_path / "p.json")
    persons = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["persons"]
    assert [p.get("birth_date") for p in persons] == ["1965-03-14", "1966"]
    export(empty_catalog, "json", tmp_path / "c.json")
    people = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["records"]["person"]
    assert [p["birth_date"] for p in people] == ["1965-03-14", "1966"]
    export(empty_catalog, "vcard", tmp_path / "p.vcf")
    cards = list(vobject.readComponents((tmp_path / "p.vcf").read_text(encoding="utf-8")))
    assert cards[0].bday.value == "1965-03-14"
    assert not hasattr(cards[1], "bday")  # vCard 3 has no year-only birthday


def test_birth_dates_in_duplicate_scores(empty_catalog: Catalog) -> None:
    def person(given: str, born: str | None) -> int:
        values = {"family_name": "Nguyễn", "given_names": given, "birth_date": born}
        return ops.create(empty_catalog, RecordKind.PERSON, values).changes[0].id

    a, b = person("Hữu Đức", "1962-05-01"), person("Huu Duc", "1962-05-01")
    c, d = person("Văn Hùng", "1962"), person("Van Hung", "1975-01-02")
    with empty_catalog.read_session() as session:
        found = {(x.a_id, x.b_id): x for x in candidates(session, RecordKind.PERSON)}
    assert found[(a, b)].score == 100 and "same birth date" in found[(a, b)].reasons
    assert (c, d) not in found  # namesakes born 13 years apart
