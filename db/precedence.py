"""One order of precedence for every list of people a sheet or pane prints.

Delegation members, the people a delegation meets, event speakers and the bio
sheets of a briefing pack are all put in this order, so a host city's chairman
never follows a foreign guest of lower rank and an interpreter is never second:

1. an explicit order, where the user set one (1, 2, 3...);
2. interpreters, liaison officers, security and staff after everyone else;
3. the head of a delegation before its other members;
4. the rank of the title held on the day (db.titles: a confirmed title before a
   merely recorded one);
5. the role (guest of honour, host, speaker... before attendees);
6. the name, folded (``Đặng`` with the Ds).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar

from db import titles
from db.folding import fold

SUPPORT_ROLES = frozenset({"interpreter", "liaison", "security", "staff"})
LEADING_ROLES = frozenset({"head"})
ROLE_ORDER = {role: i for i, role in enumerate((
    "head", "guest_of_honour", "host", "deputy_head", "co_host", "speaker", "moderator",
    "member", "delegate", "guest", "participant", "attendee", "other", "liaison",
    "security", "staff", "interpreter",
))}


class Person(Protocol):
    @property
    def family_name(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def positions(self) -> Sequence[titles.Ranked]: ...


T = TypeVar("T")
Key = tuple[bool, int, bool, bool, int, int, str, str]


def key(person: Person, role: str, day: dt.date | None, *, sequence: int | None = None,
        policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> Key:
    """The sort key of one person in one role on *day* (today when unknown)."""
    on = day or dt.date.today()
    return (sequence is None, sequence or 0, role in SUPPORT_ROLES, role not in LEADING_ROLES,
            titles.rank_on(person.positions, on, policy), ROLE_ORDER.get(role, 50),
            fold(person.family_name), fold(person.display_name))


def ordered(items: Iterable[T], day: dt.date | None, *, person: Callable[[T], Person],
            role: Callable[[T], str], sequence: Callable[[T], int | None] = lambda _: None,
            policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> list[T]:
    """*items* (members, participants...) in order of precedence on *day*."""
    return sorted(items, key=lambda item: key(person(item), role(item), day,
                                              sequence=sequence(item), policy=policy))
