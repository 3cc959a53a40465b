"""User text made safe for ReportLab paragraphs, and the wording of dates and labels.

ReportLab paragraphs parse a small markup language (``<b>``, ``<font>``,
``<img src=...>``, ``<link>``): a person named ``<img src="http://x/y.png">``
must print those characters, not fetch an image. Every user string goes
through :func:`esc` before it reaches a paragraph; markup is only ever added
around escaped text by this package.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from html import escape  # as xml.sax.saxutils.escape with quote=False, without urllib+ssl

from db.dates import Approximate
from db.i18n import _, format_date, format_month, language, locale_name
from db.wording import words
from gui.briefing import scripts

# C0/C1 control characters other than tab and newline, and lone surrogates: ReportLab's
# parser chokes on some, and none of them print.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_SPACES = re.compile(r"[ \t]+")


def clean(text: str | None) -> str:
    """NFC, without control characters, runs of spaces folded; "" for None."""
    if not text:
        return ""
    if text.isascii() and text.isprintable() and "  " not in text:
        return text.strip()  # the common case, without the work below
    normal = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    normal = _UNPRINTABLE.sub("", normal)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in normal.split("\n")).strip()


def esc(text: str | None) -> str:
    """Paragraph-safe markup for user text: escaped, NFC, line breaks kept, in the order
    it is drawn, each run of a script in a bundled font that has it (see scripts)."""
    value = clean(text)
    if value.isascii():
        return escape(value, quote=False).replace("\n", "<br/>")
    return scripts.markup(scripts.visual(value)).replace("\n", "<br/>")


def has(text: str | None) -> bool:
    return bool(clean(text))


# ---------------------------------------------------------------- dates


def day(value: dt.date) -> str:
    """``13 June 2017`` / ``ngày 13 tháng 6 năm 2017``, in the sheet's language."""
    return format_date(value, "long")


def weekday(value: dt.date) -> str:
    """A day of a programme, with its weekday: ``Tuesday, 13 June 2017`` /
    ``Thứ Ba, 13/06/2017`` (how a Vietnamese programme writes it)."""
    return format_date(value, "weekday" if language() == "vi" else "full")


def date_range(start: dt.date | None, end: dt.date | None) -> str:
    """``13 June 2017``, ``13–15 June 2017``, ``30 June – 2 July 2017`` (``ngày 13–15 tháng
    6 năm 2017`` in Vietnamese); "" when unknown."""
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        return day(start or end)  # type: ignore[arg-type]
    if end < start:
        start, end = end, start
    if start.year != end.year:
        return f"{day(start)} – {day(end)}"
    if language() == "vi":
        if start.month != end.month:
            return f"ngày {start.day} tháng {start.month} – {day(end)}"
        return f"ngày {start.day}–{end.day} tháng {end.month} năm {end.year}"
    if start.month != end.month:
        return f"{start.day} {_month(start)} – {end.day} {_month(end)} {end.year}"
    return f"{start.day}–{end.day} {_month(end)} {end.year}"


def _month(value: dt.date) -> str:
    """``June``: English ranges name the month once (``13–15 June 2017``)."""
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(value, format="MMMM", locale=locale_name()))


def approximate_phrase(found: Approximate) -> str:
    """What a date note points at, in the sheet's language (db.dates words it in English)."""
    if found.precise:
        return day(found.day)
    if found.phrase.isdigit():
        return found.phrase
    if found.phrase.startswith("the first half"):
        return _("the first half of {year}").format(year=found.day.year)
    if found.phrase.startswith("the second half"):
        return _("the second half of {year}").format(year=found.day.year)
    return format_month(found.day)


def when(start: dt.date | None, end: dt.date | None, note: str | None) -> str:
    """Plain text for a period: the dates when known, else the catalog's date note."""
    return date_range(start, end) or sentence(clean(note))


def time_range(start: dt.time | None, end: dt.time | None) -> str:
    if start is None:
        return ""
    return f"{start:%H:%M}–{end:%H:%M}" if end else f"{start:%H:%M}"


# ---------------------------------------------------------------- vocabulary


def label(value: str | None) -> str:
    """A stored vocabulary value as people write it: ``guest_of_honour`` -> ``Guest of honour``."""
    return words(value)


def initials(name: str) -> str:
    """First letters of the first and last words of a display name: ``Nguyễn Đức Chung`` -> NC."""
    words = [w for w in re.split(r"[\s\-]+", clean(name)) if w and w[0].isalnum()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return unicodedata.normalize("NFC", letters.upper())


def sentence(text: str) -> str:
    """Capitalised first letter, for a note that stands alone in a cell."""
    return text[:1].upper() + text[1:]


def join(parts: list[str], sep: str = " · ") -> str:
    """Join the non-empty parts."""
    return sep.join(p for p in parts if p)
