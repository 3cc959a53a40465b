"""Reading free-text date notes ("second half of 2017", "June 2017: meeting on 2017-06-13").

Articles often give no exact date, and the catalog keeps their words in a
``date_note``. Ordering a timeline, or choosing the day a delegation's titles are
read on, still needs a day: these functions find the earliest day a note points
at, and say how precisely.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{4})\b")
_HALF_YEAR = re.compile(r"\b(first|second)\s+half\s+of\s+(\d{4})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19\d{2}|20\d{2}|21\d{2})\b")


@dataclass(frozen=True)
class Approximate:
    """The earliest day a date note points at, and how precisely it says so."""

    day: dt.date
    phrase: str  # "13 June 2017", "June 2017", "the second half of 2017", "2017"
    precise: bool  # True when the note names a day


def approximate(note: str | None) -> Approximate | None:
    """Read a free-text date note for ordering: "June 2017: meeting on 2017-06-13",
    "second half of 2017", "November 2016 ('last November')"; None when it names no year.

    The first ISO date wins, then a month and year, then a half year, then a bare year.
    """
    if not note:
        return None
    found: list[dt.date] = []
    for match in _ISO_DAY.finditer(note):
        try:
            found.append(dt.date(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            continue
    if found:
        first = min(found)
        return Approximate(first, f"{first.day} {calendar.month_name[first.month]} "
                                  f"{first.year}", True)
    for match in _MONTH_YEAR.finditer(note):
        month = _MONTHS.get(match[1].lower())
        if month:
            return Approximate(dt.date(int(match[2]), month, 1),
                               f"{calendar.month_name[month]} {match[2]}", False)
    half = _HALF_YEAR.search(note)
    if half:
        first_half = half[1].lower() == "first"
        return Approximate(dt.date(int(half[2]), 1 if first_half else 7, 1),
                           f"the {'first' if first_half else 'second'} half of {half[2]}", False)
    year = _YEAR.search(note)
    if year:
        return Approximate(dt.date(int(year[1]), 1, 1), year[1], False)
    return None


def approximate_date(day: dt.date | None, note: str | None) -> dt.date | None:
    """*day*, or the earliest day its date note points at (for ordering only: sheets
    print the note itself)."""
    if day is not None:
        return day
    found = approximate(note)
    return found.day if found else None
