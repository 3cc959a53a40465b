"""Dates read from notes, the exchanges between two cities, who was on which side."""

from __future__ import annotations

import datetime as dt

import pytest

from db import dates, reads
from db.catalog import Catalog
from db.models import RecordKind
from tests.briefing.conftest import create, delegation_id

# The same behaviour on a catalog file and on the office server (tests/conftest.py).
pytestmark = pytest.mark.both_engines


@pytest.mark.parametrize(("note", "day", "phrase"), [
    ("June 2017: meeting with Chairman Chung on 2017-06-13; dates not given",
     dt.date(2017, 6, 13), "13 June 2017"),
    ("November 2016 ('last November' in the June 2017 report)", dt.date(2016, 11, 1),
     "November 2016"),
    ("second half of 2017", dt.date(2017, 7, 1), "the second half of 2017"),
    ("2-day visit in 2017, after the Hanoi leg", dt.date(2017, 1, 1), "2017"),
    ("Sept. 2019", dt.date(2019, 9, 1), "September 2019"),
    ("on 2017-02-30 or so", dt.date(2017, 1, 1), "2017"),
])
def test_date_notes_are_read_for_ordering(note: str, day: dt.date, phrase: str) -> None:
    found = dates.approximate(note)
    assert found is not None and (found.day, found.phrase) == (day, phrase)


@pytest.mark.parametrize("note", [None, "", "undated related-news teaser", "Room 1234"])
def test_notes_without_a_year_give_nothing(note: str | None) -> None:
    assert dates.approximate(note) is None
    assert dates.approximate_date(dt.date(2020, 1, 1), note) == dt.date(2020, 1, 1)


def test_timeline_between_hanoi_and_milan(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        items = reads.exchanges(session, 1, 3, pairing_id=1)
    titles = [(i.kind, i.title) for i in items]
    assert titles == [
        ("event", "EU World Cities Kick-Off Event in Hanoi"),
        ("delegation", "EU World Cities delegation to Hanoi (Milan pairing), June 2017"),
        ("delegation", "Chairman Nguyễn Đức Chung's visit to Milan, second half of 2017 "
                       "(invitation)"),
    ]
    assert items[1].sort_date == dt.date(2017, 6, 13)  # from its first dated engagement
    assert items[2].direction == "outgoing" and items[2].from_city == "Hanoi"


def test_timeline_finds_delegations_between_the_cities_without_the_pairing(
        sample_catalog: Catalog) -> None:
    visit = create(sample_catalog, RecordKind.DELEGATION, title="Milan mayor to Hanoi",
                   sending_city_id=3, host_city_id=1, start_date="2019-03-04")
    with sample_catalog.read_session() as session:
        items = reads.exchanges(session, 3, 1)
    # Both 2017 delegations went between the two cities too; the new one is the latest.
    assert [i.id for i in items if i.kind == "delegation"] == [1, 4, visit]


def test_key_people_sides(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        items = reads.exchanges(session, 1, 3, pairing_id=1)
        people = {k.name: k for k in reads.key_people(session, 1, 3, items)}
    assert people["Nguyễn Đức Chung"].side == 0
    assert people["Bruno Angelet"].side == 1  # led the delegation from Milan
    assert people["Cecilia Piccioni"].side == 1  # Italian, though her embassy is in Hanoi
    assert people["Igor Pakolak"].side == 2
    assert people["Ramón López"].title == "DG REGIO representative"


def test_delegation_day(sample_catalog: Catalog) -> None:
    from db import reads

    with sample_catalog.read_session() as session:
        hanoi = reads.delegation(session, delegation_id(sample_catalog, "EU World Cities "
                                                                        "delegation to Hanoi"))
        milan = reads.delegation(session, delegation_id(sample_catalog, "Chairman"))
    assert hanoi is not None and milan is not None
    assert reads.delegation_day(hanoi) == dt.date(2017, 6, 13)
    assert reads.delegation_day(milan) == dt.date(2017, 7, 1)
