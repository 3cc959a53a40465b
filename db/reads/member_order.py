"""A delegation's members in the order its sheet prints them, for the form that edits them.

The delegation form lists members as the briefing will (db.precedence: an order the
user set, else rank on the day, role, name), so that the first Move up or Move down
starts from the order the user has seen printed, not from the order of entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from db.reads.delegations import delegation
from db.rows import Reader


class Member(Protocol):
    """A delegation member as the form holds it (a ``delegation_member`` row)."""

    @property
    def person_id(self) -> int: ...


M = TypeVar("M", bound=Member)


def arrange_members(source: Reader, delegation_id: int, rows: Sequence[M]) -> list[M]:
    """*rows* (the delegation's members) in the sheet's order of precedence."""
    view = delegation(source, delegation_id, member_details=False)
    if view is None:
        return list(rows)
    place = {m.person.id: index for index, m in enumerate(view.members)}
    return sorted(rows, key=lambda row: place.get(row.person_id, len(place)))
