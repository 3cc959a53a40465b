"""Action items as the detail panes and the briefing sheets read them.

An action item belongs to the meeting it was agreed at (a delegation, one of its
engagements) and names who does it and for whom. A briefing for the next meeting
with the same counterpart prints the items still open: those naming a person on
the sheet, or agreed at an earlier meeting they attended, or during an earlier
visit of the same pairing. One query for the items, one per kind they name.

The reads are SQL text over :func:`db.rows.rows_of` (the store's session or a bare
``sqlite3`` connection), so a ``liaison brief`` process loads them without the ORM.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from db.kinds import ActionStatus, RecordKind
from db.reads.common import Ref
from db.reads.person_names import person_labels
from db.rows import Reader, day, ids_in, rows_of


@dataclass(frozen=True)
class ActionView:
    ref: Ref  # kind "action_item": the pane links it to its editor
    version: int
    what: str
    who: Ref | None
    counterpart: Ref | None
    due_date: dt.date | None
    status: str  # db.kinds.ActionStatus value
    delegation: Ref | None
    engagement: Ref | None
    agreed_on: dt.date | None  # the meeting's day (the engagement's, else the visit's start)
    notes: str | None

    @property
    def id(self) -> int:
        return self.ref.id

    @property
    def open(self) -> bool:
        return self.status == ActionStatus.OPEN.value

    def overdue(self, day: dt.date) -> bool:
        return self.open and self.due_date is not None and self.due_date < day


@dataclass(frozen=True)
class ActionRow:
    """An action item's own columns, as read: what :func:`views` turns into
    :class:`ActionView`."""

    id: int
    version: int
    what: str
    person_id: int | None
    counterpart_id: int | None
    due_date: dt.date | None
    status: str
    delegation_id: int | None
    engagement_id: int | None
    notes: str | None


@dataclass(frozen=True)
class _Meeting:
    title: str
    delegation_id: int
    date: dt.date | None


@dataclass(frozen=True)
class _Visit:
    title: str
    start_date: dt.date | None


def _id(value: Any) -> int | None:
    return None if value is None else int(value)


def _action_rows(source: Reader, where: str, params: Mapping[str, Any]) -> list[ActionRow]:
    """The items matching *where* (SQL over the alias ``a``), as :class:`ActionRow`."""
    return [ActionRow(int(aid), int(version), what, _id(person), _id(counterpart), day(due),
                      status, _id(delegation), _id(engagement), notes)
            for aid, version, what, person, counterpart, due, status, delegation, engagement,
            notes in rows_of(source)(
                "SELECT a.id, a.version, a.what, a.person_id, a.counterpart_id, a.due_date,"
                " a.status, a.delegation_id, a.engagement_id, a.notes"
                f' FROM "action_item" a WHERE {where}', params)]


def _meetings(source: Reader, ids: Iterable[int | None]) -> dict[int, _Meeting]:
    where, params = ids_in("engagement", ids)
    if not params:
        return {}
    return {int(eid): _Meeting(title, int(visit), day(date))
            for eid, title, visit, date in rows_of(source)(
                'SELECT e.id, e.title, e.delegation_id, e.date FROM "engagement" e'
                f" WHERE e.id IN {where}", params)}


def _visits(source: Reader, ids: Iterable[int | None]) -> dict[int, _Visit]:
    where, params = ids_in("delegation", ids)
    if not params:
        return {}
    return {int(did): _Visit(title, day(start))
            for did, title, start in rows_of(source)(
                'SELECT d.id, d.title, d.start_date FROM "delegation" d'
                f" WHERE d.id IN {where}", params)}


def views(source: Reader, rows: Sequence[ActionRow]) -> tuple[ActionView, ...]:
    """Read objects for *rows*: open ones first, then by due date (undated last)."""
    people = person_labels(source, [i for r in rows for i in (r.person_id, r.counterpart_id)])
    engagements = _meetings(source, [r.engagement_id for r in rows])
    delegations = _visits(source, [r.delegation_id for r in rows]
                          + [e.delegation_id for e in engagements.values()])

    def person(record_id: int | None) -> Ref | None:
        if record_id is None or record_id not in people:
            return None
        return Ref(RecordKind.PERSON.value, record_id, people[record_id])

    found = []
    for r in rows:
        meeting = engagements.get(r.engagement_id) if r.engagement_id is not None else None
        visit_id = r.delegation_id if r.delegation_id is not None else (
            meeting.delegation_id if meeting else None)
        visit = delegations.get(visit_id) if visit_id is not None else None
        found.append(ActionView(
            Ref(RecordKind.ACTION_ITEM.value, r.id, r.what), r.version, r.what,
            person(r.person_id), person(r.counterpart_id), r.due_date, r.status,
            Ref(RecordKind.DELEGATION.value, visit_id, visit.title)
            if visit and visit_id is not None else None,
            Ref(RecordKind.ENGAGEMENT.value, r.engagement_id, meeting.title)
            if meeting and r.engagement_id is not None else None,
            (meeting.date if meeting and meeting.date else None)
            or (visit.start_date if visit else None), r.notes))
    found.sort(key=lambda v: (not v.open, v.due_date is None, v.due_date or dt.date.max, v.id))
    return tuple(found)


def _where(source: Reader, criteria: Sequence[str], params: Mapping[str, Any], *,
           open_only: bool = False) -> tuple[ActionView, ...]:
    """The items matching any of *criteria* (SQL over the alias ``a``)."""
    if not criteria:
        return ()
    where = " OR ".join(criteria)
    if open_only:
        where = f"({where}) AND a.status = :open"
        params = {**params, "open": ActionStatus.OPEN.value}
    return views(source, _action_rows(source, where, params))


def _meetings_of(people: str) -> list[str]:
    """Items agreed at a visit or meeting one of *people* (an ``IN`` list) took part in
    (as a member, or by meeting the visit at one of its engagements)."""
    meetings = ('SELECT ep.engagement_id FROM "engagement_participant" ep'
                f" WHERE ep.person_id IN {people}")
    return [f'a.delegation_id IN (SELECT dm.delegation_id FROM "delegation_member" dm'
            f" WHERE dm.person_id IN {people})",
            # a visit they met, as hosts
            f'a.delegation_id IN (SELECT e.delegation_id FROM "engagement" e'
            f" WHERE e.id IN ({meetings}))",
            f"a.engagement_id IN ({meetings})"]


def _naming(people: str) -> list[str]:
    """Items whose doer or counterpart is one of *people* (an ``IN`` list)."""
    return [f"a.person_id IN {people}", f"a.counterpart_id IN {people}"]


def of_person(source: Reader, person_id: int) -> tuple[ActionView, ...]:
    """Every item naming the person (who does it, or for whom): the person's pane."""
    people, params = ids_in("person", [person_id])
    return _where(source, _naming(people), params)


def of_delegation(source: Reader, delegation_id: int) -> tuple[ActionView, ...]:
    """Items agreed during the visit or at one of its meetings: the delegation's pane."""
    return _where(source, ["a.delegation_id = :delegation",
                           'a.engagement_id IN (SELECT m.id FROM "engagement" m'
                           " WHERE m.delegation_id = :delegation)"],
                  {"delegation": delegation_id})


def of_record(source: Reader, kind: str, record_id: int) -> tuple[ActionView, ...]:
    """The items a detail pane of *kind* lists (none for other kinds)."""
    if kind == RecordKind.PERSON.value:
        return of_person(source, record_id)
    if kind == RecordKind.DELEGATION.value:
        return of_delegation(source, record_id)
    return ()


def open_for(source: Reader, *, person_ids: Iterable[int],
             pairing_id: int | None = None, excluding: int | None = None,
             before: dt.date | None = None) -> tuple[ActionView, ...]:
    """Open items from earlier meetings with the people on a sheet.

    Items naming one of *person_ids*, agreed at a visit or meeting one of them took
    part in, or during a visit of *pairing_id*; not those of the visit *excluding*
    (the sheet's own), nor those agreed after *before* (a later meeting's).
    """
    people, params = ids_in("person", person_ids)
    criteria = [*_naming(people), *_meetings_of(people)] if params else []
    if pairing_id is not None:
        criteria.append('a.delegation_id IN (SELECT v.id FROM "delegation" v'
                        " WHERE v.pairing_id = :pairing)")
        params["pairing"] = pairing_id
    found = _where(source, criteria, params, open_only=True)
    return tuple(v for v in found
                 if (excluding is None or v.delegation is None or v.delegation.id != excluding)
                 and (before is None or v.agreed_on is None or v.agreed_on <= before))


def open_for_each(source: Reader, person_ids: Iterable[int]) -> dict[int, tuple[ActionView, ...]]:
    """:func:`open_for` of each person alone, for many people in one read (a batch of bio
    sheets): the open items naming them or agreed at a visit or meeting they took part
    in. People with none are left out."""
    people, params = ids_in("person", person_ids)
    if not params:
        return {}
    rows = _action_rows(source, f"({' OR '.join([*_naming(people), *_meetings_of(people)])})"
                        " AND a.status = :open", {**params, "open": ActionStatus.OPEN.value})
    if not rows:
        return {}
    # Who took part where: the same relations _meetings_of asks the store about.
    read = rows_of(source)
    by_visit: dict[int, set[int]] = defaultdict(set)
    by_meeting: dict[int, set[int]] = defaultdict(set)
    for person_id, visit_id in read(
            'SELECT dm.person_id, dm.delegation_id FROM "delegation_member" dm'
            f" WHERE dm.person_id IN {people}", params):
        by_visit[int(visit_id)].add(int(person_id))
    for person_id, meeting_id, visit_id in read(
            "SELECT ep.person_id, ep.engagement_id, e.delegation_id"
            ' FROM "engagement_participant" ep JOIN "engagement" e ON e.id = ep.engagement_id'
            f" WHERE ep.person_id IN {people}", params):
        by_meeting[int(meeting_id)].add(int(person_id))
        by_visit[int(visit_id)].add(int(person_id))  # a visit they met, as hosts
    chosen = {int(i) for i in params.values()}
    concerned: dict[int, set[int]] = {}
    for r in rows:
        found = {r.person_id, r.counterpart_id} & chosen
        if r.delegation_id is not None:
            found |= by_visit.get(r.delegation_id, set())
        if r.engagement_id is not None:
            found |= by_meeting.get(r.engagement_id, set())
        concerned[r.id] = {i for i in found if i is not None}
    each: dict[int, list[ActionView]] = defaultdict(list)
    for view in views(source, rows):  # in the sheet's order, and so each person's share
        for person_id in concerned[view.id]:
            each[person_id].append(view)
    return {person_id: tuple(items) for person_id, items in each.items()}
