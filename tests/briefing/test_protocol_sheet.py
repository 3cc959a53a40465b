"""What a protocol briefing says, read back from the PDFs with pdfplumber: on the internal
bio sheet the pronunciation, the written style of address beside the spoken one, the
interpreter and dietary needs; on the internal delegation sheet arrival, departure,
hotel, contact officers of both sides, press, and everyone's needs. The counterpart's
copy keeps only the contact officers (see gui.briefing.protocol)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from db import i18n
from db.catalog import Catalog, create_catalog
from db.limits import max_length
from db.models import RecordKind
from gui.briefing.document import SheetOptions
from gui.briefing.render import render
from tests.briefing.conftest import create
from tests.briefing.pdfcheck import flat, text_of
from tests.briefing.test_never_crash import _repeat, assert_inside_margins

K = RecordKind
PERSON_ONLY = ("NGWEN-QX", "Ngài Nguyễn Đức Chung, Chủ tịch UBND-QX", "INTERPRETER-QX",
               "Ăn chay DIET-QX")
TRAVEL_ONLY = ("ARRIVAL-QX Nội Bài", "DEPARTURE-QX", "Khách sạn HOTEL-QX", "PRESS-QX")
CONTACTS = ("Trần Thị Lan", "+84 901 234 567", "lan@hanoi.gov.vn", "Ms Rossi CONTACT-QX")


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalog, dict[str, int]]:
    catalog = create_catalog(tmp_path_factory.mktemp("pr") / "c.liaison", sample=False)
    chung = create(catalog, K.PERSON, family_name="Nguyễn", given_names="Đức Chung",
                   name_order="family_first", address_by="given", honorific="Mr",
                   pronunciation=PERSON_ONLY[0], written_address=PERSON_ONLY[1],
                   interpreter=PERSON_ONLY[2], dietary=PERSON_ONLY[3], languages=["vi"])
    create(catalog, K.POSITION, person_id=chung, title="Chairman", address_title="Chairman",
           start_date=dt.date(2015, 12, 1))
    lan = create(catalog, K.PERSON, family_name="Trần", given_names="Thị Lan",
                 name_order="family_first", phone="+84 90 123 4567",
                 email="lan@hanoi.gov.vn")
    delegation = create(
        catalog, K.DELEGATION, title="Visit", direction="incoming", status="planned",
        start_date=dt.date(2017, 6, 13), arrival=TRAVEL_ONLY[0], departure=TRAVEL_ONLY[1],
        accommodation=TRAVEL_ONLY[2], press=TRAVEL_ONLY[3], our_contact_id=lan,
        their_contact_details=CONTACTS[3])
    create(catalog, K.DELEGATION_MEMBER, delegation_id=delegation, person_id=chung,
           role="head")
    event = create(catalog, K.EVENT, name="Summit", start_date=dt.date(2017, 6, 14))
    create(catalog, K.EVENT_PARTICIPANT, event_id=event, person_id=chung, role="speaker")
    return catalog, {"person": chung, "delegation": delegation, "pack": delegation,
                     "event": event}


def _text(catalog: Catalog, kind: str, record_id: int, options: SheetOptions,
          **more: object) -> str:
    return flat(text_of(render(catalog, kind, record_id,
                               dataclasses.replace(options, **more))))  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_internal_bio_sheet_prints_the_protocol_facts(
        records: tuple[Catalog, dict[str, int]], options: SheetOptions, language: str) -> None:
    catalog, ids = records
    text = _text(catalog, "person", ids["person"], options, language=language)
    for value in PERSON_ONLY:
        assert value in text, value
    i18n.set_language(language)
    try:
        words = [i18n._("Pronunciation"), i18n._("In writing"), i18n._("Protocol"),
                 i18n._("Interpreting"), i18n._("Dietary requirements")]
    finally:
        i18n.set_language("en")
    for word in words:
        assert word in text, word
    if language == "vi":
        assert "Cách đọc tên" in text and "Chế độ ăn" in text
    # the written style sits beside the spoken form of address, under it
    assert text.index("Chairman Chung") < text.index(PERSON_ONLY[1])


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_internal_delegation_sheet_prints_logistics_contacts_press_and_needs(
        records: tuple[Catalog, dict[str, int]], options: SheetOptions, language: str) -> None:
    catalog, ids = records
    text = _text(catalog, "delegation", ids["delegation"], options, language=language)
    for value in (*TRAVEL_ONLY, *CONTACTS, PERSON_ONLY[0], PERSON_ONLY[2], PERSON_ONLY[3]):
        assert value in text, value
    if language == "vi":
        for word in ("Đón / tiễn", "Cán bộ liên lạc", "Báo chí", "Đón đoàn", "Tiễn đoàn"):
            assert word in text, word


@pytest.mark.parametrize("kind", ["person", "delegation", "pack", "event"])
@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_counterpart_copy_keeps_only_the_contact_officers(
        records: tuple[Catalog, dict[str, int]], options: SheetOptions, kind: str,
        language: str) -> None:
    catalog, ids = records
    internal = _text(catalog, kind, ids[kind], options, language=language)
    counterpart = _text(catalog, kind, ids[kind], options, language=language, counterpart=True)
    assert "Nguyễn Đức Chung" in counterpart
    for value in (*PERSON_ONLY, *TRAVEL_ONLY):
        if value in internal:
            assert value not in counterpart, value
    assert all(value in internal for value in PERSON_ONLY)  # events: speakers' needs
    if kind in ("delegation", "pack"):
        assert all(value in internal for value in TRAVEL_ONLY)
        for value in CONTACTS:  # both sides need to know whom to call
            assert value in counterpart, value


@pytest.mark.parametrize("counterpart", [False, True])
def test_every_protocol_field_at_its_limit_prints_inside_the_margins(
        tmp_path_factory: pytest.TempPathFactory, options: SheetOptions,
        counterpart: bool) -> None:
    """Each new field as long as the store allows (500 or 10,000 characters), in any
    script and with markup-like text: a PDF, every character inside the margins."""
    pieces = ["Nguyễn Đức Chung ", "서울 ", "<b>&amp; ", "محمد ", "W" * 70, "\n", "😀 "]

    def long(field: str) -> str:
        return _repeat(pieces, max_length(field))

    catalog = create_catalog(tmp_path_factory.mktemp("lim") / "c.liaison", sample=False)
    person_fields = ("pronunciation", "written_address", "interpreter", "dietary",
                     "protocol_notes")
    officer = create(catalog, K.PERSON, family_name="Lan", phone="+84 90 123 4567")
    chung = create(catalog, K.PERSON, family_name="Nguyễn",
                   **{name: long(name) for name in person_fields})
    delegation_fields = ("arrival", "departure", "accommodation", "our_contact_details",
                         "their_contact_details", "press")
    delegation = create(catalog, K.DELEGATION, title="Visit", our_contact_id=officer,
                        **{name: long(name) for name in delegation_fields})
    create(catalog, K.DELEGATION_MEMBER, delegation_id=delegation, person_id=chung)
    with catalog:
        for kind, record_id in (("person", chung), ("delegation", delegation),
                                ("pack", delegation)):
            data = render(catalog, kind, record_id,
                          dataclasses.replace(options, counterpart=counterpart))
            assert_inside_margins(data)
            if not counterpart:
                assert "Continued text" in text_of(data)  # cut in the table, given in full
