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
from typing import NamedTuple

from db.i18n import _, format_date, format_time
from db.kinds import DelegationStatus, MemberRole, RecordKind
from db.reads.common import labels_of
from db.reads.people import people
from db.rows import Reader, Rows, clock, day, ids_in, rows_of

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


class _Visit(NamedTuple):
    """A delegation on the agenda, as :func:`agenda` reads it."""

    id: int
    title: str
    start_date: dt.date | None  # None only for a meeting's delegation
    end_date: dt.date | None
    status: str
    host_city_id: int | None
    sending_city_id: int | None


class _Meeting(NamedTuple):
    """A meeting on the agenda, with the fields of its delegation :func:`agenda` shows."""

    id: int
    title: str
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    city_id: int | None
    place: str | None
    host_organisation_id: int | None
    delegation: _Visit


_VISIT = ("d.id, d.title, d.start_date, d.end_date, d.status, d.host_city_id,"
          " d.sending_city_id")


def _visit(did: int, title: str, start: object, end: object, status: str,
           host_city_id: int | None, sending_city_id: int | None) -> _Visit:
    return _Visit(int(did), title, day(start), day(end), status, host_city_id, sending_city_id)


def _read(rows: Rows, first: dt.date, last: dt.date) -> tuple[list[_Visit], list[_Meeting]]:
    """The delegations on the agenda from *first* to *last*, and the meetings on it."""
    # Dates bound as ISO text: what SQLite stores, and an untyped literal PostgreSQL
    # reads as a date (no driver date adapters, which Python 3.12 deprecates for sqlite3).
    period = {"cancelled": DelegationStatus.CANCELLED.value, "first": first.isoformat(),
              "last": last.isoformat()}
    delegations = [_visit(*row) for row in rows(
        f'SELECT {_VISIT} FROM "delegation" d'
        " WHERE d.status != :cancelled AND d.start_date IS NOT NULL"
        " AND d.start_date <= :last"
        " AND ((d.end_date IS NULL AND d.start_date >= :first) OR d.end_date >= :first)",
        period)]
    meetings = []
    for (eid, title, on, start_time, end_time, city_id, place, host_id,
         *delegation) in rows(
            "SELECT en.id, en.title, en.date, en.start_time, en.end_time, en.city_id,"
            f' en.place, en.host_organisation_id, {_VISIT} FROM "engagement" en'
            ' JOIN "delegation" d ON d.id = en.delegation_id'
            " WHERE d.status != :cancelled AND en.date IS NOT NULL"
            " AND en.date >= :first AND en.date <= :last", period):
        date = day(on)
        assert date is not None
        meetings.append(_Meeting(int(eid), title, date, clock(start_time), clock(end_time),
                                 city_id, place, host_id, _visit(*delegation)))
    return delegations, meetings


def agenda(source: Reader, first: dt.date, days: int = DEFAULT_DAYS) -> Agenda:
    """What happens from *first* for *days* days, in date order, and what to confirm."""
    last = _period(first, days)
    rows = rows_of(source)
    delegations, meetings = _read(rows, first, last)
    owners = [*delegations, *(e.delegation for e in meetings)]
    cities = labels_of(source, RecordKind.CITY, [c for d in owners
                                                 for c in (d.host_city_id, d.sending_city_id)]
                       + [e.city_id for e in meetings])
    hosts = labels_of(source, RecordKind.ORGANISATION,
                      [e.host_organisation_id for e in meetings])
    members: dict[int, list[tuple[int, str]]] = defaultdict(list)
    where, params = ids_in("d", (d.id for d in delegations))
    if params:
        for delegation_id, person_id, role in rows(
                "SELECT dm.delegation_id, dm.person_id, dm.role FROM \"delegation_member\" dm"
                f" WHERE dm.delegation_id IN {where}", params):
            members[delegation_id].append((person_id, role))
    taking_part: dict[int, list[int]] = defaultdict(list)
    where, params = ids_in("e", (e.id for e in meetings))
    if params:
        for engagement_id, person_id in rows(
                "SELECT ep.engagement_id, ep.person_id FROM \"engagement_participant\" ep"
                f" WHERE ep.engagement_id IN {where} ORDER BY ep.id", params):
            taking_part[engagement_id].append(person_id)
    views = people(source, [p for ms in members.values() for p, _ in ms]
                   + [p for ps in taking_part.values() for p in ps], related=False)

    items: list[AgendaItem] = []
    to_confirm: list[ToConfirm] = []
    attending: dict[int, dt.date] = {}  # person -> the first day they are on the agenda
    for d in delegations:
        assert d.start_date is not None  # the query reads dated delegations only
        heads = [p for p, role in members[d.id] if role == MemberRole.HEAD.value]
        rest = [p for p, role in members[d.id] if role != MemberRole.HEAD.value]
        who = tuple(views[p].display_name for p in (*heads, *rest) if p in views)
        shown_on = max(d.start_date, first)
        items.append(AgendaItem(
            RecordKind.DELEGATION.value, d.id, shown_on, d.end_date, None, None, d.title, who,
            cities.get(d.host_city_id or -1, ""), d.status, d.id, d.title))
        if not heads:
            to_confirm.append(ToConfirm(Problem.HEAD, RecordKind.DELEGATION.value, d.id,
                                        d.title, shown_on, ""))
        for p, _role in members[d.id]:
            attending.setdefault(p, d.start_date)
    for e in meetings:
        d = e.delegation
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
    for person_id, on in attending.items():
        view = views.get(person_id)
        shown = view.title_standing(on) if view is not None else None
        if view is not None and shown is not None and not shown[1].confirmed:
            to_confirm.append(ToConfirm(Problem.TITLE, RecordKind.PERSON.value, person_id,
                                        view.display_name, on, shown[0].label))
    items.sort(key=lambda item: item.sort_key)
    to_confirm.sort(key=lambda t: (t.day, list(Problem).index(t.problem), t.label.casefold()))
    return Agenda(first, last, tuple(items), tuple(to_confirm))


def week_of(day: dt.date) -> dt.date:
    """The Monday of *day*'s week (the week's programme starts on it)."""
    return day - dt.timedelta(days=day.weekday())
