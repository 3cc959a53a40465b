"""Records in two languages: which form of a name or title to show or print.

Organisations, cities, events and position titles may carry a Vietnamese form beside
the one the catalog was started in (``name`` / ``name_vi``: ``Hanoi People's
Committee`` / ``UBND TP Hà Nội``; ``title`` / ``title_vi``; ``address_title`` /
``address_title_vi``: ``Chairman`` / ``Chủ tịch``). The rule is one, and lives here:
in Vietnamese, the Vietnamese form when there is one, else the other; in any other
language, the main form when there is one, else the Vietnamese. Lists, detail panes,
pickers, search results and briefing sheets all ask :func:`pick` or :func:`form`, so a
sheet printed in Vietnamese and the Vietnamese interface never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from db.i18n import Language, language, locale_name, parse_language

SUFFIX: Final = "_vi"
"""A column holding the Vietnamese form of the column named without it."""

NAMED_IN_TWO_LANGUAGES: Final = frozenset({"organisation", "city", "event"})
"""The tables (and kinds) whose ``name`` has a ``name_vi`` beside it, for code that reads
the catalog without the table classes (``liaison search``'s thin path); a test checks
it against the tables."""


def vietnamese_field(field: str) -> str:
    """The column holding the Vietnamese form of *field* (``title`` → ``title_vi``)."""
    return f"{field}{SUFFIX}"


def pick(text: str | None, text_vi: str | None, in_language: str | None = None) -> str | None:
    """The form of a name to show in *in_language* (default: the current language).

    Blank forms do not count: a record with only one form shows that one in both.
    """
    chosen: Language = parse_language(in_language) or language()
    first, second = (text_vi, text) if chosen == "vi" else (text, text_vi)
    for candidate in (first, second):
        if candidate is not None and candidate.strip():
            return candidate
    return text


def form(record: Any, field: str = "name", in_language: str | None = None) -> str:
    """*record*'s *field* in *in_language*: a table row, a read object or a mapping.

    A record without a Vietnamese column for *field* gives the field as it is.
    """
    if isinstance(record, dict):
        text, text_vi = record.get(field), record.get(vietnamese_field(field))
    else:
        text = getattr(record, field, None)
        text_vi = getattr(record, vietnamese_field(field), None)
    return pick(text, text_vi, in_language) or ""


def country_label(code: str | None, name: str, in_language: str | None = None) -> str:
    """A country's name in the language: CLDR's (``Việt Nam``, ``Hàn Quốc``) in
    Vietnamese, the stored name otherwise (the user may have written it their way)."""
    chosen: Language = parse_language(in_language) or language()
    if chosen == "vi" and code:
        from babel import Locale

        found = Locale.parse(locale_name(chosen)).territories.get(code.upper())
        if found:
            return str(found)
    return name


def bilingual_fields(model: type[Any]) -> Iterator[tuple[str, str]]:
    """The (field, Vietnamese field) pairs a table has: ``("name", "name_vi")``."""
    columns = set(getattr(model, "model_fields", {}))
    for name in sorted(columns):
        if name.endswith(SUFFIX) and name[: -len(SUFFIX)] in columns:
            yield name[: -len(SUFFIX)], name
