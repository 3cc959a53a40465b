"""Organisations, cities, pairings, delegations and events from rows of a file.

A row is matched to a record already in the catalog by what names that record
(an organisation's or city's folded name, a pairing's two cities, a
delegation's title and first day, an event's name and first day); a match is
updated with the values the row brings, anything else is created. References
are given by name and found (or made) by :class:`~db.interchange.resolve.Resolver`.
Delegation members and event participants are people named in one cell,
``Nguyễn Văn A (head); Trần B``, found by name among the people in the catalog.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import or_, select
from sqlmodel import col

from db import ops
from db.folding import fold
from db.i18n import N_
from db.interchange.fields import fields
from db.interchange.resolve import Resolver, RowError
from db.interchange.rows import Incoming
from db.models import (
    TABLES,
    DelegationMember,
    EventParticipant,
    Pairing,
    PairingArea,
    Person,
    RecordKind,
)
from db.names import sort_key
from db.names_parse import split_name
from db.said import say
from db.validation import CHOICES

_ROLE = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")
# A member or participant the row named, and what is wrong with it.
ENTRY_PROBLEM = N_("{entry}: {problem}")
# The part of a record that holds the people named in one cell.
_PEOPLE_PARTS: dict[str, tuple[RecordKind, str, str]] = {
    "members": (RecordKind.DELEGATION_MEMBER, "delegation_id", "role"),
    "participants": (RecordKind.EVENT_PARTICIPANT, "event_id", "role"),
}


class Records:
    """Adds and updates records of one kind for one import."""

    def __init__(self, tx: ops.Transaction, resolver: Resolver, kind: RecordKind) -> None:
        self.tx = tx
        self.resolver = resolver
        self.kind = kind
        self.fields = fields(kind)

    def values(self, row: Incoming) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, value in row.values.items():
            info = self.fields.get(name)
            if info is None or info.column is None:
                continue
            if info.refers_to == RecordKind.PERSON:  # a delegation's contact officer
                values[info.column.name] = self._named_person(str(value), name)
            elif info.refers_to is not None:
                values[info.column.name] = self.resolver.id_for(info.refers_to, str(value), name)
            else:
                values[info.column.name] = value
        return values

    def existing(self, values: dict[str, Any]) -> Any | None:
        model = TABLES[self.kind]
        if self.kind == RecordKind.PAIRING:
            a, b = values.get("city_a_id"), values.get("city_b_id")
            if a is None or b is None:
                return None
            query = select(Pairing).where(or_(
                (col(Pairing.city_a_id) == a) & (col(Pairing.city_b_id) == b),
                (col(Pairing.city_a_id) == b) & (col(Pairing.city_b_id) == a)))
            if values.get("programme_id") is not None:
                query = query.where(col(Pairing.programme_id) == values["programme_id"])
            return self.tx.session.execute(query.order_by(col(Pairing.id))).scalars().first()
        label = "title" if self.kind == RecordKind.DELEGATION else "name"
        if not values.get(label):
            return None
        for record_id in self.resolver.find(self.kind, str(values[label])):
            record = self.tx.session.get(model, record_id)
            if record is None:
                continue
            start = values.get("start_date")
            if start is not None and getattr(record, "start_date", start) not in (start, None):
                continue
            return record
        return None

    def apply(self, row: Incoming) -> str:
        values = self.values(row)
        record = self.existing(values)
        label = "title" if self.kind == RecordKind.DELEGATION else "name"
        if record is None:
            record_id = self.tx.create(self.kind, values)
            if label in values and self.kind in (RecordKind.CITY, RecordKind.ORGANISATION,
                                                 RecordKind.EVENT, RecordKind.DELEGATION):
                self.resolver.remember(self.kind, str(values[label]), record_id)
            outcome = "created"
        else:
            record_id = record.id
            outcome = ("updated" if self.resolver.update(self.kind, record, values)
                       else "unchanged")
        if self._parts(row, record_id) and outcome == "unchanged":
            outcome = "updated"
        return outcome

    def _parts(self, row: Incoming, record_id: int) -> bool:
        changed = False
        if self.kind == RecordKind.PAIRING and row.values.get("areas"):
            have = set(self.tx.session.execute(select(col(PairingArea.area_id)).where(
                col(PairingArea.pairing_id) == record_id)).scalars())
            for name in row.values["areas"]:
                area = self.resolver.id_for(RecordKind.COOPERATION_AREA, name, "areas")
                if area not in have:
                    self.tx.create(RecordKind.PAIRING_AREA,
                                   {"pairing_id": record_id, "area_id": area})
                    have.add(area)
                    changed = True
        for part_name, (part_kind, link, role_field) in _PEOPLE_PARTS.items():
            if part_name not in self.fields or not row.values.get(part_name):
                continue
            model = DelegationMember if part_kind == RecordKind.DELEGATION_MEMBER else \
                EventParticipant
            have = set(self.tx.session.execute(select(col(model.person_id)).where(
                col(getattr(model, link)) == record_id)).scalars())
            for entry in row.values[part_name]:
                person_id, role = self._person(entry, part_name, part_kind, role_field)
                if person_id in have:
                    continue
                values: dict[str, Any] = {link: record_id, "person_id": person_id}
                if role:
                    values[role_field] = role
                try:
                    self.tx.create(part_kind, values)
                except ops.ValidationError as exc:
                    raise RowError(part_name, say(ENTRY_PROBLEM, entry=entry,
                                                  problem=" ".join(exc.errors.values()))
                                   ) from exc
                have.add(person_id)
                changed = True
        return changed

    def _person(self, entry: str, part_name: str, part_kind: RecordKind,
                role_field: str) -> tuple[int, str | None]:
        """A person named in a members cell, with the role in brackets; created if new."""
        found = _ROLE.match(entry)
        name, role_text = (found["name"], found["role"]) if found else (entry, None)
        role = None
        if role_text:
            vocabulary = CHOICES[(part_kind, role_field)]
            key = fold(role_text).replace(" ", "_").replace("-", "_")
            role = next((m.value for m in vocabulary if m.value == key), None)
            if role is None:
                raise RowError(part_name, say(N_("{entry}: {role!r} is not a role (roles: "
                                                 "{roles})"), entry=entry, role=role_text,
                                              roles=", ".join(m.value for m in vocabulary)))
        return self._named_person(name, part_name, entry), role

    def _named_person(self, name: str, field_name: str, entry: str | None = None) -> int:
        """The one person called *name* (``Nguyễn Văn A``), created if new."""
        split = split_name(name)
        if split is None:
            raise RowError(field_name, say(N_("{entry!r} is not a name"), entry=entry or name))
        key = sort_key(split.given_names, split.family_name)
        people = list(self.tx.session.execute(select(col(Person.id)).where(
            col(Person.sort_key) == key)).scalars())
        if len(people) > 1:
            raise RowError(field_name, say(N_("several people are called {name!r}; add this "
                                              "one in the app"), name=name))
        if people:
            return int(people[0])
        return self.tx.create(RecordKind.PERSON, {
            "family_name": split.family_name, "given_names": split.given_names,
            "honorific": split.honorific, "name_order": split.name_order,
            "address_by": split.address_by, "aliases": list(split.aliases)})
