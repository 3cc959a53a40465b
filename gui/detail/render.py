"""What each kind of record shows in the detail pane.

``db.detail_reads.load(session, kind, id)`` runs on the database worker and
returns frozen read objects; ``render(builder, loaded)`` runs on the GUI thread
and only arranges them. Private notes are shown here (they are the office's own notes) but
marked as never printed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from db import partial_dates, reads
from db.detail_reads import Loaded
from db.folding import fold
from db.i18n import _, format_date, format_number, format_time
from db.kinds import (
    DelegationStatus,
    Direction,
    EngagementRole,
    EventRole,
    MemberRole,
    OrganisationKind,
    OrganiserRole,
    PairingKind,
    PairingStatus,
    SessionKind,
)
from db.models import RecordKind
from db.reads import Ref
from db.vocabulary import value_word
from gui.detail.history import HistorySection
from gui.detail.pane import DetailBuilder
from gui.detail.protocol import delegation_protocol, person_protocol
from gui.detail.registers import confirm_buttons, render_actions, render_gifts
from gui.widgets import avatar


def _day(day: dt.date | None) -> str:
    """A date as the interface language writes it (``13 Jun 2017``, ``13 thg 6, 2017``)."""
    return format_date(day, "medium") if day else ""


def _dates(start: dt.date | None, end: dt.date | None, note: str | None) -> str:
    """A day, a span of days, or the article's own words when undated."""
    if start is None:
        return note or ""
    if end is None or end == start:
        return _day(start)
    return f"{_day(start)} – {_day(end)}"


def _said(text: str) -> str:
    """What a part says, for telling repeats apart: folded words only."""
    return " ".join(re.findall(r"\w+", fold(text)))


def once(parts: Iterable[str], sep: str = " · ") -> str:
    """The non-empty parts, each fact once: a part whose words an earlier part already
    says is left out (a member's note repeating their title, a host that is the place)."""
    kept: list[str] = []
    for part in parts:
        said = _said(part)
        if said and not any(f" {said} " in f" {_said(earlier)} " for earlier in kept):
            kept.append(part)
    return sep.join(kept)


def _joined(*parts: str) -> str:
    """The parts of an entry's detail line, each fact once, separated by middle dots."""
    return once(parts)


def _title_state(position: reads.PositionView, day: dt.date) -> str:
    """``current``, ``confirmed (13 June 2017)``, ``as of 13 June 2017``, ``ended``."""
    found = position.standing(day)
    if found is None:
        return _("ended") if position.end_date and position.end_date < day else ""
    if found.confirmed:
        return (_("current") if found.evidence is None
                else _("confirmed ({date})").format(date=found.evidence.phrase))
    return found.as_of()


def _sources(b: DetailBuilder, sources: tuple[reads.SourceView, ...]) -> None:
    """Numbered as the record's text cites them ("[2]") and as its briefing lists them;
    each with its publisher and date, its link opened after a question."""
    if not sources:
        return
    b.section(_("Sources"), len(sources))
    for number, s in enumerate(sources, start=1):
        b.source(f"{number}. {s.title}", _joined(s.publisher or "", _day(s.published_on)), s.url)


def _person(b: DetailBuilder, p: reads.PersonView, photo: bytes | None) -> None:
    today = dt.date.today()
    shown = p.title_standing(today)  # db.titles: held, attested, or "as of" its evidence
    subtitle = ""
    if shown:
        subtitle = shown[0].label + (f" ({shown[1].as_of()})" if not shown[1].confirmed else "")
    address = p.address_on(today)
    b.header(p.display_name, subtitle, avatar(p.display_name, 72, photo), _("Person"))
    b.facts([
        (_("Form of address"),
         address.text + (_(" (title unconfirmed: not addressed by it)") if address.fallback
                         else "")),
        (_("Honorific"), p.honorific),
        (_("Original script"), p.original_script),
        (_("Also known as"), ", ".join(p.aliases)),
        (_("Nationality"), p.nationality.label if p.nationality else None),
        (_("Born"), partial_dates.phrase(p.birth_date) or None),
        (_("Languages"), ", ".join(p.languages)),
        (_("E-mail"), p.email),
        (_("Phone"), p.phone),
    ])
    person_protocol(b, p)
    b.items(_("Positions"), [
        (pos.organisation or pos.title,
         " · ".join(x for x in (pos.title if pos.organisation else "",
                                _dates(pos.start_date, pos.end_date, pos.date_note),
                                _title_state(pos, today)) if x))
        for pos in p.positions
    ])
    confirm_buttons(b, p, today)
    b.items(_("Delegations"), [
        (d.ref, _joined(value_word(MemberRole, d.role), _dates(d.date, None, d.date_note)))
        for d in p.delegations
    ])
    b.items(_("Events"), [
        (e.ref, _joined(value_word(EventRole, e.role), _dates(e.date, None, e.date_note)))
        for e in p.events
    ])
    b.paragraph(_("Biography"), p.biography)
    b.paragraph(_("Protocol notes"), p.protocol_notes)
    b.paragraph(_("Private notes (never printed)"), p.private_notes)
    _sources(b, p.sources)


def _delegation(b: DetailBuilder, d: reads.DelegationView) -> None:
    b.header(d.title, _dates(d.start_date, d.end_date, d.date_note), kind_label=_("Delegation"))
    b.facts([
        (_("Direction"), value_word(Direction, d.direction)),
        (_("Status"), value_word(DelegationStatus, d.status)),
        (_("From"), d.sending_city or d.sending_organisation),
        (_("Sent by"), d.sending_organisation if d.sending_city else None),
        (_("Host city"), d.host_city),
        (_("Pairing"), d.pairing),
        (_("Event"), d.event),
    ])
    b.paragraph(_("Purpose"), d.purpose)
    day = reads.delegation_day(d) or dt.date.today()
    members = []
    for m in d.members:
        held = m.person.title_on(day)
        detail = _joined(value_word(MemberRole, m.role), held.label if held else "", m.notes or "")
        members.append((Ref(RecordKind.PERSON.value, m.person.id, m.person.display_name), detail))
    b.items(_("Members"), members)
    programme = []
    for e in d.engagements:  # each meeting a link: it opens, edits and deletes on its own
        people = ", ".join(ref.label for ref, _ in e.participants)
        programme.append((Ref(RecordKind.ENGAGEMENT.value, e.id, e.title),
                          " · ".join(x for x in (_when(e), _where(e), people) if x)))
    b.items(_("Programme"), programme)
    b.paragraph(_("Outcomes"), d.outcomes)
    b.paragraph(_("Follow-ups"), d.follow_ups)
    delegation_protocol(b, d)
    _sources(b, d.sources)


def _when(e: reads.EngagementView) -> str:
    start = format_time(e.start_time) if e.start_time else ""
    end = format_time(e.end_time) if e.end_time else ""
    return " ".join(x for x in (_day(e.date), "–".join(x for x in (start, end) if x)) if x)


def _where(e: reads.EngagementView) -> str:
    """Place, host, city: each once (a host that is the place is said once)."""
    return once((e.place or "", e.host.label if e.host else "", e.city.label if e.city else ""),
                ", ")


def _engagement(b: DetailBuilder, m: reads.MeetingView) -> None:
    """A meeting opened on its own (from search or its delegation's programme)."""
    e = m.item
    b.header(m.title, _when(e), kind_label=_("Meeting"))
    b.facts([
        (_("Delegation"), m.delegation),
        (_("Place"), e.place),
        (_("Host"), e.host),
        (_("City"), e.city),
    ])
    b.items(_("Participants"), [(ref, value_word(EngagementRole, role))
                                for ref, role in e.participants])
    b.paragraph(_("Topics"), e.topics)
    b.paragraph(_("Notes"), e.notes)
    _sources(b, m.sources)


def _pairing(b: DetailBuilder, p: reads.PairingView,
             timeline: tuple[reads.Exchange, ...]) -> None:
    b.header(f"{p.city_a.label} – {p.city_b.label}",
             " · ".join(x for x in (value_word(PairingKind, p.kind),
                                    value_word(PairingStatus, p.status)) if x),
             kind_label=_("Pairing"))
    b.facts([
        (_("Cities"), [p.city_a, p.city_b]),
        (_("Programme"), p.programme),
        (_("Since"), _day(p.since) if p.since else p.date_note),
        (_("Areas of cooperation"), ", ".join(p.areas)),
    ])
    b.paragraph(_("Summary"), p.summary)
    entries = []
    for item in timeline:
        route = " → ".join(x for x in (item.from_city or "", item.to_city or "") if x)
        detail = " · ".join(x for x in (
            _dates(item.start_date, item.end_date, item.date_note),
            (_("{direction} delegation").format(direction=value_word(Direction, item.direction))
             if item.direction else _("Event")),
            route, value_word(DelegationStatus, item.status) if item.status else "") if x)
        entries.append((Ref(item.kind, item.id, item.title), detail))
    b.items(_("Timeline"), entries)
    _sources(b, p.sources)


def _organisation(b: DetailBuilder, o: reads.OrganisationView) -> None:
    b.header(o.name, o.acronym or "", kind_label=value_word(OrganisationKind, o.kind))
    b.facts([
        (_("Part of"), o.parent),
        (_("City"), o.city),
        (_("Country"), o.country.label if o.country else None),
        (_("Website"), o.website),
        (_("Parts"), o.parts),
    ])
    b.paragraph(_("Notes"), o.notes)
    b.items(_("People"), [
        (h.person, " · ".join(x for x in (h.title, _dates(h.start_date, h.end_date, h.date_note),
                                          "" if h.current else _("former")) if x))
        for h in o.people
    ])
    b.items(_("Events"), [(ref, value_word(OrganiserRole, role)) for ref, role in o.events])
    b.items(_("Delegations sent"), [(ref, "") for ref in o.delegations])
    b.items(_("Programmes"), [(ref, "") for ref in o.programmes])
    _sources(b, o.sources)


def _city(b: DetailBuilder, c: reads.CityView) -> None:
    b.header(c.name, c.local_name or "", kind_label=_("City"))
    position = (f"{c.latitude:.4f}, {c.longitude:.4f}"
                if c.latitude is not None and c.longitude is not None else None)
    b.facts([
        (_("Also called"), ", ".join(c.aliases)),
        (_("Country"), c.country.label if c.country else None),
        (_("Region"), c.region),
        (_("Coordinates"), position),
    ])
    b.items(_("Pairings"), [(ref, "") for ref in c.pairings])
    b.items(_("Delegations"), [(ref, "") for ref in c.delegations])
    b.items(_("Events"), [(ref, "") for ref in c.events])
    b.items(_("Organisations"), [(ref, "") for ref in c.organisations])
    _sources(b, c.sources)


def _programme(b: DetailBuilder, p: reads.ProgrammeView) -> None:
    b.header(p.name, _dates(p.start_date, p.end_date, p.date_note), kind_label=_("Programme"))
    b.facts([
        (_("Funder"), p.funder),
        (_("Managed by"), p.managing_organisation),
        (_("Website"), p.website),
    ])
    b.paragraph(_("Description"), p.description)
    b.items(_("Pairings"), [(ref, "") for ref in p.pairings])
    _sources(b, p.sources)


def _event(b: DetailBuilder, e: reads.EventView) -> None:
    b.header(e.name, _dates(e.start_date, e.end_date, e.date_note), kind_label=_("Event"))
    b.facts([
        (_("City"), e.city),
        (_("Venue"), e.venue or e.venue_note),
        (_("Theme"), e.theme),
        (_("Series"), e.series),
        (_("Attendance"), format_number(e.attendance) if e.attendance is not None else None),
        (_("Figures"), e.figures),
    ])
    b.paragraph(_("Description"), e.description)
    b.items(_("Organisers"), [(ref, value_word(OrganiserRole, role)) for ref, role in e.organisers])
    day = reads.event_day(e) or dt.date.today()
    speakers = []
    for person, role, notes in e.participants:
        held = person.title_on(day)
        speakers.append((Ref(RecordKind.PERSON.value, person.id, person.display_name),
                         _joined(value_word(EventRole, role), held.label if held else "",
                                 notes or "")))
    b.items(_("Speakers and guests"), speakers)
    b.items(_("Sessions"), [
        (title, " · ".join(x for x in (value_word(SessionKind, kind), _day(day_),
                                       notes or "") if x))
        for title, kind, day_, notes in e.sessions
    ])
    _sources(b, e.sources)


def _history(b: DetailBuilder, changes: tuple[Any, ...]) -> None:
    """Folded by default, one line per save (gui.detail.history)."""
    if changes:
        b.widget(HistorySection(changes))


def render(b: DetailBuilder, loaded: Loaded) -> None:
    view = loaded.view
    if loaded.kind == RecordKind.PERSON.value:
        _person(b, view, loaded.extra)
    elif loaded.kind == RecordKind.DELEGATION.value:
        _delegation(b, view)
    elif loaded.kind == RecordKind.ENGAGEMENT.value:
        _engagement(b, view)
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
    render_actions(b, loaded)
    render_gifts(b, loaded)
    _history(b, loaded.changes)
    b.finish()
