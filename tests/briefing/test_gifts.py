"""Gifts print on the person, delegation and pairing sheets, so the next visit never
repeats one: a later visit with the same person recalls what was given before."""

from __future__ import annotations

import pytest
from sqlmodel import select

from db.catalog import Catalog
from db.models import Delegation
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, render
from tests.briefing.conftest import K, create, delegation_id, person_id
from tests.briefing.pdfcheck import flat, text_of

pytestmark = pytest.mark.both_engines

HANOI_2017 = "EU World Cities delegation to Hanoi"
SECTION = "Gifts given and received"


def _sheet(catalog: Catalog, kind: Kind, record_id: int, options: SheetOptions) -> str:
    return flat(text_of(render(catalog, kind, record_id, options)))


def test_the_sample_records_no_gift_and_prints_no_section(sample_catalog: Catalog,
                                                          options: SheetOptions) -> None:
    visit = delegation_id(sample_catalog, HANOI_2017)
    assert SECTION not in _sheet(sample_catalog, Kind.DELEGATION, visit, options)
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    assert SECTION not in _sheet(sample_catalog, Kind.PERSON, chung, options)


def test_a_gift_prints_on_the_person_the_visit_the_pairing_and_the_next_visit(
        sample_catalog: Catalog, options: SheetOptions) -> None:
    visit = delegation_id(sample_catalog, HANOI_2017)
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    angelet = person_id(sample_catalog, "Angelet")
    create(sample_catalog, K.GIFT, description="Lacquer painting",
           direction="given", date="2017-06-13", from_person_id=chung, to_person_id=angelet,
           delegation_id=visit, value="about 2,000,000 VND", notes="<b>wrapped</b> in silk")
    with sample_catalog.read_session() as session:
        pairing = session.get(Delegation, visit).pairing_id  # type: ignore[union-attr]
    assert pairing is not None

    person = _sheet(sample_catalog, Kind.PERSON, angelet, options)
    delegation = _sheet(sample_catalog, Kind.DELEGATION, visit, options)
    profile = _sheet(sample_catalog, Kind.PAIRING, pairing, options)
    for text in (person, delegation, profile):
        assert SECTION in text
        assert "Lacquer painting" in text
        assert "From Nguyễn Đức Chung" in text and "To Bruno Angelet" in text
        assert "13 Jun 2017" in text or "13 June 2017" in text
        assert "<b>wrapped</b> in silk" in text  # user text is never markup
    assert "Given" in person.split(SECTION, 1)[1]

    # A year later Angelet comes back, on a visit with no pairing: his sheet recalls it.
    later = create(sample_catalog, K.DELEGATION, title="Return visit 2018",
                   start_date="2018-05-02")
    create(sample_catalog, K.DELEGATION_MEMBER, delegation_id=later, person_id=angelet,
           role="head")
    again = _sheet(sample_catalog, Kind.DELEGATION, later, options)
    assert SECTION in again and "Lacquer painting" in again

    # Another visit, with other people and no pairing, is not cluttered with it.
    other = create(sample_catalog, K.DELEGATION, title="Unrelated visit")
    assert SECTION not in _sheet(sample_catalog, Kind.DELEGATION, other, options)


def test_gifts_print_newest_first_and_in_the_pack(sample_catalog: Catalog,
                                                  options: SheetOptions) -> None:
    visit = delegation_id(sample_catalog, HANOI_2017)
    angelet = person_id(sample_catalog, "Angelet")
    create(sample_catalog, K.GIFT, description="Older gift", direction="received",
           date="2016-01-05", from_person_id=angelet)
    create(sample_catalog, K.GIFT, description="Newer gift", direction="received",
           date="2017-06-13", from_person_id=angelet)
    text = _sheet(sample_catalog, Kind.PERSON, angelet, options)
    assert text.index("Newer gift") < text.index("Older gift")
    assert "Received" in text and "From Bruno Angelet" in text and "To " not in text.split(
        "Newer gift", 1)[1].split("Older gift", 1)[0]
    with sample_catalog.read_session() as session:
        assert session.exec(select(Delegation).where(Delegation.id == visit)).one()
    pack = _sheet(sample_catalog, Kind.PACK, visit, options)
    assert "Newer gift" in pack and "Older gift" in pack  # Angelet's bio in the pack
