"""The event sheet: when and where, who organises, the sessions, and the speakers with
the titles they held at the time of the event."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from db import reads, titles
from db.i18n import N_, _, format_number, ngettext
from db.rows import Reader
from gui.briefing.common import (
    Sheet,
    local_name,
    muted,
    people_table,
    person_block,
    portrait,
    quiet,
    shared_offices,
    sources_section,
    title_block,
    titles_day_phrase,
    when_cell,
)
from gui.briefing.delegation import people_count
from gui.briefing.paragraphs import Paragraph
from gui.briefing.protocol import language_name, needs_table
from gui.briefing.tables import facts_table, list_table
from gui.briefing.text import clean, date_range, esc, has, join, label, sentence

KICKER = N_("Event briefing")


@dataclass(frozen=True)
class EventBrief:
    view: reads.EventView
    day: dt.date | None
    city: reads.CityFacts | None
    photos: dict[int, reads.Photo]
    shared: dict[int, tuple[titles.SharedOffice, ...]] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return clean(self.view.name)


def load(session: Reader, event_id: int, *,
         policy: titles.TitlePolicy = titles.DEFAULT_POLICY,
         today: dt.date | None = None) -> EventBrief | None:
    view = reads.event(session, event_id)
    if view is None:
        return None
    on = reads.event_day(view)
    place = reads.city_facts(session, [view.city.id]).get(view.city.id) if view.city else None
    return EventBrief(view, on, place,
                      reads.photos(session, [p.id for p, _, _ in view.participants]),
                      shared_offices(session, [p for p, _, _ in view.participants], on,
                                     policy))


def story(brief: EventBrief, sheet: Sheet) -> list[Flowable]:
    st = sheet.st
    v = brief.view
    place = local_name(brief.city.name, brief.city.local_name) if brief.city else ""
    venue = clean(v.venue.label) if v.venue else clean(v.venue_note)
    subtitle = " · ".join(p for p in (esc(date_range(v.start_date, v.end_date)), esc(place),
                                      esc(venue)) if p)
    out: list[Flowable] = title_block(sheet, _(KICKER), v.name, subtitle)
    dates = esc(date_range(v.start_date, v.end_date))
    if has(v.date_note):
        note = esc(sentence(clean(v.date_note)))
        dates = join([dates, f"<i>{note}</i>" if dates else note], "<br/>")
    venue_markup = esc(v.venue.label) if v.venue else ""
    if has(v.venue_note):
        venue_markup = join([venue_markup, esc(v.venue_note)], "<br/>")
    organisers = "<br/>".join(f"<b>{esc(ref.label)}</b> {muted(esc(label(role).lower()))}"
                              for ref, role in v.organisers)
    city = ""
    if brief.city:
        city = join([local_name(brief.city.name, brief.city.local_name),
                     clean(brief.city.country)], ", ")
    titles = titles_basis(v)
    out.append(facts_table([
        (_("Series"), esc(v.series)),
        (_("Dates"), dates),
        (_("City"), esc(city)),
        (_("Venue"), venue_markup),
        (_("Theme"), "<b>{}</b>".format(sheet.cell(v.theme, _("Theme"))) if has(v.theme)
         else ""),
        (_("Organisers"), organisers),
        (_("Attendance"), esc(format_number(v.attendance)) if v.attendance is not None
         else ""),
        (_("Speakers and guests"), esc(people_count(len(v.participants)))
         if v.participants else ""),
        (_("Titles"), f"<i>{esc(titles)}</i>" if v.participants and sheet.internal else ""),
    ], sheet.width, st))
    if has(v.description):
        out += sheet.section(_("About the event"), sheet.para(v.description))
    if has(v.figures):
        out += sheet.section(_("Figures"), sheet.para(v.figures))
    out += _sessions(brief, sheet)
    out += _participants(brief, sheet)
    people = [person for person, _role, _notes in v.participants]  # their needs: internal
    out += needs_table(sheet, people, [", ".join(language_name(c) for c in p.languages)
                                       for p in people])
    out += sources_section(sheet, v.sources)
    return out


def titles_basis(v: reads.EventView) -> str:
    """Which day the speakers' titles are read on (see reads.event_day), said plainly."""
    dated = [s[2] for s in v.sessions if s[2] is not None]
    return titles_day_phrase(v.start_date, min(dated) if dated else None, v.date_note,
                             "event")


def _sessions(brief: EventBrief, sheet: Sheet) -> list[Flowable]:
    sessions = brief.view.sessions
    if not sessions:
        return []
    st = sheet.st
    rows = []
    previous_notes = ""
    for title, kind, day_, notes in sessions:
        markup = "<b>{}</b>".format(sheet.cell(title, _("Session")))
        # Consecutive sessions often share one note ("titles not given"): print it once.
        if has(notes) and clean(notes) != previous_notes and sheet.internal:
            markup += "<br/>" + sheet.cell(notes, _("Session notes"))
        previous_notes = clean(notes)
        rows.append([when_cell(day_, None, None, st) if day_
                     else Paragraph(quiet(_("Date not given")), st.cell_small),
                     Paragraph(markup, st.cell), Paragraph(esc(label(kind)), st.cell)])
    widths = [30 * mm, sheet.width - 30 * mm - 26 * mm, 26 * mm]
    count = ngettext("{count} session", "{count} sessions", len(sessions)).format(
        count=format_number(len(sessions)))
    return sheet.section(_("Programme ({sessions})").format(sessions=count),
                         list_table([_("When"), _("Session"), _("Kind")], rows, widths, st))


def _participants(brief: EventBrief, sheet: Sheet) -> list[Flowable]:
    people = brief.view.participants  # in the order of precedence (db.precedence)
    if not people:
        return []
    rows = [(portrait(person, brief.photos.get(person.id), 13 * mm),
             person_block(sheet, person, brief.day, note=notes,
                          shared=brief.shared.get(person.id, ())), label(role))
            for person, role, notes in people]
    return sheet.section(_("Speakers and guests"),
                         people_table(sheet, rows, diameter=13 * mm, role_width=34 * mm,
                                      plain_roles=True))

