"""People as the detail pane and the sheets read them: positions, participations, photos.

:func:`people` reads many people in a fixed number of queries, so a delegation of
twelve or an event with forty speakers costs no more than one person. Every read
here is SQL text over :mod:`db.rows`, so a ``liaison brief`` process reads a catalog
file through :mod:`sqlite3` alone, without loading the table classes (issue 16).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from db import titles
from db.bilingual import pick
from db.kinds import RecordKind
from db.names import display_name
from db.portraits import PHOTO_MEDIA_TYPES, PHOTO_ROLE
from db.reads.common import Ref, SourceView, labels_of, ref_or_none, sources_by_record
from db.rows import Reader, blob, day, ids_in, rows_of, strings
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


class _PersonRow(NamedTuple):
    """A ``person`` row as :func:`people` selects it (the SQL names these columns)."""

    id: int
    version: int
    honorific: str | None
    given_names: str | None
    family_name: str
    name_order: str
    address_by: str
    original_script: str | None
    form_of_address: str | None
    nationality_id: int | None
    email: str | None
    phone: str | None
    languages: Any  # JSON text on SQLite, a list on PostgreSQL: db.rows.strings
    biography: str | None
    protocol_notes: str | None
    private_notes: str | None
    aliases: Any  # as languages
    birth_date: str | None
    pronunciation: str | None
    written_address: str | None
    interpreter: str | None
    dietary: str | None


_PERSON_COLUMNS = ", ".join(f"p.{name}" for name in _PersonRow._fields)


class _PositionRow(NamedTuple):
    """A ``position`` row as :func:`_positions` selects it."""

    id: int
    version: int
    person_id: int
    organisation_id: int | None
    title: str
    title_vi: str | None
    address_title: str | None
    address_title_vi: str | None
    start_date: Any  # DATE: db.rows.day
    end_date: Any  # DATE: db.rows.day
    date_note: str | None
    rank: int
    attested_on: Any  # JSON: db.rows.strings


_POSITION_COLUMNS = ", ".join(f"p.{name}" for name in _PositionRow._fields)


def _positions(source: Reader, person_ids: Sequence[int]) -> dict[int, list[PositionView]]:
    where, params = ids_in("person", person_ids)
    rows = [_PositionRow._make(row) for row in rows_of(source)(
        f'SELECT {_POSITION_COLUMNS} FROM "position" p WHERE p.person_id IN {where}', params)]
    orgs = labels_of(source, RecordKind.ORGANISATION, (p.organisation_id for p in rows))
    found: dict[int, list[PositionView]] = defaultdict(list)
    for p in rows:
        found[p.person_id].append(PositionView(
            p.id or 0, p.version, pick(p.title, p.title_vi) or "",
            pick(p.address_title, p.address_title_vi) or None,
            ref_or_none(RecordKind.ORGANISATION, p.organisation_id, orgs),
            day(p.start_date), day(p.end_date), p.date_note, p.rank, strings(p.attested_on),
        ))
    for views in found.values():
        views.sort(key=lambda v: (v.start_date or dt.date.min, v.rank), reverse=True)
    return found


class Named(Protocol):
    """Anything with a person's name parts: a table row, a read object, a query row."""

    @property
    def given_names(self) -> str | None: ...
    @property
    def family_name(self) -> str: ...
    @property
    def name_order(self) -> str: ...


def person_label(person: Named) -> str:
    return display_name(person.given_names, person.family_name, person.name_order)


def person(source: Reader, person_id: int) -> PersonView | None:
    return people(source, [person_id]).get(person_id)


def people(source: Reader, person_ids: Iterable[int], *,
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
    where, params = ids_in("id", wanted)
    rows = [_PersonRow._make(row) for row in rows_of(source)(
        f'SELECT {_PERSON_COLUMNS} FROM "person" p WHERE p.id IN {where}', params)]
    nationalities = {p.nationality_id for p in rows if p.nationality_id}
    countries = labels_of(source, RecordKind.COUNTRY, nationalities)
    positions = _positions(source, wanted)
    delegations: dict[int, list[Participation]] = defaultdict(list)
    events: dict[int, list[Participation]] = defaultdict(list)
    sources: dict[int, tuple[SourceView, ...]] = {}
    if related:
        _related(source, wanted, delegations, events, sources)
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
            languages=strings(p.languages), biography=p.biography,
            protocol_notes=p.protocol_notes, private_notes=p.private_notes,
            positions=tuple(positions.get(person_id, [])),
            delegations=tuple(delegations.get(person_id, [])),
            events=tuple(events.get(person_id, [])), sources=sources.get(person_id, ()),
            aliases=strings(p.aliases), birth_date=p.birth_date,
            pronunciation=p.pronunciation, written_address=p.written_address,
            interpreter=p.interpreter, dietary=p.dietary)
    return found


def _related(source: Reader, wanted: Sequence[int],
             delegations: dict[int, list[Participation]],
             events: dict[int, list[Participation]],
             sources: dict[int, tuple[SourceView, ...]]) -> None:
    """Fill in the delegations, events and sources of the people in *wanted*."""
    rows = rows_of(source)
    where, params = ids_in("person", wanted)
    for person_id, role, did, title, start_date, date_note in rows(
            "SELECT m.person_id, m.role, d.id, d.title, d.start_date, d.date_note"
            ' FROM "delegation_member" m JOIN "delegation" d ON d.id = m.delegation_id'
            f" WHERE m.person_id IN {where} ORDER BY d.start_date", params):
        delegations[int(person_id)].append(Participation(
            Ref(RecordKind.DELEGATION.value, did or 0, title), role, day(start_date),
            date_note))
    for person_id, role, eid, name, name_vi, start_date, date_note in rows(
            "SELECT ep.person_id, ep.role, e.id, e.name, e.name_vi, e.start_date, e.date_note"
            ' FROM "event_participant" ep JOIN "event" e ON e.id = ep.event_id'
            f" WHERE ep.person_id IN {where} ORDER BY e.start_date", params):
        events[int(person_id)].append(Participation(
            Ref(RecordKind.EVENT.value, eid or 0, pick(name, name_vi) or ""), role,
            day(start_date), date_note))
    sources.update(sources_by_record(source, RecordKind.PERSON, wanted))


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


def photos(source: Reader, person_ids: Iterable[int]) -> dict[int, Photo]:
    """The newest JPEG or PNG photo of each person, in one query."""
    wanted = sorted(set(person_ids))
    if not wanted:
        return {}
    where, params = ids_in("id", wanted)
    types = sorted(PHOTO_MEDIA_TYPES)
    media = {f"media{n}": media_type for n, media_type in enumerate(types)}
    found: dict[int, Photo] = {}
    for record_id, media_type, sha256, data, portrait in rows_of(source)(
            "SELECT a.record_id, a.media_type, a.sha256, a.data, a.portrait"
            ' FROM "attachment" a WHERE a.record_kind = :kind AND a.role = :role'
            f" AND a.record_id IN {where}"
            f" AND a.media_type IN ({', '.join(':' + key for key in media)})"
            " ORDER BY a.id",
            {"kind": RecordKind.PERSON.value, "role": PHOTO_ROLE, **params, **media}):
        # Later rows replace earlier ones: the newest photo wins.
        found[int(record_id)] = Photo(int(record_id), media_type, sha256,
                                      blob(data) or b"", blob(portrait))
    return found


def photo(source: Reader, person_id: int) -> Photo | None:
    return photos(source, [person_id]).get(person_id)
