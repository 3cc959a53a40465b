"""Citations: "[2]" in a record's text is the second entry of its Sources list, on the
sheet and in the app's detail pane alike; no internal number ("(003)", "source 000")
ever reaches a reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.catalog import Catalog
from db.kinds import RecordKind
from gui.briefing.document import SheetOptions
from gui.briefing.render import render
from tests.briefing.conftest import person_id
from tests.briefing.pdfcheck import flat, text_of
from tests.gui.helpers import close_window, open_window

INTERNAL = re.compile(r"\(\d{3}\)|\bsource \d{3}\b", re.IGNORECASE)


def _sources_list(text: str) -> dict[int, str]:
    """The numbered entries after the last "Sources" heading: {1: "Work Meeting…", …}."""
    listing = text.rsplit("Sources", 1)[1]
    return {int(n): title.strip() for n, title in
            re.findall(r"^(\d+)\. (.+)$", listing, flags=re.MULTILINE)}


def test_the_delegation_sheet_cites_by_the_numbers_of_its_sources_list(
        sample_catalog: Catalog, options: SheetOptions) -> None:
    text = text_of(render(sample_catalog, "delegation", 1, options))
    listed = _sources_list(text)
    assert listed[1].startswith("Work Meeting in Vietnam")
    assert listed[2].startswith("Milan hỗ trợ Hà Nội")
    body = flat(text.rsplit("Sources", 1)[0])
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    assert cited == {2}  # the Vietnamese article backs the meeting's details
    assert "health and administrative reform [2]" in body
    assert not INTERNAL.search(text), INTERNAL.search(text)


@pytest.mark.parametrize(("kind", "who"), [
    ("person", ("Angelet", "Bruno")), ("person", ("Piccioni", "Cecilia")),
    ("person", ("Trần", "Sỹ Thanh")), ("pairing", None), ("delegation", None),
])
def test_no_sheet_prints_an_internal_source_number(sample_catalog: Catalog,
                                                   options: SheetOptions, kind: str,
                                                   who: tuple[str, str] | None) -> None:
    record = person_id(sample_catalog, *who) if who else 1
    text = text_of(render(sample_catalog, kind, record, options))
    assert not INTERNAL.search(text), INTERNAL.search(text)
    listed = _sources_list(text) if "Sources" in text else {}
    for number in re.findall(r"\[(\d+)\]", text.rsplit("Sources", 1)[0]):
        assert int(number) in listed, (number, listed)


def test_the_detail_pane_numbers_sources_as_the_sheet_does(qtbot: QtBot,
                                                           sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    try:
        window.open_record(RecordKind.DELEGATION.value, 1)
        pane = window.current_page().detail
        qtbot.waitUntil(lambda: "2. Milan hỗ trợ Hà Nội xây dựng đô thị thông minh"
                        in pane.texts(), timeout=10_000)
        texts = pane.texts()
        assert "1. Work Meeting in Vietnam" in texts
        assert any("administrative reform [2]" in text for text in texts)
        assert not any(INTERNAL.search(text) for text in texts)
    finally:
        close_window(window)
