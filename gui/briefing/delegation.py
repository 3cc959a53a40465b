"""The delegation briefing: who comes, in order of precedence, with their titles on the
day of the visit; what they do; what came before between the two cities."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from db import dates, precedence, reads, titles
from db.i18n import N_, _, format_number, ngettext
from db.kinds import RecordKind
from db.reads import actions as action_reads
from db.reads import gifts as gift_reads
from db.rows import Reader
from gui.briefing.actions import actions_section
from gui.briefing.common import (
    Sheet,
    local_name,
    muted,
    people_table,
    person_block,
    portrait,
    position_text,
    quiet,
    shared_offices,
    sources_section,
    status_markup,
    title_block,
    titles_day_phrase,
    when_cell,
)
from gui.briefing.gifts import gifts_section
from gui.briefing.overflow import short
from gui.briefing.paragraphs import Paragraph
from gui.briefing.protocol import language_name, logistics, needs_table
from gui.briefing.tables import facts_table, list_table
from gui.briefing.text import (
    clean,
    date_range,
    day,
    esc,
    has,
    join,
    label,
    sentence,
    time_range,
    weekday,
    when,
)

KICKER = N_("Delegation briefing")


@dataclass(frozen=True)
class Counterpart:
    """Someone the delegation meets who is not a member, with what they do in the programme."""

    person: reads.PersonView
    roles: tuple[str, ...]
    main_role: str = "participant"  # the role that places them in the order of precedence


@dataclass(frozen=True)
class DelegationBrief:
    view: reads.DelegationView
    day: dt.date | None
    members: tuple[reads.MemberView, ...]
    counterparts: tuple[Counterpart, ...]
    photos: dict[int, reads.Photo]
    host_city: reads.CityFacts | None
    sending_city: reads.CityFacts | None
    pairing: reads.PairingView | None
    programme: reads.ProgrammeFacts | None
    between: tuple[reads.CityFacts, reads.CityFacts] | None
    earlier: tuple[reads.Exchange, ...]
    shared: dict[int, tuple[titles.SharedOffice, ...]] = field(default_factory=dict)
    policy: titles.TitlePolicy = titles.DEFAULT_POLICY
    gifts: tuple[gift_reads.GiftView, ...] = ()
    actions: tuple[action_reads.ActionView, ...] = ()
    printed: dt.date | None = None

    @property
    def title(self) -> str:
        return clean(self.view.title)


def load(session: Reader, delegation_id: int, *,
         policy: titles.TitlePolicy = titles.DEFAULT_POLICY,
         today: dt.date | None = None) -> DelegationBrief | None:
    view = reads.delegation(session, delegation_id, member_details=False)
    if view is None:
        return None
    on = reads.delegation_day(view)
    members = reads.by_precedence(view.members, on)
    member_ids = {m.person.id for m in members}
    roles: dict[int, list[str]] = defaultdict(list)
    leading: dict[int, str] = {}
    for engagement in view.engagements:
        for ref, role in engagement.participants:
            if ref.id not in member_ids:
                roles[ref.id].append(f"{label(role)}: {clean(engagement.title)}")
                if role == "host" or ref.id not in leading:
                    leading[ref.id] = role
    met = reads.people(session, roles, related=False)
    counterparts = [Counterpart(met[person_id], tuple(dict.fromkeys(person_roles)),
                                leading.get(person_id, "participant"))
                    for person_id, person_roles in roles.items() if person_id in met]
    counterparts = precedence.ordered(counterparts, on, person=lambda c: c.person,
                                      role=lambda c: c.main_role, policy=policy)
    pairing = reads.pairing(session, view.pairing.id) if view.pairing else None
    city_ids = [r.id for r in (view.sending_city, view.host_city) if r]
    if pairing:
        city_ids += [pairing.city_a.id, pairing.city_b.id]
    places = reads.city_facts(session, city_ids)
    between: tuple[reads.CityFacts, reads.CityFacts] | None = None
    if pairing:
        between = (places[pairing.city_a.id], places[pairing.city_b.id])
    elif view.sending_city and view.host_city and view.sending_city.id != view.host_city.id:
        between = (places[view.host_city.id], places[view.sending_city.id])
    earlier: tuple[reads.Exchange, ...] = ()
    if between:
        mine = dates.approximate_date(on, view.date_note)
        earlier = tuple(
            item for item in reads.exchanges(session, between[0].id, between[1].id,
                                              pairing_id=pairing.id if pairing else None)
            if not _same_visit(item, view)
            and (mine is None or item.sort_date is None or item.sort_date < mine))
    return DelegationBrief(
        view=view, day=on, members=members, counterparts=tuple(counterparts),
        photos=reads.photos(session, member_ids | {c.person.id for c in counterparts}),
        host_city=places.get(view.host_city.id) if view.host_city else None,
        sending_city=places.get(view.sending_city.id) if view.sending_city else None,
        pairing=pairing,
        programme=reads.programme_facts(session, pairing.programme.id)
        if pairing and pairing.programme else None,
        between=between, earlier=earlier,
        shared=shared_offices(session, [*(m.person for m in members),
                                        *(c.person for c in counterparts)], on, policy),
        policy=policy,
        gifts=gift_reads.exchanged_with(session, person_ids=member_ids | set(roles),
                                        delegation_id=view.id,
                                        pairing_id=pairing.id if pairing else None),
        actions=action_reads.open_for(session, person_ids=member_ids | set(roles),
                                      pairing_id=pairing.id if pairing else None,
                                      excluding=view.id, before=on),
        printed=today,
    )


def _same_visit(item: reads.Exchange, view: reads.DelegationView) -> bool:
    if item.kind == RecordKind.DELEGATION.value:
        return item.id == view.id
    return view.event is not None and item.id == view.event.id


def subtitle(brief: DelegationBrief) -> str:
    v = brief.view
    place = local_name(brief.host_city.name, brief.host_city.local_name) \
        if brief.host_city else ""
    parts = [esc(when(v.start_date, v.end_date, None)), esc(place), status_markup(v.status)]
    return " · ".join(p for p in parts if p)


def story(brief: DelegationBrief, sheet: Sheet) -> list[Flowable]:
    st = sheet.st
    v = brief.view
    out: list[Flowable] = title_block(sheet, join([_(KICKER), label(v.direction)]), v.title,
                                      subtitle(brief))
    out.append(facts_table(_facts(brief, sheet.internal), sheet.width, st))
    if has(v.purpose):
        out += sheet.section(_("Purpose"), sheet.para(v.purpose))
    out += logistics(sheet, v)  # arrival, departure, contact officers, press
    out += _members(brief, sheet)
    out += _counterparts(brief, sheet)
    people = [*(m.person for m in brief.members), *(c.person for c in brief.counterparts)]
    out += needs_table(sheet, people, [", ".join(language_name(c) for c in p.languages)
                                       for p in people])
    if sheet.internal:  # the office's record of what was promised
        out += actions_section(sheet, brief.actions, brief.printed or dt.date.today())
    out += _programme(brief, sheet)
    if sheet.internal:
        out += _background(brief, sheet)
        if has(v.outcomes):
            out += sheet.section(_("Outcomes"), sheet.para(v.outcomes))
        if has(v.follow_ups):
            out += sheet.section(_("Follow-ups"), sheet.para(v.follow_ups))
        out += gifts_section(sheet, brief.gifts)
    out += sources_section(sheet, v.sources)
    return out


def _facts(brief: DelegationBrief, internal: bool = True) -> list[tuple[str, str]]:
    """The at-a-glance box; the counterpart's copy leaves out the office's remarks (a
    title to confirm, the day titles are read on)."""
    v = brief.view
    frm = v.sending_city.label if v.sending_city else ""
    to = v.host_city.label if v.host_city else ""
    direction = label(v.direction)
    if frm or to:
        direction += ": " + route(frm, to)
    dates = date_range(v.start_date, v.end_date)
    dates_markup = esc(dates)
    if has(v.date_note):
        dates_markup = join([dates_markup, f"<i>{esc(v.date_note)}</i>" if dates
                             else esc(sentence(clean(v.date_note)))], "<br/>")
    host = ""
    if brief.host_city:
        host = join([local_name(brief.host_city.name, brief.host_city.local_name),
                     clean(brief.host_city.country)], ", ")
    head = next((m for m in brief.members if m.role == "head"), None)
    head_markup = ""
    if head:
        shown = head.person.title_standing(brief.day or dt.date.today(), brief.policy)
        title, _org = position_text(shown[0] if shown else None)
        if shown and not shown[1].confirmed:
            title = f"{title} ({shown[1].as_of()})" if title and internal else ""
        head_markup = f"<b>{esc(head.person.display_name)}</b>"
        if title:
            head_markup += f", {esc(title)}"
    dated = [e.date for e in v.engagements if e.date]
    programme = engagements_count(len(v.engagements)) if v.engagements else ""
    if programme and dated:
        programme = _("{engagements}, from {date}").format(engagements=programme,
                                                           date=day(min(dated)))
    basis = titles_basis(v)
    pairing = ""
    if v.pairing:
        pairing = esc(v.pairing.label)
        if brief.pairing and brief.pairing.programme:
            pairing += f" ({esc(brief.pairing.programme.label)})"
    return [
        (_("Direction"), esc(direction)),
        (_("Dates"), dates_markup),
        (_("Sent by"), esc(v.sending_organisation.label) if v.sending_organisation else ""),
        (_("Host city"), esc(host)),
        (_("Head of delegation"), head_markup),
        (_("Members"), esc(people_count(len(brief.members)))
         if brief.members else quiet(_("No members recorded"))),
        (_("Programme"), esc(programme)),
        (_("Pairing"), pairing),
        (_("Event"), esc(v.event.label) if v.event else ""),
        (_("Titles"), f"<i>{esc(basis)}</i>" if internal else ""),
    ]


def people_count(n: int) -> str:
    """``18 people`` / ``18 người``."""
    return ngettext("{count} person", "{count} people", n).format(count=format_number(n))


def engagements_count(n: int) -> str:
    """``4 engagements`` / ``4 hoạt động``."""
    return ngettext("{count} engagement", "{count} engagements", n).format(
        count=format_number(n))


def route(frm: str, to: str) -> str:
    """``from Milan to Hanoi``, either end left out when unknown."""
    if frm and to:
        return _("from {origin} to {destination}").format(origin=frm, destination=to)
    if frm:
        return _("from {origin}").format(origin=frm)
    return _("to {destination}").format(destination=to) if to else ""


def titles_basis(v: reads.DelegationView) -> str:
    """Which day the printed titles are read on (see reads.delegation_day), said plainly."""
    dated = [e.date for e in v.engagements if e.date is not None]
    return titles_day_phrase(v.start_date, min(dated) if dated else None, v.date_note,
                             "visit")


def _members(brief: DelegationBrief, sheet: Sheet) -> list[Flowable]:
    if not brief.members:
        return sheet.section(_("Members"), Paragraph(
            quiet(_("No members are recorded for this delegation.")),
            sheet.st.body))
    rows = []
    for m in brief.members:
        rows.append((portrait(m.person, brief.photos.get(m.person.id), 15 * mm),
                     person_block(sheet, m.person, brief.day, note=m.notes,
                                  shared=brief.shared.get(m.person.id, ())),
                     label(m.role)))
    return sheet.section(_("Members ({count})").format(count=format_number(len(brief.members))),
                         people_table(sheet, rows, diameter=15 * mm, role_width=34 * mm,
                                      plain_roles=True))


def _counterparts(brief: DelegationBrief, sheet: Sheet) -> list[Flowable]:
    if not brief.counterparts:
        return []
    rows = []
    for c in brief.counterparts:
        roles = "<br/>".join(muted(sheet.cell(r, _("Role"))) for r in c.roles)
        rows.append((portrait(c.person, brief.photos.get(c.person.id), 11 * mm),
                     person_block(sheet, c.person, brief.day,
                                  shared=brief.shared.get(c.person.id, ())), roles))
    return sheet.section(_("People they meet"),
                         people_table(sheet, rows, diameter=11 * mm, role_width=62 * mm))


def _programme(brief: DelegationBrief, sheet: Sheet) -> list[Flowable]:
    v = brief.view
    if not v.engagements:
        return []
    st = sheet.st
    rows = []
    for e in v.engagements:
        what = "<b>{}</b>".format(sheet.cell(e.title, _("Engagement")))
        if has(e.topics):
            what += "<br/>" + sheet.cell(e.topics, _("Engagement topics"))
        if e.participants:
            people = ", ".join(f"{esc(ref.label)} ({esc(label(role).lower())})"
                               for ref, role in e.participants)
            what += "<br/>{} {}".format(muted(esc(_("With"))), people)
        if has(e.notes) and sheet.internal:
            what += "<br/><i>{}</i>".format(muted(sheet.cell(e.notes, _("Engagement notes"))))
        where = join([sheet.cell(e.place, _("Place")),
                      esc(short(e.city.label)) if e.city else ""], "<br/>")
        if e.host:
            host = "{} {}".format(muted(esc(_("Host"))), esc(short(e.host.label)))
            where = join([where, host], "<br/>")
        rows.append([Paragraph(f"<b>{esc(weekday(e.date))}</b>" + (
            f"<br/>{esc(time_range(e.start_time, e.end_time))}" if e.start_time else ""),
            st.cell) if e.date
            else Paragraph(quiet(_("Date not given")), st.cell_small),
            Paragraph(what, st.cell), Paragraph(where or "", st.cell)])
    widths = [27 * mm, sheet.width - 27 * mm - 46 * mm, 46 * mm]
    table = list_table([_("When"), _("Engagement"), _("Where")], rows, widths, st)
    return sheet.section(_("Programme ({engagements})").format(
        engagements=engagements_count(len(v.engagements))), table)


def _background(brief: DelegationBrief, sheet: Sheet) -> list[Flowable]:
    st = sheet.st
    out: list[Flowable] = []
    p = brief.pairing
    if p:
        areas = ", ".join(esc(a) for a in p.areas)
        programme = esc(p.programme.label) if p.programme else ""
        if brief.programme and brief.programme.managing_organisation:
            programme += "<br/>{} {}".format(
                muted(esc(_("Managed by"))),
                esc(brief.programme.managing_organisation.label))
        out += sheet.section(_("Background: the pairing"), facts_table([
            (_("Pairing"), f"<b>{esc(p.city_a.label)} – {esc(p.city_b.label)}</b>, "
                           f"{esc(label(p.kind).lower())}"),
            (_("Programme"), programme),
            (_("Since"), esc(sentence(when(p.since, None, p.date_note)))),
            (_("Status"), status_markup(p.status)),
            (_("Areas of cooperation"), areas),
        ], sheet.width, st))
        if has(p.summary):
            out += [Spacer(0, 8), sheet.para(p.summary)]
    if brief.between:
        a, b = brief.between
        title = _("Earlier contacts between {city} and {other}").format(
            city=clean(a.name), other=clean(b.name))
        if not brief.earlier:
            out += sheet.section(title, Paragraph(muted("<i>{}</i>".format(esc(_(
                "No earlier delegations or events between these cities are recorded.")))),
                st.body))
        else:
            out += sheet.section(title, timeline_table(sheet, brief.earlier))
    return out


def timeline_table(sheet: Sheet, items: tuple[reads.Exchange, ...]) -> Flowable:
    st = sheet.st
    rows = []
    for item in items:
        if item.kind == RecordKind.DELEGATION.value:
            kind = _("Delegation")
            detail = join([esc(label(item.direction)),
                           esc(route(clean(item.from_city), clean(item.to_city)))], ", ")
        else:
            kind = _("Event")
            detail = esc(_("in {city}").format(city=clean(item.to_city))) \
                if item.to_city else ""
        what = f"{muted(esc(kind))} <b>{esc(item.title)}</b>"
        if detail:
            what += f"<br/>{muted(detail)}"
        if has(item.summary):
            what += f"<br/>{esc(_short(item.summary))}"
        status = status_markup(item.status) if item.status else ""
        rows.append([when_cell(item.start_date, item.end_date, item.date_note, st),
                     Paragraph(what, st.cell), Paragraph(status, st.cell)])
    widths = [38 * mm, sheet.width - 38 * mm - 26 * mm, 26 * mm]
    return list_table([_("When"), _("What"), _("Status")], rows, widths, st)


def _short(text: str | None, limit: int = 320) -> str:
    value = clean(text)
    if len(value) <= limit:
        return value
    cut = value[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"
