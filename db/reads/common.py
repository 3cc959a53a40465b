"""What every read shares: links to other records, sources, names by id.

Views never hold ORM objects: a read object is a plain frozen value that can
cross threads (the GUI's worker) and be printed headless (briefings).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from db.bilingual import country_label, pick, vietnamese_field
from db.models import (
    TABLES,
    Citation,
    Country,
    RecordKind,
    Source,
)


@dataclass(frozen=True)
class Ref:
    """A link to another record, with the text to show for it."""

    kind: str
    id: int
    label: str


@dataclass(frozen=True)
class SourceView:
    id: int
    title: str
    publisher: str | None
    url: str | None
    published_on: dt.date | None


def labels_of(session: Session, model: Any, ids: Iterable[int | None]) -> dict[int, str]:
    """The names of records by id, in the current language, in one query.

    A record with a Vietnamese form (``name_vi``) shows it in Vietnamese
    (:func:`db.bilingual.pick`); a country shows its name in the language (CLDR).
    """
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    if model is Country:
        rows = session.exec(select(Country.id, Country.code, Country.name)
                            .where(col(Country.id).in_(wanted))).all()
        return {rid: country_label(code, name) for rid, code, name in rows if rid is not None}
    if hasattr(model, vietnamese_field("name")):
        pairs = session.exec(select(model.id, model.name, getattr(model, vietnamese_field("name")))
                             .where(col(model.id).in_(wanted))).all()
        return {int(rid): pick(name, name_vi) or "" for rid, name, name_vi in pairs}
    return dict(session.exec(select(model.id, model.name).where(col(model.id).in_(wanted))).all())


def ref_or_none(kind: RecordKind, record_id: int | None, labels: dict[int, str]) -> Ref | None:
    if record_id is None or record_id not in labels:
        return None
    return Ref(kind.value, record_id, labels[record_id])


def sources_of(session: Session, kind: RecordKind, record_id: int) -> tuple[SourceView, ...]:
    return sources_by_record(session, kind, [record_id]).get(record_id, ())


def count(session: Session, kind: RecordKind) -> int:
    return int(session.exec(select(func.count()).select_from(TABLES[kind])).one())


def sources_by_record(session: Session, kind: RecordKind,
                      record_ids: Sequence[int]) -> dict[int, tuple[SourceView, ...]]:
    """The sources of many records of one kind, in one query."""
    found: dict[int, list[SourceView]] = defaultdict(list)
    for citation, s in session.exec(
            select(Citation, Source).join(Source, col(Source.id) == Citation.source_id)
            .where(Citation.record_kind == kind.value, col(Citation.record_id).in_(record_ids))
            # In the order cited: "[2]" in a record's text is the second of its sources,
            # on every engine (the sheets and the detail pane number them so).
            .order_by(col(Citation.id))):
        found[citation.record_id].append(
            SourceView(s.id or 0, s.title, s.publisher, s.url, s.published_on))
    return {record_id: tuple(views) for record_id, views in found.items()}
