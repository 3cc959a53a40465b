"""Dates known to the day, to the month or only to the year: people's birth dates.

An official's birth date is often published as a year ("sinh năm 1965") or a
month. It is stored as ISO 8601 with reduced precision, as Popolo writes
``birth_date``: ``1965``, ``1965-03`` or ``1965-03-14`` (text, so a year alone
never becomes 1 January). Input comes as people and files write it:
``14/03/1965``, ``14 tháng 3 năm 1965``, ``March 1965``, ``03/1965``, ``1965``,
a spreadsheet date, vCard's ``19650314``; days go through
:func:`db.date_input.parse_day` like every other date field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from typing import Any

from db.date_input import parse_day
from db.i18n import format_date, format_month

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_BASIC = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # vCard 3: 19650314
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{4})$")  # 03/1965, 3.1965
_VI_MONTH_YEAR = re.compile(r"^tháng\s+(\d{1,2})\s*(?:năm|/|,)?\s*(\d{4})$", re.IGNORECASE)
_VI_YEAR = re.compile(r"^(?:năm\s+)?(\d{4})$", re.IGNORECASE)


def iso(text: str) -> str | None:
    """*text* if it is a stored partial date (``1965``, ``1965-03``, ``1965-03-14``)."""
    match = _ISO.match(text or "")
    if match is None:
        return None
    year, month, day = match[1], match[2], match[3]
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return text


def parse(value: object) -> str:
    """The stored form of a birth date as typed or read from a file; ValueError if none."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(int(value))  # a spreadsheet cell holding a year
    text = unicodedata.normalize("NFC", " ".join(str(value).split()))
    if not text:
        raise ValueError("empty date")
    stored = iso(text)
    if stored is not None:
        return stored
    if (match := _BASIC.match(text)) and iso(f"{match[1]}-{match[2]}-{match[3]}"):
        return f"{match[1]}-{match[2]}-{match[3]}"
    for pattern in (_MONTH_YEAR, _VI_MONTH_YEAR):
        match = pattern.match(text)
        if match and iso(f"{match[2]}-{int(match[1]):02d}"):
            return f"{match[2]}-{int(match[1]):02d}"
    if match := _VI_YEAR.match(text):
        return match[1]
    try:
        return parse_day(text).isoformat()
    except ValueError:
        pass
    return _month(text)


@cache
def _month_parser() -> Any:
    """dateparser, loaded on the first date in words (~0.3 s), asked for a month and year."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["vi", "en"], settings={
        "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["month", "year"],
        "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})


def _month(text: str) -> str:
    """``March 1965`` / ``Mar 1965``: a month and year in words (dateparser)."""
    found = _month_parser().get_date_data(text)
    if found is None or found.date_obj is None or found.period != "month":
        raise ValueError(f"not a date: {text!r}")
    return f"{found.date_obj.year:04d}-{found.date_obj.month:02d}"


def stored(text: str) -> str:
    """What the store keeps for typed *text*: its ISO form, or the text itself when it
    is no date (validation then says so, next to the field)."""
    try:
        return parse(text)
    except ValueError:
        return text


def phrase(stored: str | None) -> str:
    """A stored partial date in the interface's words: ``14 March 1965`` (``14 tháng 3
    năm 1965``), ``March 1965``, ``1965``; text that is not one is shown as it is."""
    if not stored:
        return ""
    match = _ISO.match(stored)
    if match is None or iso(stored) is None:
        return stored
    year, month, day = int(match[1]), match[2], match[3]
    if day:
        return format_date(dt.date(year, int(month), int(day)))
    if month:
        return format_month(dt.date(year, int(month), 1))
    return str(year)


def same_day(a: str | None, b: str | None) -> bool:
    """Both are the same whole day (a year alone says too little to call two people one)."""
    return bool(a and b and a == b and len(a) == len("1965-03-14"))


def conflict(a: str | None, b: str | None) -> bool:
    """Both known and they cannot be the same date (``1965`` fits ``1965-03-14``)."""
    if not a or not b:
        return False
    return not (a.startswith(b) or b.startswith(a))
