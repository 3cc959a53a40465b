"""How much a field may hold, and which values a field accepts at all.

Checked where every write passes (:func:`db.ops.coerce.coerce`), so the forms, the
scripting API and imports all meet the same rules, with a message for the user
rather than a Python error:

* text fields have a length limit no real record reaches, but that keeps forms,
  detail panes and printed sheets fast (a 1 MB biography froze the detail pane for
  a minute and a briefing for five): names and titles 500 characters, links
  2,000, notes, biographies and descriptions 10,000 (about four printed pages);
* text must be text: bytes, dicts or lists given for a text field, lone surrogates
  (which no file can store) are refused; NUL and other control characters
  (terminal escape codes among them) are removed, keeping tabs and line breaks;
* whole numbers must fit SQLite's 64 bits, numbers must be finite, and a file's
  contents must be bytes.

Search queries are capped too (:data:`MAX_QUERY_CHARS`, :data:`MAX_QUERY_WORDS`):
matching time grows with the square of the words, and 500 words took 16 s.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, Integer, LargeBinary, String, Time
from sqlalchemy.sql.schema import Column

# The search query's caps live with the query parser, which the command line loads
# without SQLAlchemy; re-exported here, with the other limits.
from db.i18n import N_, format_number
from db.said import say
from db.search_query import MAX_QUERY_CHARS as MAX_QUERY_CHARS
from db.search_query import MAX_QUERY_WORDS as MAX_QUERY_WORDS
from db.search_query import cap_query as cap_query
from db.vocabulary import field as field_word

SHORT_TEXT = 500
LINK_TEXT = 2_000
LONG_TEXT = 10_000
LONG_FIELDS = frozenset({"biography", "description", "figures", "follow_ups", "note", "notes",
                         "outcomes", "private_notes", "protocol_notes", "purpose", "summary",
                         "topics", "arrival", "departure", "press"})
LINK_FIELDS = frozenset({"url", "website"})
MAX_LIST_ITEMS = 100
_INT_RANGE = (-(2 ** 63), 2 ** 63 - 1)

# C0 controls but tab, line feed and carriage return; DEL; C1 controls (U+009B is CSI).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def max_length(field: str) -> int:
    """The most characters *field* may hold."""
    if field in LONG_FIELDS:
        return LONG_TEXT
    if field in LINK_FIELDS:
        return LINK_TEXT
    return SHORT_TEXT


def _label(field: str) -> str:
    """The field's caption in the current language (``Family name`` / ``Họ``)."""
    return field_word(field)


TOO_LARGE = N_("{field} is too large a number.")


def clean_text(field: str, value: Any) -> tuple[Any, str | None]:
    """*value* as text for *field* (control characters removed), or why it cannot be."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        kind = (say(N_("a file's contents")) if isinstance(value, bytes | bytearray | memoryview)
                else say(N_("a list")) if isinstance(value, list | tuple | set)
                else say(N_("a dictionary")) if isinstance(value, dict)
                else type(value).__name__)
        return value, say(N_("{field} must be text, not {kind}."), field=_label(field),
                          kind=kind)
    text = str(value)
    if _SURROGATE.search(text):
        return value, say(N_("{field} contains a broken character (a lone surrogate) that "
                             "cannot be stored; retype or paste it again."), field=_label(field))
    text = _CONTROL.sub("", text)
    limit = max_length(field)
    if len(text) > limit:
        return value, say(N_("{field} is too long ({length} characters; at most {limit})."),
                          field=_label(field), length=format_number(len(text)),
                          limit=format_number(limit))
    return text, None


def admit(column: Column[Any], value: Any) -> tuple[Any, str | None]:
    """Check *value* against *column*'s kind before it is converted: (value, problem).

    Text comes back cleaned; anything else unchanged. ``None`` always passes.
    """
    if value is None:
        return value, None
    kind = getattr(column.type, "impl", column.type)
    field = column.name
    if isinstance(kind, String):
        return clean_text(field, value)
    if isinstance(kind, JSON):
        if not isinstance(value, list | tuple):
            return value, say(N_("{field} must be a list of text."), field=_label(field))
        if len(value) > MAX_LIST_ITEMS:
            return value, say(N_("{field} has too many entries (at most {limit})."),
                              field=_label(field), limit=format_number(MAX_LIST_ITEMS))
        items = []
        for item in value:
            text, problem = clean_text(field, item)
            if problem is not None:
                return value, problem
            items.append(text)
        return items, None
    if isinstance(kind, LargeBinary):
        if not isinstance(value, bytes | bytearray | memoryview):
            return value, say(N_("{field} must be a file's contents (bytes), not text."),
                              field=_label(field))
        return bytes(value), None
    if isinstance(kind, Integer):
        if isinstance(value, float) and not math.isfinite(value):
            return value, say(N_("Enter a whole number."))
        if isinstance(value, int) and not _INT_RANGE[0] <= value <= _INT_RANGE[1]:
            return value, say(TOO_LARGE, field=_label(field))
        if isinstance(value, str) and len(value.strip()) > 19:
            return value, say(TOO_LARGE, field=_label(field))
        if not isinstance(value, int | float | str):
            return value, say(N_("Enter a whole number."))
    if isinstance(kind, Float):
        if isinstance(value, int | float) and not isinstance(value, bool) and (
                not math.isfinite(float(value))):
            return value, say(N_("Enter a finite number."))
        if not isinstance(value, int | float | str):
            return value, say(N_("Enter a number."))
    if isinstance(kind, Date | DateTime | Time) and not isinstance(
            value, str | dt.date | dt.time | dt.datetime):
        if isinstance(kind, Date):
            return value, say(N_("Enter a date as YYYY-MM-DD."))
        if isinstance(kind, Time):
            return value, say(N_("Enter a time as HH:MM."))
        return value, say(N_("Enter a date and time."))
    return value, None
