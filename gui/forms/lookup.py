"""What pickers and forms read: type-ahead matches, labels of linked records, countries.

Reads are short and run on the GUI thread (a few milliseconds against the
search index): a picker must answer the key the user just typed, and a form
loads one record. Long lists never come through here. The queries are in
:mod:`db.lookup`; this class adds the catalog's session and a label cache.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from db import lookup
from db.kinds import RecordKind
from db.lookup import Match

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.ops import Draft


class Lookup:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._labels: dict[tuple[RecordKind, int], str | None] = {}

    def forget(self) -> None:
        """Drop cached labels (after any change to the catalog)."""
        self._labels.clear()

    def find(self, kind: RecordKind, text: str, limit: int = 20) -> list[Match]:
        """Records of *kind* matching *text* the way the global search box does."""
        with self.catalog.read_session() as session:
            return lookup.find(session, kind, text, limit)

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
        with self.catalog.read_session() as session:
            return lookup.countries(session)

    def load(self, kind: RecordKind, record_id: int) -> Draft | None:
        from db.ops import load_draft

        with self.catalog.read_session() as session:
            return load_draft(session, kind, record_id)

    def references(self, kind: RecordKind, record_id: int) -> list[tuple[str, int, str]]:
        from db.ops import references

        with self.catalog.read_session() as session:
            return references(session, kind, record_id)
