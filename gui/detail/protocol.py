"""The protocol facts in the detail pane: a person's pronunciation, written style of
address, interpreting and dietary needs; a delegation's arrival, departure, hotel,
contact officers (a link to the person, with their phone and e-mail) and press."""

from __future__ import annotations

from db import reads
from db.vocabulary import field
from gui.detail.pane import DetailBuilder


def person_protocol(b: DetailBuilder, p: reads.PersonView) -> None:
    b.facts([(field(name), getattr(p, name)) for name in (
        "pronunciation", "written_address", "interpreter", "dietary")])


def _contact_line(contact: reads.ContactView | None) -> str:
    if contact is None:
        return ""
    return " · ".join(x for x in (contact.phone, contact.email, contact.details) if x)


def delegation_protocol(b: DetailBuilder, d: reads.DelegationView) -> None:
    rows: list[tuple[str, str | reads.Ref | None]] = []
    for side, contact in (("our", d.our_contact), ("their", d.their_contact)):
        rows.append((field(f"{side}_contact_id"), contact.person if contact and contact.person
                     else _contact_line(contact)))
        if contact is not None and contact.person is not None:
            rows.append(("", _contact_line(contact)))
    rows.append((field("accommodation"), d.accommodation))
    b.facts(rows)
    for name in ("arrival", "departure", "press"):
        b.paragraph(field(name), getattr(d, name))
