"""The short date is written without loading CLDR's date module (issue 16), and must be
exactly what Babel writes for the same pattern, in every language, for any date."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date as babel_format_date

from db.i18n import LANGUAGES, format_date, locale_name, using

DAYS = [dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(1975, 4, 30), dt.date(2017, 6, 13),
        dt.date(2024, 2, 29), dt.date(9999, 12, 31),
        *(dt.date.fromordinal(n) for n in range(1, 3_652_059, 9_973))]


@pytest.mark.parametrize("language", LANGUAGES)
def test_short_dates_are_what_babel_writes(language: str) -> None:
    with using(language):
        for day in DAYS:
            assert format_date(day, "short") == babel_format_date(
                day, format="dd/MM/y", locale=locale_name())
