"""What title a person holds on a given day, and how sure the catalog is of it.

Articles rarely give a term of office: they say someone *was* Chairman on the day
of a meeting. A title known only from a 2017 article must not be printed in 2026
as current, nor turned into "Chairman Chung" on a sheet handed to a leader. This
module is the one rule every list, detail pane and briefing sheet reads titles by:

* **held**: the day lies inside the position's known start/end dates (a start with
  no end counts as still held: an open end means current);
* **attested**: the position has no covering dates, but a source shows it held
  within :attr:`TitlePolicy.window_days` (default: twelve months) of the day;
* **unconfirmed**: neither. The title is still worth printing, but "as of" the
  evidence it rests on, and never as the basis of a form of address.

Attestations are stored on the position as ISO dates of a day, a month or a year
(``2017-06-13``, ``2016-11``, ``2017``): the article's own precision, nothing
invented.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeVar

from db.folding import fold
from db.i18n import N_, _, format_date, format_month
from db.names import address_name, display_name
from db.names import form_of_address as names_form_of_address
from db.rows import Reader, ids_in, rows_of, strings
from db.rows import day as stored_date
from db.said import say

_ATTESTATION = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\s*$")
DEFAULT_WINDOW_DAYS = 365
# Words that make an office one of several (a committee has several deputy chairs):
# two people holding such a title on one day is normal, not a conflict to flag.
_SHARED_OFFICE_WORDS = frozenset({
    "deputy", "vice", "member", "members", "representative", "adviser", "advisor", "officer",
    "staff", "delegate", "assistant", "counsellor", "counselor", "photographer", "reporter",
    "secretary", "expert", "specialist", "attaché", "attache", "consultant", "researcher",
})


class TitleState(StrEnum):
    HELD = "held"
    ATTESTED = "attested"
    UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True, order=True)
class Attestation:
    """A source's word that the position was held at some point of [first, last]."""

    first: dt.date
    last: dt.date
    text: str  # as stored: "2017-06-13", "2016-11", "2017"

    @property
    def phrase(self) -> str:
        """``13 June 2017``, ``November 2016``, ``2017``."""
        if self.first == self.last:
            return format_date(self.first)
        if self.first.month == self.last.month:
            return format_month(self.first)
        return str(self.first.year)

    def distance(self, day: dt.date) -> int:
        """Days from *day* to the nearest day this attestation covers (0 inside)."""
        if day < self.first:
            return (self.first - day).days
        if day > self.last:
            return (day - self.last).days
        return 0


def parse_attestation(text: str) -> Attestation | None:
    """``2017-06-13`` / ``2016-11`` / ``2017`` as the span of days it covers; None if bad."""
    match = _ATTESTATION.match(text or "")
    if match is None:
        return None
    year = int(match[1])
    try:
        if match[3]:
            day = dt.date(year, int(match[2]), int(match[3]))
            return Attestation(day, day, f"{match[1]}-{match[2]}-{match[3]}")
        if match[2]:
            month = int(match[2])
            last = calendar.monthrange(year, month)[1]
            return Attestation(dt.date(year, month, 1), dt.date(year, month, last),
                               f"{match[1]}-{match[2]}")
        return Attestation(dt.date(year, 1, 1), dt.date(year, 12, 31), match[1])
    except ValueError:
        return None


def attestation_error(text: str) -> str | None:
    """Why *text* is not an attestation date, for a form's field message; None if fine."""
    if parse_attestation(text) is None:
        return say(N_("“{text}” is not a date: enter YYYY-MM-DD, YYYY-MM or YYYY."), text=text)
    return None


def attestations(values: Iterable[str]) -> tuple[Attestation, ...]:
    """The valid attestations among stored *values*, oldest first."""
    found = {a for a in (parse_attestation(v) for v in values) if a is not None}
    return tuple(sorted(found))


class Dated(Protocol):
    """What this module needs of a position (a read object or a table row)."""

    @property
    def start_date(self) -> dt.date | None: ...
    @property
    def end_date(self) -> dt.date | None: ...
    @property
    def attested_on(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class TitlePolicy:
    """How near an attestation must be for a title to count on a day."""

    window_days: int = DEFAULT_WINDOW_DAYS


DEFAULT_POLICY = TitlePolicy()


@dataclass(frozen=True)
class Standing:
    """A position's state on one day, and the evidence printed with it."""

    state: TitleState
    evidence: Attestation | None  # the attestation nearest the day, if any

    @property
    def confirmed(self) -> bool:
        return self.state is not TitleState.UNCONFIRMED

    def as_of(self) -> str:
        """``as of 13 June 2017`` for an unconfirmed title; "" when it is confirmed."""
        if self.confirmed:
            return ""
        if self.evidence is None:
            return _("dates not confirmed")
        return _("as of {date}").format(date=self.evidence.phrase)


def standing(position: Dated, day: dt.date,
             policy: TitlePolicy = DEFAULT_POLICY) -> Standing | None:
    """The position's state on *day*; None when its known dates exclude the day."""
    start, end = position.start_date, position.end_date
    if (start is not None and day < start) or (end is not None and day > end):
        return None
    found = attestations(position.attested_on)
    nearest = min(found, key=lambda a: (a.distance(day), -a.last.toordinal()), default=None)
    if start is not None:
        return Standing(TitleState.HELD, nearest)
    if end is not None and (end - day).days <= policy.window_days:
        return Standing(TitleState.HELD, nearest)  # known to be held until *end*
    if nearest is not None and nearest.distance(day) <= policy.window_days:
        return Standing(TitleState.ATTESTED, nearest)
    return Standing(TitleState.UNCONFIRMED, nearest)


def held_on(position: Dated, day: dt.date, policy: TitlePolicy = DEFAULT_POLICY) -> bool:
    """Whether the title counts as held on *day* (held or attested, not merely recorded)."""
    found = standing(position, day, policy)
    return found is not None and found.confirmed


class Ranked(Dated, Protocol):
    @property
    def rank(self) -> int: ...
    @property
    def title(self) -> str: ...


P = TypeVar("P", bound=Ranked)


def order_on(positions: Iterable[P], day: dt.date,
                        policy: TitlePolicy = DEFAULT_POLICY) -> list[tuple[P, Standing]]:
    """The positions not excluded on *day*: confirmed ones first by rank, then the
    unconfirmed ones by rank (same-day posts by rank, never by entry order)."""
    found = [(p, s) for p in positions if (s := standing(p, day, policy)) is not None]
    found.sort(key=lambda item: (not item[1].confirmed, item[0].rank, item[0].title))
    return found


def confirmed_on(positions: Iterable[P], day: dt.date,
                            policy: TitlePolicy = DEFAULT_POLICY) -> list[P]:
    """Titles held or attested on *day*, most senior first."""
    return [p for p, s in order_on(positions, day, policy) if s.confirmed]


def rank_on(positions: Iterable[Ranked], day: dt.date,
            policy: TitlePolicy = DEFAULT_POLICY) -> int:
    """The rank precedence reads on *day*: the most senior confirmed title, else the most
    senior unconfirmed one a little behind (a recorded title still says something),
    else last."""
    ordered = order_on(positions, day, policy)
    if not ordered:
        return 10_000
    position, state = ordered[0]
    return position.rank if state.confirmed else 1_000 + position.rank


@dataclass(frozen=True)
class Address:
    """The form of address for a day, and whether it had to fall back."""

    text: str
    fallback: bool  # a title exists but is unconfirmed: honorific + name instead


def address(*, explicit: str | None, title: tuple[str | None, Standing] | None,
            honorific: str | None, given_names: str | None, family_name: str,
            name_order: str, address_by: str) -> Address:
    """``Chairman Chung`` from a confirmed title; ``Mr Chung`` (flagged) when the title is
    unconfirmed; the full name rather than a bare given name when nothing else is known."""
    if explicit and explicit.strip():
        return Address(names_form_of_address(
            explicit=explicit, address_title=None, honorific=None, given_names=given_names,
            family_name=family_name, address_by=address_by), False)
    address_title = None
    fallback = False
    if title is not None and title[0] and title[0].strip():
        if title[1].confirmed:
            address_title = title[0]
        else:
            fallback = True
    if address_title is None and not (honorific and honorific.strip()):
        full = display_name(given_names, family_name, name_order)
        return Address(full or address_name(given_names, family_name, address_by), fallback)
    return Address(names_form_of_address(
        explicit=None, address_title=address_title, honorific=honorific,
        given_names=given_names, family_name=family_name, address_by=address_by), fallback)


def single_holder(title: str) -> bool:
    """Whether *title* names an office one person holds at a time (a chair, not a deputy)."""
    words = set(re.split(r"[^\w]+", fold(title)))
    return not (words & _shared_office_words())


@functools.cache
def _shared_office_words() -> frozenset[str]:
    return frozenset(fold(w) for w in _SHARED_OFFICE_WORDS)


@functools.lru_cache(maxsize=4096)
def _office_title(title: str) -> str | None:
    """The folded title two positions share when they are one office; None when the
    title is one of several (titles repeat: a batch of sheets folds each one once)."""
    if not single_holder(title):
        return None
    return " ".join(fold(title).split())


def office_key(organisation_id: int | None, title: str) -> tuple[int, str] | None:
    """What makes two positions the same office; None when it is not a single-holder one."""
    if organisation_id is None:
        return None
    folded = _office_title(title)
    return None if folded is None else (organisation_id, folded)


@dataclass(frozen=True)
class _HolderRow:
    """A position at one of the organisations concerned, with its holder's name."""

    id: int
    person_id: int
    organisation_id: int | None
    title: str
    start_date: dt.date | None
    end_date: dt.date | None
    attested_on: tuple[str, ...]
    given_names: str | None
    family_name: str
    name_order: str


@dataclass(frozen=True)
class SharedOffice:
    """Someone else recorded in the same single-holder office as one of a person's titles."""

    position_id: int  # the person's own position
    person_id: int  # the other person
    name: str
    standing: Standing  # the other person's standing on the day


def shared_offices(source: Reader, person_id: int, positions: Iterable[PositionLike],
                   day: dt.date, policy: TitlePolicy = DEFAULT_POLICY) -> list[SharedOffice]:
    """Other people recorded in the same single-holder office as *positions* on *day*
    (:func:`shared_offices_of` for one person)."""
    return shared_offices_of(source, {person_id: positions}, day, policy).get(person_id, [])


def shared_offices_of(source: Reader, positions: Mapping[int, Iterable[PositionLike]],
                      day: dt.date, policy: TitlePolicy = DEFAULT_POLICY,
                      ) -> dict[int, list[SharedOffice]]:
    """For each person of *positions* (person id -> their positions), the other people
    recorded in the same single-holder office on *day*; people with none are left out.

    Two people "holding" one chair on the same day is what a stale record looks like:
    a sheet must say so rather than print both as current. Another holder is reported
    when their title is confirmed on the day, or when ours is unconfirmed and theirs
    rests on later evidence (a newer article names someone else).

    One query for all of them (the positions at the organisations concerned), so a
    batch of a thousand bio sheets costs what one does.
    """
    held_on_day = [(person_id, p, ours) for person_id, held in positions.items() for p in held
                   if p.organisation_id is not None
                   and (ours := standing(p, day, policy)) is not None]
    if not held_on_day:
        return {}
    where, params = ids_in("org", (p.organisation_id for _, p, _ in held_on_day))
    rows = [_HolderRow(int(pid), int(person_id), org_id, title, stored_date(start),
                       stored_date(end), strings(attested), given, family, order)
            for pid, person_id, org_id, title, start, end, attested, given, family, order
            in rows_of(source)(
                "SELECT p.id, p.person_id, p.organisation_id, p.title, p.start_date,"
                " p.end_date, p.attested_on, n.given_names, n.family_name, n.name_order"
                ' FROM "position" p JOIN "person" n ON n.id = p.person_id'
                f" WHERE p.organisation_id IN {where}", params)]
    # Offices are compared by their stored title: a sheet's views may carry the title in
    # the sheet's language (title_vi), which another holder may not have.
    stored = {row.id: row.title for row in rows}
    mine: dict[tuple[int, str], list[tuple[int, PositionLike, Standing]]] = {}
    for person_id, p, ours in held_on_day:
        key = office_key(p.organisation_id, stored.get(p.id, p.title) if p.id else p.title)
        if key is not None:
            mine.setdefault(key, []).append((person_id, p, ours))
    found: dict[int, list[SharedOffice]] = {}
    for other in rows:
        key = office_key(other.organisation_id, other.title)
        if key is None or key not in mine:
            continue
        theirs = standing(other, day, policy)
        if theirs is None:
            continue
        name = None
        for person_id, own, ours in mine[key]:
            if person_id == other.person_id:
                continue
            if theirs.confirmed or (not ours.confirmed and _later(theirs, ours)):
                name = name or display_name(other.given_names, other.family_name,
                                            other.name_order)
                found.setdefault(person_id, []).append(
                    SharedOffice(own.id or 0, other.person_id, name, theirs))
    for shared in found.values():
        shared.sort(key=lambda s: (s.position_id, not s.standing.confirmed, s.name))
    return found


def _later(theirs: Standing, ours: Standing) -> bool:
    if theirs.evidence is None:
        return False
    return ours.evidence is None or theirs.evidence.last > ours.evidence.last


class PositionLike(Dated, Protocol):
    @property
    def id(self) -> int | None: ...
    @property
    def organisation_id(self) -> int | None: ...
    @property
    def title(self) -> str: ...
