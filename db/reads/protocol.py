"""A delegation's contact officers as a sheet prints them: whom to call on each side.

A contact officer is a person in the catalog where possible (their phone and e-mail
then come from their record), else only what was typed beside the link ("Ms Lan,
+84 90 123 4567"); both can be given, the typed details adding to the record's.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from db.models import Delegation, Person, RecordKind
from db.reads.common import Ref
from db.reads.people import person_label


@dataclass(frozen=True)
class ContactView:
    """One side's contact officer: the linked person (if any), their phone and e-mail
    from the record, and the details typed on the delegation."""

    person: Ref | None
    phone: str | None
    email: str | None
    details: str | None

    @property
    def name(self) -> str:
        return self.person.label if self.person else ""


def contacts(session: Session, row: Delegation) -> tuple[ContactView | None, ContactView | None]:
    """(ours, theirs) for the delegation *row*; None for a side with nothing recorded."""
    ids = [i for i in (row.our_contact_id, row.their_contact_id) if i is not None]
    found = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(ids)))} \
        if ids else {}

    def one(person_id: int | None, details: str | None) -> ContactView | None:
        person = found.get(person_id) if person_id is not None else None
        typed = details.strip() if details and details.strip() else None
        if person is None and typed is None:
            return None
        if person is None:
            return ContactView(None, None, None, typed)
        return ContactView(Ref(RecordKind.PERSON.value, person.id or 0, person_label(person)),
                           person.phone, person.email, typed)

    return (one(row.our_contact_id, row.our_contact_details),
            one(row.their_contact_id, row.their_contact_details))
