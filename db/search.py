"""The search index: folded text of every searchable record, and its query parser.

The index lives in the catalog (an FTS5 table on SQLite) and is kept in step by
``db.ops`` inside the same transaction as each write, so search never shows a
record that a rolled-back edit never made. Text is folded in Python
(:func:`db.folding.fold`) on both sides; user input is reduced to word tokens
and each is quoted, so ``"``, ``NEAR(``, ``*``, ``-`` or ``AND`` are plain text,
never FTS5 syntax.

Documents are built for many records at once (a few queries per batch, not per
record) so a full rebuild of a 100,000-person catalog stays quick.

Each document is stored four ways: ``names`` and ``body`` folded (accent-free
words), ``exact`` (the names' accented words as written, so ``Hiến`` can rank
above ``Hiện``; then the notes' words folded: biographies, protocol notes) and
``whole`` (each whole name as one token, so typing a whole name puts that record
first). Query parsing and ranking live in :mod:`db.search_query`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import text
from sqlmodel import Session, col, select

from db import dialect, search_fields
from db.bilingual import bilingual_fields
from db.documents import in_batches
from db.folding import APOSTROPHES, fold
from db.i18n import language
from db.models import (
    RecordKind,
)
from db.registry import REGISTRY
from db.search_query import DETAIL_MARK, marked_words, tokens

# Hit, tokens and match_expression are re-exported: callers know them as db.search's.
from db.search_query import Hit as Hit
from db.search_query import match_expression as match_expression
from db.search_query import whole_key as _whole_key
from db.spec import Document, Documents

# The kinds in the index, in the order of their codes (see db.registry).
SEARCH_KINDS: tuple[RecordKind, ...] = tuple(found.kind for found in REGISTRY.searchable())
_ROWID_STRIDE = 16
_APOSTROPHE_WORD = re.compile(f"\\w*[{APOSTROPHES}][\\w{APOSTROPHES}]*")


def _builder(kind: RecordKind) -> Documents | None:
    """The document builder of *kind*, if it is searched at all."""
    found = REGISTRY.get(kind)
    return found.document if found is not None and found.search_code else None


def rowid(kind: RecordKind, record_id: int) -> int:
    code = REGISTRY[kind].search_code
    assert code is not None
    return record_id * _ROWID_STRIDE + code


def index_text(value: str) -> str:
    """Folded text for the index, plus the parts of apostrophe words (``H'Yim`` -> ``yim``).

    fold() drops apostrophes, so ``hyim`` finds H`Yim; the extra part keeps
    ``yim`` finding it too, as it did when the apostrophe split the word.
    """
    folded = fold(value)
    extra = [fold(part) for word in _APOSTROPHE_WORD.findall(value)
             for part in re.split(f"[{APOSTROPHES}]", word)[1:] if len(part) > 1]
    return f"{folded} {' '.join(extra)}" if extra else folded


# ---------------------------------------------------------------- writing the index


def _exact(doc: Document) -> str:
    """The ``exact`` column: the names' accented words as written, then the notes' words
    folded. A folded word never equals an accented one, so the exact tier and the
    whole-name agreement read only the former; the notes tier reads both."""
    notes = index_text(doc.notes) if doc.notes else ""
    return " ".join(x for x in (" ".join(marked_words(doc.names)), notes) if x)


_INDEX_COLUMNS = ("rowid", "kind", "record_id", "title", "subtitle", "names", "body", "exact",
                  "whole")


def _write(session: Session, docs: Sequence[Document]) -> None:
    if not docs:
        return
    session.execute(
        text(dialect.of(session).index_insert(_INDEX_COLUMNS)),
        [
            {"rowid": rowid(d.kind, d.id), "kind": d.kind.value, "record_id": d.id,
             "title": d.title, "subtitle": f"{d.subtitle}{DETAIL_MARK}{d.detail}" if d.detail
             else d.subtitle, "names": index_text(d.names),
             "body": index_text(d.body), "exact": _exact(d),
             "whole": " ".join([*dict.fromkeys(
                 k for k in (_whole_key(n) for n in (d.title, *d.keys) if n) if k),
                 *search_fields.tokens_of(d.fields)])}
            for d in docs
        ],
    )


def remove(session: Session, kind: RecordKind, ids: Sequence[int]) -> None:
    if _builder(kind) is None or not ids:
        return
    for batch in in_batches(list(ids)):
        session.execute(
            text("DELETE FROM search_index WHERE rowid IN "
                 f"({','.join(str(rowid(kind, i)) for i in batch)})")
        )


def reindex(session: Session, kind: RecordKind, ids: Sequence[int]) -> None:
    """Replace the index entries of these records (missing ones are just removed)."""
    builder = _builder(kind)
    if builder is None or not ids:
        return
    remove(session, kind, ids)
    for batch in in_batches(sorted(set(ids))):
        _write(session, builder(session, batch))


def rebuild(session: Session) -> int:
    """Empty the index and index every record again; returns the number indexed."""
    session.execute(text("DELETE FROM search_index"))
    total = 0
    for found in REGISTRY.searchable():
        builder = found.document
        assert builder is not None
        model = found.model
        ids = list(session.exec(select(col(model.id)).order_by(col(model.id))).all())
        for batch in in_batches([i for i in ids if i is not None]):
            docs = builder(session, batch)
            _write(session, docs)
            total += len(docs)
    return total


# ---------------------------------------------------------------- querying


def kind_codes(kinds: Sequence[str]) -> list[int]:
    """The index codes of the searched kinds named in *kinds* (``rowid % 16``)."""
    return [found.search_code for found in REGISTRY.searchable()
            if found.kind.value in kinds and found.search_code]


def search(session: Session, query: str, *, kinds: Sequence[str] = (),
           limit: int = 50) -> list[Hit]:
    """Ranked records for a user's query: whole names first (see :mod:`db.search_query`)."""
    words = tokens(query)
    if not words or limit <= 0:
        return []
    codes = kind_codes(kinds)
    if kinds and not codes:
        return []
    hits = dialect.of(session).search(session, query, kind_codes=codes, stride=_ROWID_STRIDE,
                                      limit=limit)
    return _in_language(session, hits)


def _in_language(session: Session, hits: list[Hit]) -> list[Hit]:
    """Hits titled in the current language: the index holds a record's main form, and a
    record with a Vietnamese form (``name_vi``) shows that in Vietnamese. One query per
    such kind among the hits."""
    if language() != "vi":
        return hits
    relabel: dict[str, dict[int, str]] = {}
    for found in REGISTRY.values():
        if not any(f == "name" for f, _ in bilingual_fields(found.model)):
            continue
        ids = [h.id for h in hits if h.kind == found.kind.value]
        if ids:
            relabel[found.kind.value] = REGISTRY.labels(session, found.kind, ids)
    return [replace(h, title=relabel[h.kind].get(h.id, h.title)) if h.kind in relabel else h
            for h in hits]


# ---------------------------------------------------------------- keeping in step

# Index documents that quote another record's text: when the record on the left
# changes, the documents found by these (table, column) links are rebuilt too.
_QUOTED_BY: dict[RecordKind, tuple[tuple[RecordKind, str, str], ...]] = {
    RecordKind.COUNTRY: ((RecordKind.CITY, "city", "country_id"),
                         (RecordKind.PERSON, "person", "nationality_id")),
    RecordKind.CITY: ((RecordKind.ORGANISATION, "organisation", "city_id"),
                      (RecordKind.PAIRING, "pairing", "city_a_id"),
                      (RecordKind.PAIRING, "pairing", "city_b_id"),
                      (RecordKind.DELEGATION, "delegation", "sending_city_id"),
                      (RecordKind.DELEGATION, "delegation", "host_city_id"),
                      (RecordKind.ENGAGEMENT, "engagement", "city_id"),
                      (RecordKind.EVENT, "event", "city_id")),
    RecordKind.ORGANISATION: ((RecordKind.ORGANISATION, "organisation", "parent_id"),
                              (RecordKind.PROGRAMME, "programme", "funder_id"),
                              (RecordKind.PROGRAMME, "programme", "managing_organisation_id"),
                              (RecordKind.DELEGATION, "delegation", "sending_organisation_id"),
                              (RecordKind.ENGAGEMENT, "engagement", "host_organisation_id"),
                              (RecordKind.EVENT, "event", "venue_id")),
    RecordKind.PROGRAMME: ((RecordKind.PAIRING, "pairing", "programme_id"),),
}
# Link rows whose change alters the document of the record they hang on.
_OWNER: dict[RecordKind, tuple[RecordKind, str]] = {
    RecordKind.POSITION: (RecordKind.PERSON, "person_id"),
    RecordKind.PAIRING_AREA: (RecordKind.PAIRING, "pairing_id"),
    RecordKind.DELEGATION_MEMBER: (RecordKind.DELEGATION, "delegation_id"),
    RecordKind.EVENT_ORGANISER: (RecordKind.EVENT, "event_id"),
}
# Many-to-many text: an organisation's name appears in its people's and events' documents.
_QUOTED_THROUGH: dict[RecordKind, tuple[tuple[RecordKind, str], ...]] = {
    RecordKind.ORGANISATION: (
        (RecordKind.PERSON, "SELECT person_id FROM position WHERE organisation_id = :id"),
        (RecordKind.EVENT, "SELECT event_id FROM event_organiser WHERE organisation_id = :id"),
    ),
    RecordKind.COOPERATION_AREA: (
        (RecordKind.PAIRING, "SELECT pairing_id FROM pairing_area WHERE area_id = :id"),
    ),
    RecordKind.PERSON: (
        (RecordKind.DELEGATION,
         "SELECT delegation_id FROM delegation_member WHERE person_id = :id AND role = 'head'"),
    ),
}


def dependents(session: Session, kind: RecordKind, record_id: int,
               owner_ids: dict[str, int | None] | None = None) -> dict[RecordKind, set[int]]:
    """Which index documents quote this record (so must be rebuilt when it changes).

    *owner_ids* gives a link row's foreign keys as they were (for deleted rows).
    """
    found: dict[RecordKind, set[int]] = defaultdict(set)
    if _builder(kind) is not None:
        found[kind].add(record_id)
    for target, table, column in _QUOTED_BY.get(kind, ()):
        for (rid,) in session.execute(
            text(f"SELECT id FROM {table} WHERE {column} = :id"), {"id": record_id}
        ):
            found[target].add(rid)
    for target, sql in _QUOTED_THROUGH.get(kind, ()):
        for (rid,) in session.execute(text(sql), {"id": record_id}):
            found[target].add(rid)
    if kind in _OWNER and owner_ids:
        target, column = _OWNER[kind]
        owner = owner_ids.get(column)
        if owner is not None:
            found[target].add(owner)
    return found


def dependents_of_new(kind: RecordKind, record_id: int,
                      row: dict[str, object]) -> dict[RecordKind, set[int]]:
    """:func:`dependents` for a record just created: nothing can quote it yet, so only
    its own document and its owner's (a new position changes its person's) need no query."""
    found: dict[RecordKind, set[int]] = defaultdict(set)
    if _builder(kind) is not None:
        found[kind].add(record_id)
    if kind in _OWNER:
        target, column = _OWNER[kind]
        owner = row.get(column)
        if isinstance(owner, int):
            found[target].add(owner)
    return found
