"""One description of each kind of record, and the generic look-ups over them.

Every kind the catalog stores has exactly one :class:`db.spec.KindSpec` here:
its table, its nouns, the one rule its label follows, the rows it owns and edits
with it (parts), its list, its search document, how its detail and briefing read
it, and (derived from the table) its fields and links for import and export.
Writes (``db.ops``), lists (``db.listing``), search (``db.search``), the change
log (``db.changes``), counts and the CLI iterate this registry instead of
keeping tables of their own; ``tests/db/test_registry.py`` fails when a table
has no description or a description misses a part.

Adding a kind of record (say a gift):

1. the table in a module of ``db/models/`` (a ``RecordKind`` member in
   ``db/kinds.py``) and an Alembic migration;
2. a ``KindSpec`` below: nouns, ``label`` (``named_by("description")`` or a
   :class:`db.spec.LabelRule`), ``parts`` it owns, and if it is browsed and
   searched, a ``ListSpec`` (in ``db/lists.py``), a document builder (in
   ``db/documents.py``) with the next unused ``search_code`` and a reader (in
   ``db/reads.py``);
3. its GUI counterpart, a form and sample data.

Nothing else in ``db/`` needs to change.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from db import documents, lists, reads
from db.bilingual import country_label
from db.models import TABLES, Record, RecordKind
from db.reads.member_order import arrange_members
from db.spec import (
    PAIRING_LABEL,
    PERSON_LABEL,
    KindSpec,
    LabelRule,
    Part,
    named_by,
    named_in_language,
)
from db.vocabulary import english_nouns


class Registry(Mapping[RecordKind, KindSpec]):
    """Kind -> description, in a fixed order; also found by the kind's spelling."""

    def __init__(self, specs: Iterable[KindSpec]) -> None:
        self._specs: dict[RecordKind, KindSpec] = {}
        for found in specs:
            self.add(found)

    def add(self, found: KindSpec) -> None:
        if found.kind in self._specs:
            raise ValueError(f"{found.kind.value} is described twice")
        codes = {s.search_code for s in self._specs.values() if s.search_code is not None}
        if found.search_code is not None and (found.search_code in codes
                                              or not 1 <= found.search_code < 16):
            raise ValueError(f"search code {found.search_code} of {found.kind.value} is taken "
                             "or out of range")
        self._specs[found.kind] = found

    @contextmanager
    def temporarily(self, *specs: KindSpec) -> Iterator[Registry]:
        """Describe more kinds for the duration of a ``with`` block (tests, plug-ins)."""
        for found in specs:
            self.add(found)
        try:
            yield self
        finally:
            for found in specs:
                del self._specs[found.kind]

    def __getitem__(self, kind: RecordKind) -> KindSpec:
        return self._specs[kind]

    def __iter__(self) -> Iterator[RecordKind]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def kind(self, value: str) -> RecordKind:
        """The kind spelled *value* (``"person"``), as stored in the change log."""
        for kind in self._specs:
            if kind.value == value:
                return kind
        raise KeyError(value)

    def by_table(self, table: str) -> KindSpec:
        return next(s for s in self._specs.values() if s.table == table)

    def model(self, kind: RecordKind) -> type[Record]:
        return self._specs[kind].model

    def parts(self, kind: RecordKind) -> tuple[Part, ...]:
        found = self._specs.get(kind)
        return found.parts if found else ()

    def searchable(self) -> list[KindSpec]:
        """Kinds in the search index, in the order of their codes."""
        return sorted((s for s in self._specs.values() if s.document and s.search_code),
                      key=lambda s: s.search_code or 0)

    def links(self, kind: RecordKind) -> dict[str, RecordKind]:
        """Columns of *kind* that hold another record's id, and that record's kind."""
        return {name: self.by_table(table).kind
                for name, table in self._specs[kind].references.items()}

    # ------------------------------------------------------------ labels

    def labels(self, session: Session, kind: RecordKind,
               ids: Iterable[int] | None = None) -> dict[int, str]:
        """The labels of these records (all of the kind when *ids* is None), in the
        rule's order: one query, plus one per kind of record the label names."""
        spec = self._specs[kind]
        rule = spec.label
        model = spec.model
        columns = [col(model.id), *(getattr(model, c) for c in rule.columns)]
        query = select(*columns)
        if ids is not None:
            wanted = sorted({i for i in ids if i is not None})
            if not wanted:
                return {}
            query = query.where(col(model.id).in_(wanted))
        else:
            order = [getattr(model, c) for c in (rule.order or rule.columns) if c != "id"]
            query = query.order_by(*order, col(model.id))
        rows = [dict(zip(("id", *rule.columns), row, strict=True))
                for row in session.execute(query)]
        for target in set(rule.refs.values()):
            names = [name for name, kind_ in rule.refs.items() if kind_ == target]
            named = self.labels(session, target, (r[name] for r in rows for name in names
                                                  if r[name] is not None))
            for r in rows:
                for name in names:
                    r[name] = named.get(r[name]) if r[name] is not None else None
        return {int(r["id"]): rule.text(r) or spec.noun(1) for r in rows}

    def label(self, session: Session, kind: RecordKind, record_id: int) -> str | None:
        """The label of one record; None when it does not exist."""
        return self.labels(session, kind, [record_id]).get(record_id)

    def values_label(self, kind: RecordKind, values: Mapping[str, Any],
                     named: Mapping[tuple[RecordKind, int], str] | None = None) -> str:
        """A record's label from its values (a form's, or a deleted row's as logged).

        Ids the rule names are looked up in *named*; without it a label that needs
        other records falls back to the noun ("pairing").
        """
        spec = self._specs[kind]
        rule = spec.label
        row = dict(values)
        for name, target in rule.refs.items():
            value = row.get(name)
            found = (named or {}).get((target, int(value))) if value is not None \
                and str(value).isdigit() else None
            if found is None:
                return spec.noun(1)
            row[name] = found
        return rule.text(row) or spec.noun(1)


def _spec(kind: RecordKind, label: LabelRule, **more: Any) -> KindSpec:
    """A kind's description, called by the nouns of :mod:`db.vocabulary` (one table)."""
    singular, plural = english_nouns(kind)
    return KindSpec(kind, TABLES[kind], singular, plural, label, **more)


def _named_by_link(column: str, target: RecordKind) -> LabelRule:
    """A link row named by the record it links to (a member by the person)."""
    return LabelRule((column,), lambda v: str(v.get(column) or ""), refs={column: target})


_SOURCES = Part("sources", RecordKind.CITATION)
_NAME = named_by("name")
_TITLE = named_by("title")
_NAME_VI = named_in_language("name")  # name or name_vi, as the language asks

REGISTRY = Registry([
    # Counted kinds first, most telling first: totals and backup lists show them so.
    _spec(RecordKind.PERSON, PERSON_LABEL, parts=(
        Part("positions", RecordKind.POSITION, "person_id"),
        Part("photo", RecordKind.ATTACHMENT, where=(("role", "photo"),)),
        _SOURCES,
    ), listing=lists.PEOPLE, document=documents.people, search_code=1, reader=reads.person,
        counted=True),
    _spec(RecordKind.ORGANISATION, _NAME_VI, parts=(_SOURCES,),
          listing=lists.ORGANISATIONS, document=documents.organisations, search_code=2,
          reader=reads.organisation, counted=True),
    _spec(RecordKind.DELEGATION, _TITLE, parts=(
        Part("members", RecordKind.DELEGATION_MEMBER, "delegation_id", ranked="sequence",
             arrange=arrange_members),
        Part("engagements", RecordKind.ENGAGEMENT, "delegation_id", order="sequence"),
        _SOURCES,
    ), listing=lists.DELEGATIONS, document=documents.delegations, search_code=6,
        reader=reads.delegation, counted=True),
    _spec(RecordKind.EVENT, _NAME_VI, parts=(
        Part("organisers", RecordKind.EVENT_ORGANISER, "event_id"),
        Part("sessions", RecordKind.EVENT_SESSION, "event_id", order="sequence"),
        Part("participants", RecordKind.EVENT_PARTICIPANT, "event_id"),
        _SOURCES,
    ), listing=lists.EVENTS, document=documents.events, search_code=8, reader=reads.event,
        counted=True),
    _spec(RecordKind.PAIRING, PAIRING_LABEL, parts=(
        Part("areas", RecordKind.PAIRING_AREA, "pairing_id"), _SOURCES,
    ), listing=lists.PAIRINGS, document=documents.pairings, search_code=5, reader=reads.pairing,
        counted=True),
    _spec(RecordKind.CITY, _NAME_VI, parts=(_SOURCES,),
          listing=lists.CITIES, document=documents.cities, search_code=3, reader=reads.city,
          counted=True),
    _spec(RecordKind.PROGRAMME, _NAME, parts=(_SOURCES,),
          listing=lists.PROGRAMMES, document=documents.programmes, search_code=4,
          reader=reads.programme, counted=True),
    _spec(RecordKind.SOURCE, _TITLE, counted=True),
    _spec(RecordKind.ENGAGEMENT, _TITLE, parts=(
        Part("participants", RecordKind.ENGAGEMENT_PARTICIPANT, "engagement_id"), _SOURCES,
    ), document=documents.engagements, search_code=7, reader=reads.engagement),
    _spec(RecordKind.COUNTRY, LabelRule(  # CLDR's name in Vietnamese (Việt Nam, Hàn Quốc)
        ("name", "code"), lambda v: country_label(v.get("code"), str(v.get("name") or "")),
        order=("name",))),
    _spec(RecordKind.COOPERATION_AREA, _NAME),
    _spec(RecordKind.POSITION, named_in_language("title")),
    _spec(RecordKind.PAIRING_AREA, _named_by_link("area_id", RecordKind.COOPERATION_AREA)),
    _spec(RecordKind.DELEGATION_MEMBER, _named_by_link("person_id", RecordKind.PERSON)),
    _spec(RecordKind.ENGAGEMENT_PARTICIPANT, _named_by_link("person_id", RecordKind.PERSON)),
    _spec(RecordKind.EVENT_ORGANISER,
          _named_by_link("organisation_id", RecordKind.ORGANISATION)),
    _spec(RecordKind.EVENT_SESSION, _TITLE),
    _spec(RecordKind.EVENT_PARTICIPANT, _named_by_link("person_id", RecordKind.PERSON)),
    _spec(RecordKind.CITATION, _named_by_link("source_id", RecordKind.SOURCE)),
    _spec(RecordKind.ATTACHMENT, named_by("filename")),
    _spec(RecordKind.GIFT, named_by("description")),
    _spec(RecordKind.ACTION_ITEM, named_by("what")),
])


def labels_in_order(session: Session, kind: RecordKind,
                    registry: Registry = REGISTRY) -> list[reads.Ref]:
    """Every record of a kind with its label, in the label rule's order (pickers)."""
    return [reads.Ref(kind.value, record_id, text)
            for record_id, text in registry.labels(session, kind).items()]


def counts(session: Session, registry: Registry = REGISTRY) -> dict[str, int]:
    """How many records of each counted kind the catalog holds (status bar, checks)."""
    return {kind.value: reads.count(session, kind)
            for kind, found in registry.items() if found.counted}


def record_ids(session: Session, kind: RecordKind,
               registry: Registry = REGISTRY) -> list[int]:
    """Every id of a kind, ascending: batch printing walks these."""
    model = registry.model(kind)
    return [i for i in session.execute(select(col(model.id)).order_by(col(model.id))).scalars()
            if i is not None]


__all__ = ["REGISTRY", "Registry", "counts", "labels_in_order", "record_ids"]
