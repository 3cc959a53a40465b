"""A delegation's members in the order its sheet prints them, for the form that edits them.

The delegation form lists members as the briefing will (db.precedence: an order the
user set, else rank on the day, role, name), so that the first Move up or Move down
starts from the order the user has seen printed, not from the order of entry.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from db.models import DelegationMember
from db.reads.delegations import delegation


def arrange_members(session: Session, delegation_id: int,
                    rows: Sequence[DelegationMember]) -> list[DelegationMember]:
    """*rows* (the delegation's members) in the sheet's order of precedence."""
    view = delegation(session, delegation_id, member_details=False)
    if view is None:
        return list(rows)
    place = {m.person.id: index for index, m in enumerate(view.members)}
    return sorted(rows, key=lambda row: place.get(row.person_id, len(place)))
