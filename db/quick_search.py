"""``liaison search`` on a catalog file, over :mod:`sqlite3` alone: the store's query, no ORM.

A look-up from the command line reads a few rows; loading SQLAlchemy, SQLModel and
two dozen table classes to do it cost twenty times the query (issue 16). This
path runs the very same tiers and ranking (:func:`db.search_query.search_fts5`,
with :func:`db.folding.fold` inside) over a read-only DB-API connection, and
imports nothing heavier than :mod:`sqlite3`.

It takes only the plain case, as :mod:`db.catalog.file_reader` says: anything else
returns None, and the caller opens the catalog through the store
(:func:`db.catalog.open_catalog`), which says what is wrong, or upgrades, exactly as it
always has.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from db.bilingual import NAMED_IN_TWO_LANGUAGES, pick
from db.catalog.file_reader import open_file_reader
from db.i18n import language
from db.search_query import Hit, Rows, search_fts5


def _in_language(rows: Rows, hits: list[Hit]) -> list[Hit]:
    """Hits titled as the store titles them in the language: the Vietnamese form of a
    name where there is one (:func:`db.bilingual.pick`), one query per such kind."""
    if language() != "vi":
        return hits
    found: dict[tuple[str, int], str | None] = {}
    for kind in sorted({h.kind for h in hits} & NAMED_IN_TWO_LANGUAGES):
        ids = ",".join(str(int(h.id)) for h in hits if h.kind == kind)
        for record_id, name_vi in rows(
                f'SELECT id, name_vi FROM "{kind}" WHERE id IN ({ids})', {}):
            found[(kind, int(record_id))] = name_vi
    return [replace(h, title=pick(h.title, found.get((h.kind, h.id))) or h.title)
            for h in hits]


def search_file(path: Path, query: str, *, kind_codes: Sequence[int] = (), stride: int = 16,
                limit: int = 50) -> list[Hit] | None:
    """Ranked hits for *query* in the catalog file at *path*, or None when the store must
    open it instead (see the module docstring)."""
    reader = open_file_reader(path)
    if reader is None:
        return None
    try:
        with reader, reader.read_session() as rows:
            hits = search_fts5(rows, query, kind_codes=kind_codes, stride=stride, limit=limit)
            return _in_language(rows, hits)
    except sqlite3.Error:
        return None
