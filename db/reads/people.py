"""People as the detail pane and the sheets read them: positions, participations, photos.

:func:`people` reads many people in a fixed number of queries, so a delegation of
twelve or an event with forty speakers costs no more than one person.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from db import titles
from db.bilingual import form
from db.models import (
    Attachment,
    Delegation,
    DelegationMember,
    Event,
    EventParticipant,
    Person,
    Position,
    RecordKind,
)
from db.names import display_name
from db.portraits import PHOTO_MEDIA_TYPES, PHOTO_ROLE
from db.reads.common import Ref, SourceView, labels_of, ref_or_none, sources_by_record
from db.wording import title_at


@dataclass(frozen=True)
class PositionView:
    id: int
    version: int
    title: str
    address_title: str | None
    organisation: Ref | None
    start_date: dt.date | None
    end_date: dt.date | None
    date_note: str | None
    rank: int
    attested_on: tuple[str, ...] = ()

    @property
    def organisation_id(self) -> int | None:
        return self.organisation.id if self.organisation else None

    def standing(self, day: dt.date,
                 policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> titles.Standing | None:
        """Held, attested or unconfirmed on *day* (None: its dates exclude the day)."""
        return titles.standing(self, day, policy)

    def held_on(self, day: dt.date, policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> bool:
        """Held or attested on *day* (see db.titles): a position with no dates and no
        recent attestation is *not* held every day, it is unconfirmed."""
        return titles.held_on(self, day, policy)

    @property
    def label(self) -> str:
        return title_at(self.title, self.organisation.label if self.organisation else None)


def titles_on(positions: Iterable[PositionView], day: dt.date,
              policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> list[PositionView]:
    """Positions held or attested on *day*, most senior first: a 2017 briefing shows
    2017 titles, and a title last seen in 2017 is not among today's."""
    return titles.confirmed_on(positions, day, policy)


@dataclass(frozen=True)
class Participation:
    """A delegation or event a person took part in, with their role."""

    ref: Ref
    role: str
    date: dt.date | None
    date_note: str | None


@dataclass(frozen=True)
class PersonView:
    id: int
    version: int
    honorific: str | None
    given_names: str | None
    family_name: str
    name_order: str
    address_by: str
    original_script: str | None
    explicit_form_of_address: str | None
    nationality: Ref | None
    email: str | None
    phone: str | None
    languages: tuple[str, ...]
    biography: str | None
    protocol_notes: str | None
    private_notes: str | None
    positions: tuple[PositionView, ...]
    delegations: tuple[Participation, ...]
    events: tuple[Participation, ...]
    sources: tuple[SourceView, ...]
    aliases: tuple[str, ...] = ()  # "also known as": never part of the form of address
    birth_date: str | None = None  # "1965", "1965-03" or "1965-03-14" (db.partial_dates)
    # The protocol facts (db.models.Person): printed on the internal sheet only.
    pronunciation: str | None = None
    written_address: str | None = None
    interpreter: str | None = None
    dietary: str | None = None

    @property
    def display_name(self) -> str:
        return display_name(self.given_names, self.family_name, self.name_order)

    def titles_on(self, day: dt.date,
                  policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> list[PositionView]:
        return titles_on(self.positions, day, policy)

    def title_on(self, day: dt.date,
                 policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> PositionView | None:
        """The most senior title held or attested on *day*; None if none is confirmed."""
        held = self.titles_on(day, policy)
        return held[0] if held else None

    def title_standing(self, day: dt.date, policy: titles.TitlePolicy = titles.DEFAULT_POLICY,
                       ) -> tuple[PositionView, titles.Standing] | None:
        """The title to print for *day*: the most senior confirmed one, else the most
        senior recorded one with its (unconfirmed) standing, to print "as of"."""
        ordered = titles.order_on(self.positions, day, policy)
        return ordered[0] if ordered else None

    def unconfirmed_on(self, day: dt.date, policy: titles.TitlePolicy = titles.DEFAULT_POLICY,
                       ) -> list[tuple[PositionView, titles.Standing]]:
        """Recorded titles no source confirms for *day*: to confirm before the meeting."""
        return [(p, s) for p, s in titles.order_on(self.positions, day, policy)
                if not s.confirmed]

    def address_on(self, day: dt.date | None = None,
                   policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> titles.Address:
        """The form of address on *day*, and whether it fell back from an unconfirmed title."""
        found = self.title_standing(day or dt.date.today(), policy)
        return titles.address(
            explicit=self.explicit_form_of_address,
            title=(found[0].address_title, found[1]) if found else None,
            honorific=self.honorific, given_names=self.given_names,
            family_name=self.family_name, name_order=self.name_order,
            address_by=self.address_by)

    def form_of_address(self, day: dt.date | None = None,
                        policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> str:
        """``Chairman Chung`` on *day* (today by default), only from a title confirmed
        then; ``Mr Chung`` when the title is unconfirmed."""
        return self.address_on(day, policy).text


def _positions(session: Session, person_ids: Sequence[int]) -> dict[int, list[PositionView]]:
    rows = session.exec(select(Position).where(col(Position.person_id).in_(person_ids))).all()
    orgs = labels_of(session, RecordKind.ORGANISATION, (p.organisation_id for p in rows))
    found: dict[int, list[PositionView]] = defaultdict(list)
    for p in rows:
        found[p.person_id].append(PositionView(
            p.id or 0, p.version, form(p, "title"), form(p, "address_title") or None,
            ref_or_none(RecordKind.ORGANISATION, p.organisation_id, orgs),
            p.start_date, p.end_date, p.date_note, p.rank, tuple(p.attested_on),
        ))
    for views in found.values():
        views.sort(key=lambda v: (v.start_date or dt.date.min, v.rank), reverse=True)
    return found


def person_label(person: Person) -> str:
    return display_name(person.given_names, person.family_name, person.name_order)


def person(session: Session, person_id: int) -> PersonView | None:
    return people(session, [person_id]).get(person_id)


def people(session: Session, person_ids: Iterable[int], *,
           related: bool = True) -> dict[int, PersonView]:
    """:func:`db.person` for many people at once, in a fixed number of queries.

    A delegation of twelve (or an event with forty speakers) would otherwise cost six
    queries a head; sheets print in a blink only if loading does not grow with them.
    With ``related=False`` each view's delegations, events and sources are left
    empty, for sheets that print none of them.
    """
    wanted = sorted(set(person_ids))
    if not wanted:
        return {}
    rows = session.exec(select(Person).where(col(Person.id).in_(wanted))).all()
    nationalities = {p.nationality_id for p in rows if p.nationality_id}
    countries = labels_of(session, RecordKind.COUNTRY, nationalities)
    positions = _positions(session, wanted)
    delegations: dict[int, list[Participation]] = defaultdict(list)
    events: dict[int, list[Participation]] = defaultdict(list)
    sources: dict[int, tuple[SourceView, ...]] = {}
    if related:
        _related(session, wanted, delegations, events, sources)
    found = {}
    for p in rows:
        person_id = p.id or 0
        nationality = (Ref(RecordKind.COUNTRY.value, p.nationality_id,
                                 countries[p.nationality_id])
                       if p.nationality_id is not None and p.nationality_id in countries
                       else None)
        found[person_id] = PersonView(
            id=person_id, version=p.version, honorific=p.honorific, given_names=p.given_names,
            family_name=p.family_name, name_order=p.name_order, address_by=p.address_by,
            original_script=p.original_script, explicit_form_of_address=p.form_of_address,
            nationality=nationality, email=p.email, phone=p.phone,
            languages=tuple(p.languages), biography=p.biography,
            protocol_notes=p.protocol_notes, private_notes=p.private_notes,
            positions=tuple(positions.get(person_id, [])),
            delegations=tuple(delegations.get(person_id, [])),
            events=tuple(events.get(person_id, [])), sources=sources.get(person_id, ()),
            aliases=tuple(p.aliases or ()), birth_date=p.birth_date,
            pronunciation=p.pronunciation, written_address=p.written_address,
            interpreter=p.interpreter, dietary=p.dietary)
    return found


def _related(session: Session, wanted: Sequence[int],
             delegations: dict[int, list[Participation]],
             events: dict[int, list[Participation]],
             sources: dict[int, tuple[SourceView, ...]]) -> None:
    """Fill in the delegations, events and sources of the people in *wanted*."""
    for m, d in session.exec(
            select(DelegationMember, Delegation)
            .join(Delegation, col(Delegation.id) == DelegationMember.delegation_id)
            .where(col(DelegationMember.person_id).in_(wanted))
            .order_by(col(Delegation.start_date))):
        delegations[m.person_id].append(Participation(
            Ref(RecordKind.DELEGATION.value, d.id or 0, d.title), m.role, d.start_date,
            d.date_note))
    for ep, e in session.exec(
            select(EventParticipant, Event)
            .join(Event, col(Event.id) == EventParticipant.event_id)
            .where(col(EventParticipant.person_id).in_(wanted))
            .order_by(col(Event.start_date))):
        events[ep.person_id].append(Participation(
            Ref(RecordKind.EVENT.value, e.id or 0, form(e)), ep.role, e.start_date,
            e.date_note))
    sources.update(sources_by_record(session, RecordKind.PERSON, wanted))




# ---------------------------------------------------------------- photos

@dataclass(frozen=True)
class Photo:
    """A person's photo attachment: the bytes as stored, with their type and digest, and
    the portrait sheets print (db.portraits; None when it could not be made)."""

    person_id: int
    media_type: str
    sha256: str
    data: bytes
    portrait: bytes | None = None


def photos(session: Session, person_ids: Iterable[int]) -> dict[int, Photo]:
    """The newest JPEG or PNG photo of each person, in one query."""
    wanted = sorted(set(person_ids))
    if not wanted:
        return {}
    rows = session.exec(
        select(Attachment)
        .where(Attachment.record_kind == RecordKind.PERSON.value,
               Attachment.role == PHOTO_ROLE,
               col(Attachment.record_id).in_(wanted),
               col(Attachment.media_type).in_(sorted(PHOTO_MEDIA_TYPES)))
        .order_by(col(Attachment.id))
    ).all()
    found: dict[int, Photo] = {}
    for row in rows:  # later rows replace earlier ones: the newest photo wins
        found[row.record_id] = Photo(row.record_id, row.media_type, row.sha256, row.data,
                                     row.portrait)
    return found


def photo(session: Session, person_id: int) -> Photo | None:
    return photos(session, [person_id]).get(person_id)
