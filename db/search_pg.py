"""Search on PostgreSQL: the tiers of :mod:`db.search_query`, over one ``tsvector`` per column.

The index table holds the same folded text as the FTS5 index on SQLite (the
same documents from the registry, the same :func:`db.folding.fold`, so ``Đ``
-> ``d``), and for each of its four columns (``names``, ``body``, ``exact``,
``whole``) a generated ``<column>_tsv`` with its own GIN index. Words are split
as FTS5 splits them (runs of letters and digits), not by PostgreSQL's parser,
which would keep e-mail addresses, URLs and ``2.0`` whole.

One vector per column, not one vector with a weight per column: a weight is
checked only after the index has found every row holding the word, so
"``smart`` among names" re-read each of the thousands of rows with ``smart``
in their body (200 ms at 100,000 people). With a vector per column the GIN
index answers "names holding ``smart``" alone, and a query touches only the
rows it returns.

Each FTS5 tier expression becomes a condition on these columns (``names_tsv
@@ 'chung':*`` is "a word of names starting with chung"); ranking within and
between tiers is :mod:`db.search_query`'s, so a query gives the same records in
the same order on both engines. No ``ts_rank``: like the FTS5 side, order comes
from the tiers, then the shortest names while a tier is small, else index order.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session

from db import search_fields
from db.search_query import (
    DETAIL_MARK,
    ORDER_LIMIT,
    Hit,
    Term,
    distinguish_namesakes,
    prepared,
)

# The ranking helper is search_query's own: one ranking for both engines.
from db.search_query import _agreement as tier_agreement
from db.search_words import shown_subtitle

# The index's text columns, each with a generated tsvector "<column>_tsv" (GIN-indexed).
COLUMNS = ("names", "body", "exact", "whole")
_UNSAFE = re.compile(r"[^\w]|_")
# A large tier's matches are read in rowid ranges: the first this wide, each next one wider.
_FIRST_RANGE = 4096
_RANGE_GROWTH = 4


def words_sql(column: str) -> str:
    """SQL: a column's words as FTS5's unicode61 tokenizer sees them, space-separated."""
    return f"regexp_replace({column}, '[^[:alnum:]]+', ' ', 'g')"


def vector_sql(column: str) -> str:
    """SQL computing ``<column>_tsv`` (the generated column's expression)."""
    return f"to_tsvector('simple'::regconfig, {words_sql(column)})"


def _term(word: str, *, prefix: bool = False) -> str:
    """One tsquery operand, quoted; user text is reduced to letters and digits first."""
    safe = _UNSAFE.sub("", word)
    return f"'{safe}'{':*' if prefix else ''}"


def _has(column: str, *terms: str) -> str:
    """SQL: *column* holds every term (a literal: terms are letters and digits only).

    Literals, not bind parameters, so the planner sees each query's words and
    their frequencies (a generic plan would not know "nguyen" is in half the rows).
    """
    query = " & ".join(terms).replace("'", "''")
    return f"{column}_tsv @@ to_tsquery('simple', '{query}')"


def anywhere(words: Sequence[str]) -> str:
    """Tier 5 (and the list filter): every word in names or body, by the module's rules.

    A one-letter word is a whole word of either; a two-letter word starts a word
    of names or is a whole word of body; a longer one starts a word of either.
    """
    parts = []
    for word in words:
        if not _UNSAFE.sub("", word):
            continue
        names = _term(word, prefix=len(word) > 1)
        body = _term(word, prefix=len(word) > 2)
        parts.append(f"({_has('names', names)} OR {_has('body', body)})")
    return " AND ".join(parts) or "false"


def tiers(terms: Sequence[Term]) -> list[tuple[str, str]]:
    """(name, SQL condition) of each ranking tier, as :func:`db.search_query.tiers` for FTS5."""
    words = [t.folded for t in terms]
    found = [("whole", _has("whole", _term("".join(words))))]
    if any(t.exact for t in terms):
        exact = [_term(t.exact) for t in terms if t.exact]
        plain = [_term(t.folded) for t in terms if not t.exact]
        found.append(("exact", " AND ".join(
            [_has("exact", *exact), *([_has("names", *plain)] if plain else [])])))
    found.append(("words", _has("names", *(_term(w) for w in words))))
    found.append(("prefix", _has("names", *(_term(w, prefix=len(w) > 1) for w in words))))
    found.append(("anywhere", anywhere(words)))
    found.append(("notes", notes(words)))
    return found


def notes(words: Sequence[str]) -> str:
    """Tier 6: as tier 5, and a word may be in the notes (folded words in ``exact``)."""
    parts = []
    for word in words:
        if not _UNSAFE.sub("", word):
            continue
        names = _term(word, prefix=len(word) > 1)
        rest = _term(word, prefix=len(word) > 2)
        parts.append(f"({_has('names', names)} OR {_has('body', rest)} "
                     f"OR {_has('exact', rest)})")
    return " AND ".join(parts) or "false"


def fields_condition(fields: Sequence[tuple[str, str]]) -> str:
    """SQL: the record has every field word asked (title:, org:, city:, year:)."""
    return _has("whole", *(_term(search_fields.token(field, word), prefix=True)
                           for field, word in fields))


def _kind_clause(kind_codes: Sequence[int], stride: int) -> str:
    if not kind_codes:
        return ""
    return f" AND (rowid % {stride}) IN ({', '.join(str(int(c)) for c in kind_codes)})"


# What a tier's query reads of each matching row: enough to rank it and to show it.
_ROW = "rowid, length(names), kind, record_id, title, subtitle, exact"


@dataclass(frozen=True)
class _Row:
    rowid: int
    name_length: int
    kind: str
    record_id: int
    title: str
    subtitle: str
    exact: str


def _rows(session: Session, sql: str, params: dict[str, int] | None = None) -> list[_Row]:
    return [_Row(int(r[0]), int(r[1] or 0), str(r[2]), int(r[3]), str(r[4]), str(r[5] or ""),
                 str(r[6] or "")) for r in session.execute(text(sql), params or {})]


def _probe(session: Session, wheres: Sequence[str]) -> list[list[_Row]]:
    """Up to ORDER_LIMIT + 1 matches of each tier (any order), in one round trip.

    A tier with at most ORDER_LIMIT matches is then known whole (its order is
    the shortest names first). The first larger tier ends the search (its
    lowest rowids fill the page, see :func:`_lowest`), so each tier's scan is
    gated on every tier before it being small: PostgreSQL runs the count once
    and skips the scan entirely when the gate is false.
    """
    cap = ORDER_LIMIT + 1
    steps = []
    for number, where in enumerate(wheres):
        gate = "".join(f" AND (SELECT count(*) FROM t{before}) < {cap}" for before in range(number))
        steps.append(f"t{number} AS MATERIALIZED (SELECT {_ROW} FROM search_index "
                     f"WHERE {where}{gate} LIMIT {cap})")
    union = " UNION ALL ".join(f"SELECT {number}, * FROM t{number}"
                               for number in range(len(wheres)))
    found: list[list[_Row]] = [[] for _ in wheres]
    for r in session.execute(text(f"WITH {', '.join(steps)} {union}")):
        found[int(r[0])].append(_Row(int(r[1]), int(r[2] or 0), str(r[3]), int(r[4]),
                                     str(r[5]), str(r[6] or ""), str(r[7] or "")))
    return found


def _lowest(session: Session, where: str, known: list[_Row], wanted: int) -> list[_Row]:
    """The *wanted* matches with the lowest rowids (FTS5's order for a large tier).

    *known* holds ORDER_LIMIT + 1 matches already found, so the *wanted*-th
    lowest of them bounds the answer. Below that bound, matches are read in
    growing rowid ranges (4,096 rowids, then 4 times more each time) in one
    statement, each range gated on the ranges before it not having found enough
    together:
    a common word ("ng" starts a name in 1 of 10 rows) is found in the first
    ranges without reading its other ten thousand rows, and a rarer one costs
    a few index lookups more. Ordering every match by rowid would read them all.
    """
    if wanted > len(known):
        return _rows(session, f"SELECT {_ROW} FROM search_index WHERE {where} "
                     "ORDER BY rowid LIMIT :wanted", {"wanted": wanted})
    bound = sorted(row.rowid for row in known)[wanted - 1]
    edges = [-1]
    while edges[-1] < bound:
        edges.append(min(bound, _FIRST_RANGE * _RANGE_GROWTH ** (len(edges) - 1)))
    steps = []
    for number, (low, high) in enumerate(itertools.pairwise(edges)):
        seen = " + ".join(f"(SELECT count(*) FROM r{before})" for before in range(number))
        gate = f" AND {seen} < {wanted}" if number else ""
        steps.append(f"r{number} AS MATERIALIZED (SELECT {_ROW} FROM search_index WHERE {where} "
                     f"AND rowid > {low} AND rowid <= {high}{gate} ORDER BY rowid LIMIT {wanted})")
    union = " UNION ALL ".join(f"SELECT * FROM r{number}" for number in range(len(steps)))
    found = _rows(session, f"WITH {', '.join(steps)} {union}")
    return sorted(found, key=lambda row: row.rowid)[:wanted]


def _hits(order: list[_Row], scores: dict[int, float]) -> list[Hit]:
    """Each row as a hit; namesakes get what tells them apart (see db.search_query)."""
    hits: list[Hit] = []
    details: dict[int, str] = {}
    for row in order:
        subtitle, _, detail = row.subtitle.partition(DETAIL_MARK)
        details[len(hits)] = detail
        hits.append(Hit(row.kind, row.record_id, row.title, shown_subtitle(row.kind, subtitle),
                        scores[row.rowid]))
    return distinguish_namesakes(hits, details)


def search_pg(session: Session, query: str, *, kind_codes: Sequence[int] = (),
              stride: int = 16, limit: int = 50) -> list[Hit]:
    """Ranked hits, tier by tier, exactly as :func:`db.search_query.search_sqlite` ranks.

    At most two queries: every tier's probe in one, then, for the first tier
    with more than ORDER_LIMIT matches, its lowest rowids. (FTS5's search also
    skips a tier with as many matches as the one before; those are the same
    records, all listed already, so skipping or not gives the same hits.)
    """
    terms, fields = prepared(query)  # capped as on SQLite; field prefixes apart
    if not (terms or fields) or limit <= 0:
        return []
    kind_clause = _kind_clause(kind_codes, stride)
    narrow = fields_condition(fields) if fields else ""
    found = [(name, f"({condition}) AND {narrow}" if narrow else condition)
             for name, condition in tiers(terms)] if terms else [("fields", narrow)]
    probed = _probe(session, [f"{condition}{kind_clause}" for _name, condition in found])
    order: list[_Row] = []
    scores: dict[int, float] = {}
    for tier, (name, condition) in enumerate(found):
        if tier and len(probed[tier - 1]) > ORDER_LIMIT:
            # Reached past a large tier (a page longer than it): the probes after it
            # were skipped, so probe the rest now.
            probed[tier:] = _probe(session, [f"{c}{kind_clause}" for _n, c in found[tier:]])
        matches = probed[tier]
        if not matches:
            continue
        wanted = limit + len(order)
        if len(matches) <= ORDER_LIMIT:
            rows = sorted(matches, key=lambda row: (row.name_length, row.rowid))[:wanted]
        else:
            rows = _lowest(session, f"{condition}{kind_clause}", matches, wanted)
        fresh = [row for row in rows if row.rowid not in scores]
        if name == "whole" and any(t.exact for t in terms):
            fresh.sort(key=lambda row: -tier_agreement(terms, row.exact))
        for row in fresh:
            scores[row.rowid] = float(tier)
            order.append(row)
        if len(order) >= limit:
            break
    return _hits(order[:limit], scores)
