"""Records that may be the same person or organisation, with a score.

Names are compared folded (``Nguyen Duc Chung`` = ``Nguyễn Đức Chung``) with
rapidfuzz's token-sort ratio, so word order does not matter (``Chung Nguyen
Duc``); the same organisation, e-mail, phone or birth date raises the score, two
different e-mail addresses lower it (two namesakes usually have their own
addresses), and two birth dates that cannot be the same day keep namesakes apart
(``1965`` fits ``1965-03-14``; ``1966`` does not).
Each name is compared with every other by :func:`rapidfuzz.process.extract`
(C++ loops; no numpy needed).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from db.folding import fold
from db.i18n import N_
from db.models import City, Organisation, Person, Position, RecordKind
from db.names import display_name
from db.partial_dates import conflict, same_day
from db.said import say

THRESHOLD = 85.0
_NAME_FLOOR = 80  # names less alike than this are never candidates, whatever else agrees


@dataclass(frozen=True)
class Candidate:
    kind: RecordKind
    a_id: int
    b_id: int
    a_label: str
    b_label: str
    score: float
    # In the language of the moment they were found (each a Said: ``reason.code`` is the
    # English word, which the JSON also gives as ``reason_codes`` for scripts).
    reasons: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "a": {"id": self.a_id, "title": self.a_label},
                "b": {"id": self.b_id, "title": self.b_label}, "score": round(self.score, 1),
                "reasons": [str(reason) for reason in self.reasons],
                "reason_codes": [getattr(reason, "code", reason) for reason in self.reasons]}


@dataclass
class _Entry:
    id: int
    label: str
    key: str
    emails: set[str]
    phones: set[str]
    groups: set[str]  # organisations (people) or cities (organisations)
    birth_date: str | None = None  # people: "1965-03-14", "1965-03" or "1965"


def _people(session: Session) -> list[_Entry]:
    orgs: dict[int, set[str]] = defaultdict(set)
    for person_id, org_name in session.execute(
            select(col(Position.person_id), col(Organisation.name)).join(
                Organisation, col(Position.organisation_id) == col(Organisation.id))):
        orgs[person_id].add(fold(org_name))
    entries = []
    for p in session.execute(select(Person).order_by(col(Person.id))).scalars():
        assert p.id is not None
        label = display_name(p.given_names, p.family_name, p.name_order)
        digits = "".join(ch for ch in p.phone or "" if ch.isdigit())[-9:]
        entries.append(_Entry(p.id, label, fold(label), {fold(p.email)} if p.email else set(),
                              {digits} if digits else set(), orgs.get(p.id, set()),
                              p.birth_date))
    return entries


def _organisations(session: Session) -> list[_Entry]:
    cities = {c.id: fold(c.name) for c in session.execute(select(City)).scalars()}
    entries = []
    for o in session.execute(select(Organisation).order_by(col(Organisation.id))).scalars():
        assert o.id is not None
        city = cities.get(o.city_id) if o.city_id else None
        entries.append(_Entry(o.id, o.name, fold(o.name), set(), set(),
                              {city} if city else set()))
    return entries


def _score(kind: RecordKind, name_score: float, a: _Entry, b: _Entry
           ) -> tuple[float, tuple[str, ...]]:
    score, reasons = name_score, list[str]()
    if a.emails and b.emails:
        if a.emails & b.emails:
            score, reasons = score + 15, [*reasons, say(N_("same e-mail"))]
        else:
            score, reasons = score - 15, [*reasons, say(N_("different e-mails"))]
    if a.phones & b.phones:
        score, reasons = score + 10, [*reasons, say(N_("same phone"))]
    if a.groups & b.groups:
        what = say(N_("same organisation")) if kind == RecordKind.PERSON else say(N_("same city"))
        score, reasons = score + 10, [*reasons, what]
    if same_day(a.birth_date, b.birth_date):
        score, reasons = score + 15, [*reasons, say(N_("same birth date"))]
    score = min(score, 100.0)
    if conflict(a.birth_date, b.birth_date):  # namesakes: apart whatever else agrees
        score, reasons = score - 30, [*reasons, say(N_("different birth dates"))]
    return score, tuple(reasons)


def candidates(session: Session, kind: RecordKind, *, limit: int = 100,
               threshold: float = THRESHOLD) -> list[Candidate]:
    """Pairs of *kind* (person or organisation) scoring *threshold* or more, best first."""
    from rapidfuzz import fuzz, process

    if kind == RecordKind.PERSON:
        entries = _people(session)
    elif kind == RecordKind.ORGANISATION:
        entries = _organisations(session)
    else:
        raise ValueError(say(N_("duplicates are found among people and organisations, not "
                                "{kind}"), kind=kind.value))
    keys = [e.key for e in entries]
    found: list[Candidate] = []
    for a_index, key in enumerate(keys):
        for _match, name_score, j in process.extract(
                key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=_NAME_FLOOR,
                limit=None):
            if j <= a_index:
                continue
            a, b = entries[a_index], entries[j]
            score, reasons = _score(kind, float(name_score), a, b)
            if score >= threshold:
                found.append(Candidate(kind, a.id, b.id, a.label, b.label, score, reasons))
    found.sort(key=lambda c: (-c.score, c.a_id, c.b_id))
    return found[:limit]
