"""Action items as the detail panes and the briefing sheets read them.

An action item belongs to the meeting it was agreed at (a delegation, one of its
engagements) and names who does it and for whom. A briefing for the next meeting
with the same counterpart prints the items still open: those naming a person on
the sheet, or agreed at an earlier meeting they attended, or during an earlier
visit of the same pairing. One query for the items, one per kind they name.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_
from sqlmodel import Session, col, select

from db.kinds import ActionStatus
from db.models import (
    ActionItem,
    Delegation,
    DelegationMember,
    Engagement,
    EngagementParticipant,
    Person,
    RecordKind,
)
from db.reads.common import Ref
from db.reads.people import person_label


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


def views(session: Session, rows: Sequence[ActionItem]) -> tuple[ActionView, ...]:
    """Read objects for *rows*: open ones first, then by due date (undated last)."""
    person_ids = {i for r in rows for i in (r.person_id, r.counterpart_id) if i is not None}
    people = {p.id or 0: person_label(p) for p in session.exec(
        select(Person).where(col(Person.id).in_(person_ids))).all()} if person_ids else {}
    engagement_ids = {r.engagement_id for r in rows if r.engagement_id is not None}
    engagements = {e.id or 0: e for e in session.exec(
        select(Engagement).where(col(Engagement.id).in_(engagement_ids))).all()} \
        if engagement_ids else {}
    delegation_ids = {r.delegation_id for r in rows if r.delegation_id is not None} | {
        e.delegation_id for e in engagements.values()}
    delegations = {d.id or 0: d for d in session.exec(
        select(Delegation).where(col(Delegation.id).in_(delegation_ids))).all()} \
        if delegation_ids else {}

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
            Ref(RecordKind.ACTION_ITEM.value, r.id or 0, r.what), r.version, r.what,
            person(r.person_id), person(r.counterpart_id), r.due_date, r.status,
            Ref(RecordKind.DELEGATION.value, visit.id or 0, visit.title) if visit else None,
            Ref(RecordKind.ENGAGEMENT.value, meeting.id or 0, meeting.title) if meeting
            else None,
            (meeting.date if meeting and meeting.date else None)
            or (visit.start_date if visit else None), r.notes))
    found.sort(key=lambda v: (not v.open, v.due_date is None, v.due_date or dt.date.max, v.id))
    return tuple(found)


def _where(session: Session, criteria: Sequence[ColumnElement[bool]], *,
           open_only: bool = False) -> tuple[ActionView, ...]:
    if not criteria:
        return ()
    query = select(ActionItem).where(or_(*criteria))
    if open_only:
        query = query.where(col(ActionItem.status) == ActionStatus.OPEN.value)
    return views(session, session.exec(query).all())


def _meetings_of(people: Sequence[int]) -> list[ColumnElement[bool]]:
    """Items agreed at a visit or meeting one of *people* took part in (as a member, or
    by meeting the visit at one of its engagements)."""
    visits = select(DelegationMember.delegation_id).where(
        col(DelegationMember.person_id).in_(people))
    meetings = select(EngagementParticipant.engagement_id).where(
        col(EngagementParticipant.person_id).in_(people))
    hosted = select(Engagement.delegation_id).where(col(Engagement.id).in_(meetings))
    return [col(ActionItem.delegation_id).in_(visits),
            col(ActionItem.delegation_id).in_(hosted),  # a visit they met, as hosts
            col(ActionItem.engagement_id).in_(meetings)]


def _naming(people: Sequence[int]) -> list[ColumnElement[bool]]:
    return [col(ActionItem.person_id).in_(people), col(ActionItem.counterpart_id).in_(people)]


def of_person(session: Session, person_id: int) -> tuple[ActionView, ...]:
    """Every item naming the person (who does it, or for whom): the person's pane."""
    return _where(session, _naming([person_id]))


def of_delegation(session: Session, delegation_id: int) -> tuple[ActionView, ...]:
    """Items agreed during the visit or at one of its meetings: the delegation's pane."""
    meetings = select(Engagement.id).where(col(Engagement.delegation_id) == delegation_id)
    return _where(session, [col(ActionItem.delegation_id) == delegation_id,
                            col(ActionItem.engagement_id).in_(meetings)])


def of_record(session: Session, kind: str, record_id: int) -> tuple[ActionView, ...]:
    """The items a detail pane of *kind* lists (none for other kinds)."""
    if kind == RecordKind.PERSON.value:
        return of_person(session, record_id)
    if kind == RecordKind.DELEGATION.value:
        return of_delegation(session, record_id)
    return ()


def open_for(session: Session, *, person_ids: Iterable[int],
             pairing_id: int | None = None, excluding: int | None = None,
             before: dt.date | None = None) -> tuple[ActionView, ...]:
    """Open items from earlier meetings with the people on a sheet.

    Items naming one of *person_ids*, agreed at a visit or meeting one of them took
    part in, or during a visit of *pairing_id*; not those of the visit *excluding*
    (the sheet's own), nor those agreed after *before* (a later meeting's).
    """
    people = sorted(set(person_ids))
    criteria = [*_naming(people), *_meetings_of(people)] if people else []
    if pairing_id is not None:
        criteria.append(col(ActionItem.delegation_id).in_(
            select(Delegation.id).where(col(Delegation.pairing_id) == pairing_id)))
    found = _where(session, criteria, open_only=True)
    return tuple(v for v in found
                 if (excluding is None or v.delegation is None or v.delegation.id != excluding)
                 and (before is None or v.agreed_on is None or v.agreed_on <= before))


def open_for_each(session: Session, person_ids: Iterable[int]) -> dict[int, tuple[ActionView, ...]]:
    """:func:`open_for` of each person alone, for many people in one read (a batch of bio
    sheets): the open items naming them or agreed at a visit or meeting they took part
    in. People with none are left out."""
    people = sorted(set(person_ids))
    if not people:
        return {}
    rows = session.exec(select(ActionItem).where(
        or_(*_naming(people), *_meetings_of(people)),
        col(ActionItem.status) == ActionStatus.OPEN.value)).all()
    if not rows:
        return {}
    # Who took part where: the same relations _meetings_of asks the store about.
    by_visit: dict[int, set[int]] = defaultdict(set)
    by_meeting: dict[int, set[int]] = defaultdict(set)
    for person_id, visit_id in session.exec(
            select(DelegationMember.person_id, DelegationMember.delegation_id)
            .where(col(DelegationMember.person_id).in_(people))):
        by_visit[visit_id].add(person_id)
    for person_id, meeting_id, visit_id in session.exec(
            select(EngagementParticipant.person_id, EngagementParticipant.engagement_id,
                   Engagement.delegation_id)
            .join(Engagement, col(Engagement.id) == EngagementParticipant.engagement_id)
            .where(col(EngagementParticipant.person_id).in_(people))):
        by_meeting[meeting_id].add(person_id)
        by_visit[visit_id].add(person_id)  # a visit they met, as hosts
    chosen = set(people)
    concerned: dict[int, set[int]] = {}
    for r in rows:
        found = {r.person_id, r.counterpart_id} & chosen
        if r.delegation_id is not None:
            found |= by_visit.get(r.delegation_id, set())
        if r.engagement_id is not None:
            found |= by_meeting.get(r.engagement_id, set())
        concerned[r.id or 0] = {i for i in found if i is not None}
    each: dict[int, list[ActionView]] = defaultdict(list)
    for view in views(session, rows):  # in the sheet's order, and so each person's share
        for person_id in concerned[view.id]:
            each[person_id].append(view)
    return {person_id: tuple(items) for person_id, items in each.items()}
