"""Rows of a list by id: what a list re-reads after an edit, instead of reloading.

One edit on a 100,000-person catalog changes one row; the list asks for just
the rows it holds that changed (:func:`rows`), in one query whatever their
number, and keeps its place. Cells also show names of other records (a
person's organisation, a delegation's host city): :data:`NAMES_SHOWN` says
which kinds, so renaming a city refreshes the rows that may show it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session

from db import listing
from db.kinds import RecordKind
from db.listing import ListRow

# SQLite allows 32,766 bound values; stay far below it on any engine.
_CHUNK = 900

#: Kinds whose names appear in the cells of each list (see the ``*_cells`` in
#: :mod:`db.listing`): a change to one of them may change rows of the list.
NAMES_SHOWN: dict[RecordKind, frozenset[RecordKind]] = {
    RecordKind.PERSON: frozenset({RecordKind.ORGANISATION, RecordKind.COUNTRY}),
    RecordKind.ORGANISATION: frozenset({RecordKind.CITY, RecordKind.COUNTRY}),
    RecordKind.CITY: frozenset({RecordKind.COUNTRY}),
    RecordKind.PROGRAMME: frozenset({RecordKind.ORGANISATION}),
    RecordKind.PAIRING: frozenset({RecordKind.CITY, RecordKind.PROGRAMME}),
    RecordKind.DELEGATION: frozenset({RecordKind.CITY, RecordKind.ORGANISATION}),
    RecordKind.EVENT: frozenset({RecordKind.CITY}),
}


def rows(session: Session, kind: RecordKind, ids: Iterable[int]) -> dict[int, ListRow]:
    """The current rows of *ids* in *kind*'s list (:func:`db.listing.rows`), read in
    chunks so that a list holding 100,000 rows stays under SQLite's bound-value limit."""
    wanted = sorted(set(ids))
    found: dict[int, ListRow] = {}
    for start in range(0, len(wanted), _CHUNK):
        found.update(listing.rows(session, kind, wanted[start:start + _CHUNK]))
    return found
