"""Any script prints: Hangul, Hanzi and Arabic names in the title, the running header and
the form of address (pdfplumber reads them back); emoji and direction marks never
vanish silently nor print as boxes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pdfplumber
import pytest

from db.catalog import Catalog
from gui.briefing import scripts
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, render
from tests.briefing.conftest import K, create
from tests.briefing.pdfcheck import pages_text

PEOPLE = [
    # (given, family, name order, address title, the name as it must print)
    ("정은", "김", "family_first", "위원장", "김 정은"),
    ("近平", "习", "family_first", "主席", "习 近平"),
    ("محمد", "العلي", "given_first", "Director", "محمد العلي"),
]


@pytest.mark.parametrize(("given", "family", "order", "title", "name"), PEOPLE)
def test_names_in_any_script_print_everywhere(empty_catalog: Catalog, options: SheetOptions,
                                              given: str, family: str, order: str,
                                              title: str, name: str) -> None:
    person = create(empty_catalog, K.PERSON, given_names=given, family_name=family,
                    name_order=order, address_by="family", original_script=name)
    create(empty_catalog, K.POSITION, person_id=person, title=f"{title} 😀 \u200fX",
           address_title=title, start_date=dt.date(2020, 1, 1), rank=10)
    data = render(empty_catalog, Kind.PERSON, person,
                  dataclasses.replace(options, printed_on=dt.date(2025, 1, 2)))
    page = pages_text(data)[0]
    shown = scripts.visual(name)  # Arabic: shaped and in drawing order
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        header = "".join(c["text"] for c in sorted(
            (c for c in pdf.pages[0].chars if c["top"] < 45), key=lambda c: c["x0"]))
    assert header.startswith(f"Bio sheet: {shown}"), header  # the running header
    lines = [line.strip() for line in page.splitlines()]
    assert lines.count(shown) >= 2, page  # the title, and the name in its own script
    address = scripts.visual(f"{title} {family}")
    assert f"Form of address {address}" in " ".join(page.split())
    assert "[emoji]" in page  # an emoji becomes a visible marker
    assert "\u200f" not in page and "\ufffd" not in page


def test_rtl_marks_and_emoji_are_made_visible_or_dropped() -> None:
    assert scripts.visual("a\u200fb\u202ec") == "abc"
    assert scripts.visual("ok 👍🏽") == "ok [emoji]"
    arabic = scripts.visual("محمد")
    assert arabic != "محمد" and all(0xFE70 <= ord(c) <= 0xFEFF for c in arabic)
    assert [font for _, font in scripts.runs("Seoul 서울 Xi'an 西安", "LiaisonSans")] == [
        "LiaisonSans", "LiaisonCJK", "LiaisonSans", "LiaisonCJK"]
    # Text the font has whole is one run, spaces and all (the common case, made at once).
    assert list(scripts.runs(" Nguyễn  Đức Chung ", "LiaisonSans")) == [
        (" Nguyễn  Đức Chung ", "LiaisonSans")]
    assert scripts.visual("Hà Nội\nSài Gòn") == "Hà Nội\nSài Gòn"
