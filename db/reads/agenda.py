"""The agenda: delegations and meetings of the coming weeks, in date order, and what
is still to confirm before they happen.

One read for the "Upcoming" section and the week's programme (``liaison brief
week``): both show the same :class:`Agenda`, so the printed programme never says
something the screen does not. A delegation is on the agenda from its first day to
its last (one that started before the period and is still here is listed on the
period's first day); each meeting of its programme is listed on its own day.
Cancelled delegations and their meetings are left out. Undated records are not on
the agenda: the agenda is about days.

"To confirm" lists, for what is on the agenda: titles no source confirms for the
day (db.titles: never address someone by a title known only "as of" 2017),
delegations without a head, meetings without a venue (neither a place nor a host).
A fixed number of queries, however long the agenda.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from db.i18n import _, format_date, format_time
from db.kinds import DelegationStatus, MemberRole
from db.models import (
    Delegation,
    DelegationMember,
    Engagement,
    EngagementParticipant,
    RecordKind,
)
from db.reads.common import labels_of
from db.reads.people import people

DEFAULT_DAYS = 28  # four weeks: what a protocol office plans ahead


@dataclass(frozen=True)
class AgendaItem:
    """One line of the agenda: a delegation (on its days) or one of its meetings."""

    kind: str  # "delegation" or "engagement"
    id: int
    day: dt.date  # the day it is listed on
    last_day: dt.date | None  # a delegation's last day (None: one day)
    start_time: dt.time | None
    end_time: dt.time | None
    title: str
    who: tuple[str, ...]  # the head first (delegation), or who takes part (meeting)
    where: str
    status: str  # the delegation's DelegationStatus value
    delegation_id: int
    delegation: str  # the delegation's title (the item's own for a delegation)

    @property
    def when(self) -> str:
        """``09:30–11:00``, ``14:00``, ``until 5 Mar 2031`` (a visit of several days)."""
        if self.start_time is not None:
            start = format_time(self.start_time)
            return f"{start}–{format_time(self.end_time)}" if self.end_time else start
        if self.last_day and self.last_day != self.day:
            return _("until {date}").format(date=format_date(self.last_day, "medium"))
        return ""

    @property
    def sort_key(self) -> tuple[dt.date, int, dt.time, str, int]:
        """Day, delegations before the meetings of that day, then time and title."""
        return (self.day, 0 if self.kind == RecordKind.DELEGATION.value else 1,
                self.start_time or dt.time.min, self.title.casefold(), self.id)


class Problem(StrEnum):
    TITLE = "title"  # a title no source confirms for the day
    HEAD = "head"  # a delegation without a head
    VENUE = "venue"  # a meeting without a place or host


@dataclass(frozen=True)
class ToConfirm:
    """Something on the agenda to check before the day: what, on which record."""

    problem: Problem
    kind: str  # the record to open to fix it
    id: int
    label: str  # the record (a person, a delegation, a meeting)
    day: dt.date
    detail: str  # the unconfirmed title; the meeting's delegation; "" for a head

    @property
    def text(self) -> str:
        """What is to confirm, in words (the screen's tray and the printed programme)."""
        if self.problem is Problem.TITLE:
            return _("Title not confirmed: {title}").format(title=self.detail)
        if self.problem is Problem.HEAD:
            return _("No head of delegation")
        return _("No venue")


@dataclass(frozen=True)
class Agenda:
    first: dt.date
    last: dt.date
    items: tuple[AgendaItem, ...]
    to_confirm: tuple[ToConfirm, ...]


def _period(first: dt.date, days: int) -> dt.date:
    return first + dt.timedelta(days=max(days, 1) - 1)


def agenda(session: Session, first: dt.date, days: int = DEFAULT_DAYS) -> Agenda:
    """What happens from *first* for *days* days, in date order, and what to confirm."""
    last = _period(first, days)
    cancelled = DelegationStatus.CANCELLED.value
    delegations = list(session.exec(select(Delegation).where(
        Delegation.status != cancelled,
        col(Delegation.start_date).is_not(None),
        col(Delegation.start_date) <= last,
        or_(and_(col(Delegation.end_date).is_(None), col(Delegation.start_date) >= first),
            col(Delegation.end_date) >= first))).all())
    meetings = list(session.exec(
        select(Engagement, Delegation)
        .join(Delegation, col(Delegation.id) == Engagement.delegation_id)
        .where(Delegation.status != cancelled, col(Engagement.date).is_not(None),
               col(Engagement.date) >= first, col(Engagement.date) <= last)).all())
    owners = {d.id: d for d in delegations} | {d.id: d for _e, d in meetings}
    cities = labels_of(session, RecordKind.CITY, [c for d in owners.values()
                                       for c in (d.host_city_id, d.sending_city_id)]
                       + [e.city_id for e, _d in meetings])
    hosts = labels_of(session, RecordKind.ORGANISATION,
                      [e.host_organisation_id for e, _d in meetings])
    members: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for member in session.exec(select(DelegationMember).where(
            col(DelegationMember.delegation_id).in_([d.id for d in delegations]))):
        members[member.delegation_id].append((member.person_id, member.role))
    taking_part: dict[int, list[int]] = defaultdict(list)
    for ep in session.exec(select(EngagementParticipant).where(
            col(EngagementParticipant.engagement_id).in_([e.id for e, _d in meetings]))
            .order_by(col(EngagementParticipant.id))):
        taking_part[ep.engagement_id].append(ep.person_id)
    views = people(session, [p for ms in members.values() for p, _ in ms]
                   + [p for ps in taking_part.values() for p in ps], related=False)

    items: list[AgendaItem] = []
    to_confirm: list[ToConfirm] = []
    attending: dict[int, dt.date] = {}  # person -> the first day they are on the agenda
    for d in delegations:
        assert d.id is not None and d.start_date is not None
        heads = [p for p, role in members[d.id] if role == MemberRole.HEAD.value]
        rest = [p for p, role in members[d.id] if role != MemberRole.HEAD.value]
        who = tuple(views[p].display_name for p in (*heads, *rest) if p in views)
        day = max(d.start_date, first)
        items.append(AgendaItem(
            RecordKind.DELEGATION.value, d.id, day, d.end_date, None, None, d.title, who,
            cities.get(d.host_city_id or -1, ""), d.status, d.id, d.title))
        if not heads:
            to_confirm.append(ToConfirm(Problem.HEAD, RecordKind.DELEGATION.value, d.id,
                                        d.title, day, ""))
        for p, _role in members[d.id]:
            attending.setdefault(p, d.start_date)
    for e, d in meetings:
        assert e.id is not None and e.date is not None and d.id is not None
        place = ", ".join(dict.fromkeys(x for x in (
            e.place, hosts.get(e.host_organisation_id or -1),
            cities.get(e.city_id or -1)) if x))
        items.append(AgendaItem(
            RecordKind.ENGAGEMENT.value, e.id, e.date, None, e.start_time, e.end_time,
            e.title, tuple(views[p].display_name for p in taking_part[e.id] if p in views),
            place, d.status, d.id, d.title))
        if not e.place and e.host_organisation_id is None:
            to_confirm.append(ToConfirm(Problem.VENUE, RecordKind.ENGAGEMENT.value, e.id,
                                        e.title, e.date, d.title))
        for p in taking_part[e.id]:
            attending[p] = min(attending.get(p, e.date), e.date)
    for person_id, day in attending.items():
        view = views.get(person_id)
        shown = view.title_standing(day) if view is not None else None
        if view is not None and shown is not None and not shown[1].confirmed:
            to_confirm.append(ToConfirm(Problem.TITLE, RecordKind.PERSON.value, person_id,
                                        view.display_name, day, shown[0].label))
    items.sort(key=lambda item: item.sort_key)
    to_confirm.sort(key=lambda t: (t.day, list(Problem).index(t.problem), t.label.casefold()))
    return Agenda(first, last, tuple(items), tuple(to_confirm))


def week_of(day: dt.date) -> dt.date:
    """The Monday of *day*'s week (the week's programme starts on it)."""
    return day - dt.timedelta(days=day.weekday())
