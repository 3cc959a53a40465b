"""Exports: the whole catalog round-trips through JSON; sheets, cards and calendars parse."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from db import interchange, ops
from db.catalog import Catalog, create_catalog
from db.interchange.catalog_json import ORDER
from db.interchange.export import export
from db.models import RecordKind
from tests.interchange.files import PNG


def canonical(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The records with every id replaced by the record's position in its kind's list, so
    two catalogs with the same content compare equal whatever ids they gave out."""
    from db.interchange.catalog_json import _references

    records = document["records"]
    position = {(kind, row["id"]): index for kind in records
                for index, row in enumerate(records[kind])}
    out: dict[str, list[dict[str, Any]]] = {}
    for kind in ORDER:
        refs = _references(kind)
        rows = []
        for row in records[kind.value]:
            clean = {}
            for name, value in row.items():
                if name == "id":
                    continue
                if name in refs and value is not None:
                    value = position[(refs[name].value, value)]
                if name == "record_id" and kind in (RecordKind.CITATION, RecordKind.ATTACHMENT):
                    value = position[(row["record_kind"], value)]
                clean[name] = value
            rows.append(clean)
        out[kind.value] = rows
    return out


def test_json_round_trip_through_an_empty_catalog(sample_catalog: Catalog,
                                                  tmp_path: Path) -> None:
    with sample_catalog.read_session() as session:
        from sqlmodel import select

        from db.models import Person
        person = session.execute(select(Person)).scalars().first()
        assert person is not None and person.id is not None
    ops.create(sample_catalog, RecordKind.ATTACHMENT, {
        "record_kind": "person", "record_id": person.id, "role": "photo",
        "filename": "p.png", "media_type": "image/png", "size": len(PNG),
        "sha256": __import__("hashlib").sha256(PNG).hexdigest(), "data": PNG})
    first = tmp_path / "first.json"
    total = export(sample_catalog, "json", first)
    assert total > 300
    with create_catalog(tmp_path / "copy.liaison", sample=False) as copy:
        report = interchange.import_prepared(copy, interchange.prepare(first))
        assert report.errors == [] and report.written
        second = tmp_path / "second.json"
        export(copy, "json", second)
        again = interchange.import_prepared(copy, interchange.prepare(first))
        assert again.created == {} and again.updated == {}  # the same file twice: nothing new
    a = json.loads(first.read_text(encoding="utf-8"))
    b = json.loads(second.read_text(encoding="utf-8"))
    assert a["format"] == "liaison-catalog" and a["version"] == 1
    assert canonical(a) == canonical(b)


def test_csv_headers_by_language_and_formula_injection(sample_catalog: Catalog,
                                                       tmp_path: Path) -> None:
    ops.create(sample_catalog, RecordKind.PERSON, {
        "family_name": "=HYPERLINK(\"http://evil\",\"x\")", "given_names": "+1 Tab",
        "phone": "+84 24 3825 3536", "biography": "-minus", "protocol_notes": "@at"})
    path = tmp_path / "people.csv"
    export(sample_catalog, "csv", path, kind="person", language="vi")
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[0][:3] == ["Danh xưng", "Tên", "Họ"]
    evil = next(r for r in rows if "HYPERLINK" in "".join(r))
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in evil)
    # The phone is stored as E.164 (+84...): neutralised like any formula.
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in evil and "'+842438253536" in evil
    english = tmp_path / "people-en.csv"
    export(sample_catalog, "csv", english)
    assert next(csv.reader(english.open(encoding="utf-8-sig")))[:3] == [
        "Honorific", "Given names", "Family name"]
    # Importing the sheet back takes the apostrophes off and adds nobody.
    report = interchange.import_prepared(sample_catalog, interchange.prepare(path))
    assert report.created.get("person", 0) == 0 and report.errors == []


def test_xlsx_one_sheet_per_kind_and_cells_are_text(sample_catalog: Catalog,
                                                    tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ops.create(sample_catalog, RecordKind.ORGANISATION, {"name": "=1+1 Corp"})
    path = tmp_path / "all.xlsx"
    export(sample_catalog, "xlsx", path, language="vi")
    book = load_workbook(path)
    assert book.sheetnames == ["Nhân vật", "Cơ quan", "Thành phố", "Kết nghĩa", "Đoàn",
                               "Sự kiện"]
    orgs = book["Cơ quan"]
    cells = [c.value for row in orgs.iter_rows() for c in row]
    assert "'=1+1 Corp" in cells
    assert all(c.data_type != "f" for row in orgs.iter_rows() for c in row)


def test_vcards_parse_and_carry_the_photo(sample_catalog: Catalog, tmp_path: Path) -> None:
    import vobject

    result = ops.create(sample_catalog, RecordKind.PERSON, {
        "family_name": "Rossi", "given_names": "Giulia", "email": "c@eeas.europa.eu"})
    person_id = result.changes[0].id
    ops.create(sample_catalog, RecordKind.ATTACHMENT, {
        "record_kind": "person", "record_id": person_id, "role": "photo",
        "filename": "p.png", "media_type": "image/png", "size": len(PNG),
        "sha256": __import__("hashlib").sha256(PNG).hexdigest(), "data": PNG})
    path = tmp_path / "people.vcf"
    count = export(sample_catalog, "vcard", path)
    cards = list(vobject.readComponents(path.read_text(encoding="utf-8")))
    assert len(cards) == count > 10
    card = next(c for c in cards if c.fn.value == "Giulia Rossi")
    assert card.photo.value == PNG and card.email.value == "c@eeas.europa.eu"
    chung = next(c for c in cards if c.n.value.family == "Nguyễn")
    assert chung.fn.value == "Nguyễn Đức Chung" and chung.title.value
    # And back in: the same people, nobody new.
    report = interchange.import_prepared(sample_catalog, interchange.prepare(path))
    assert report.created.get("person", 0) == 0, report.as_dict()


def test_ical_programme_in_its_time_zone(sample_catalog: Catalog, tmp_path: Path) -> None:
    from icalendar import Calendar
    from sqlmodel import select

    from db.models import City, Delegation

    with sample_catalog.read_session() as session:
        delegation = session.execute(select(Delegation)).scalars().first()
        hanoi = session.execute(select(City).where(City.name == "Hanoi")).scalars().one()
        assert delegation is not None
    ops.create(sample_catalog, RecordKind.ENGAGEMENT, {
        "delegation_id": delegation.id, "title": "Meeting at Tây Hồ District",
        "date": "2017-06-14", "start_time": "09:30", "end_time": "11:00",
        "city_id": hanoi.id})
    path = tmp_path / "programme.ics"
    count = export(sample_catalog, "ical", path)
    calendar = Calendar.from_ical(path.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == count >= 2
    meeting = next(e for e in events if str(e["SUMMARY"]) == "Meeting at Tây Hồ District")
    start = meeting.decoded("DTSTART")
    assert start.tzinfo is not None and str(start.tzinfo) == "Asia/Ho_Chi_Minh"
    assert start.astimezone(dt.UTC) == dt.datetime(2017, 6, 14, 2, 30, tzinfo=dt.UTC)
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    summit = next(e for e in events if "Smart City Summit 2023" in str(e["SUMMARY"]))
    assert summit.decoded("DTSTART") == dt.date(2023, 11, 29)


def test_popolo_export_reads_back(sample_catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "popolo.json"
    export(sample_catalog, "popolo", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"persons", "organizations", "memberships", "posts"} <= set(data)
    chung = next(p for p in data["persons"] if p["name"] == "Nguyễn Đức Chung")
    assert any(m["person_id"] == chung["id"] for m in data["memberships"])
    report = interchange.import_prepared(sample_catalog, interchange.prepare(path))
    assert report.created.get("person", 0) == 0 and report.errors == []


def test_export_refusals(sample_catalog: Catalog, tmp_path: Path) -> None:
    with pytest.raises(interchange.FileProblem, match="does not exist"):
        export(sample_catalog, "csv", tmp_path / "nowhere" / "x.csv")
    with pytest.raises(interchange.FileProblem, match="not exported as rows"):
        export(sample_catalog, "csv", tmp_path / "x.csv", kind="engagement")
