"""Dates as people type them: ``13/06/2017``, ``13.6.2017``, ``13 Jun 2017``,
``13 tháng 6 năm 2017`` or ISO ``2017-06-13``.

Both offices write the day first, so numbers are read day, month, year whatever the
interface language. ISO is tried first (exact and instant); anything else goes to
dateparser, which knows English and Vietnamese month words. A date with no year, or
only a month ("June 2017"), is not a day: partial dates belong in the date note.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import cache
from typing import Any

_LANGUAGES = ["vi", "en"]
_SETTINGS = {"DATE_ORDER": "DMY", "STRICT_PARSING": True,
             "PREFER_LOCALE_DATE_ORDER": False, "RETURN_AS_TIMEZONE_AWARE": False}


@cache
def _parser() -> Any:
    """dateparser costs ~0.3 s to import: paid on the first non-ISO date, not at start."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=_LANGUAGES, settings=_SETTINGS)


def parse_day(text: str) -> dt.date:
    """The day ``text`` names; ValueError when it names no single day."""
    cleaned = unicodedata.normalize("NFC", " ".join(text.split()))
    if not cleaned:
        raise ValueError("empty date")
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    found = _parser().get_date_data(cleaned)
    if found is None or found.date_obj is None or found.period != "day":
        raise ValueError(f"not a day: {text!r}")
    day: dt.date = found.date_obj.date()
    return day
