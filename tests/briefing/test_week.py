"""The week's programme read back from the PDF: days in order, who, where, status, and
what is to confirm; in Vietnamese too; and from the command line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from db import i18n
from db.catalog import Catalog, create_catalog
from gui.briefing.agenda import render_week
from gui.briefing.document import SheetOptions
from tests.agenda_plan import plan_week
from tests.briefing.pdfcheck import flat, text_of

MONDAY = dt.date(2031, 3, 3)
OPTIONS = SheetOptions(printed_on=dt.date(2031, 3, 1), reproducible=True, catalog_name="Test")
ROOT = Path(__file__).resolve().parents[2]


def test_the_week_in_date_order_with_who_where_status(empty_catalog: Catalog) -> None:
    plan_week(empty_catalog, MONDAY)
    text = flat(text_of(render_week(empty_catalog, MONDAY, OPTIONS)))
    assert "PROGRAMME OF THE WEEK" in text and "Week of 3 March 2031" in text
    order = ["Monday, 3 March 2031", "Seoul City Council visit", "Kwon Young Gull",
             "14:00", "Visit to the Hi-Tech Park", "Hòa Lạc Hi-Tech Park",
             "Tuesday, 4 March 2031", "09:30", "Courtesy call on the Chairman",
             "Hanoi People's", "12:00", "Working lunch", "Nguyễn Thị Lan",
             "Thursday, 6 March 2031", "Đoàn Sở Ngoại vụ Đà Nẵng", "To confirm"]
    positions = [text.find(part) for part in order]
    assert -1 not in positions, [p for p, at in zip(order, positions, strict=True) if at < 0]
    assert positions == sorted(positions)
    assert "Confirmed" in text and "Planned" in text
    assert "Cancelled trade mission" not in text  # cancelled: off the programme
    assert "Study tour to Seoul" not in text  # in three weeks: not this week
    tray = text[text.find("To confirm"):]
    assert "Title not confirmed: Deputy Director" in tray
    assert "No venue" in tray and "No head of delegation" in tray


def test_an_empty_week_says_so(empty_catalog: Catalog) -> None:
    text = flat(text_of(render_week(empty_catalog, MONDAY, OPTIONS)))
    assert "Nothing is planned this week." in text


def test_the_week_in_vietnamese(empty_catalog: Catalog) -> None:
    plan_week(empty_catalog, MONDAY)
    with i18n.using("vi"):
        text = flat(text_of(render_week(empty_catalog, MONDAY, OPTIONS)))
    assert "CHƯƠNG TRÌNH LÀM VIỆC TUẦN" in text
    assert "Thứ Hai, ngày 3 tháng 3 năm 2031" in text
    assert "Cần xác nhận" in text and "Đoàn Sở Ngoại vụ Đà Nẵng" in text


def _liaison(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gui", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=120)


def test_brief_week_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.liaison"
    with create_catalog(path, sample=False) as catalog:
        plan_week(catalog, MONDAY)
    out = tmp_path / "week.pdf"
    done = _liaison("brief", "week", "--from", "2031-03-03", "-o", str(out), "--catalog",
                    str(path))
    assert done.returncode == 0, done.stderr
    assert "Seoul City Council visit" in flat(text_of(out.read_bytes()))
    bad = _liaison("brief", "week", "--from", "3rd of March", "-o", str(out), "--catalog",
                   str(path))
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "Traceback" not in bad.stderr and "not a date" in bad.stderr
