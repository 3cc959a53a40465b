"""Dates typed as an office writes them, day first, in English or Vietnamese."""

from __future__ import annotations

import datetime as dt

import pytest

from db.date_input import parse_day

JUNE_13 = dt.date(2017, 6, 13)


@pytest.mark.parametrize("typed", [
    "13/06/2017", "13.6.2017", "13-06-2017", "13 Jun 2017", "13 June 2017",
    "13 tháng 6 năm 2017", "ngày 13 tháng 6 năm 2017", "Thứ Ba, 13/06/2017", "2017-06-13",
    "  13/06/2017 ", "13 tha\u0301ng 6 na\u0306m 2017",  # decomposed tones, as pasted
])
def test_a_day_written_many_ways(typed: str) -> None:
    assert parse_day(typed) == JUNE_13


def test_numbers_are_read_day_first() -> None:
    assert parse_day("1/2/2017") == dt.date(2017, 2, 1)


@pytest.mark.parametrize("typed", ["", "31/02/2017", "June 2017", "13 June", "2017",
                                   "hello", "second half of 2017", "13/13/2017"])
def test_what_names_no_single_day_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_day(typed)
