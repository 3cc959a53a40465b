"""Briefing sheets as a protocol officer reads them: the right names, titles on the right day,
nothing private, hostile text printed literally, every page numbered and every font embedded."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
import time_machine

from db import ops, registry
from db.catalog import Catalog
from db.models import RecordKind
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, NotFoundError, render
from gui.briefing.styles import Paper
from tests.briefing.conftest import K, create, delegation_id, person_id
from tests.briefing.pdfcheck import (
    BASE14,
    bookmarks,
    flat,
    fonts,
    metadata,
    page_sizes,
    pages_text,
    text_of,
)

# The same behaviour on a catalog file and on the office server (tests/conftest.py).
pytestmark = pytest.mark.both_engines

HANOI_2017 = "EU World Cities delegation to Hanoi"


def _all_ids(catalog: Catalog, kind: RecordKind) -> list[int]:
    with catalog.read_session() as session:
        return registry.record_ids(session, kind)


def test_vietnamese_names_print_exactly_in_nfc(sample_catalog: Catalog,
                                              options: SheetOptions) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    text = text_of(render(sample_catalog, Kind.PERSON, chung, options))
    assert unicodedata.is_normalized("NFC", text)
    assert "Nguyễn Đức Chung" in text
    assert "Chairman Chung" in text
    delegation = text_of(render(sample_catalog, Kind.DELEGATION,
                                delegation_id(sample_catalog, HANOI_2017), options))
    assert "Nguyễn Đức Chung" in delegation and "Hà Nội" in delegation
    assert "Ramón López" in delegation


def test_titles_are_read_on_the_visits_date_and_bios_show_the_current_one(
        sample_catalog: Catalog, options: SheetOptions) -> None:
    lam = create(sample_catalog, K.PERSON, family_name="Đặng", given_names="Văn Lâm",
                 name_order="family_first", address_by="given", honorific="Mr")
    create(sample_catalog, K.POSITION, person_id=lam, title="Director of the Planning Department",
           address_title="Director", start_date="2015-03-01", end_date="2019-12-31", rank=40)
    create(sample_catalog, K.POSITION, person_id=lam,
           title="Vice Chairman of the City People's Committee", address_title="Vice Chairman",
           start_date="2020-01-15", rank=25)
    visit = create(sample_catalog, K.DELEGATION, title="Planning study visit, May 2017",
                   start_date="2017-05-10", end_date="2017-05-12", status="completed")
    create(sample_catalog, K.DELEGATION_MEMBER, delegation_id=visit, person_id=lam, role="head")

    briefing = flat(text_of(render(sample_catalog, Kind.DELEGATION, visit, options)))
    assert "Đặng Văn Lâm" in briefing
    assert "Director of the Planning Department" in briefing
    assert "Address as Director Lâm" in briefing
    assert "Vice Chairman" not in briefing
    assert "Titles as held on 10 May 2017" in briefing

    bio = flat(text_of(render(sample_catalog, Kind.PERSON, lam, options)))
    assert "Vice Chairman Lâm" in bio  # the form of address today
    header = bio.split("Name ", 1)[0]
    assert "Vice Chairman of the City People's Committee" in header
    assert "Director of the Planning Department" not in header
    assert "Director of the Planning Department" in bio  # in the position history
    assert "15 January 2020" in bio and "current" in bio


def test_the_2017_title_comes_from_the_first_dated_engagement_when_the_visit_is_undated(
        sample_catalog: Catalog, options: SheetOptions) -> None:
    text = flat(text_of(render(sample_catalog, Kind.DELEGATION,
                               delegation_id(sample_catalog, HANOI_2017), options)))
    assert "Titles as held on 13 June 2017" in text
    assert "Head of the European Union Delegation to Vietnam" in text


def test_private_notes_never_print(sample_catalog: Catalog, options: SheetOptions) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    with sample_catalog.read_session() as session:
        from db.models import Person

        version = session.get(Person, chung).version  # type: ignore[union-attr]
    ops.update(sample_catalog, K.PERSON, chung,
               {"private_notes": "SECRET-7731 do not print", "protocol_notes": "Bows first."},
               expected_version=version)
    hanoi = delegation_id(sample_catalog, HANOI_2017)
    milan = delegation_id(sample_catalog, "Chairman Nguyễn Đức Chung")
    for kind, record in ((Kind.PERSON, chung), (Kind.DELEGATION, hanoi), (Kind.PACK, milan),
                         (Kind.PACK, hanoi), (Kind.PAIRING, 1)):
        text = text_of(render(sample_catalog, kind, record, options))
        assert "SECRET-7731" not in text, kind
    assert "Bows first." in text_of(render(sample_catalog, Kind.PERSON, chung, options))


HOSTILE = '<b>AT&T</b> <img src="http://x/y.png"> <font color="red">Đặng</font>'


def test_hostile_text_prints_literally_and_nothing_is_fetched(
        sample_catalog: Catalog, options: SheetOptions) -> None:
    someone = create(sample_catalog, K.PERSON, family_name=HOSTILE, name_order="mononym",
                     biography='<link href="javascript:alert(1)">click</link> & <br/> <i>',
                     protocol_notes="<para>&amp; &#x41; </para>")
    create(sample_catalog, K.POSITION, person_id=someone, title='<font size="80">Boss</font>')
    data = render(sample_catalog, Kind.PERSON, someone, options)
    text = flat(text_of(data))
    assert HOSTILE in text
    assert '<link href="javascript:alert(1)">click</link> & <br/> <i>' in text
    assert "<para>&amp; &#x41; </para>" in text
    assert '<font size="80">Boss</font>' in text
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert all(not page.images for page in pdf.pages)  # no <img> was followed
        assert all(not page.hyperlinks for page in pdf.pages)  # no <link> became a link
    visit = create(sample_catalog, K.DELEGATION, title=HOSTILE, purpose=HOSTILE)
    create(sample_catalog, K.DELEGATION_MEMBER, delegation_id=visit, person_id=someone)
    create(sample_catalog, K.ENGAGEMENT, delegation_id=visit, title=HOSTILE, topics=HOSTILE)
    for kind in (Kind.DELEGATION, Kind.PACK):
        assert HOSTILE in flat(text_of(render(sample_catalog, kind, visit, options)))


def test_every_font_is_embedded_and_none_is_base14(sample_catalog: Catalog,
                                                   options: SheetOptions) -> None:
    for kind, record in ((Kind.PACK, delegation_id(sample_catalog, HANOI_2017)),
                         (Kind.EVENT, 3), (Kind.PAIRING, 2)):
        used = fonts(render(sample_catalog, kind, record, options))
        assert used, kind
        assert not set(used) & BASE14, used
        assert all(f.embedded and f.subtype == "TrueType" for f in used.values()), used
        assert {"NotoSans-Regular", "NotoSans-Bold"} <= set(used)


def test_pages_are_numbered_page_x_of_y(sample_catalog: Catalog, options: SheetOptions) -> None:
    pages = pages_text(render(sample_catalog, Kind.PACK,
                              delegation_id(sample_catalog, HANOI_2017), options))
    assert len(pages) >= 5
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Printed 2 January 2025" in text
        assert sample_catalog.name in text  # "Sample catalog", or the server database's name


def test_pack_has_a_bookmark_for_each_part_pointing_at_its_first_page(
        sample_catalog: Catalog, options: SheetOptions) -> None:
    data = render(sample_catalog, Kind.PACK, delegation_id(sample_catalog, HANOI_2017), options)
    marks = bookmarks(data)
    parts = [m for m in marks if m.level == 1]
    assert [m.title for m in parts] == [
        "Delegation briefing: EU World Cities delegation to Hanoi (Milan pairing), June 2017",
        "Bio sheet: Bruno Angelet", "Bio sheet: Ramón López", "Pairing profile: Hanoi – Milan"]
    pages = pages_text(data)
    assert parts[0].page == 1
    for mark, kicker, name in zip(parts[1:], ("BIO SHEET", "BIO SHEET", "PAIRING PROFILE"),
                                  ("Bruno Angelet", "Ramón López", "Hanoi – Milan"), strict=True):
        page = pages[mark.page - 1]
        assert kicker in page and name in page
        assert kicker not in pages[mark.page - 2] or name not in pages[mark.page - 2]
    assert [m.page for m in parts] == sorted(m.page for m in parts)
    sections = [m.title for m in marks if m.level == 2]
    assert "Members (2)" in sections and "Positions" in sections and "Timeline" in sections


def test_single_sheets_have_section_bookmarks_and_metadata(sample_catalog: Catalog,
                                                           options: SheetOptions) -> None:
    data = render(sample_catalog, Kind.EVENT, 3, options)
    assert [m.title for m in bookmarks(data)][:2] == ["About the event", "Figures"]
    meta = metadata(data)
    assert meta["Title"] == "Event briefing: Vietnam-Asia Smart City Summit 2024"
    assert meta["Author"] == f"{sample_catalog.name} (Liaison)"
    assert meta["Subject"] == "Event briefing"


def test_paper_size_and_classification_line(sample_catalog: Catalog) -> None:
    a4 = render(sample_catalog, Kind.EVENT, 3, SheetOptions(reproducible=True))
    letter = render(sample_catalog, Kind.EVENT, 3,
                    SheetOptions(paper=Paper.LETTER, classification="For official use",
                                 reproducible=True))
    assert set(page_sizes(a4)) == {(595, 842)}
    assert set(page_sizes(letter)) == {(612, 792)}
    for text in pages_text(letter):
        assert text.count("FOR OFFICIAL USE") == 2  # top and bottom of every page
    assert "FOR OFFICIAL USE" not in text_of(a4)


def test_output_is_reproducible(sample_catalog: Catalog, options: SheetOptions) -> None:
    hanoi = delegation_id(sample_catalog, HANOI_2017)
    assert render(sample_catalog, Kind.PACK, hanoi, options) == \
        render(sample_catalog, Kind.PACK, hanoi, options)


@pytest.mark.parametrize("kind", [Kind.DELEGATION, Kind.PERSON, Kind.PAIRING, Kind.EVENT,
                                  Kind.PACK])
def test_every_sample_sheet_prints_without_placeholders(sample_catalog: Catalog,
                                                        options: SheetOptions,
                                                        kind: Kind) -> None:
    for record in _all_ids(sample_catalog, kind.record_kind):
        text = text_of(render(sample_catalog, kind, record, options))
        words = set(flat(text).split())
        assert not words & {"None", "null", "NaT", "[]", "{}"}, (kind, record)


def test_unknown_record_says_so(sample_catalog: Catalog) -> None:
    with pytest.raises(NotFoundError, match=r"^There is no delegation with id 99\.$"):
        render(sample_catalog, Kind.DELEGATION, 99)
    with pytest.raises(NotFoundError, match="There is no delegation with id 99"):
        render(sample_catalog, Kind.PACK, 99)
    with pytest.raises(NotFoundError, match="There is no person with id 5000"):
        render(sample_catalog, Kind.PERSON, 5000)


def test_bare_records_print_and_leave_unknowns_out(empty_catalog: Catalog,
                                                  options: SheetOptions) -> None:
    lone = create(empty_catalog, K.PERSON, family_name="Hoan", name_order="mononym")
    visit = create(empty_catalog, K.DELEGATION, title="Visit with nothing known yet")
    hanoi = create(empty_catalog, K.CITY, name="Hanoi")
    milan = create(empty_catalog, K.CITY, name="Milan")
    pairing = create(empty_catalog, K.PAIRING, city_a_id=hanoi, city_b_id=milan)
    summit = create(empty_catalog, K.EVENT, name="Summit")
    for kind, record in ((Kind.PERSON, lone), (Kind.DELEGATION, visit), (Kind.PACK, visit),
                         (Kind.PAIRING, pairing), (Kind.EVENT, summit)):
        text = flat(text_of(render(empty_catalog, kind, record, options)))
        assert "Page 1 of 1" in text
        assert "None" not in text.split()
    visit_text = flat(text_of(render(empty_catalog, Kind.DELEGATION, visit, options)))
    assert "No members are recorded for this delegation." in visit_text
    assert "the visit's date is not recorded" in visit_text


def test_long_names_and_texts_wrap_inside_the_page(sample_catalog: Catalog,
                                                   options: SheetOptions) -> None:
    import io

    import pdfplumber

    long_name = "Wolfeschlegelsteinhausenbergerdorff" * 6
    someone = create(sample_catalog, K.PERSON, family_name=long_name, given_names="Hubert Blaine",
                     biography=("Served on many committees. " * 360).strip())
    create(sample_catalog, K.POSITION, person_id=someone,
           title="Special Envoy " + "for Sustainable Urban Development " * 12)
    visit = create(sample_catalog, K.DELEGATION, title="Visit " + "X" * 400,
                   date_note="sometime " * 50)
    create(sample_catalog, K.DELEGATION_MEMBER, delegation_id=visit, person_id=someone,
           role="head", notes="note " * 300)
    create(sample_catalog, K.ENGAGEMENT, delegation_id=visit, title="Talks",
           topics=("Topic with many words. " * 430).strip(), place="Z" * 200)
    for kind, record in ((Kind.PERSON, someone), (Kind.DELEGATION, visit)):
        data = render(sample_catalog, kind, record, options)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            assert len(pdf.pages) > 1
            for page in pdf.pages:
                right = float(page.width) - 18 * 72 / 25.4
                assert all(float(c["x0"]) >= 18 * 72 / 25.4 - 1 and float(c["x1"]) <= right + 1
                           for c in page.chars), (kind, page.page_number)
                assert all(float(c["top"]) >= 0 and float(c["bottom"]) <= float(page.height)
                           for c in page.chars)
        assert "Hubert Blaine" in text_of(data)


def test_delegation_history_lists_earlier_contacts_between_the_cities(
        sample_catalog: Catalog, options: SheetOptions) -> None:
    later = delegation_id(sample_catalog, "Chairman Nguyễn Đức Chung")
    text = flat(text_of(render(sample_catalog, Kind.DELEGATION, later, options)))
    assert "Earlier contacts between Hanoi and Milan" in text
    earlier = text.split("Earlier contacts between Hanoi and Milan", 1)[1]
    assert "EU World Cities delegation to Hanoi" in earlier  # table columns interleave
    assert "EU World Cities Kick-Off Event in Hanoi" in earlier
    first = flat(text_of(render(sample_catalog, Kind.DELEGATION,
                                delegation_id(sample_catalog, HANOI_2017), options)))
    assert "No earlier delegations or events between these cities are recorded." in first


def test_pairing_profile_places_key_people_on_their_side(sample_catalog: Catalog,
                                                         options: SheetOptions) -> None:
    text = flat(text_of(render(sample_catalog, Kind.PAIRING, 1, options)))
    hanoi_side = text.split("On the Hanoi side", 1)[1].split("On the Milan side", 1)[0]
    milan_side = text.split("On the Milan side", 1)[1].split("Also involved", 1)[0]
    assert "Nguyễn Đức Chung" in hanoi_side
    assert "Bruno Angelet" in milan_side and "Cecilia Piccioni" in milan_side
    assert "Igor Pakolak" in text.split("Also involved", 1)[1]
    assert "GIZ International Services" in text and "Water quality management" in text


def test_event_sheet_shows_speakers_with_titles_at_the_time(sample_catalog: Catalog,
                                                            options: SheetOptions) -> None:
    speaker = create(sample_catalog, K.PERSON, family_name="Yeo", given_names="Paula")
    create(sample_catalog, K.POSITION, person_id=speaker, title="Head of Smart Cities Unit",
           start_date="2020-01-01", end_date="2024-06-30", rank=30)
    create(sample_catalog, K.POSITION, person_id=speaker, title="Deputy Minister",
           start_date="2024-07-01", rank=12)
    create(sample_catalog, K.EVENT_PARTICIPANT, event_id=2, person_id=speaker, role="speaker")
    text = flat(text_of(render(sample_catalog, Kind.EVENT, 2, options)))
    block = text.split("Paula Yeo", 1)[1].split("Sources", 1)[0]
    assert "Head of Smart Cities Unit" in block
    assert "Deputy Minister" not in block
    assert "29–30 November 2023" in text and "Data Mining" in text


def test_dated_today_defaults(sample_catalog: Catalog) -> None:
    """With no date given, a sheet is dated the day it is printed (frozen at noon, so the test
    cannot straddle midnight)."""
    with time_machine.travel(dt.datetime(2031, 2, 28, 12, tzinfo=dt.UTC), tick=False):
        text = text_of(render(sample_catalog, Kind.EVENT, 9))
    assert "Printed 28 February 2031" in text


def test_original_script_prints_when_the_font_can(sample_catalog: Catalog,
                                                  options: SheetOptions) -> None:
    russian = create(sample_catalog, K.PERSON, family_name="Ivanova", given_names="Anna",
                     original_script="Анна Иванова")
    korean = create(sample_catalog, K.PERSON, family_name="Kwon", given_names="Young Gull",
                    original_script="권영걸")
    assert "Анна Иванова" in text_of(render(sample_catalog, Kind.PERSON, russian, options))
    text = flat(text_of(render(sample_catalog, Kind.PERSON, korean, options)))
    assert "Original script 권영걸" in text  # printed with the bundled CJK fallback font
    assert "cannot print" not in text
