"""The detail pane shows a person's and a delegation's protocol facts; a contact
officer recorded as a person is a link, with the phone and e-mail of their record."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from db import ops
from db.kinds import RecordKind
from tests.gui.helpers import open_window


def test_detail_pane_shows_the_protocol_facts(qtbot: QtBot, sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    assert window.catalog is not None
    lan = ops.create(window.catalog, RecordKind.PERSON, {
        "family_name": "Trần", "given_names": "Thị Lan", "name_order": "family_first",
        "email": "lan@hanoi.gov.vn", "pronunciation": "chun tee LAHN",
        "written_address": "Bà Trần Thị Lan", "dietary": "Ăn chay",
        "interpreter": "Không cần"}).ids(RecordKind.PERSON)[0]
    delegation = ops.create(window.catalog, RecordKind.DELEGATION, {
        "title": "Đoàn Milan", "arrival": "VN 18, Nội Bài", "departure": "VN 19",
        "accommodation": "Metropole", "our_contact_id": lan,
        "their_contact_details": "Ms Rossi, +39 02 1234", "press": "VTV"}
                            ).ids(RecordKind.DELEGATION)[0]
    window.open_record(RecordKind.PERSON.value, lan)
    detail = window.current_page().detail
    qtbot.waitUntil(lambda: "chun tee LAHN" in detail.texts(), timeout=10_000)
    for text in ("Pronunciation", "Bà Trần Thị Lan", "Written style of address", "Ăn chay",
                 "Dietary requirements", "Không cần"):
        assert text in detail.texts(), text
    window.open_record(RecordKind.DELEGATION.value, delegation)
    detail = window.current_page().detail
    qtbot.waitUntil(lambda: "Metropole" in detail.texts(), timeout=10_000)
    for text in ("VN 18, Nội Bài", "VN 19", "VTV", "Ms Rossi, +39 02 1234",
                 "Our contact officer", "Their contact officer", "lan@hanoi.gov.vn"):
        assert text in detail.texts(), text
    assert "Trần Thị Lan" in [link.text() for link in detail.links()]
