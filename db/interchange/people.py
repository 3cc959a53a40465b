"""People from a file: split their names, find them in the catalog, add or update them.

Two officials may share a name (two ``Nguyễn Hữu Đức`` from different
provinces), and one official appears in many files. So a row is matched by its
folded name *and* what else identifies a person: e-mail and phone are strong
(the same address is the same person, a different one is someone else); the
organisation and its city or province are weaker (people move), but a
different province with nothing stronger means a different person. A row whose
name matches more than one person that nothing tells apart goes to review: it
is never merged silently.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from db import ops
from db.folding import fold
from db.i18n import N_
from db.interchange.resolve import Resolver, RowError, linked, stand_ins
from db.interchange.rows import Incoming
from db.models import Attachment, City, Organisation, Person, Position, RecordKind
from db.names import display_name, sort_key
from db.names_parse import split_name
from db.partial_dates import conflict, same_day
from db.said import say

# Person columns a row fills directly (the rest are references or the import's own).
_DIRECT = ("honorific", "given_names", "family_name", "name_order", "address_by",
           "original_script", "form_of_address", "email", "phone", "languages", "biography",
           "protocol_notes", "private_notes", "birth_date", "pronunciation", "written_address",
           "interpreter", "dietary")


@dataclass
class Identity:
    """What tells a person apart besides the name, folded for comparison."""

    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    birth_dates: set[str] = field(default_factory=set)  # "1965-03-14", "1965-03", "1965"
    organisations: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)

    def add(self, other: Identity) -> None:
        for name in ("emails", "phones", "birth_dates", "organisations", "cities"):
            getattr(self, name).update(getattr(other, name))


def _phone(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return digits[-9:]  # the subscriber number, whatever the country prefix


def _verdict(row: Identity, known: Identity) -> str:
    """``same``, ``other`` or ``unknown`` for one candidate."""
    for mine, theirs in ((row.emails, known.emails), (row.phones, known.phones)):
        if mine and theirs and mine & theirs:
            return "same"
    if any(same_day(a, b) for a in row.birth_dates for b in known.birth_dates):
        return "same"
    if row.emails and known.emails and not row.emails & known.emails:
        return "other"
    if row.birth_dates and known.birth_dates and all(  # 1965 fits 1965-03-14; 1966 does not
            conflict(a, b) for a in row.birth_dates for b in known.birth_dates):
        return "other"
    places_known = known.organisations | known.cities
    places_row = row.organisations | row.cities
    if row.organisations & known.organisations or row.cities & known.cities:
        return "same"
    if places_row and places_known:
        return "other"
    return "same" if not places_row else "unknown"


class FlushFirst(Exception):
    """A row names someone an earlier row will create: write the waiting people, retry."""


@dataclass
class _Waiting:
    """New people checked but not written yet, and their positions (see :meth:`People.flush`).

    They stand under negative ids until written; the ids they get replace them.
    """

    people: list[tuple[int, ops.Vetted]] = field(default_factory=list)
    positions: list[ops.Vetted] = field(default_factory=list)

    def mark(self) -> tuple[int, int]:
        return len(self.people), len(self.positions)


class People:
    """Adds and updates people for one import (one :class:`ops.Transaction`).

    *batched*: new people (and their positions) are checked as each row is read,
    with the rules of ``db.ops``, and written together by :meth:`flush`
    (``Transaction.create_many``) instead of one create at a time; the records,
    history and search index come out the same.
    """

    def __init__(self, tx: ops.Transaction, resolver: Resolver, *, batched: bool = True) -> None:
        self.tx = tx
        self.resolver = resolver
        self.batched = batched
        self.waiting = _Waiting()
        self.probe = resolver.probe  # the import deletes nothing: found stays found
        self.seen: dict[int, Identity] = {}  # what this import said about each person
        self._keys: dict[str, list[int]] | None = None  # sort key -> people, loaded once
        self.created: set[int] = set()  # people this import created
        self.added: dict[int, list[tuple[str, int | None]]] = {}  # their positions

    def _by_key(self, key: str) -> list[int]:
        if self._keys is None:
            self._keys = {}
            for person_id, found in self.tx.session.execute(
                    select(col(Person.id), col(Person.sort_key))):
                self._keys.setdefault(found, []).append(person_id)
        return self._keys.get(key, [])

    def forget(self, person_ids: set[int], mark: tuple[int, ...] | None = None) -> None:
        """Drop people a rolled-back row had created, and what it left waiting after *mark*."""
        if mark is not None:
            person_ids = person_ids | {stand_in for stand_in, _v in self.waiting.people[mark[0]:]}
            del self.waiting.people[mark[0]:]
            del self.waiting.positions[mark[1]:]
        if self._keys is not None:
            for key, ids in list(self._keys.items()):
                self._keys[key] = [i for i in ids if i not in person_ids]
        self.created -= person_ids
        for person_id in person_ids:
            self.added.pop(person_id, None)

    def flush(self) -> None:
        """Write what is waiting: the records the rows named that are new (organisations,
        cities...), then the people, then their positions, in the order they came."""
        if not self.waiting.people and not self.waiting.positions and \
                not self.resolver.planned:
            return
        named = self.resolver.write_planned()
        ids = self.tx.create_many(RecordKind.PERSON, [linked(v, named)
                                                      for _s, v in self.waiting.people])
        real = {stand_in: new for (stand_in, _v), new in zip(self.waiting.people, ids,
                                                             strict=True)}
        positions = []
        for vetted in self.waiting.positions:
            vetted = linked(vetted, named)
            if "person_id" in vetted.pending:
                vetted = vetted.linked(person_id=real[vetted.values["person_id"]])
            positions.append(vetted)
        self.tx.create_many(RecordKind.POSITION, positions)
        self.added = {person: [(title, named.get(org, org) if org is not None else None)
                               for title, org in held] for person, held in self.added.items()}
        self.waiting = _Waiting()
        if self._keys is not None:
            for key, found in self._keys.items():
                self._keys[key] = [real.get(i, i) for i in found]
        self.created = {real.get(i, i) for i in self.created}
        self.added = {real.get(i, i): held for i, held in self.added.items()}
        self.seen = {real.get(i, i): known for i, known in self.seen.items()}

    # ------------------------------------------------------------ names

    def names(self, row: Incoming) -> dict[str, Any]:
        values = {name: row.values[name] for name in _DIRECT if name in row.values}
        if "notes" in row.values and "private_notes" not in values:
            values["private_notes"] = row.values["notes"]
        full = row.values.get("full_name")
        if "family_name" not in values and full:
            split = split_name(str(full))
            if split is None:
                raise RowError("full_name", say(N_("the name is empty")))
            values.setdefault("honorific", split.honorific)
            values["family_name"] = split.family_name
            values["given_names"] = split.given_names
            values.setdefault("name_order", split.name_order)
            values.setdefault("address_by", split.address_by)
            if split.aliases:  # "Nguyễn Tấn Dũng (Ba Dũng)": the alias never joins a name
                values.setdefault("aliases", list(split.aliases))
            if split.title and "title" not in row.values:
                row.values["title"] = split.title
        elif "family_name" in values and "name_order" not in values:
            guess = split_name(f"{values['family_name']} {values.get('given_names') or ''}")
            if guess is not None and fold(guess.family_name) == fold(values["family_name"]):
                values["name_order"], values["address_by"] = guess.name_order, guess.address_by
        if not values.get("family_name"):
            raise RowError("family_name" if "family_name" in row.columns else "full_name",
                           say(N_("a person needs a name")))
        return {k: v for k, v in values.items() if v is not None}

    # ------------------------------------------------------------ matching

    def identity(self, row: Incoming) -> Identity:
        found = Identity()
        if row.values.get("email"):
            found.emails.add(fold(str(row.values["email"])))
        if row.values.get("phone"):
            found.phones.add(_phone(str(row.values["phone"])))
        if row.values.get("birth_date"):
            found.birth_dates.add(str(row.values["birth_date"]))
        if row.values.get("organisation"):
            found.organisations.add(fold(str(row.values["organisation"])))
        if row.values.get("city"):
            found.cities.add(fold(str(row.values["city"])))
        return found

    def known(self, person: Person) -> Identity:
        assert person.id is not None
        found = Identity()
        if person.email:
            found.emails.add(fold(person.email))
        if person.phone:
            found.phones.add(_phone(person.phone))
        if person.birth_date:
            found.birth_dates.add(person.birth_date)
        query = (select(col(Organisation.name), col(Organisation.acronym), col(City.name),
                        col(City.local_name))
                 .select_from(Position)
                 .join(Organisation, col(Position.organisation_id) == col(Organisation.id))
                 .outerjoin(City, col(Organisation.city_id) == col(City.id))
                 .where(col(Position.person_id) == person.id))
        for org_name, acronym, city, local in self.tx.session.execute(query):
            found.organisations.update(fold(n) for n in (org_name, acronym) if n)
            found.cities.update(fold(n) for n in (city, local) if n)
        found.add(self.seen.get(person.id, Identity()))
        return found

    def match(self, row: Incoming, values: dict[str, Any]) -> tuple[str, list[Person]]:
        """(``new`` | ``same`` | ``review``, candidates) for a row."""
        key = sort_key(values.get("given_names"), values["family_name"])
        ids = self._by_key(key)
        if any(i < 0 for i in ids):
            raise FlushFirst
        candidates = [p for p in (self.tx.session.get(Person, i) for i in sorted(ids))
                      if p is not None]
        if not candidates:
            return "new", []
        mine = self.identity(row)
        verdicts = [(_verdict(mine, self.known(p)), p) for p in candidates]
        same = [p for v, p in verdicts if v == "same"]
        unknown = [p for v, p in verdicts if v == "unknown"]
        if len(same) == 1 and not unknown:
            return "same", same
        if not same and not unknown:
            return "new", []
        return "review", same + unknown

    # ------------------------------------------------------------ writing

    def apply(self, row: Incoming) -> str:
        """Bring one person row in; returns ``created``, ``updated``, ``unchanged``."""
        photo = isinstance(row.values.get("photo"), tuple)
        if self.batched and photo and (self.waiting.people or self.waiting.positions
                                       or self.resolver.planned):
            raise FlushFirst  # a photo is written at once: what came before goes first
        # Records the row names are planned, not written (no write lock), except with a
        # photo: its person is written at once, so what it names must exist.
        self.resolver.defer = self.batched and not photo
        values = self.names(row)
        explicit_order = "name_order" in row.values
        if "nationality" in row.values:
            values["nationality_id"] = self.resolver.id_for(
                RecordKind.COUNTRY, str(row.values["nationality"]), "nationality")
        key = sort_key(values.get("given_names"), values["family_name"])
        verdict, candidates = self.match(row, values)
        if verdict == "review":
            names = ", ".join(f"#{p.id}" for p in candidates)
            name = display_name(values.get("given_names"), values["family_name"],
                                values.get("name_order") or "given_first")
            raise NeedsReview(say(N_("{name} may be a person already in the catalog ({ids}); "
                                     "nothing tells them apart, so the row was left for "
                                     "review"), name=name, ids=names))
        if verdict != "new" and stand_ins(values):
            raise FlushFirst  # an update names a record still to be written: write it first
        if verdict == "new" and self.batched and not photo:
            person_id = -1 - len(self.waiting.people)
            self.waiting.people.append((person_id, self.tx.vet(
                RecordKind.PERSON, values, pending=stand_ins(values), probe=self.probe)))
        elif verdict == "new":
            person_id = self.tx.create(RecordKind.PERSON, values)
        if verdict == "new":
            self._by_key(key)  # loaded before adding, so the new id is not read twice
            assert self._keys is not None
            self._keys.setdefault(key, []).append(person_id)
            self.created.add(person_id)
            outcome = "created"
        else:
            person = candidates[0]
            assert person.id is not None
            person_id = person.id
            if not explicit_order:
                values.pop("name_order", None)
                values.pop("address_by", None)
            outcome = ("updated" if self.resolver.update(RecordKind.PERSON, person, values)
                       else "unchanged")
        added_position = self._positions(row, person_id)
        added_photo = self._photo(row, person_id)
        if added_position or added_photo:
            outcome = "updated" if outcome == "unchanged" else outcome
        self.seen.setdefault(person_id, Identity()).add(self.identity(row))
        return outcome

    def _positions(self, row: Incoming, person_id: int) -> bool:
        """The row's position (``title`` at ``organisation``), or the ``positions`` a
        Popolo file lists; one already held (same title, same organisation) is kept."""
        wanted = list(row.values.get("positions") or [])
        if row.values.get("title"):
            wanted.append({"title": row.values["title"],
                           "organisation": row.values.get("organisation"),
                           "city": row.values.get("city")})
        added = False
        for position in wanted:
            added |= self._position(position, person_id)
        return added

    def _position(self, wanted: dict[str, Any], person_id: int) -> bool:
        title, organisation = wanted.get("title"), wanted.get("organisation")
        if not title:
            return False
        org_id = None
        if organisation:
            extra: dict[str, Any] = {}
            if wanted.get("city"):
                extra["city_id"] = self.resolver.id_for(RecordKind.CITY, str(wanted["city"]),
                                                        "city")
            org_id = self.resolver.id_for(RecordKind.ORGANISATION, str(organisation),
                                          "organisation", extra)
            self.probe.remember(Organisation, org_id)  # found or made: no query to check it
        if person_id in self.created:  # nothing but what this import gave them
            held = list(self.added.get(person_id, ()))
        else:
            held = [*self.tx.session.execute(
                select(col(Position.title), col(Position.organisation_id))
                .where(col(Position.person_id) == person_id)).all(),
                    *self.added.get(person_id, ())]  # and what waits to be written
        if any(fold(t) == fold(str(title)) and o == org_id for t, o in held):
            return False
        values: dict[str, Any] = {"person_id": person_id, "title": title,
                                  "organisation_id": org_id}
        for name in ("start_date", "end_date"):
            if wanted.get(name):
                values[name] = wanted[name]
        try:
            if self.batched:  # written in file order by flush, a new person's with its id
                self.waiting.positions.append(self.tx.vet(
                    RecordKind.POSITION, values,
                    pending=frozenset({"person_id"} if person_id < 0 else ()) | stand_ins(
                        values), probe=self.probe))
            else:
                self.tx.create(RecordKind.POSITION, values)
        except ops.ValidationError as exc:
            raise RowError("title", " ".join(exc.errors.values())) from exc
        self.added.setdefault(person_id, []).append((str(title), org_id))
        return True

    def _photo(self, row: Incoming, person_id: int) -> bool:
        photo = row.values.get("photo")
        if not isinstance(photo, tuple):
            return False
        data, media_type = photo
        digest = hashlib.sha256(data).hexdigest()
        existing = list(self.tx.session.execute(
            select(col(Attachment.sha256)).where(
                col(Attachment.record_kind) == RecordKind.PERSON.value,
                col(Attachment.record_id) == person_id,
                col(Attachment.role) == "photo")).scalars())
        if digest in existing:
            return False
        if existing:
            return False  # the catalog's own photo is kept; a file never replaces it
        extension = media_type.split("/")[-1].replace("jpeg", "jpg")
        self.tx.create(RecordKind.ATTACHMENT, {
            "record_kind": RecordKind.PERSON.value, "record_id": person_id, "role": "photo",
            "filename": f"photo.{extension}", "media_type": media_type, "size": len(data),
            "sha256": digest, "data": data})
        return True


class NeedsReview(Exception):
    """A row that may be someone already in the catalog: left out, shown for review."""
