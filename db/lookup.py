"""Short reads for pickers and forms: type-ahead matches and the countries held.

A picker must answer the key just typed, so these run on the GUI thread and
stay small: a search-index query, or for kinds outside the index (countries,
cooperation areas) a folded match over their labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from db import registry, search
from db.folding import fold
from db.kinds import RecordKind
from db.models import Country


@dataclass(frozen=True)
class Match:
    kind: RecordKind
    id: int
    label: str
    detail: str  # "Chairman of the Hanoi People's Committee": tells namesakes apart


def find(session: Session, kind: RecordKind, text: str, limit: int = 20) -> list[Match]:
    """Records of *kind* matching *text* the way the global search box does."""
    if kind in search.SEARCH_KINDS:
        return [Match(kind, hit.id, hit.title, hit.subtitle)
                for hit in search.search(session, text, kinds=[kind.value], limit=limit)]
    words = fold(text).split()
    found = [ref for ref in registry.labels_in_order(session, kind)
             if all(word in fold(ref.label) for word in words)]
    return [Match(kind, ref.id, ref.label, "") for ref in found[:limit]]


def countries(session: Session) -> dict[str, int]:
    """ISO code -> id of the countries the catalog holds."""
    return {code: cid for code, cid in session.exec(select(Country.code, Country.id))
            if cid is not None}
