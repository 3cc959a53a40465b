"""Writing the catalog out in the formats others use.

``json`` is the whole catalog (see :mod:`.catalog_json`); ``popolo`` the
people, organisations, memberships and posts in the open civic-data standard;
``csv`` and ``xlsx`` one kind per file or sheet (:mod:`.tabular`); ``vcard``
people with their photos, for address books; ``ical`` delegations' programmes
(each engagement in its city's time zone) and events (all-day), for
calendars. Every file is written under a temporary name and renamed when
complete (:func:`db.atomic.atomic_write`): an interrupted export never leaves a
half file under the name the user will send.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from db.atomic import atomic_write
from db.catalog import Catalog
from db.i18n import N_
from db.interchange import catalog_json, tabular, writers
from db.interchange.fields import ROW_KINDS
from db.interchange.tables import NO_FOLDER, UNKNOWN_FORMAT, FileProblem
from db.models import (
    Attachment,
    City,
    Country,
    Delegation,
    Engagement,
    Event,
    Organisation,
    Person,
    Position,
    RecordKind,
)
from db.names import display_name
from db.said import say

EXPORT_FORMATS = ("json", "popolo", "csv", "xlsx", "vcard", "ical")
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"


def export(catalog: Catalog, fmt: str, path: str | Path, *, kind: str | None = None,
           language: str = "en") -> int:
    """Write *fmt* to *path*; returns the number of records written."""
    if fmt not in EXPORT_FORMATS:
        raise FileProblem(say(UNKNOWN_FORMAT, format=fmt, formats=", ".join(EXPORT_FORMATS)))
    wanted = RecordKind(kind) if kind else None
    if fmt in ("csv", "xlsx") and wanted is not None and wanted not in ROW_KINDS:
        raise FileProblem(say(N_("{kind} records are not exported as rows (kinds: {kinds})"),
                              kind=wanted.value, kinds=", ".join(k.value for k in ROW_KINDS)))
    target = Path(path)
    if not target.parent.is_dir():
        raise FileProblem(say(NO_FOLDER, folder=target.parent))
    with catalog.read_session() as session, atomic_write(target) as tmp:
        if fmt == "json":
            document = catalog_json.export_document(session)
            _write_json(tmp, document)
            return sum(len(v) for v in document["records"].values())
        if fmt == "popolo":
            document = popolo(session)
            _write_json(tmp, document)
            return len(document["persons"]) + len(document["organizations"])
        if fmt == "csv":
            chosen = wanted or RecordKind.PERSON
            return _write_csv(session, tmp, chosen, language)
        if fmt == "xlsx":
            return _write_xlsx(session, tmp, [wanted] if wanted else list(ROW_KINDS), language)
        if fmt == "vcard":
            text, count = vcards(session)
            tmp.write_text(text, encoding="utf-8", newline="")
            return count
        data, count = calendar(session, wanted)
        tmp.write_bytes(data)
        return count


def _write_json(path: Path, document: dict[str, Any]) -> None:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")


def _write_csv(session: Session, path: Path, kind: RecordKind, language: str) -> int:
    return writers.write_csv(path, tabular.headers(kind, language), tabular.rows(session, kind))


_SHEET_NAMES = {"en": {k: k.value.capitalize() for k in ROW_KINDS},
                "vi": {RecordKind.PERSON: "Nhân vật", RecordKind.ORGANISATION: "Cơ quan",
                       RecordKind.CITY: "Thành phố", RecordKind.PAIRING: "Kết nghĩa",
                       RecordKind.DELEGATION: "Đoàn", RecordKind.EVENT: "Sự kiện"}}


def _write_xlsx(session: Session, path: Path, kinds: list[RecordKind], language: str) -> int:
    names = _SHEET_NAMES.get(language, _SHEET_NAMES["en"])
    return writers.write_xlsx(path, ((names[kind], tabular.headers(kind, language),
                                      tabular.rows(session, kind)) for kind in kinds))


# ---------------------------------------------------------------- Popolo


def popolo(session: Session) -> dict[str, Any]:
    """Persons, organizations, memberships and posts (https://www.popoloproject.com)."""
    countries = {c.id: c.code for c in session.execute(select(Country)).scalars()}
    persons = []
    for p in session.execute(select(Person).order_by(col(Person.id))).scalars():
        person: dict[str, Any] = {
            "id": f"person/{p.id}",
            "name": display_name(p.given_names, p.family_name, p.name_order),
            "family_name": p.family_name}
        for key, value in (("given_name", p.given_names), ("honorific_prefix", p.honorific),
                           ("email", p.email), ("biography", p.biography),
                           ("birth_date", p.birth_date),  # ISO, as precise as known
                           ("national_identity", countries.get(p.nationality_id))):
            if value:
                person[key] = value
        if p.phone:
            person["contact_details"] = [{"type": "voice", "value": p.phone}]
        persons.append(person)
    organizations = []
    for o in session.execute(select(Organisation).order_by(col(Organisation.id))).scalars():
        org: dict[str, Any] = {"id": f"organization/{o.id}", "name": o.name,
                               "classification": o.org_kind}
        if o.acronym:
            org["other_names"] = [{"name": o.acronym, "note": "acronym"}]
        if o.parent_id:
            org["parent_id"] = f"organization/{o.parent_id}"
        organizations.append(org)
    memberships: list[dict[str, Any]] = []
    posts: dict[tuple[int, str], dict[str, str]] = {}
    for pos in session.execute(select(Position).order_by(col(Position.id))).scalars():
        membership: dict[str, Any] = {"id": f"membership/{pos.id}",
                                      "person_id": f"person/{pos.person_id}", "role": pos.title}
        if pos.organisation_id:
            membership["organization_id"] = f"organization/{pos.organisation_id}"
            post_key = (pos.organisation_id, pos.title)
            posts.setdefault(post_key, {"id": f"post/{len(posts) + 1}", "label": pos.title,
                                   "organization_id": f"organization/{pos.organisation_id}"})
            membership["post_id"] = posts[post_key]["id"]
        for name in ("start_date", "end_date"):
            if getattr(pos, name):
                membership[name] = getattr(pos, name).isoformat()
        memberships.append(membership)
    return {"persons": persons, "organizations": organizations, "memberships": memberships,
            "posts": list(posts.values())}


# ---------------------------------------------------------------- vCard


def vcards(session: Session) -> tuple[str, int]:
    """Every person as a vCard 3.0 (what Outlook and phones read best), photo included."""
    import vobject

    photos = {a.record_id: a for a in session.execute(select(Attachment).where(
        col(Attachment.record_kind) == RecordKind.PERSON.value,
        col(Attachment.role) == "photo")).scalars()}
    parts: list[str] = []
    for p in session.execute(select(Person).order_by(col(Person.id))).scalars():
        card = vobject.vCard()
        card.add("n").value = vobject.vcard.Name(family=p.family_name,
                                                 given=p.given_names or "",
                                                 prefix=p.honorific or "")
        card.add("fn").value = display_name(p.given_names, p.family_name, p.name_order)
        position = tabular._current_position(session, p.id or 0)
        if position is not None:
            card.add("title").value = position.title
            org = (session.get(Organisation, position.organisation_id)
                   if position.organisation_id else None)
            if org is not None:
                card.add("org").value = [org.name]
        if p.email:
            card.add("email").value = p.email
        if p.phone:
            card.add("tel").value = p.phone
        if p.original_script:
            card.add("nickname").value = p.original_script
        if p.birth_date and len(p.birth_date) == len("1965-03-14"):
            card.add("bday").value = p.birth_date  # vCard 3 has no year- or month-only BDAY
        photo = photos.get(p.id or 0)
        if photo is not None:
            item = card.add("photo")
            item.encoding_param = "b"
            item.type_param = photo.media_type.split("/")[-1].upper()
            item.value = photo.data
        card.add("uid").value = f"liaison-person-{p.id}"
        parts.append(card.serialize())
    return "".join(parts), len(parts)


# ---------------------------------------------------------------- iCalendar


def zone_for(country_code: str | None) -> str:
    """The main time zone of a country (tzdata's zone.tab), Vietnam's by default."""
    if not country_code:
        return DEFAULT_TIMEZONE
    from importlib.resources import files

    table = files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    for line in table.splitlines():
        if line.startswith(country_code.upper() + "\t"):
            return line.split("\t")[2]
    return DEFAULT_TIMEZONE


def calendar(session: Session, kind: RecordKind | None = None) -> tuple[bytes, int]:
    """Delegations' engagements (timed, in their city's zone) and events (all-day)."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar
    from icalendar import Event as VEvent

    cal = Calendar()
    cal.add("prodid", "-//Liaison//Liaison catalog//EN")
    cal.add("version", "2.0")
    count = 0
    cities = {c.id: c for c in session.execute(select(City)).scalars()}
    codes = {c.id: c.code for c in session.execute(select(Country)).scalars()}
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    if kind in (None, RecordKind.DELEGATION, RecordKind.ENGAGEMENT):
        delegations = {d.id: d for d in session.execute(select(Delegation)).scalars()}
        for e in session.execute(select(Engagement).order_by(
                col(Engagement.delegation_id), col(Engagement.sequence))).scalars():
            if e.date is None:
                continue
            delegation = delegations[e.delegation_id]
            city = cities.get(e.city_id or delegation.host_city_id or 0)
            zone = ZoneInfo(zone_for(codes.get(city.country_id) if city else None))
            item = VEvent()
            item.add("uid", f"liaison-engagement-{e.id}")
            item.add("dtstamp", stamp)
            item.add("summary", e.title)
            if e.start_time is not None:
                start = dt.datetime.combine(e.date, e.start_time, zone)
                end_time = e.end_time or (dt.datetime.combine(e.date, e.start_time)
                                          + dt.timedelta(hours=1)).time()
                item.add("dtstart", start)
                item.add("dtend", dt.datetime.combine(e.date, end_time, zone))
            else:
                item.add("dtstart", e.date)
                item.add("dtend", e.date + dt.timedelta(days=1))
            place = ", ".join(p for p in (e.place, city.name if city else None) if p)
            if place:
                item.add("location", place)
            item.add("description", "\n".join(t for t in (delegation.title, e.topics, e.notes)
                                              if t))
            cal.add_component(item)
            count += 1
    if kind in (None, RecordKind.EVENT):
        for ev in session.execute(select(Event).order_by(col(Event.id))).scalars():
            if ev.start_date is None:
                continue
            item = VEvent()
            item.add("uid", f"liaison-event-{ev.id}")
            item.add("dtstamp", stamp)
            item.add("summary", ev.name)
            item.add("dtstart", ev.start_date)
            item.add("dtend", (ev.end_date or ev.start_date) + dt.timedelta(days=1))
            city = cities.get(ev.city_id or 0)
            place = ", ".join(p for p in (ev.venue_note, city.name if city else None) if p)
            if place:
                item.add("location", place)
            if ev.description or ev.theme:
                item.add("description", ev.description or ev.theme)
            cal.add_component(item)
            count += 1
    cal.add_missing_timezones()
    return cal.to_ical(), count
