"""List pages: sorted and filtered in SQL, paged without gaps or repeats."""

from __future__ import annotations

import re

import pytest

from db import i18n, listing
from db.catalog import Catalog
from db.kinds import RecordKind
from db.listing import ListQuery

# The same behaviour on a catalog file and on the office server (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def _first_cells(catalog: Catalog, kind: RecordKind,
                 query: ListQuery | None = None) -> list[str]:
    with catalog.read_session() as session:
        page = listing.page(session, kind, query or ListQuery(), limit=500)
        return [row.cells[0] for row in page.rows]


def test_every_kind_lists_the_sample(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        totals = {kind: listing.page(session, kind).total for kind in listing.SPECS}
    assert totals[RecordKind.PERSON] == 18
    assert totals[RecordKind.DELEGATION] == 4
    assert totals[RecordKind.PAIRING] == 3
    assert all(total > 0 for total in totals.values())


def test_people_sort_ignores_accents(sample_catalog: Catalog) -> None:
    people = _first_cells(sample_catalog, RecordKind.PERSON)
    # Trần and Trương sort with the Ts, Đ-free folding keeps Hà/Hồ with the Hs.
    assert people.index("Hà Minh Hải") < people.index("Hoan") < people.index("Kwon Young Gull")
    assert people[-1] == "Paul Yeo"
    reverse = _first_cells(sample_catalog, RecordKind.PERSON,
                           ListQuery(sort="name", descending=True))
    assert reverse == list(reversed(people))


def test_filters(sample_catalog: Catalog) -> None:
    outgoing = _first_cells(sample_catalog, RecordKind.DELEGATION,
                            ListQuery(filters=(("direction", "outgoing"),)))
    assert len(outgoing) == 2
    in_2023 = _first_cells(sample_catalog, RecordKind.EVENT, ListQuery(filters=(("year", 2023),)))
    assert sorted(in_2023) == ["CICON HCMC 2023", "Vietnam-Asia Smart City Summit 2023"]
    chairmen = _first_cells(sample_catalog, RecordKind.PERSON,
                            ListQuery(filters=(("post", ("current", "chairman")),)))
    assert "Nguyễn Đức Chung" in chairmen and "Kwon Young Gull" in chairmen
    assert _first_cells(sample_catalog, RecordKind.PERSON,
                        ListQuery(filters=(("post", ("former", "chairman")),))) == []


def test_text_filter_uses_the_folded_index(sample_catalog: Catalog) -> None:
    assert _first_cells(sample_catalog, RecordKind.CITY, ListQuery(text="saigon")) == [
        "Ho Chi Minh City"]
    assert _first_cells(sample_catalog, RecordKind.PERSON, ListQuery(text='"NEAR(')) == []


def test_pages_cover_every_row_once(empty_catalog: Catalog) -> None:
    from db import synthetic

    synthetic.generate(empty_catalog, people=450)
    seen: list[int] = []
    with empty_catalog.read_session() as session:
        for sort in ("", "nationality"):
            seen = []
            offset = 0
            while True:
                page = listing.page(session, RecordKind.PERSON, ListQuery(sort=sort),
                                    offset=offset, limit=100)
                if not page.rows:
                    break
                seen.extend(row.id for row in page.rows)
                offset += len(page.rows)
            assert sorted(seen) == list(range(1, 451)), sort


def test_list_dates_are_written_as_the_language_writes_them(sample_catalog: Catalog) -> None:
    """The Dates column reads 13/06/2017 (day first, as the office writes), not ISO."""
    with i18n.using("vi"), sample_catalog.read_session() as session:
        page = listing.page(session, RecordKind.EVENT, ListQuery(), limit=500)
        dates = [row.cells[1] for row in page.rows]
    assert not [d for d in dates if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", d)], dates
    assert [d for d in dates if re.fullmatch(r"\d{2}/\d{2}/\d{4}( – \d{2}/\d{2}/\d{4})?", d)]
