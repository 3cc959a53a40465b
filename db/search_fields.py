"""Field prefixes in a search: ``title:chairman``, ``org:"people's committee"``,
``city:hanoi``, ``year:2017``.

A prefix narrows what the rest of the query finds (or, alone, lists what it
names): every word of its value must start a word of that field of the record.
The fields are stored with each search document as marked tokens in the
index's ``whole`` column (``1t1chairman``: a digit, the field's letter, a digit,
the folded word), so both engines match them with the index they already have
(FTS5 ``whole : "1t1chair"*``, PostgreSQL ``whole_tsv @@ '1t1chair':*``) and no name can
be mistaken for one: a whole-name token is letters and digits run together from
a name, and names do not start with ``1t1``.

What each field holds, per kind (``db.documents``): ``title`` a person's titles;
``org`` the organisations a record names (a person's, a delegation's sender, a
meeting's host, an event's venue and organisers, an organisation itself and its
parent); ``city`` the cities it names; ``year`` the years it covers.

Parsing is forgiving: an unknown prefix (``http:``) is plain text, a prefix
with no value is dropped, an unclosed quote runs to the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from db.folding import fold

FIELDS = {"title": "t", "org": "o", "city": "c", "year": "y"}
_WORD = re.compile(r"[^\W_]+")
_PREFIX = re.compile(r'(?<![\w:])(title|org|city|year):(?:"([^"]*)"?|(\S*))',
                     re.IGNORECASE)
MAX_FIELD_WORDS = 8  # per query: more never narrow a search further


def token(field: str, word: str) -> str:
    """The index token of one folded *word* of *field* (``1t1chairman``)."""
    return f"1{FIELDS[field]}1{word}"


def split(query: str) -> tuple[str, list[tuple[str, str]]]:
    """The query without its field prefixes, and each (field, folded word) they ask for."""
    found: list[tuple[str, str]] = []

    def take(match: re.Match[str]) -> str:
        field = match[1].lower()
        value = match[2] if match[2] is not None else match[3]
        found.extend((field, word) for word in _WORD.findall(fold(value or "")))
        return " "

    rest = _PREFIX.sub(take, query)
    return rest, list(dict.fromkeys(found))[:MAX_FIELD_WORDS]


def tokens_of(fields: Iterable[tuple[str, str | None]]) -> list[str]:
    """Index tokens for a document's (field, text) pairs: each folded word once."""
    found: dict[str, None] = {}
    for field, text in fields:
        for word in _WORD.findall(fold(text or "")):
            found[token(field, word)] = None
    return list(found)


def years(first: int | None, last: int | None, *, span: int = 60) -> str:
    """The years from *first* to *last* as text ("2016 2017"); one when the other is
    unknown; at most *span* of them (an office held for decades is not a year search)."""
    if first is None and last is None:
        return ""
    start = first if first is not None else last
    end = last if last is not None else first
    assert start is not None and end is not None
    if end < start:
        start, end = end, start
    return " ".join(str(y) for y in range(start, min(end, start + span) + 1))


def fts5_filter(fields: Sequence[tuple[str, str]]) -> str:
    """The FTS5 expression every field word must match ("" for none)."""
    return " AND ".join(f'whole : "{token(field, word)}"*' for field, word in fields)
