"""Search on PostgreSQL: the tiers of :mod:`db.search_query`, over a ``tsvector``.

The index table holds the same folded text as the FTS5 index on SQLite (the
same :func:`db.folding.fold`, so ``Đ`` -> ``d``), and one ``tsv`` column
(GIN-indexed) that holds every column's words with a weight naming the column:
``names`` A, ``body`` B, ``exact`` C, ``whole`` D. Words are split as FTS5
splits them (runs of letters and digits), not by PostgreSQL's parser, which
would keep e-mail addresses, URLs and ``2.0`` whole.

Each FTS5 tier expression becomes a ``tsquery`` whose weight labels restrict
a word to its column (``'chung':*A`` is "a word of names starting with
chung"); ranking within and between tiers is :mod:`db.search_query`'s, so a
query gives the same records in the same order on both engines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import text
from sqlmodel import Session

from db.search_fields import tsquery_filter
from db.search_query import ORDER_LIMIT, Hit, Term, prepared

# The ranking helpers are search_query's own: one ranking for both engines.
from db.search_query import _agreement as tier_agreement
from db.search_query import _hits as hits_in_order

# The index's columns and the tsvector weight that stands for each.
WEIGHTS = {"names": "A", "body": "B", "exact": "C", "whole": "D"}
_UNSAFE = re.compile(r"[^\w]|_")


def _words(column: str) -> str:
    """SQL: a column's words as FTS5's unicode61 tokenizer sees them, space-separated."""
    return f"regexp_replace({column}, '[^[:alnum:]]+', ' ', 'g')"


def tsv_expression(columns: Sequence[str], value: str = ":{}") -> str:
    """SQL computing ``tsv`` from the index columns (bind parameters by default)."""
    parts = [f"setweight(to_tsvector('simple'::regconfig, {_words(value.format(c))}), "
             f"'{WEIGHTS[c]}')" for c in columns if c in WEIGHTS]
    return " || ".join(parts) if parts else "''::tsvector"


def _q(word: str, *, prefix: bool = False, weights: str = "") -> str:
    safe = _UNSAFE.sub("", word)
    return f"'{safe}':{'*' if prefix else ''}{weights}" if (prefix or weights) else f"'{safe}'"


def anywhere(words: Sequence[str]) -> str:
    """Tier 5 (and the list filter): every word in names or body, by the module's rules."""
    parts = []
    for word in words:
        if len(word) == 1:
            parts.append(_q(word, weights="AB"))
        elif len(word) == 2:
            parts.append(f"({_q(word, prefix=True, weights='A')} | {_q(word, weights='B')})")
        else:
            parts.append(_q(word, prefix=True, weights="AB"))
    return " & ".join(parts)


def tiers(terms: Sequence[Term]) -> list[tuple[str, str]]:
    """(name, tsquery) of each ranking tier, as :func:`db.search_query.tiers` for FTS5."""
    words = [t.folded for t in terms]
    found = [("whole", _q("".join(words), weights="D"))]
    if any(t.exact for t in terms):
        found.append(("exact", " & ".join(
            _q(t.exact, weights="C") if t.exact else _q(t.folded, weights="A") for t in terms)))
    found.append(("words", " & ".join(_q(w, weights="A") for w in words)))
    found.append(("prefix", " & ".join(_q(w, prefix=len(w) > 1, weights="A") for w in words)))
    found.append(("anywhere", anywhere(words)))
    found.append(("notes", " & ".join(  # tier 6: notes are folded words in exact (C)
        _q(w, weights="ABC") if len(w) == 1 else
        f"({_q(w, prefix=True, weights='A')} | {_q(w, weights='BC')})" if len(w) == 2 else
        _q(w, prefix=True, weights="ABC") for w in words)))
    return found


def _kind_clause(kind_codes: Sequence[int], stride: int) -> str:
    if not kind_codes:
        return ""
    return f" AND (rowid % {stride}) IN ({', '.join(str(int(c)) for c in kind_codes)})"


def search_pg(session: Session, query: str, *, kind_codes: Sequence[int] = (),
              stride: int = 16, limit: int = 50) -> list[Hit]:
    """Ranked hits, tier by tier, exactly as :func:`db.search_query.search_sqlite` ranks."""
    terms, fields = prepared(query)  # capped as on SQLite: a 1 MB query is not 1 MB of SQL
    if not (terms or fields) or limit <= 0:
        return []
    narrow = tsquery_filter(fields)  # title:, org:, city:, year: (db.search_fields)
    ranked = [(name, f"({expression}) & {narrow}" if narrow else expression)
              for name, expression in tiers(terms)] if terms else [("fields", narrow)]
    kind_clause = _kind_clause(kind_codes, stride)
    where = f"tsv @@ to_tsquery('simple', :match){kind_clause}"
    order: list[int] = []
    scores: dict[int, float] = {}
    for tier, (name, expression) in enumerate(ranked):
        # Only whether a tier has more than ORDER_LIMIT matches matters (it decides the
        # order inside the tier), so counting stops there: a full count of a common
        # prefix would re-check tens of thousands of rows. (FTS5's search also skips a
        # tier with as many matches as the one before; those are the same records, all
        # listed already, so skipping or not gives the same hits.)
        count = session.execute(text(
            f"SELECT count(*) FROM (SELECT 1 FROM search_index WHERE {where} LIMIT :cap) m"),
            {"match": expression, "cap": ORDER_LIMIT + 1}).scalar_one()
        if not count:
            continue
        ordering = "length(names), rowid" if count <= ORDER_LIMIT else "rowid"
        rows = [int(r) for (r,) in session.execute(text(
            f"SELECT rowid FROM search_index WHERE {where} ORDER BY {ordering} LIMIT :limit"),
            {"match": expression, "limit": limit + len(order)})]
        fresh = [rid for rid in rows if rid not in scores]
        if name == "whole" and fresh and any(t.exact for t in terms):
            exact = dict(session.execute(text(
                "SELECT rowid, exact FROM search_index WHERE rowid IN "
                f"({', '.join(str(r) for r in fresh)})")).all())
            fresh.sort(key=lambda rid: -tier_agreement(terms, exact.get(rid) or ""))
        for rid in fresh:
            scores[rid] = float(tier)
            order.append(rid)
        if len(order) >= limit:
            break
    return hits_in_order(session, order[:limit], scores)
