"""What every read shares: links to other records, sources, names by id.

Views never hold ORM objects: a read object is a plain frozen value that can
cross threads (the GUI's worker) and be printed headless (briefings).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from db.bilingual import NAMED_IN_TWO_LANGUAGES, country_label, pick
from db.kinds import RecordKind
from db.rows import Reader, day, ids_in, rows_of


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


def labels_of(source: Reader, kind: RecordKind, ids: Iterable[int | None]) -> dict[int, str]:
    """The names of records of *kind* by id, in the current language, in one query.

    A record with a Vietnamese form (``name_vi``) shows it in Vietnamese
    (:func:`db.bilingual.pick`); a country shows its name in the language (CLDR).
    """
    where, params = ids_in("id", ids)
    if not params:
        return {}
    rows = rows_of(source)
    table = f'"{kind.value}"'
    if kind is RecordKind.COUNTRY:
        return {int(rid): country_label(code, name) for rid, code, name in rows(
            f"SELECT id, code, name FROM {table} WHERE id IN {where}", params)}
    if kind.value in NAMED_IN_TWO_LANGUAGES:
        return {int(rid): pick(name, name_vi) or "" for rid, name, name_vi in rows(
            f"SELECT id, name, name_vi FROM {table} WHERE id IN {where}", params)}
    return {int(rid): name for rid, name in rows(
        f"SELECT id, name FROM {table} WHERE id IN {where}", params)}


def ref_or_none(kind: RecordKind, record_id: int | None, labels: dict[int, str]) -> Ref | None:
    if record_id is None or record_id not in labels:
        return None
    return Ref(kind.value, record_id, labels[record_id])


def sources_of(source: Reader, kind: RecordKind, record_id: int) -> tuple[SourceView, ...]:
    return sources_by_record(source, kind, [record_id]).get(record_id, ())


def count(source: Reader, kind: RecordKind) -> int:
    return int(rows_of(source)(f'SELECT count(*) FROM "{kind.value}"', {})[0][0])


def sources_by_record(source: Reader, kind: RecordKind,
                      record_ids: Sequence[int]) -> dict[int, tuple[SourceView, ...]]:
    """The sources of many records of one kind, in one query."""
    where, params = ids_in("id", record_ids)
    found: dict[int, list[SourceView]] = defaultdict(list)
    if not params:
        return {}
    for record_id, sid, title, publisher, url, published_on in rows_of(source)(
            "SELECT c.record_id, s.id, s.title, s.publisher, s.url, s.published_on"
            " FROM citation c JOIN source s ON s.id = c.source_id"
            f" WHERE c.record_kind = :kind AND c.record_id IN {where}"
            # In the order cited: "[2]" in a record's text is the second of its sources,
            # on every engine (the sheets and the detail pane number them so).
            " ORDER BY c.id", {"kind": kind.value, **params}):
        found[int(record_id)].append(SourceView(int(sid), title, publisher, url,
                                                day(published_on)))
    return {record_id: tuple(views) for record_id, views in found.items()}
