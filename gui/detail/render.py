"""What each kind of record shows in the detail pane.

``db.detail_reads.load(session, kind, id)`` runs on the database worker and
returns frozen read objects; ``render(builder, loaded)`` runs on the GUI thread
and only arranges them. Private notes are shown here (they are the office's own notes) but
marked as never printed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from db import reads
from db.detail_reads import Loaded
from db.listing import when
from db.models import RecordKind
from db.reads import Ref
from gui.detail.pane import DetailBuilder
from gui.widgets import avatar


def _label(value: str) -> str:
    return value.replace("_", " ").capitalize()


def _dates(start: dt.date | None, end: dt.date | None, note: str | None) -> str:
    return when(start, end, note)


def _title_state(position: reads.PositionView, day: dt.date) -> str:
    """``current``, ``confirmed (13 June 2017)``, ``as of 13 June 2017``, ``ended``."""
    found = position.standing(day)
    if found is None:
        return "ended" if position.end_date and position.end_date < day else ""
    if found.confirmed:
        return "current" if found.evidence is None else f"confirmed ({found.evidence.phrase})"
    return found.as_of()


def _sources(b: DetailBuilder, sources: tuple[reads.SourceView, ...]) -> None:
    b.items("Sources", [
        (s.title, " · ".join(x for x in (s.publisher or "",
                                          s.published_on.isoformat() if s.published_on else "",
                                          s.url or "") if x))
        for s in sources
    ])


def _person(b: DetailBuilder, p: reads.PersonView, photo: bytes | None) -> None:
    today = dt.date.today()
    shown = p.title_standing(today)  # db.titles: held, attested, or "as of" its evidence
    subtitle = ""
    if shown:
        subtitle = shown[0].label + (f" ({shown[1].as_of()})" if not shown[1].confirmed else "")
    address = p.address_on(today)
    b.header(p.display_name, subtitle, avatar(p.display_name, 72, photo), "Person")
    b.facts([
        ("Form of address",
         address.text + (" (title unconfirmed: not addressed by it)" if address.fallback
                         else "")),
        ("Honorific", p.honorific),
        ("Original script", p.original_script),
        ("Also known as", ", ".join(p.aliases)),
        ("Nationality", p.nationality.label if p.nationality else None),
        ("Languages", ", ".join(p.languages)),
        ("E-mail", p.email),
        ("Phone", p.phone),
    ])
    b.items("Positions", [
        (pos.organisation or pos.title,
         " · ".join(x for x in (pos.title if pos.organisation else "",
                                _dates(pos.start_date, pos.end_date, pos.date_note),
                                _title_state(pos, today)) if x))
        for pos in p.positions
    ])
    b.items("Delegations", [
        (d.ref, " · ".join(x for x in (_label(d.role), _dates(d.date, None, d.date_note)) if x))
        for d in p.delegations
    ])
    b.items("Events", [
        (e.ref, " · ".join(x for x in (_label(e.role), _dates(e.date, None, e.date_note)) if x))
        for e in p.events
    ])
    b.paragraph("Biography", p.biography)
    b.paragraph("Protocol notes", p.protocol_notes)
    b.paragraph("Private notes (never printed)", p.private_notes)
    _sources(b, p.sources)


def _delegation(b: DetailBuilder, d: reads.DelegationView) -> None:
    b.header(d.title, _dates(d.start_date, d.end_date, d.date_note), kind_label="Delegation")
    b.facts([
        ("Direction", _label(d.direction)),
        ("Status", _label(d.status)),
        ("From", d.sending_city or d.sending_organisation),
        ("Sent by", d.sending_organisation if d.sending_city else None),
        ("Host city", d.host_city),
        ("Pairing", d.pairing),
        ("Event", d.event),
    ])
    b.paragraph("Purpose", d.purpose)
    day = reads.delegation_day(d) or dt.date.today()
    members = []
    for m in d.members:
        held = m.person.title_on(day)
        detail = " · ".join(x for x in (_label(m.role), held.label if held else "", m.notes or "")
                            if x)
        members.append((Ref(RecordKind.PERSON.value, m.person.id, m.person.display_name), detail))
    b.items("Members", members)
    programme = []
    for e in d.engagements:
        when_text = " ".join(x for x in (
            e.date.isoformat() if e.date else "",
            e.start_time.strftime("%H:%M") if e.start_time else "") if x)
        place = ", ".join(x for x in (e.place or "", e.host.label if e.host else "",
                                      e.city.label if e.city else "") if x)
        people = ", ".join(ref.label for ref, _ in e.participants)
        programme.append((e.title, " · ".join(x for x in (when_text, place, people) if x)))
    b.items("Programme", programme)
    b.paragraph("Outcomes", d.outcomes)
    b.paragraph("Follow-ups", d.follow_ups)
    _sources(b, d.sources)


def _pairing(b: DetailBuilder, p: reads.PairingView,
             timeline: tuple[reads.Exchange, ...]) -> None:
    b.header(f"{p.city_a.label} – {p.city_b.label}",
             " · ".join(x for x in (_label(p.kind), _label(p.status)) if x), kind_label="Pairing")
    b.facts([
        ("Cities", [p.city_a, p.city_b]),
        ("Programme", p.programme),
        ("Since", p.since.isoformat() if p.since else p.date_note),
        ("Areas of cooperation", ", ".join(p.areas)),
    ])
    b.paragraph("Summary", p.summary)
    entries = []
    for item in timeline:
        route = " → ".join(x for x in (item.from_city or "", item.to_city or "") if x)
        detail = " · ".join(x for x in (
            _dates(item.start_date, item.end_date, item.date_note),
            _label(item.direction) + " delegation" if item.direction else "Event",
            route, _label(item.status) if item.status else "") if x)
        entries.append((Ref(item.kind, item.id, item.title), detail))
    b.items("Timeline", entries)
    _sources(b, p.sources)


def _organisation(b: DetailBuilder, o: reads.OrganisationView) -> None:
    b.header(o.name, o.acronym or "", kind_label=_label(o.kind))
    b.facts([
        ("Part of", o.parent),
        ("City", o.city),
        ("Country", o.country.label if o.country else None),
        ("Website", o.website),
        ("Parts", o.parts),
    ])
    b.paragraph("Notes", o.notes)
    b.items("People", [
        (h.person, " · ".join(x for x in (h.title, _dates(h.start_date, h.end_date, h.date_note),
                                          "" if h.current else "former") if x))
        for h in o.people
    ])
    b.items("Events", [(ref, _label(role)) for ref, role in o.events])
    b.items("Delegations sent", [(ref, "") for ref in o.delegations])
    b.items("Programmes", [(ref, "") for ref in o.programmes])
    _sources(b, o.sources)


def _city(b: DetailBuilder, c: reads.CityView) -> None:
    b.header(c.name, c.local_name or "", kind_label="City")
    position = (f"{c.latitude:.4f}, {c.longitude:.4f}"
                if c.latitude is not None and c.longitude is not None else None)
    b.facts([
        ("Also called", ", ".join(c.aliases)),
        ("Country", c.country.label if c.country else None),
        ("Region", c.region),
        ("Coordinates", position),
    ])
    b.items("Pairings", [(ref, "") for ref in c.pairings])
    b.items("Delegations", [(ref, "") for ref in c.delegations])
    b.items("Events", [(ref, "") for ref in c.events])
    b.items("Organisations", [(ref, "") for ref in c.organisations])
    _sources(b, c.sources)


def _programme(b: DetailBuilder, p: reads.ProgrammeView) -> None:
    b.header(p.name, _dates(p.start_date, p.end_date, p.date_note), kind_label="Programme")
    b.facts([
        ("Funder", p.funder),
        ("Managed by", p.managing_organisation),
        ("Website", p.website),
    ])
    b.paragraph("Description", p.description)
    b.items("Pairings", [(ref, "") for ref in p.pairings])
    _sources(b, p.sources)


def _event(b: DetailBuilder, e: reads.EventView) -> None:
    b.header(e.name, _dates(e.start_date, e.end_date, e.date_note), kind_label="Event")
    b.facts([
        ("City", e.city),
        ("Venue", e.venue or e.venue_note),
        ("Theme", e.theme),
        ("Series", e.series),
        ("Attendance", f"{e.attendance:,}" if e.attendance is not None else None),
        ("Figures", e.figures),
    ])
    b.paragraph("Description", e.description)
    b.items("Organisers", [(ref, _label(role)) for ref, role in e.organisers])
    day = reads.event_day(e) or dt.date.today()
    speakers = []
    for person, role, notes in e.participants:
        held = person.title_on(day)
        speakers.append((Ref(RecordKind.PERSON.value, person.id, person.display_name),
                         " · ".join(x for x in (_label(role), held.label if held else "",
                                                notes or "") if x)))
    b.items("Speakers and guests", speakers)
    b.items("Sessions", [
        (title, " · ".join(x for x in (_label(kind), day_.isoformat() if day_ else "",
                                       notes or "") if x))
        for title, kind, day_, notes in e.sessions
    ])
    _sources(b, e.sources)


def _history(b: DetailBuilder, changes: tuple[Any, ...]) -> None:
    if not changes:
        return
    from gui.forms.history import ChangeHistoryView

    table = ChangeHistoryView()
    table.set_changes(changes)
    rows = min(len(changes), 8)
    table.setFixedHeight(table.horizontalHeader().height()
                         + rows * table.verticalHeader().defaultSectionSize() + 4)
    b.section("Change history", len(changes))
    b.widget(table)


def render(b: DetailBuilder, loaded: Loaded) -> None:
    view = loaded.view
    if loaded.kind == RecordKind.PERSON.value:
        _person(b, view, loaded.extra)
    elif loaded.kind == RecordKind.DELEGATION.value:
        _delegation(b, view)
    elif loaded.kind == RecordKind.PAIRING.value:
        _pairing(b, view, loaded.extra or ())
    elif loaded.kind == RecordKind.ORGANISATION.value:
        _organisation(b, view)
    elif loaded.kind == RecordKind.CITY.value:
        _city(b, view)
    elif loaded.kind == RecordKind.PROGRAMME.value:
        _programme(b, view)
    elif loaded.kind == RecordKind.EVENT.value:
        _event(b, view)
    _history(b, loaded.changes)
    b.finish()
