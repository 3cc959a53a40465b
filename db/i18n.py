"""The text layer: every word a user reads, in English or Vietnamese, without Qt.

The store, the command line, the briefing engine and the app all take their words from
here, so one catalog (``assets/translations/vi/LC_MESSAGES/liaison.po``, gettext with
plural forms, extracted by Babel with ``make translations``) serves them all. Source
strings are English; Vietnamese comes from the catalog. Dates and numbers go through
Babel (CLDR), never ``f"{n:,}"`` or ``strftime``, so a Vietnamese sheet says
``ngày 13 tháng 6 năm 2017`` and ``1.100.000``.

The language is a context variable: the app sets it once from its settings, the CLI
from ``--language`` or the environment, and a printout may switch it for one sheet with
``using(language)`` without touching the interface's.

Module-level constants that must be translated at use are marked with ``N_()`` (a no-op
that the extractor sees) and passed through ``_()`` where they are shown.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import os
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:  # (a start of the app's window need not import datetime: issue 16)
    import datetime as dt

Language = Literal["en", "vi"]
LANGUAGES: Final[tuple[Language, ...]] = ("en", "vi")
DEFAULT_LANGUAGE: Final[Language] = "en"
DOMAIN: Final = "liaison"
TRANSLATIONS_DIR: Final = Path(__file__).resolve().parent.parent / "assets" / "translations"

# Babel's names for the locales behind each language (dates, numbers, plural rules).
_LOCALES: Final[Mapping[Language, str]] = {"en": "en_GB", "vi": "vi_VN"}
_NATIVE_NAMES: Final[Mapping[Language, str]] = {"en": "English", "vi": "Tiếng Việt"}

# The process's language (set_language) is a plain global so that every thread writes in it:
# a context variable starts at its default in each new thread, and the app reads its lists
# on a worker thread. ``using`` overrides it for one block of one thread (a printout).
_process_language: Language = DEFAULT_LANGUAGE
_current: ContextVar[Language | None] = ContextVar("liaison_language", default=None)


def parse_language(text: str | None) -> Language | None:
    """``vi``, ``vi_VN.UTF-8``, ``VI`` → ``vi``; anything we do not speak → None."""
    if not text:
        return None
    code = text.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    for known in LANGUAGES:
        if code == known:
            return known
    return None


def system_language(environ: Mapping[str, str] | None = None) -> Language:
    """The language the user's environment asks for, as gettext reads it.

    ``LANGUAGE`` is a colon-separated preference list; then ``LC_ALL``,
    ``LC_MESSAGES`` and ``LANG``. The first one we speak wins; ``C``/``POSIX`` and
    unknown languages give English.
    """
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if not value:
            continue
        for candidate in value.split(":"):
            found = parse_language(candidate)
            if found:
                return found
        if variable != "LANGUAGE":
            # gettext stops at the first of these that is set, even if we do not speak it.
            return DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def language() -> Language:
    """The language words are written in right now."""
    return _current.get() or _process_language


def set_language(code: str | None) -> Language:
    """Make ``code`` (or the system's language when None/empty) the current language."""
    chosen = parse_language(code) if code else system_language()
    global _process_language
    _process_language = chosen or DEFAULT_LANGUAGE
    _current.set(None)
    return _process_language


@contextlib.contextmanager
def using(code: str | None) -> Iterator[Language]:
    """Write in ``code`` inside the block (a printout in another language than the UI)."""
    token = _current.set(parse_language(code) or language())
    try:
        yield language()
    finally:
        _current.reset(token)


def native_name(code: Language) -> str:
    """A language's name in itself, as a language menu shows it."""
    return _NATIVE_NAMES[code]


def locale_name(code: Language | None = None) -> str:
    """Babel's locale identifier for a language (``vi_VN``)."""
    return _LOCALES[code or language()]


@cache
def _translations(code: Language, domain: str = DOMAIN) -> _gettext.NullTranslations:
    if code == "en":
        return _gettext.NullTranslations()
    try:
        return _gettext.translation(domain, TRANSLATIONS_DIR, languages=[code])
    except OSError:
        return _gettext.NullTranslations()


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return _translations(language()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` under the current language's plural rule."""
    return _translations(language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (``"direction"`` vs ``"menu"`` for one word)."""
    return _translations(language()).pgettext(context, message)


def dgettext(domain: str, message: str) -> str:
    """``message`` from another catalog than ours, in the current language: the
    ``argparse`` domain holds the Python standard library's words (``usage:``)."""
    return _translations(language(), domain).gettext(message)


def dngettext(domain: str, singular: str, plural: str, n: int) -> str:
    """:func:`ngettext` from another catalog than ours (see :func:`dgettext`)."""
    return _translations(language(), domain).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a constant for extraction; translate it where it is shown with ``_()``."""
    return message


# --- numbers and dates -----------------------------------------------------------------

DateStyle = Literal["short", "medium", "long", "full", "weekday"]


def load_formats() -> None:
    """Import Babel's modules now, on this thread.

    The functions below import them on first use. A program that formats on two
    threads (the app's window and its database worker) calls this first, on one of
    them: two threads importing Babel at once can meet one of its modules half
    initialised (``cannot import name 'Locale' from partially initialized module``).
    """
    import babel.dates
    import babel.lists
    import babel.numbers  # noqa: F401


def format_number(value: int | float) -> str:
    """``1,100,000`` in English, ``1.100.000`` in Vietnamese."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=locale_name()))


def format_list(items: list[str]) -> str:
    """``a, b and c`` / ``a, b và c`` (CLDR's list pattern for the language)."""
    from babel.lists import format_list as babel_format_list

    return str(babel_format_list(items, locale=locale_name()))


def format_date(day: dt.date, style: DateStyle = "long") -> str:
    """A date as the language writes it.

    ``long``: ``13 June 2017`` / ``ngày 13 tháng 6 năm 2017``; ``short``: ``13/06/2017``
    in both; ``full`` adds the weekday (``Tuesday, 13 June 2017`` /
    ``Thứ Ba, ngày 13 tháng 6 năm 2017``); ``weekday``: ``Thứ Ba, 13/06/2017``.

    ``short`` is our own all-numeric pattern, the same in every language (no name of a
    month or a day in it), so it is written without CLDR: loading ``babel.dates``
    (which reads the local time zone through pytz) cost ``liaison search``, whose
    result lines carry short dates, a seventh of its whole process (issue 16).
    """
    if style == "short":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    from babel.dates import format_date as babel_format_date

    pattern = _DATE_PATTERNS[language()].get(style, style)
    return str(babel_format_date(day, format=pattern, locale=locale_name()))


def format_month(day: dt.date) -> str:
    """A month and year: ``June 2017`` / ``tháng 6 năm 2017``."""
    from babel.dates import format_date as babel_format_date

    pattern = "MMMM y" if language() == "en" else "'tháng' M 'năm' y"
    return str(babel_format_date(day, format=pattern, locale=locale_name()))


def format_time(moment: dt.time | dt.datetime) -> str:
    """A time of day on the 24-hour clock both offices use: ``14:00``."""
    return moment.strftime("%H:%M")


def format_datetime(moment: dt.datetime) -> str:
    """A moment with its date and time: ``13/06/2017 14:00``."""
    return f"{format_date(moment.date(), 'short')} {format_time(moment)}"


# CLDR's Vietnamese "long" is "d MMMM, y" (13 tháng 6, 2017); an official Vietnamese
# document writes "ngày 13 tháng 6 năm 2017", and "short" is dd/MM/y in both offices.
_DATE_PATTERNS: Final[Mapping[Language, Mapping[str, str]]] = {
    "en": {"short": "dd/MM/y", "medium": "d MMM y", "long": "d MMMM y",
           "full": "EEEE, d MMMM y", "weekday": "EEEE, dd/MM/y"},
    "vi": {"short": "dd/MM/y", "medium": "d 'thg' M, y", "long": "'ngày' d 'tháng' M 'năm' y",
           "full": "EEEE, 'ngày' d 'tháng' M 'năm' y", "weekday": "EEEE, dd/MM/y"},
}
