"""Files in each format and encoding an office has, imported into real catalogs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import col, select

from db import interchange
from db.catalog import Catalog
from db.models import Attachment, City, Event, Organisation, Person, Position
from tests.interchange.files import (
    GOOGLE_CALENDAR,
    PNG,
    VCARD_3_PHOTO,
    VCARD_4,
    write_csv,
    write_xlsx,
)

HEADERS_VI = ["Họ và tên", "Chức vụ", "Cơ quan", "Tỉnh/Thành phố", "Email", "Điện thoại"]
PEOPLE_VI = [
    ["Nguyễn Đức Chung", "Chủ tịch", "UBND Thành phố Hà Nội", "Hà Nội", "chung@hanoi.gov.vn",
     "+84 24 3825 3536"],
    ["Trần Sỹ Thanh", "Chủ tịch", "UBND Thành phố Hà Nội", "Hà Nội", "", ""],
    ["Kwon Young Gull", "Chairman", "Daegu City Council", "Daegu", "", ""],
]


def people(catalog: Catalog) -> dict[str, Person]:
    with catalog.read_session() as session:
        found = session.execute(select(Person).order_by(col(Person.id))).scalars().all()
    return {f"{p.family_name} {p.given_names}": p for p in found}


def titles(catalog: Catalog, person_id: int) -> list[tuple[str, str | None]]:
    with catalog.read_session() as session:
        return [(title, org) for title, org in session.execute(
            select(col(Position.title), col(Organisation.name))
            .join(Organisation, col(Position.organisation_id) == col(Organisation.id),
                  isouter=True)
            .where(col(Position.person_id) == person_id))]


def load(catalog: Catalog, path: Path, **options: object) -> interchange.Report:
    prepared = interchange.prepare(path, **options)  # type: ignore[arg-type]
    return interchange.import_prepared(catalog, prepared)


def test_windows_1258_csv_with_combining_tones_is_detected_and_stored_nfc(
        empty_catalog: Catalog, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "danh-ba.csv", [HEADERS_VI, *PEOPLE_VI], encoding="cp1258")
    assert "Nguyễn".encode() not in path.read_bytes()  # really the ANSI code page
    prepared = interchange.prepare(path)
    assert prepared.table is not None and prepared.table.encoding == "cp1258"
    report = interchange.import_prepared(empty_catalog, prepared)
    assert report.errors == [] and report.written
    found = people(empty_catalog)
    chung = found["Nguyễn Đức Chung"]
    assert chung.family_name == "Nguyễn" and chung.given_names == "Đức Chung"
    assert chung.name_order == "family_first" and chung.address_by == "given"
    assert chung.email == "chung@hanoi.gov.vn"
    assert titles(empty_catalog, chung.id or 0) == [("Chủ tịch", "UBND Thành phố Hà Nội")]
    kwon = found["Kwon Young Gull"]
    assert kwon.name_order == "family_first" and kwon.address_by == "family"


def test_semicolon_csv_with_bom(empty_catalog: Catalog, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "excel.csv", [HEADERS_VI, *PEOPLE_VI], delimiter=";", bom=True)
    prepared = interchange.prepare(path)
    assert prepared.table is not None
    assert prepared.table.delimiter == ";" and prepared.table.headers[0] == "Họ và tên"
    report = interchange.import_prepared(empty_catalog, prepared)
    assert report.created["person"] == 3 and report.created["organisation"] == 2
    assert set(people(empty_catalog)) == {"Nguyễn Đức Chung", "Trần Sỹ Thanh",
                                          "Kwon Young Gull"}


def test_utf16_tab_separated_and_windows_1252(empty_catalog: Catalog, tmp_path: Path) -> None:
    utf16 = write_csv(tmp_path / "unicode.txt", [HEADERS_VI, *PEOPLE_VI], delimiter="\t",
                      encoding="utf-16")
    assert load(empty_catalog, utf16).created["person"] == 3
    western = write_csv(tmp_path / "western.csv",
                        [["First name", "Last name", "Organisation", "City"],
                         ["François", "Müller-Lüdenscheidt", "Ville de Genève", "Genève"]],
                        encoding="cp1252")
    prepared = interchange.prepare(western)
    assert prepared.table is not None and prepared.table.encoding in ("cp1252", "latin_1")
    interchange.import_prepared(empty_catalog, prepared)
    assert people(empty_catalog)["Müller-Lüdenscheidt François"].given_names == "François"


def test_encoding_override_and_unknown_encoding(empty_catalog: Catalog, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [HEADERS_VI, *PEOPLE_VI], encoding="cp1258")
    with pytest.raises(interchange.FileProblem, match="not in utf-8"):
        interchange.prepare(path, encoding="utf-8")
    with pytest.raises(interchange.FileProblem, match="unknown encoding"):
        interchange.prepare(path, encoding="klingon")
    assert interchange.prepare(path, encoding="cp1258").rows == 3


def test_xlsx_with_vietnamese_headers_and_a_merged_title_row(empty_catalog: Catalog,
                                                            tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "khach.xlsx", [
        ["STT", "Họ", "Tên", "Chức vụ", "Cơ quan", "Quốc tịch", "Ngày sinh"],
        [1, "Nguyễn", "Đức Chung", "Chủ tịch", "UBND Thành phố Hà Nội", "Việt Nam", "05/03/1967"],
        [2, "Angelet", "Bruno", "Ambassador", "EU Delegation", "Belgium", None],
    ], title="DANH SÁCH KHÁCH MỜI HỘI NGHỊ 2017")
    prepared = interchange.prepare(path)
    assert prepared.kind is not None and prepared.kind.value == "person"
    assert prepared.mapping is not None
    assert prepared.mapping.used == {1: "family_name", 2: "given_names", 3: "title",
                                     4: "organisation", 5: "nationality", 6: "birth_date"}
    assert [n.column for n in prepared.notices] == ["STT"]  # the birth date is kept
    assert [r["row"] for r in prepared.preview()] == [3, 4]
    report = interchange.import_prepared(empty_catalog, prepared)
    assert report.errors == []
    found = people(empty_catalog)
    assert found["Nguyễn Đức Chung"].name_order == "family_first"
    assert found["Nguyễn Đức Chung"].birth_date == "1967-03-05"  # day first, as written
    assert found["Angelet Bruno"].name_order == "given_first"
    with empty_catalog.read_session() as session:
        codes = set(session.execute(select(col(City.name))).scalars())
        assert codes == set()
        from db.models import Country
        assert set(session.execute(select(col(Country.code))).scalars()) == {"VN", "BE"}


def test_xlsx_named_sheet(empty_catalog: Catalog, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "k.xlsx", [["Name", "Email"], ["Bruno Angelet", "b@eu.eu"]],
                      sheet="Khách")
    with pytest.raises(interchange.FileProblem, match="no sheet 'Other'"):
        interchange.prepare(path, sheet="Other")
    assert interchange.prepare(path, sheet="Khách").rows == 1


def test_vcards_with_photos(empty_catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_text(VCARD_3_PHOTO + VCARD_4, encoding="utf-8")
    report = load(empty_catalog, path)
    assert report.errors == [] and report.created["person"] == 2
    found = people(empty_catalog)
    chung = found["Nguyễn Đức Chung"]
    assert chung.honorific == "Ông" and chung.phone == "+84912345678"  # stored as E.164
    assert titles(empty_catalog, chung.id or 0) == [("Chairman", "Hanoi People's Committee")]
    with empty_catalog.read_session() as session:
        photos = session.execute(select(Attachment).where(
            col(Attachment.role) == "photo")).scalars().all()
        assert sorted(p.record_id for p in photos) == sorted(
            p.id for p in found.values())
        assert all(p.data == PNG and p.media_type == "image/png" for p in photos)
        hanoi = session.execute(select(City)).scalars().one()
        assert hanoi.name == "Hà Nội"
    assert load(empty_catalog, path).created == {}  # the same cards again: nothing new


def test_google_calendar_events(empty_catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "calendar.ics"
    path.write_text(GOOGLE_CALENDAR, encoding="utf-8")
    report = load(empty_catalog, path)
    assert report.errors == [] and report.created["event"] == 2
    with empty_catalog.read_session() as session:
        events = {e.name: e for e in session.execute(select(Event)).scalars()}
    summit = events["Vietnam – Asia Smart City Summit 2023"]
    assert (summit.start_date.isoformat(), summit.end_date.isoformat()) == (  # type: ignore[union-attr]
        "2023-11-29", "2023-11-30")
    assert summit.venue_note == "Trung tâm Hội nghị Quốc gia, Hà Nội"
    meeting = events["Làm việc với Sở Ngoại vụ"]
    assert meeting.start_date is not None and meeting.start_date.isoformat() == "2024-03-15"
    assert load(empty_catalog, path).created == {}


def test_popolo(empty_catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "popolo.json"
    path.write_text(json.dumps({
        "persons": [{"id": "p1", "name": "Nguyễn Hữu Đức", "email": "duc@binhduong.gov.vn"},
                    {"id": "p2", "family_name": "Angelet", "given_name": "Bruno",
                     "honorific_prefix": "H.E."}],
        "organizations": [{"id": "o1", "name": "UBND tỉnh Bình Dương"},
                          {"id": "o2", "name": "European Union",
                           "other_names": [{"name": "EU"}]},
                          {"id": "o3", "name": "EU Delegation to Vietnam", "parent_id": "o2"}],
        "posts": [{"id": "post1", "label": "Ambassador", "organization_id": "o3"}],
        "memberships": [{"person_id": "p1", "organization_id": "o1", "role": "Phó Chủ tịch",
                         "start_date": "2016-05-01"},
                        {"person_id": "p2", "post_id": "post1"}],
    }, ensure_ascii=False), encoding="utf-8")
    report = load(empty_catalog, path)
    assert report.errors == []
    assert report.created["person"] == 2 and report.created["organisation"] == 3
    found = people(empty_catalog)
    duc = found["Nguyễn Hữu Đức"]
    assert titles(empty_catalog, duc.id or 0) == [("Phó Chủ tịch", "UBND tỉnh Bình Dương")]
    assert titles(empty_catalog, found["Angelet Bruno"].id or 0) == [
        ("Ambassador", "EU Delegation to Vietnam")]
    with empty_catalog.read_session() as session:
        orgs = {o.name: o for o in session.execute(select(Organisation)).scalars()}
    assert orgs["EU Delegation to Vietnam"].parent_id == orgs["European Union"].id
    assert orgs["European Union"].acronym == "EU"


def test_unreadable_files_are_one_clear_problem(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(interchange.FileProblem, match="format"):
        interchange.prepare(tmp_path / "x.pdf")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(interchange.FileProblem, match="not an Excel workbook"):
        interchange.prepare(tmp_path / "bad.xlsx")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(interchange.FileProblem, match="not valid JSON"):
        interchange.prepare(tmp_path / "bad.json")
    (tmp_path / "cols.csv").write_text("Foo,Bar\n1,2\n", encoding="utf-8")
    with pytest.raises(interchange.FileProblem, match="no column"):
        interchange.prepare(tmp_path / "cols.csv")
    with pytest.raises(interchange.FileProblem, match="there is no file"):
        interchange.prepare(tmp_path / "missing.csv")
