"""A delegation's contact officers as a sheet prints them: whom to call on each side.

A contact officer is a person in the catalog where possible (their phone and e-mail
then come from their record), else only what was typed beside the link ("Ms Lan,
+84 90 123 4567"); both can be given, the typed details adding to the record's.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.kinds import RecordKind
from db.names import display_name
from db.reads.common import Ref
from db.rows import Reader, ids_in, rows_of


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


def contacts(source: Reader, our_contact_id: int | None, our_contact_details: str | None,
             their_contact_id: int | None, their_contact_details: str | None,
             ) -> tuple[ContactView | None, ContactView | None]:
    """(ours, theirs) from a delegation's contact columns (the linked people and the
    typed details); None for a side with nothing recorded."""
    where, params = ids_in("id", (our_contact_id, their_contact_id))
    found: dict[int, ContactView] = {}
    if params:
        for pid, given_names, family_name, name_order, phone, email in rows_of(source)(
                "SELECT p.id, p.given_names, p.family_name, p.name_order, p.phone, p.email"
                f' FROM "person" p WHERE p.id IN {where}', params):
            found[int(pid)] = ContactView(
                Ref(RecordKind.PERSON.value, int(pid),
                    display_name(given_names, family_name, name_order)),
                phone, email, None)

    def one(person_id: int | None, details: str | None) -> ContactView | None:
        person = found.get(person_id) if person_id is not None else None
        typed = details.strip() if details and details.strip() else None
        if person is None and typed is None:
            return None
        if person is None:
            return ContactView(None, None, None, typed)
        return ContactView(person.person, person.phone, person.email, typed)

    return (one(our_contact_id, our_contact_details),
            one(their_contact_id, their_contact_details))
