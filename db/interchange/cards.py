"""Address books, calendars and Popolo files read into rows.

vCards (3.0 and 4.0, as Outlook, Google Contacts and phones write them) are
read by vobject, calendars by icalendar, Popolo JSON (persons, organizations,
memberships, posts) by ``json``. Each becomes :class:`~db.interchange.rows.Incoming`
rows, so the same matching and checks apply as to a spreadsheet. Row numbers
are the card's, event's or person's position in the file, counted from 1.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Any

from db.folding import nfc
from db.i18n import N_
from db.interchange.rows import Incoming
from db.interchange.tables import FileProblem
from db.said import say


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = " ".join(str(v) for v in value if v)
    text = nfc(str(value)).strip()
    return text or None


def _raw_photos(text: str) -> list[str | None]:
    """Each card's PHOTO value as written. vobject cuts a vCard 4 data URI at its comma
    (``data:image/png;base64,...``), so the value is taken from vobject's own line parser."""
    import io

    from vobject.base import getLogicalLines, parseLine

    photos: list[str | None] = []
    for line, _number in getLogicalLines(io.StringIO(text)):
        name, _params, value, _group = parseLine(line)
        if name.upper() == "BEGIN" and value.upper() == "VCARD":
            photos.append(None)
        elif name.upper() == "PHOTO" and photos and photos[-1] is None:
            photos[-1] = value
    return photos


def _photo(card: Any, raw: str | None) -> tuple[bytes, str] | None:
    """The card's photo as (bytes, media type): v3 base64 with TYPE, or a v4 data URI."""
    item = getattr(card, "photo", None)
    if item is None:
        return None
    value = raw if raw and raw.startswith("data:") else item.value
    media = "image/jpeg"
    if isinstance(value, str):
        if not value.startswith("data:"):
            return None  # a link to a photo elsewhere: nothing to keep offline
        header, _, payload = value.partition(",")
        media = header[5:].split(";")[0] or media
        try:
            value = base64.b64decode(payload)
        except binascii.Error:
            return None
    else:
        kinds = item.params.get("TYPE") or item.params.get("MEDIATYPE") or []
        if kinds:
            kind = str(kinds[0]).lower()
            media = kind if "/" in kind else f"image/{kind}"
    return bytes(value), media


def read_vcards(raw: bytes) -> list[Incoming]:
    import vobject

    from db.interchange.tables import decode

    text, _ = decode(raw)
    rows: list[Incoming] = []
    try:
        cards = list(vobject.readComponents(text))
    except Exception as exc:  # vobject raises its own ParseError and ValueError
        raise FileProblem(say(N_("not a readable vCard file ({error})"), error=exc)) from None
    raw_photos = _raw_photos(text)
    for number, card in enumerate(cards, start=1):
        if card.name != "VCARD":
            continue
        values: dict[str, Any] = {}
        name = getattr(card, "n", None)
        if name is not None and _text(name.value.family):
            values["family_name"] = _text(name.value.family)
            given = " ".join(p for p in (_text(name.value.given),
                                         _text(name.value.additional)) if p)
            if given:
                values["given_names"] = given
            if _text(name.value.prefix):
                values["honorific"] = _text(name.value.prefix)
        elif getattr(card, "fn", None) is not None:
            values["full_name"] = _text(card.fn.value)
        for field_name, attribute in (("title", "title"), ("email", "email"),
                                      ("phone", "tel"), ("notes", "note")):
            item = getattr(card, attribute, None)
            if item is not None and _text(item.value):
                values[field_name] = _text(item.value)
        org = getattr(card, "org", None)
        if org is not None and _text(org.value):
            values["organisation"] = _text(org.value)
        bday = getattr(card, "bday", None)
        birthday = _text(bday.value) if bday is not None else None
        if birthday and not birthday.startswith(("--", "1604")):  # no year (vCard 4, Apple)
            values["birth_date"] = birthday
        adr = getattr(card, "adr", None)
        if adr is not None and _text(adr.value.city):
            values["city"] = _text(adr.value.city)
        photo = _photo(card, raw_photos[number - 1] if number <= len(raw_photos) else None)
        if photo is not None:
            values["photo"] = photo
        rows.append(Incoming(number, values, {k: k for k in values}))
    if not rows:
        raise FileProblem(say(N_("the file holds no vCards")))
    return rows


def read_calendar(raw: bytes) -> list[Incoming]:
    """Events of an iCalendar file; an all-day event's DTEND (the day after) is made its
    last day, a timed event's dates are taken in its own time zone."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(raw)
    except ValueError as exc:
        raise FileProblem(say(N_("not a readable calendar ({error})"), error=exc)) from None
    rows: list[Incoming] = []
    for number, event in enumerate(calendar.walk("VEVENT"), start=1):
        values: dict[str, Any] = {}
        if _text(event.get("SUMMARY")):
            values["name"] = _text(event.get("SUMMARY"))
        start = event.decoded("DTSTART") if event.get("DTSTART") is not None else None
        end = event.decoded("DTEND") if event.get("DTEND") is not None else None
        if isinstance(start, dt.datetime):
            values["start_date"] = start.date()
            if isinstance(end, dt.datetime):
                values["end_date"] = end.date()
        elif isinstance(start, dt.date):
            values["start_date"] = start
            if isinstance(end, dt.date):
                values["end_date"] = max(start, end - dt.timedelta(days=1))
        if _text(event.get("LOCATION")):
            values["venue_note"] = _text(event.get("LOCATION"))
        if _text(event.get("DESCRIPTION")):
            values["description"] = _text(event.get("DESCRIPTION"))
        rows.append(Incoming(number, values, {k: k.upper() for k in values}))
    if not rows:
        raise FileProblem(say(N_("the calendar holds no events")))
    return rows


def read_popolo(data: dict[str, Any]) -> tuple[list[Incoming], list[Incoming]]:
    """(organisations, people) of a Popolo document; memberships become positions."""
    organisations: dict[str, str] = {}
    org_rows: list[Incoming] = []
    for number, org in enumerate(data.get("organizations") or [], start=1):
        name = _text(org.get("name"))
        if not name:
            continue
        organisations[str(org.get("id") or name)] = name
        values: dict[str, Any] = {"name": name}
        others = [o.get("name") for o in org.get("other_names") or [] if o.get("name")]
        if others:
            values["acronym"] = _text(others[0])
        rows_parent = org.get("parent_id")
        if rows_parent:
            values["_parent"] = str(rows_parent)
        org_rows.append(Incoming(number, values, {k: k for k in values}))
    for row in org_rows:
        parent = row.values.pop("_parent", None)
        if parent in organisations:
            row.values["parent"] = organisations[parent]
            row.columns["parent"] = "parent_id"
    posts = {str(p.get("id")): p for p in data.get("posts") or []}
    memberships: dict[str, list[dict[str, Any]]] = {}
    for membership in data.get("memberships") or []:
        post = posts.get(str(membership.get("post_id")), {})
        org_id = str(membership.get("organization_id") or post.get("organization_id") or "")
        memberships.setdefault(str(membership.get("person_id")), []).append({
            "title": _text(membership.get("role") or membership.get("label")
                           or post.get("label")),
            "organisation": organisations.get(org_id),
            "start_date": membership.get("start_date") or None,
            "end_date": membership.get("end_date") or None,
        })
    people: list[Incoming] = []
    for number, person in enumerate(data.get("persons") or [], start=1):
        values = {}
        for ours, theirs in (("family_name", "family_name"), ("given_names", "given_name"),
                             ("honorific", "honorific_prefix"), ("email", "email"),
                             ("birth_date", "birth_date"), ("biography", "biography"),
                             ("nationality", "national_identity")):
            if _text(person.get(theirs)):
                values[ours] = _text(person.get(theirs))
        if "family_name" not in values and _text(person.get("name")):
            values["full_name"] = _text(person.get("name"))
        for detail in person.get("contact_details") or []:
            if detail.get("type") in ("voice", "cell", "phone") and "phone" not in values:
                values["phone"] = _text(detail.get("value"))
            if detail.get("type") == "email" and "email" not in values:
                values["email"] = _text(detail.get("value"))
        positions = [
            {**m, "start_date": _date(m["start_date"]), "end_date": _date(m["end_date"])}
            for m in memberships.get(str(person.get("id")), []) if m["title"]]
        if positions:
            values["positions"] = positions
        people.append(Incoming(number, values, {k: k for k in values}))
    return org_rows, people


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
