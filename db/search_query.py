"""Reading a search query and ranking what it finds.

The parser (:func:`parse`) is a pure function: query text in, a list of
:class:`Term` out. Each term has its folded form (:func:`db.folding.fold`: no
accents, ``đ`` → ``d``, no apostrophes, casefolded) and, when the user typed
diacritics, its exact form (NFC, casefolded). User text never becomes query
syntax: everything but letters and digits is dropped and every word is quoted.

How ranking works (the PostgreSQL search mirrors these tiers; each tier's hits
come before the next tier's, and no record is listed twice):

1. **Whole name** — the folded query, words joined, equals a whole name of the
   record (its display name, an alias, the name in original script), stored as
   one token in the ``whole`` column. Within the tier, records whose name has
   the query's diacritics exactly (``Hiến`` for ``Hiến``) come before those
   that match only once folded (``Hiện``).
2. **Exact diacritics, whole words** — only when the query has diacritics: each
   accented query word is a whole word of the ``exact`` column (the names' words
   as written), each plain one a whole word of ``names``.
3. **Whole words in names** — every query word is a whole word of ``names``.
4. **Names, by prefix** — every query word starts a word of ``names``; a
   one-letter word must be a whole word.
5. **Anywhere** — every query word is in ``names`` or ``body`` (titles,
   organisations, places, notes). Words of one or two letters match whole words
   of ``body`` only ("de" never finds "Deputy", "a" never "Assembly"), and a
   one-letter word is a whole word everywhere.
6. **Notes** — as 5, and a word may also be in the notes (biographies, protocol
   notes: folded words stored after the accented names in ``exact``). What a user
   remembers of someone ("ambassador") finds them, below every name and title.

Inside tiers 2–5 the shortest names come first (the closest matches) while a
tier has at most :data:`ORDER_LIMIT` matches; past that, index order (kind and
record id). BM25 is not used: its statistics read the whole posting list of
every query word ("nguyen" is in half the people), which alone took ~15 ms on
100,000 people, and tiers already say what it would have said.
Namesakes (records of one kind with the same name in one result list) get what
tells them apart — for people: organisation, its province, years in office,
nationality, stored with the document — added to their result line.

SQL runs through a :data:`Rows` function (SQL text with ``:name`` parameters in,
rows out), so the same code serves the store's session (:func:`session_rows`) and
a bare DB-API connection (``liaison search`` reads a catalog file with
:mod:`sqlite3` alone, see :mod:`db.quick_search`). This module imports neither
SQLAlchemy nor SQLModel: the command line pays for them only when it needs them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from db import search_fields
from db.folding import APOSTROPHES, fold, nfc
from db.rows import Rows as Rows
from db.search_words import shown_subtitle

if TYPE_CHECKING:
    from sqlmodel import Session

# Search queries are capped (db.limits re-exports these): matching time grows with the
# square of the words, and 500 words took 16 s.
MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 16


_WORD = re.compile(r"[^\W_]+")
_DROP_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES))
ORDER_LIMIT = 100
# Separates a document's subtitle from the detail shown only for namesakes.
DETAIL_MARK = "\x1f"


@dataclass(frozen=True)
class Term:
    """One query word: folded always, exact (as typed, NFC casefolded) when it has accents."""

    folded: str
    exact: str | None = None


@dataclass(frozen=True)
class Hit:
    kind: str
    id: int
    title: str
    subtitle: str
    score: float


def exact_form(value: str) -> str:
    """The text as written, for exact matching: NFC, casefolded, apostrophes dropped."""
    return nfc(value).translate(_DROP_APOSTROPHES).casefold()


def parse(query: str) -> list[Term]:
    """The words of a user's query; punctuation and query syntax are dropped."""
    folded = _WORD.findall(fold(query))
    exact = _WORD.findall(exact_form(query))
    if len(exact) != len(folded):  # a letter fold() splits differently: no exact forms
        return [Term(word) for word in folded]
    return [Term(f, e if e != f else None) for f, e in zip(folded, exact, strict=True)]


def parse_query(query: str) -> list[Term]:
    """:func:`parse` for what a user typed: at most :data:`MAX_QUERY_WORDS`
    words from the first :data:`MAX_QUERY_CHARS` characters. Matching time
    grows with the square of the words (500 took 16 s), and more never narrow a search."""
    return parse(cap_query(query))[:MAX_QUERY_WORDS]


def cap_query(query: str) -> str:
    """A search query cut to :data:`MAX_QUERY_CHARS` characters."""
    return query[:MAX_QUERY_CHARS]


def tokens(query: str) -> list[str]:
    """The folded word tokens of a user's query (field prefixes' words included);
    everything else is dropped."""
    free, fields = search_fields.split(cap_query(query))
    return [term.folded for term in parse_query(free)] + [word for _field, word in fields]


def prepared(query: str) -> tuple[list[Term], list[tuple[str, str]]]:
    """A user's query as words to rank and field words to narrow by (db.search_fields)."""
    free, fields = search_fields.split(cap_query(query))
    return parse_query(free), fields


def whole_key(name: str) -> str:
    """One token standing for a whole name: its folded words joined (``nguyenvanhien``)."""
    return "".join(_WORD.findall(fold(name)))


def marked_words(value: str) -> list[str]:
    """The words of *value* that carry diacritics, as written (for the ``exact`` column)."""
    return [term.exact for term in parse(value) if term.exact]


def _quoted(word: str) -> str:
    return '"' + word.replace('"', "") + '"'


def match_expression(words: Sequence[str]) -> str:
    """The FTS5 filter of tier 5: every word in names or body (see the module's rules)."""
    parts = []
    for word in words:
        if len(word) == 1:
            parts.append(f"{{names body}} : {_quoted(word)}")
        elif len(word) == 2:
            parts.append(f"(names : {_quoted(word)}* OR body : {_quoted(word)})")
        else:
            parts.append(f"{{names body}} : {_quoted(word)}*")
    return " AND ".join(parts)


def tiers(terms: Sequence[Term]) -> list[tuple[str, str]]:
    """(name, FTS5 expression) of each ranking tier for *terms*, best first."""
    words = [t.folded for t in terms]
    found = [("whole", f"whole : {_quoted(''.join(words))}")]
    if any(t.exact for t in terms):
        found.append(("exact", " AND ".join(
            f"exact : {_quoted(t.exact)}" if t.exact else f"names : {_quoted(t.folded)}"
            for t in terms)))
    found.append(("words", " AND ".join(f"names : {_quoted(w)}" for w in words)))
    found.append(("prefix", " AND ".join(
        f"names : {_quoted(w)}" + ("" if len(w) == 1 else "*") for w in words)))
    found.append(("anywhere", match_expression(words)))
    found.append(("notes", notes_expression(words)))
    return found


def notes_expression(words: Sequence[str]) -> str:
    """Tier 6: every word in names, body or the notes (folded, in ``exact``), by tier
    5's rules for short words. It holds tier 5's matches, as each tier holds the last."""
    parts = []
    for word in words:
        if len(word) == 1:
            parts.append(f"{{names body exact}} : {_quoted(word)}")
        elif len(word) == 2:
            parts.append(f"(names : {_quoted(word)}* OR {{body exact}} : {_quoted(word)})")
        else:
            parts.append(f"{{names body exact}} : {_quoted(word)}*")
    return " AND ".join(parts)


def _kind_clause(kind_codes: Sequence[int], stride: int) -> str:
    if not kind_codes:
        return ""
    return f" AND (rowid % {stride}) IN ({', '.join(str(int(c)) for c in kind_codes)})"


def session_rows(session: Session) -> Rows:
    """The store's session as a :data:`Rows` function, in its current transaction.

    The SQL goes to the database driver as written (``exec_driver_sql``), so this
    module needs no SQLAlchemy import; the ``:name`` parameters are SQLite's own.
    """
    connection = session.connection()

    def rows(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        result = (connection.exec_driver_sql(sql, dict(params)) if params
                  else connection.exec_driver_sql(sql))
        return result.all()

    return rows


def _tier_rows(rows: Rows, expression: str, kind_clause: str,
               wanted: int, count: int) -> list[int]:
    """Rowids of the tier's best *wanted* matches (*count* matches in all)."""
    where = f"search_index MATCH :match{kind_clause}"
    order = " ORDER BY length(names), rowid" if count <= ORDER_LIMIT else ""
    sql = f"SELECT rowid FROM search_index WHERE {where}{order} LIMIT :limit"
    return [int(r) for (r,) in rows(sql, {"match": expression, "limit": wanted})]


def _agreement(terms: Sequence[Term], exact_column: str) -> int:
    """How many accented query words the record has exactly as typed."""
    written = set(exact_column.split())
    return sum(1 for t in terms if t.exact and t.exact in written)


def search_sqlite(session: Session, query: str, *, kind_codes: Sequence[int] = (),
                  stride: int = 16, limit: int = 50) -> list[Hit]:
    """Ranked hits from the FTS5 index of the store's session (see :func:`search_fts5`)."""
    return search_fts5(session_rows(session), query, kind_codes=kind_codes, stride=stride,
                       limit=limit)


def search_fts5(rows: Rows, query: str, *, kind_codes: Sequence[int] = (),
                stride: int = 16, limit: int = 50) -> list[Hit]:
    """Ranked hits from the FTS5 index, tier by tier (see the module docstring)."""
    terms, fields = prepared(query)
    if not (terms or fields) or limit <= 0:
        return []
    kind_clause = _kind_clause(kind_codes, stride)
    narrow = search_fields.fts5_filter(fields)
    ranked = [(name, f"({expression}) AND {narrow}" if narrow else expression)
              for name, expression in tiers(terms)] if terms else [("fields", narrow)]
    order: list[int] = []
    scores: dict[int, float] = {}
    previous = -1  # matches of the last tier; tiers after "whole" each contain the one before
    for tier, (name, expression) in enumerate(ranked):
        count = int(rows(
            f"SELECT count(*) FROM search_index WHERE search_index MATCH :match{kind_clause}",
            {"match": expression})[0][0])
        if name != "whole":
            if count == previous:
                continue  # the same records as the tier before: nothing new
            previous = count
        if not count:
            continue
        found = _tier_rows(rows, expression, kind_clause, limit + len(order), count)
        fresh = [rid for rid in found if rid not in scores]
        if name == "whole" and fresh and any(t.exact for t in terms):
            exact = {int(r): e for r, e in rows(
                f"SELECT rowid, exact FROM search_index WHERE rowid IN "
                f"({', '.join(str(r) for r in fresh)})", {})}
            fresh.sort(key=lambda rid: -_agreement(terms, exact.get(rid) or ""))
        for rid in fresh:
            scores[rid] = float(tier)  # the tier: lower is better
            order.append(rid)
        if len(order) >= limit:
            break
    return hits_in_order(rows, order[:limit], scores)


def hits_in_order(rows: Rows, order: list[int], scores: dict[int, float]) -> list[Hit]:
    """The stored title and result line of each rowid, in *order*."""
    if not order:
        return []
    stored_rows = {int(r[0]): tuple(r[1:]) for r in rows(
        "SELECT rowid, kind, record_id, title, subtitle FROM search_index WHERE rowid IN "
        f"({', '.join(str(r) for r in order)})", {})}
    hits: list[Hit] = []
    details: dict[int, str] = {}
    for r in order:
        if r in stored_rows:
            kind, record_id, title, stored = stored_rows[r]
            subtitle, _, detail = (stored or "").partition(DETAIL_MARK)
            details[len(hits)] = detail
            hits.append(Hit(kind, int(record_id), title, shown_subtitle(kind, subtitle),
                            scores[r]))
    return distinguish_namesakes(hits, details)


# ---------------------------------------------------------------- namesakes


def distinguish_namesakes(hits: list[Hit], details: dict[int, str]) -> list[Hit]:
    """Add to namesakes' result lines whatever tells them apart (and only to them).

    *details* maps a hit's position to the detail stored with its document
    (organisation, province, years, nationality), so this costs no query.
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, hit in enumerate(hits):
        groups[(hit.kind, fold(hit.title))].append(index)
    result = list(hits)
    for group in groups.values():
        if len(group) < 2:
            continue
        for index in group:
            hit = hits[index]
            shown = fold(hit.subtitle)
            extra = [part for part in details.get(index, "").split(" · ")
                     if part and fold(part) not in shown]
            line = " · ".join(part for part in (hit.subtitle, *extra) if part)
            result[index] = replace(hit, subtitle=line)
    return result
