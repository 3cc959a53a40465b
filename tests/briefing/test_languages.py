"""The same sheet in Vietnamese and in English: every word of ours in the printout's
language, dates and numbers as each language writes them, forms of address by the
person's conventions. Read back from the PDF with pdfplumber."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db import i18n
from db.catalog import Catalog, create_catalog
from db.models import RecordKind
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, render, write_all
from tests.briefing.conftest import create
from tests.briefing.pdfcheck import flat, pages_text, text_of

ROOT = Path(__file__).resolve().parents[2]


def sheet(catalog: Catalog, kind: str, record_id: int, options: SheetOptions,
          language: str) -> str:
    return flat(text_of(render(catalog, kind, record_id,
                               dataclasses.replace(options, language=language))))


def test_the_delegation_sheet_in_vietnamese_and_in_english(sample_catalog: Catalog,
                                                           options: SheetOptions) -> None:
    vi = sheet(sample_catalog, "delegation", 1, options, "vi")
    en = sheet(sample_catalog, "delegation", 1, options, "en")
    for words in ("TÀI LIỆU PHỤC VỤ ĐOÀN · ĐOÀN VÀO", "Thành phần đoàn (2)",
                  "Chương trình làm việc (5 hoạt động)", "Trưởng đoàn",
                  "Thành phần làm việc với đoàn", "Thứ Ba,", "13/06/2017",
                  "5 hoạt động, từ ngày 13 tháng 6 năm 2017", "Trang 1 / 3",
                  "In ngày 2 tháng 1 năm 2025", "(tiếp theo)", "Nguồn"):
        assert words in vi, words
    for words in ("DELEGATION BRIEFING · INCOMING", "Members (2)",
                  "Programme (5 engagements)", "Head of delegation", "People they meet",
                  "Tuesday,", "5 engagements, from 13 June 2017",
                  "Page 1 of 3", "Printed 2 January 2025", "(continued)", "Sources"):
        assert words in en, words
    # Our words never leak from one language into the other; the records' text is the same.
    for english in ("Members", "Programme", "Page 1 of", "Printed", "June 2017,",
                    "People they meet", "(continued)"):
        assert english not in vi, english
    for vietnamese in ("Thành phần", "Trang ", "tháng 6 năm"):
        assert vietnamese not in en, vietnamese
    assert "Bruno Angelet" in vi and "Bruno Angelet" in en
    # The records' own Vietnamese forms (db.bilingual) and CLDR's country names.
    assert "Thành phố đón đoàn Hà Nội, Việt Nam" in vi
    assert "Host city Hanoi (Hà Nội), Vietnam" in en


def test_forms_of_address_follow_the_person_in_either_language(sample_catalog: Catalog,
                                                               options: SheetOptions) -> None:
    """Mr López is Ông López on a Vietnamese sheet and Chairman Chung is Chủ tịch Chung:
    the honorific and the title are the language's, the name the one each is addressed
    by (Chung, his last given name; López, his family name)."""
    vi = sheet(sample_catalog, "delegation", 1, options, "vi")
    en = sheet(sample_catalog, "delegation", 1, options, "en")
    assert "Xưng hô Ông López" in vi and "Address as Mr López" in en
    assert "Xưng hô Chủ tịch Chung" in vi and "Address as Chairman Chung" in en
    assert "Xưng hô Mr" not in vi and "Xưng hô Chairman" not in vi


def test_numbers_and_date_ranges_in_each_language(tmp_path: Path, options: SheetOptions) -> None:
    with create_catalog(tmp_path / "c.liaison", sample=False) as catalog:
        event = create(catalog, RecordKind.EVENT, name="Expo", attendance=1_100_000,
                       start_date=dt.date(2017, 6, 13), end_date=dt.date(2017, 6, 15))
        vi = sheet(catalog, "event", event, options, "vi")
        en = sheet(catalog, "event", event, options, "en")
    assert "Số người tham dự 1.100.000" in vi and "Attendance 1,100,000" in en
    assert "ngày 13–15 tháng 6 năm 2017" in vi and "13–15 June 2017" in en


def test_the_printout_language_leaves_the_interface_language_alone(
        sample_catalog: Catalog, options: SheetOptions) -> None:
    i18n.set_language("en")
    vi = sheet(sample_catalog, "person", 1, options, "vi")
    assert "Tiểu sử tóm tắt".upper() in vi and "Cần xác nhận trước buổi làm việc" in vi
    assert i18n.language() == "en" and i18n._("Members") == "Members"


def liaison(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gui", *args], cwd=ROOT, text=True,
                          capture_output=True, env={**os.environ, **env}, timeout=120)


@pytest.mark.parametrize(("args", "env", "language"), [
    (("brief", "delegation", "1", "--language", "vi"), {}, "vi"),
    (("brief", "delegation", "1", "--language", "en"), {"LANGUAGE": "vi"}, "en"),
    (("--language", "vi", "brief", "delegation", "1"), {}, "vi"),
    (("brief", "delegation", "1"), {"LANGUAGE": "vi"}, "vi"),
    (("brief", "delegation", "1"), {"LANGUAGE": "en"}, "en"),
])
def test_brief_language_on_the_command_line(sample_path: Path, tmp_path: Path,
                                            args: tuple[str, ...], env: dict[str, str],
                                            language: str) -> None:
    """``brief --language`` chooses the sheet's language; without it the sheet follows
    the command line's language (``--language`` before the command, LANGUAGE, LANG)."""
    target = tmp_path / "sheet.pdf"
    result = liaison(*args, "-o", str(target), "--catalog", str(sample_path), **env)
    assert result.returncode == 0, result.stderr
    first = pages_text(target.read_bytes())[0]
    label = "Thành phần đoàn (2)" if language == "vi" else "Members (2)"
    assert label in first, first
    assert ("ngày 13 tháng 6 năm 2017" in flat(first)) == (language == "vi")


def test_gifts_and_open_actions_on_a_vietnamese_sheet(tmp_path: Path,
                                                     options: SheetOptions) -> None:
    with create_catalog(tmp_path / "g.liaison", sample=False) as catalog:
        giver = create(catalog, RecordKind.PERSON, family_name="Nguyễn", given_names="Đức Chung",
                       name_order="family_first", address_by="given")
        create(catalog, RecordKind.GIFT, description="Lacquer painting", direction="given",
               date="2017-06-13", from_person_id=giver)
        create(catalog, RecordKind.ACTION_ITEM, what="Send the study", person_id=giver,
               due_date="2017-09-30")
        vi = sheet(catalog, "person", giver, options, "vi")
        en = sheet(catalog, "person", giver, options, "en")
    assert "Quà đã tặng và đã nhận" in vi and "Bên tặng Nguyễn Đức Chung" in vi
    assert "Gifts given and received" in en and "From Nguyễn Đức Chung" in en
    assert "Gifts given" not in vi and "From " not in vi
    assert "Việc còn tồn đọng từ các buổi làm việc trước" in vi
    assert "quá hạn" in vi and "Chưa có hạn" not in vi
    assert "Open actions from earlier meetings" in en and "overdue" in en
    assert "overdue" not in vi and "Open actions" not in vi


def test_a_batch_prints_in_the_printout_language(sample_catalog: Catalog, tmp_path: Path,
                                                 options: SheetOptions) -> None:
    """``brief --all`` (render.write_all) writes each sheet in the printout's language,
    whatever language the process speaks."""
    i18n.set_language("en")
    written = write_all(sample_catalog, Kind.PAIRING, tmp_path,
                        dataclasses.replace(options, language="vi"))
    assert written
    for path in written:
        first = pages_text(path.read_bytes())[0]
        assert "HỒ SƠ QUAN HỆ KẾT NỐI" in first and "Trang 1 / " in first, path.name
