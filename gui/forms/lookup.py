"""What pickers and forms read: type-ahead matches, labels of linked records, countries.

Reads are short and run on the GUI thread (a few milliseconds against the
search index): a picker must answer the key the user just typed, and a form
loads one record. Long lists never come through here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.folding import fold
from db.kinds import RecordKind

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.ops import Draft


@dataclass(frozen=True)
class Match:
    kind: RecordKind
    id: int
    label: str
    detail: str  # "Chairman of the Hanoi People's Committee": tells namesakes apart


class Lookup:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._labels: dict[tuple[RecordKind, int], str | None] = {}

    def forget(self) -> None:
        """Drop cached labels (after any change to the catalog)."""
        self._labels.clear()

    def find(self, kind: RecordKind, text: str, limit: int = 20) -> list[Match]:
        """Records of *kind* matching *text* the way the global search box does."""
        from db import registry, search

        with self.catalog.read_session() as session:
            if kind in search.SEARCH_KINDS:
                return [Match(kind, hit.id, hit.title, hit.subtitle)
                        for hit in search.search(session, text, kinds=[kind.value],
                                                 limit=limit)]
            words = fold(text).split()
            found = [ref for ref in registry.labels_in_order(session, kind)
                     if all(word in fold(ref.label) for word in words)]
        return [Match(kind, ref.id, ref.label, "") for ref in found[:limit]]

    def label(self, kind: RecordKind, record_id: int | None) -> str | None:
        if record_id is None:
            return None
        key = (kind, record_id)
        if key not in self._labels:
            from db.ops import record_label

            with self.catalog.read_session() as session:
                self._labels[key] = record_label(session, kind, record_id)
        return self._labels[key]

    def countries(self) -> dict[str, int]:
        """ISO code -> id of the countries the catalog holds."""
        from sqlmodel import select

        from db.models import Country

        with self.catalog.read_session() as session:
            return {code: cid for code, cid in session.exec(select(Country.code, Country.id))
                    if cid is not None}

    def load(self, kind: RecordKind, record_id: int) -> Draft | None:
        from db.ops import load_draft

        with self.catalog.read_session() as session:
            return load_draft(session, kind, record_id)

    def references(self, kind: RecordKind, record_id: int) -> list[tuple[str, int, str]]:
        from db.ops import references

        with self.catalog.read_session() as session:
            return references(session, kind, record_id)
