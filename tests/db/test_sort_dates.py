"""Dates columns sort in time order, partial dates ("June 2017") included."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from db import listing, ops
from db.catalog import Catalog, open_catalog
from db.kinds import RecordKind
from tests.db.old_catalogs import catalog_at

pytestmark = pytest.mark.both_engines


def _dates_order(catalog: Catalog, kind: RecordKind, descending: bool = False) -> list[str]:
    with catalog.read_session() as session:
        query = listing.ListQuery(sort="dates", descending=descending)
        return [row.cells[0] for row in listing.page(session, kind, query).rows]


@pytest.mark.parametrize("kind, name", [(RecordKind.DELEGATION, "title"),
                                        (RecordKind.EVENT, "name")])
def test_partial_dates_sort_among_days(empty_catalog: Catalog, kind: RecordKind,
                                       name: str) -> None:
    for label, start, note in [("May 2017 visit", dt.date(2017, 5, 20), None),
                               ("July visit", dt.date(2017, 7, 2), None),
                               ("June 2017 visit", None, "June 2017"),
                               ("Later in 2017", None, "second half of 2017"),
                               ("2016 visit", dt.date(2016, 11, 3), None)]:
        ops.create(empty_catalog, kind, {name: label, "start_date": start, "date_note": note})
    assert _dates_order(empty_catalog, kind) == [
        "2016 visit", "May 2017 visit", "June 2017 visit", "Later in 2017", "July visit"]
    assert _dates_order(empty_catalog, kind, descending=True)[0] == "July visit"


def test_an_edit_moves_the_record(empty_catalog: Catalog) -> None:
    first = ops.create(empty_catalog, RecordKind.DELEGATION,
                       {"title": "A", "date_note": "March 2020"}).ids(RecordKind.DELEGATION)[0]
    ops.create(empty_catalog, RecordKind.DELEGATION,
               {"title": "B", "start_date": dt.date(2019, 1, 1)})
    assert _dates_order(empty_catalog, RecordKind.DELEGATION) == ["B", "A"]
    ops.update(empty_catalog, RecordKind.DELEGATION, first, {"date_note": "March 2018"},
               expected_version=1)
    assert _dates_order(empty_catalog, RecordKind.DELEGATION) == ["A", "B"]


def test_upgrade_fills_sort_dates(tmp_path: Path) -> None:
    path = tmp_path / "old.liaison"
    catalog_at(path, "0005")
    conn = sqlite3.connect(path)
    now = "2020-01-01 00:00:00.000000"
    for rid, title, start, note in [(1, "Noted", None, "June 2017"),
                                    (2, "Dated", "2017-07-02", None),
                                    (3, "Early", "2017-05-02", None)]:
        conn.execute("INSERT INTO delegation (id, created_at, updated_at, version, title, "
                     "direction, start_date, date_note, status) VALUES "
                     "(?, ?, ?, 1, ?, 'incoming', ?, ?, 'planned')",
                     (rid, now, now, title, start, note))
    conn.commit()
    conn.close()
    with open_catalog(path) as catalog:
        assert _dates_order(catalog, RecordKind.DELEGATION) == ["Early", "Noted", "Dated"]
