"""A person's and a delegation's protocol facts travel through export and import: the
catalog's JSON keeps them (contact officers as links to people), a Vietnamese CSV names
them as an office would and imports back into a new catalog."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlmodel import select

from db import interchange, ops
from db.catalog import Catalog, create_catalog
from db.interchange.export import export
from db.interchange.fields import match_header
from db.models import Delegation, Person, RecordKind
from tests.interchange.files import write_csv

K = RecordKind
PERSON = {"pronunciation": "NGWEN dook CHOONG",
          "written_address": "Ngài Nguyễn Đức Chung, Chủ tịch UBND TP Hà Nội",
          "interpreter": "Cần phiên dịch Việt – Anh", "dietary": "Ăn chay"}
DELEGATION = {"arrival": "VN 18, 13/6 06:35, Nội Bài T2", "departure": "VN 19, 16/6",
              "accommodation": "Sofitel Legend Metropole", "our_contact_details": "+84 90 1",
              "their_contact_details": "Ms Rossi, +39 02 1", "press": "Báo Hà Nội Mới"}


def _fill(catalog: Catalog) -> tuple[int, int]:
    lan = ops.create(catalog, K.PERSON, {"family_name": "Nguyễn", "given_names": "Thị Lan",
                                         "name_order": "family_first", **PERSON}).ids(K.PERSON)[0]
    rossi = ops.create(catalog, K.PERSON, {"family_name": "Rossi", "given_names": "Anna"}
                       ).ids(K.PERSON)[0]
    ops.create(catalog, K.DELEGATION, {"title": "Milan to Hanoi", "our_contact_id": lan,
                                       "their_contact_id": rossi, **DELEGATION})
    return lan, rossi


def _read(catalog: Catalog) -> tuple[dict[str, object], dict[str, object]]:
    with catalog.read_session() as session:
        person = next(p for p in session.exec(select(Person)).all() if p.given_names == "Thị Lan")
        delegation = next(d for d in session.exec(select(Delegation)).all()
                          if d.title == "Milan to Hanoi")
        ours = session.get(Person, delegation.our_contact_id or 0)
        theirs = session.get(Person, delegation.their_contact_id or 0)
        return ({name: getattr(person, name) for name in PERSON},
                {**{name: getattr(delegation, name) for name in DELEGATION},
                 "ours": ours.given_names if ours else None,
                 "theirs": theirs.family_name if theirs else None})


def test_catalog_json_round_trip_keeps_them(empty_catalog: Catalog, tmp_path: Path) -> None:
    _fill(empty_catalog)
    export(empty_catalog, "json", tmp_path / "c.json")
    with create_catalog(tmp_path / "copy.liaison", sample=False) as copy:
        report = interchange.import_prepared(copy, interchange.prepare(tmp_path / "c.json"))
        assert report.errors == []
        assert _read(copy) == (PERSON, {**DELEGATION, "ours": "Thị Lan", "theirs": "Rossi"})


def test_vietnamese_csv_names_them_and_imports_back(empty_catalog: Catalog,
                                                   tmp_path: Path) -> None:
    _fill(empty_catalog)
    export(empty_catalog, "csv", tmp_path / "people.csv", kind="person", language="vi")
    export(empty_catalog, "csv", tmp_path / "visits.csv", kind="delegation", language="vi")
    with (tmp_path / "visits.csv").open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["Cán bộ liên lạc phía ta"] == "Nguyễn Thị Lan"
    assert row["Đón đoàn"] == DELEGATION["arrival"] and row["Báo chí"] == "Báo Hà Nội Mới"
    with (tmp_path / "people.csv").open(encoding="utf-8-sig", newline="") as handle:
        lan = next(r for r in csv.DictReader(handle) if r["Tên"] == "Thị Lan")
    assert (lan["Cách đọc tên"], lan["Chế độ ăn"]) == ("NGWEN dook CHOONG", "Ăn chay")
    with create_catalog(tmp_path / "copy.liaison", sample=False) as copy:
        for name in ("people.csv", "visits.csv"):
            report = interchange.import_prepared(copy, interchange.prepare(
                tmp_path / name, kind="person" if name == "people.csv" else "delegation"))
            assert report.errors == [], report.as_dict()
        assert _read(copy) == (PERSON, {**DELEGATION, "ours": "Thị Lan", "theirs": "Rossi"})


def test_office_headers_name_the_fields(tmp_path: Path, empty_catalog: Catalog) -> None:
    for header, field in (("Cách đọc tên", "pronunciation"), ("CHE DO AN", "dietary"),
                          ("Written style of address", "written_address"),
                          ("Phiên dịch", "interpreter")):
        assert match_header(K.PERSON, header) == field, header
    for header, field in (("Tiễn đoàn", "departure"), ("Khách sạn", "accommodation"),
                          ("Their contact officer", "their_contact"), ("Media", "press")):
        assert match_header(K.DELEGATION, header) == field, header
    path = write_csv(tmp_path / "p.csv", [["Họ và tên", "Chế độ ăn", "Cách đọc tên"],
                                          ["Trần Sỹ Thanh", "Không ăn hải sản", "CHUN see TAN"]])
    report = interchange.import_prepared(empty_catalog, interchange.prepare(path))
    assert report.errors == []
    with empty_catalog.read_session() as session:
        (person,) = session.exec(select(Person)).all()
    assert (person.dietary, person.pronunciation) == ("Không ăn hải sản", "CHUN see TAN")
