"""The gift register as the detail panes and the briefing sheets read it.

A gift is listed on the people who gave or received it, on the delegation (or
event) it was exchanged at, and on the pairing that delegation served, so the
next visit never repeats one. Each read is one query for the gifts plus one per
kind of record they name, however many gifts there are.

The reads are SQL text over :func:`db.rows.rows_of` (the store's session or a bare
``sqlite3`` connection), so a ``liaison brief`` process loads them without the ORM.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from db.kinds import RecordKind
from db.reads.common import Ref, labels_of, ref_or_none
from db.reads.person_names import person_labels
from db.rows import Reader, day, ids_in, rows_of


@dataclass(frozen=True)
class GiftView:
    """One gift, with the records it names as links (the gift itself is :attr:`ref`)."""

    ref: Ref  # kind "gift": the pane links it to its editor
    version: int
    date: dt.date | None
    direction: str  # db.kinds.GiftDirection value
    giver: Ref | None  # the person who gave it, else the organisation
    giving_body: Ref | None  # the organisation, when a person is also named
    recipient: Ref | None
    receiving_body: Ref | None
    delegation: Ref | None
    event: Ref | None
    description: str
    value: str | None
    notes: str | None

    @property
    def id(self) -> int:
        return self.ref.id


@dataclass(frozen=True)
class GiftRow:
    """A gift's own columns, as read: what :func:`views` turns into :class:`GiftView`."""

    id: int
    version: int
    date: dt.date | None
    direction: str
    from_person_id: int | None
    from_organisation_id: int | None
    to_person_id: int | None
    to_organisation_id: int | None
    delegation_id: int | None
    event_id: int | None
    description: str
    value: str | None
    notes: str | None


_COLUMNS = ("g.id, g.version, g.date, g.direction, g.from_person_id, g.from_organisation_id,"
            " g.to_person_id, g.to_organisation_id, g.delegation_id, g.event_id,"
            " g.description, g.value, g.notes")


def _id(value: Any) -> int | None:
    return None if value is None else int(value)


def _gift_rows(source: Reader, where: str, params: Mapping[str, Any]) -> list[GiftRow]:
    """The gifts matching *where* (SQL over the alias ``g``), as :class:`GiftRow`."""
    found = []
    for (gid, version, date, direction, from_person, from_body, to_person, to_body,
         delegation, event, description, value, notes) in rows_of(source)(
            f'SELECT {_COLUMNS} FROM "gift" g WHERE {where}', params):
        found.append(GiftRow(int(gid), int(version), day(date), direction, _id(from_person),
                             _id(from_body), _id(to_person), _id(to_body), _id(delegation),
                             _id(event), description, value, notes))
    return found


def _titles(source: Reader, ids: Iterable[int | None]) -> dict[int, str]:
    """Delegations' titles by id."""
    where, params = ids_in("delegation", ids)
    if not params:
        return {}
    return {int(did): title for did, title in rows_of(source)(
        f'SELECT d.id, d.title FROM "delegation" d WHERE d.id IN {where}', params)}


def views(source: Reader, rows: Sequence[GiftRow]) -> tuple[GiftView, ...]:
    """Read objects for *rows*, newest first (undated gifts last)."""
    people = person_labels(source, [i for g in rows for i in (g.from_person_id, g.to_person_id)])
    bodies = labels_of(source, RecordKind.ORGANISATION,
                       [i for g in rows for i in (g.from_organisation_id, g.to_organisation_id)])
    delegations = _titles(source, [g.delegation_id for g in rows])
    events = labels_of(source, RecordKind.EVENT, [g.event_id for g in rows])
    found = []
    for g in rows:
        giver = ref_or_none(RecordKind.PERSON, g.from_person_id, people)
        giving = ref_or_none(RecordKind.ORGANISATION, g.from_organisation_id, bodies)
        recipient = ref_or_none(RecordKind.PERSON, g.to_person_id, people)
        receiving = ref_or_none(RecordKind.ORGANISATION, g.to_organisation_id, bodies)
        found.append(GiftView(
            Ref(RecordKind.GIFT.value, g.id, g.description), g.version, g.date,
            g.direction, giver or giving, giving if giver else None,
            recipient or receiving, receiving if recipient else None,
            ref_or_none(RecordKind.DELEGATION, g.delegation_id, delegations),
            ref_or_none(RecordKind.EVENT, g.event_id, events), g.description, g.value,
            g.notes))
    found.sort(key=lambda v: (v.date is None, dt.date.max - (v.date or dt.date.max), v.id))
    return tuple(found)


#: The visits of a pairing, as a sub-select (parameter ``:pairing``).
_PAIRING_VISITS = 'SELECT v.id FROM "delegation" v WHERE v.pairing_id = :pairing'


def of_person(source: Reader, person_id: int) -> tuple[GiftView, ...]:
    """Gifts the person gave or received."""
    return of_people(source, [person_id]).get(person_id, ())


def of_people(source: Reader, person_ids: Iterable[int]) -> dict[int, tuple[GiftView, ...]]:
    """The gifts each of *person_ids* gave or received (:func:`of_person` for many people
    in one read: a batch of bio sheets); people with none are left out."""
    wanted = sorted(set(person_ids))
    if not wanted:
        return {}
    people, params = ids_in("person", wanted)
    rows = _gift_rows(source, f"g.from_person_id IN {people} OR g.to_person_id IN {people}",
                      params)
    chosen = set(wanted)
    named = {g.id: {g.from_person_id, g.to_person_id} & chosen for g in rows}
    found: dict[int, list[GiftView]] = {}
    for view in views(source, rows):  # newest first, and so each person's share of them
        for person_id in named[view.id]:
            if person_id is not None:
                found.setdefault(person_id, []).append(view)
    return {person_id: tuple(gifts) for person_id, gifts in found.items()}


def of_delegation(source: Reader, delegation_id: int) -> tuple[GiftView, ...]:
    """Gifts exchanged during the delegation's visit."""
    return views(source, _gift_rows(source, "g.delegation_id = :delegation",
                                    {"delegation": delegation_id}))


def of_pairing(source: Reader, pairing_id: int) -> tuple[GiftView, ...]:
    """Gifts exchanged during any delegation of the pairing."""
    return views(source, _gift_rows(source, f"g.delegation_id IN ({_PAIRING_VISITS})",
                                    {"pairing": pairing_id}))


def of_record(source: Reader, kind: str, record_id: int) -> tuple[GiftView, ...]:
    """The gifts a detail pane or sheet of *kind* lists (none for other kinds)."""
    if kind == RecordKind.PERSON.value:
        return of_person(source, record_id)
    if kind == RecordKind.DELEGATION.value:
        return of_delegation(source, record_id)
    if kind == RecordKind.PAIRING.value:
        return of_pairing(source, record_id)
    return ()


def exchanged_with(source: Reader, *, person_ids: Iterable[int] = (),
                   delegation_id: int | None = None,
                   pairing_id: int | None = None) -> tuple[GiftView, ...]:
    """Every gift a briefing should recall: those exchanged on this visit, during any
    visit of the same pairing, and those the people on the sheet ever gave or received
    (the next visit must not repeat one)."""
    people, params = ids_in("person", person_ids)
    criteria: list[str] = []
    if params:
        criteria += [f"g.from_person_id IN {people}", f"g.to_person_id IN {people}"]
    if delegation_id is not None:
        criteria.append("g.delegation_id = :delegation")
        params["delegation"] = delegation_id
    if pairing_id is not None:
        criteria.append(f"g.delegation_id IN ({_PAIRING_VISITS})")
        params["pairing"] = pairing_id
    if not criteria:
        return ()
    return views(source, _gift_rows(source, " OR ".join(criteria), params))
