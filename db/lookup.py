"""Short reads for pickers and forms: type-ahead matches and the countries held.

A picker must answer the key just typed, so these run on the GUI thread and
stay small: a search-index query, or for kinds outside the index (countries,
cooperation areas) a folded match over their labels.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlmodel import Session, col, select

from db import registry, search
from db.folding import fold
from db.kinds import RecordKind
from db.models import Country
from db.registry import REGISTRY

# The columns that name a record: typing any of them exactly is "this one".
_NAME_COLUMNS = ("name", "local_name", "acronym", "title", "aliases", "original_script")


@dataclass(frozen=True)
class Match:
    kind: RecordKind
    id: int
    label: str
    detail: str  # "Chairman of the Hanoi People's Committee": tells namesakes apart
    exact: bool = False  # one of its names is what was typed (accents, case, spaces aside)


def squash(text: str) -> str:
    """*text* folded with its spaces dropped: "Ha Noi", "Hà Nội" and "HANOI" are one."""
    return "".join(fold(text).split())


def find(session: Session, kind: RecordKind, text: str, limit: int = 20) -> list[Match]:
    """Records of *kind* matching *text* the way the global search box does; those
    named exactly *text* first (a picker then offers no "Create new")."""
    if kind in search.SEARCH_KINDS:
        found = [Match(kind, hit.id, hit.title, hit.subtitle)
                 for hit in search.search(session, text, kinds=[kind.value], limit=limit)]
    else:
        words = fold(text).split()
        found = [Match(kind, ref.id, ref.label, "")
                 for ref in registry.labels_in_order(session, kind)
                 if all(word in fold(ref.label) for word in words)][:limit]
    wanted = squash(text)
    names = _names(session, kind, [m.id for m in found])
    marked = [replace(m, exact=wanted in {squash(m.label), *names.get(m.id, ())})
              for m in found]
    return sorted(marked, key=lambda m: not m.exact)  # stable: the rank stays within each


def _names(session: Session, kind: RecordKind, ids: Iterable[int]) -> dict[int, set[str]]:
    """Every name of each record in *ids*, squashed (one query)."""
    wanted = list(ids)
    if not wanted:
        return {}
    model = REGISTRY.model(kind)
    columns = [name for name in _NAME_COLUMNS if name in model.model_fields]
    if kind == RecordKind.PERSON:
        columns += ["given_names", "family_name"]
    if not columns:
        return {}
    rows = session.exec(select(model.id, *(getattr(model, c) for c in columns))
                        .where(col(model.id).in_(wanted)))
    names: dict[int, set[str]] = {}
    for row in rows:
        values = dict(zip(columns, row[1:], strict=True))
        found: set[str] = set()
        for value in values.values():
            for text in _texts(value):
                found.add(squash(text))
        if kind == RecordKind.PERSON:
            given, family = values.get("given_names") or "", values.get("family_name") or ""
            found |= {squash(f"{given} {family}"), squash(f"{family} {given}")}
        names[int(row[0])] = found - {""}
    return names


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return []


def countries(session: Session) -> dict[str, int]:
    """ISO code -> id of the countries the catalog holds."""
    return {code: cid for code, cid in session.exec(select(Country.code, Country.id))
            if cid is not None}
