"""The search index: folded text of every searchable record, and its query parser.

The index lives in the catalog (an FTS5 table on SQLite) and is kept in step by
``db.ops`` inside the same transaction as each write, so search never shows a
record that a rolled-back edit never made. Text is folded in Python
(:func:`db.folding.fold`) on both sides; user input is reduced to word tokens
and each is quoted, so ``"``, ``NEAR(``, ``*``, ``-`` or ``AND`` are plain text,
never FTS5 syntax.

Which kinds are indexed, and how each one's document is built (for many records
at once), is in each kind's description (``db.registry``, ``db.documents``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session, col, select

from db.documents import in_batches
from db.folding import fold
from db.models import RecordKind
from db.registry import REGISTRY
from db.spec import Document, Documents

# The kinds in the index, in the order of their codes (see db.registry).
SEARCH_KINDS: tuple[RecordKind, ...] = tuple(found.kind for found in REGISTRY.searchable())
_ROWID_STRIDE = 16
_TOKEN = re.compile(r"[^\W_]+")
_NAMES_WEIGHT = 10.0
_BODY_WEIGHT = 1.0


@dataclass(frozen=True)
class Hit:
    kind: str
    id: int
    title: str
    subtitle: str
    score: float


def _builder(kind: RecordKind) -> Documents | None:
    """The document builder of *kind*, if it is searched at all."""
    found = REGISTRY.get(kind)
    return found.document if found is not None and found.search_code else None


def rowid(kind: RecordKind, record_id: int) -> int:
    code = REGISTRY[kind].search_code
    assert code is not None
    return record_id * _ROWID_STRIDE + code


def tokens(query: str) -> list[str]:
    """The folded word tokens of a user's query; everything else is dropped."""
    return _TOKEN.findall(fold(query))


def match_expression(words: Sequence[str]) -> str:
    """An FTS5 MATCH string: every token quoted and prefix-matched, all required."""
    return " ".join(f'"{word}"*' for word in words)


# ---------------------------------------------------------------- writing the index


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _write(session: Session, docs: Sequence[Document]) -> None:
    if not docs:
        return
    session.execute(
        text("INSERT INTO search_index (rowid, kind, record_id, title, subtitle, names, body) "
             "VALUES (:rowid, :kind, :record_id, :title, :subtitle, :names, :body)"),
        [
            {"rowid": rowid(d.kind, d.id), "kind": d.kind.value, "record_id": d.id,
             "title": d.title, "subtitle": d.subtitle, "names": fold(d.names),
             "body": fold(d.body)}
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


def search(session: Session, query: str, *, kinds: Sequence[str] = (),
           limit: int = 50) -> list[Hit]:
    """Ranked records whose folded text has every query token as a word prefix."""
    words = tokens(query)
    if not words or limit <= 0:
        return []
    params: dict[str, object] = {"limit": limit}
    kind_clause = ""
    if kinds:
        names = [f":k{i}" for i in range(len(kinds))]
        kind_clause = f" AND kind IN ({', '.join(names)})"
        params.update({f"k{i}": kind for i, kind in enumerate(kinds)})
    if _is_sqlite(session):
        params["match"] = match_expression(words)
        sql = (
            "SELECT kind, record_id, title, subtitle, "
            f"bm25(search_index, 0, 0, 0, 0, {_NAMES_WEIGHT}, {_BODY_WEIGHT}) AS score "
            f"FROM search_index WHERE search_index MATCH :match{kind_clause} "
            "ORDER BY score LIMIT :limit"
        )
    else:
        clauses = []
        for i, word in enumerate(words):
            params[f"w{i}"] = f"%{word}%"
            clauses.append(f"(names LIKE :w{i} OR body LIKE :w{i})")
        sql = (
            "SELECT kind, record_id, title, subtitle, 0.0 AS score FROM search_index "
            f"WHERE {' AND '.join(clauses)}{kind_clause} ORDER BY title LIMIT :limit"
        )
    rows = session.execute(text(sql), params).all()
    return [Hit(kind, int(rid), title, subtitle or "", float(score))
            for kind, rid, title, subtitle, score in rows]


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
