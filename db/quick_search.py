"""``liaison search`` on a catalog file, over :mod:`sqlite3` alone: the store's query, no ORM.

A look-up from the command line reads a few rows; loading SQLAlchemy, SQLModel and
two dozen table classes to do it cost twenty times the query (issue 16). This
path runs the very same tiers and ranking (:func:`db.search_query.search_fts5`,
with :func:`db.folding.fold` inside) over a read-only DB-API connection, and
imports nothing heavier than :mod:`sqlite3`.

It takes only the plain case: a local catalog file of this version, sound
enough to answer. Anything else — a missing, foreign, newer, older (to be
upgraded) or damaged file, one on a network drive, a database server, an SQLite
error of any kind — returns None, and the caller opens the catalog through the
store (:func:`db.catalog.open_catalog`), which says what is wrong, or upgrades,
exactly as it always has. Nothing here writes to the file or reads it with
plain Python I/O: it is opened read-only through SQLite (``mode=ro``, as the
store's read-only opens do), and its format is read through SQLite too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from db import schema
from db.bilingual import NAMED_IN_TWO_LANGUAGES, pick
from db.catalog.network import network_filesystem
from db.i18n import language
from db.search_query import Hit, Rows, search_fts5

# How long a read waits for a writer's lock, as the store's connections do.
_BUSY_TIMEOUT_S = 10.0


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to *path* (SQLite's ``mode=ro`` URI, any file name)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                           timeout=_BUSY_TIMEOUT_S)


def _is_current_catalog(conn: sqlite3.Connection) -> bool:
    """Whether the file is a Liaison catalog of exactly this version (read through SQLite)."""
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    return bool(application_id == schema.APPLICATION_ID
                and user_version == schema.SCHEMA_VERSION)


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
    if not path.is_file() or network_filesystem(path) is not None:
        return None
    try:
        conn = _read_only(path)
    except sqlite3.Error:
        return None
    try:
        if not _is_current_catalog(conn):
            return None

        def rows(sql: str, params: Mapping[str, Any]) -> list[Any]:
            return conn.execute(sql, dict(params)).fetchall()

        hits = search_fts5(rows, query, kind_codes=kind_codes, stride=stride, limit=limit)
        return _in_language(rows, hits)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
