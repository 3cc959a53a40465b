"""The bio sheet: how to name and address someone, what they hold now and held before,
where the office has met them. Private notes are never read here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from db import dates, reads, titles
from db.i18n import N_, _, pgettext
from db.kinds import NameOrder
from db.reads import actions as action_reads
from db.reads import gifts as gift_reads
from db.rows import Reader
from gui.briefing import fonts, styles
from gui.briefing.actions import actions_section
from gui.briefing.address import address_on
from gui.briefing.address import honorific as address_honorific
from gui.briefing.common import (
    Sheet,
    caution,
    muted,
    original_script,
    period,
    portrait,
    position_text,
    sources_section,
    when_cell,
)
from gui.briefing.gifts import gifts_section
from gui.briefing.paragraphs import Paragraph
from gui.briefing.protocol import (
    language_name,
    person_protocol,
    pronunciation_row,
    written_address_row,
)
from gui.briefing.tables import MIN_ROW_SPLIT, SheetTable, facts_table, list_table, table_style
from gui.briefing.text import clean, esc, has, join, label

KICKER = N_("Bio sheet")


@dataclass(frozen=True)
class PersonBrief:
    view: reads.PersonView
    photo: reads.Photo | None
    organisations: dict[int, reads.OrganisationInfo]
    meetings: tuple[reads.Attendance, ...]
    today: dt.date
    shared: tuple[titles.SharedOffice, ...] = ()
    policy: titles.TitlePolicy = titles.DEFAULT_POLICY
    gifts: tuple[gift_reads.GiftView, ...] = ()
    actions: tuple[action_reads.ActionView, ...] = ()

    @property
    def title(self) -> str:
        return clean(self.view.display_name)


def load(session: Reader, person_id: int, *, today: dt.date | None = None,
         policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> PersonBrief | None:
    return load_many(session, [person_id], today=today, policy=policy).get(person_id)


def load_many(session: Reader, person_ids: Iterable[int], *, today: dt.date | None = None,
              policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> dict[int, PersonBrief]:
    """The bio sheets' facts of many people, in a fixed number of queries (one sheet is
    a batch of one): ``brief person --all`` reads a thousand people as it reads one.
    People who do not exist are left out."""
    found = reads.people(session, person_ids)
    if not found:
        return {}
    wanted = sorted(found)
    on = today or dt.date.today()
    orgs = reads.organisations_info(
        session, [p.organisation.id for v in found.values() for p in v.positions
                  if p.organisation])
    photos = reads.photos(session, wanted)
    meetings = reads.engagements_of_people(session, wanted)
    shared = titles.shared_offices_of(session, {i: v.positions for i, v in found.items()},
                                      on, policy)
    gifts = gift_reads.of_people(session, wanted)
    actions = action_reads.open_for_each(session, wanted)
    return {i: PersonBrief(v, photos.get(i), _own(orgs, v), meetings.get(i, ()), on,
                           tuple(shared.get(i, ())), policy, gifts.get(i, ()),
                           actions.get(i, ()))
            for i, v in found.items()}


def _own(orgs: dict[int, reads.OrganisationInfo],
         view: reads.PersonView) -> dict[int, reads.OrganisationInfo]:
    """The organisations of *view*'s positions among a batch's."""
    return {p.organisation.id: orgs[p.organisation.id] for p in view.positions
            if p.organisation and p.organisation.id in orgs}


def _script_markup(text: str | None) -> str:
    """The name in its own script; when the bundled font cannot print it (Chinese,
    Japanese, Korean), say so rather than print empty boxes or nothing."""
    if not has(text):
        return ""
    printable = original_script(text)
    if printable:
        return esc(printable)
    return muted("<i>{}</i>".format(esc(_(
        "Recorded in the catalog; the sheet's font cannot print this script."))))


def name_order_text(view: reads.PersonView) -> str:
    given, family = clean(view.given_names), clean(view.family_name)
    if view.name_order == NameOrder.MONONYM or not given:
        return _("Known by one name: {name}").format(name=f"<b>{esc(family or given)}</b>")
    if view.name_order == NameOrder.FAMILY_FIRST:
        text = _("Family name first. Family name {family}; given names {given}") \
            if " " in given else _("Family name first. Family name {family}; given name {given}")
    else:
        text = _("Given name first. Family name {family}; given names {given}") \
            if " " in given else _("Given name first. Family name {family}; given name {given}")
    return esc(text).format(family=f"<b>{esc(family)}</b>", given=f"<b>{esc(given)}</b>")


def story(brief: PersonBrief, sheet: Sheet) -> list[Flowable]:
    st = sheet.st
    v = brief.view
    out: list[Flowable] = [_header(brief, sheet), Spacer(0, 8)]
    internal = sheet.internal
    address = address_on(v, brief.today, brief.policy)
    address_markup = f"<b>{esc(address.text)}</b>" if has(address.text) else ""
    if address.fallback:
        address_markup += " " + caution("<i>{}</i>".format(esc(_(
            "(not from the title: no source confirms it for today)"))))
    out.append(facts_table([
        (_("Name"), name_order_text(v)),
        pronunciation_row(sheet, v),
        (_("Original script"), _script_markup(v.original_script)),
        (_("Form of address"), address_markup if internal else ""),
        written_address_row(sheet, v),
        (_("Honorific"), sheet.cell(address_honorific(v.honorific), _("Honorific"))),
        (_("Nationality"), esc(v.nationality.label) if v.nationality else ""),
        (_("Languages"), esc(", ".join(language_name(c) for c in v.languages))),
        (_("E-mail"), sheet.cell(v.email, _("E-mail")) if internal else ""),
        (_("Phone"), sheet.cell(v.phone, _("Phone")) if internal else ""),
    ], sheet.width, st))
    if internal:
        out += _to_confirm(brief, sheet)
        out += actions_section(sheet, brief.actions, brief.today)
        out += person_protocol(sheet, v)  # interpreting, diet, protocol notes
    if has(v.biography):
        out += sheet.section(_("Biography"), sheet.para(v.biography))
    out += _positions(brief, sheet)
    if internal:
        out += _participation(sheet, _("Delegations"), _("Delegation"), v.delegations)
        out += _meetings(brief, sheet)
        out += _participation(sheet, _("Events"), _("Event"), v.events)
        out += gifts_section(sheet, brief.gifts)
    out += sources_section(sheet, v.sources)  # the text printed cites them: "[2]"
    return out


def _header(brief: PersonBrief, sheet: Sheet) -> Table:
    st = sheet.st
    v = brief.view
    current = v.title_standing(brief.today, brief.policy)
    if current and not current[1].confirmed and not sheet.internal:
        current = None  # the counterpart's copy never prints a title to confirm
    title, org = position_text(current[0] if current else None)
    cut = sheet.overflow.markup
    lines = [Paragraph(esc(_(KICKER).upper()), st.kicker),
             Paragraph(cut(v.display_name, _("Name"), 300), st.title)]
    script = original_script(v.original_script)
    if script:
        lines.append(Paragraph(cut(script, _("Name in original script"), 300), st.subtitle))
    if title and current:
        as_of = current[1].as_of()
        title_cut = cut(title, pgettext("position", "Title"), 300)
        org_cut = cut(org, _("Organisation"), 300) if org else ""
        lines.append(Paragraph(f'<font name="{fonts.BOLD}">{title_cut}</font>'
                               + (f" {caution(f'<i>({esc(as_of)})</i>')}" if as_of else "")
                               + (f"<br/>{org_cut}" if org_cut else ""),
                               st.subtitle))
    elif sheet.internal:  # the counterpart's copy says nothing of a title not confirmed
        lines.append(Paragraph("<i>{}</i>".format(esc(_("No current title recorded"))),
                               st.subtitle))
    diameter = 30 * mm
    table = SheetTable([[portrait(v, brief.photo, diameter), lines]],
                       colWidths=[diameter + 8 * mm, sheet.width - diameter - 8 * mm],
                       hAlign="LEFT", splitInRow=MIN_ROW_SPLIT)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def _organisation_markup(brief: PersonBrief, ref: reads.Ref | None) -> str:
    """The organisation, with its acronym, kind, place and parent body on a quiet line."""
    if ref is None:
        return ""
    info = brief.organisations.get(ref.id)
    if info is None:
        return esc(ref.label)
    name = esc(info.name)
    if has(info.acronym) and clean(info.acronym) not in clean(info.name):
        name += f" ({esc(info.acronym)})"
    details = join([esc(label(info.org_kind)), esc(info.city), esc(info.country)], ", ")
    if info.parent:
        details = join([details, esc(_("part of {organisation}").format(
            organisation=clean(info.parent)))], "; ")
    return join([name, muted(details)], "<br/>")


def _positions(brief: PersonBrief, sheet: Sheet) -> list[Flowable]:
    v = brief.view
    if not v.positions:
        return []
    st = sheet.st
    rows = []
    for p in sorted(v.positions, key=_position_order):
        when = esc(period(p.start_date, p.end_date, None))
        found = p.standing(brief.today, brief.policy)
        if found is not None and not found.confirmed and not sheet.internal:
            continue  # the counterpart's copy lists only what is confirmed or dated
        if found is not None and found.confirmed:
            state = _("current") if found.state is titles.TitleState.HELD else _("confirmed")
            when = join([when, f'<font color="#{styles.ACCENT.hexval()[2:]}"><b>'
                               f'{esc(state)}</b></font>'], "<br/>")
        attested = titles.attestations(p.attested_on)
        if attested and sheet.internal:
            when = join([when, esc(_("Attested {dates}").format(
                dates=", ".join(a.phrase for a in attested)))], "<br/>")
        if found is not None and not found.confirmed:
            when = join([when, caution("<i>{}</i>".format(esc(_("not confirmed for today"))))],
                        "<br/>")
        if has(p.date_note) and sheet.internal:
            when += f"<br/><i>{muted(esc(p.date_note))}</i>"
        rows.append([Paragraph(when or muted("<i>{}</i>".format(esc(_("Dates not recorded")))),
                               st.cell_small),
                     Paragraph("<b>{}</b>".format(sheet.cell(p.title, _("Position"))), st.cell),
                     Paragraph(_organisation_markup(brief, p.organisation), st.cell)])
    if not rows:
        return []
    rest = sheet.width - 40 * mm
    return sheet.section(_("Positions"), list_table(
        [_("Period"), pgettext("position", "Title"), _("Organisation")], rows,
        [40 * mm, rest * 0.5, rest * 0.5], st))


def _position_order(p: reads.PositionView) -> tuple[dt.date, int]:
    """Latest first (by start, else latest attestation); same-day posts by rank."""
    attested = titles.attestations(p.attested_on)
    latest = p.start_date or (attested[-1].last if attested else None) or dt.date.min
    return (dt.date.max - (latest - dt.date.min), p.rank)  # newest first, then senior first


def _to_confirm(brief: PersonBrief, sheet: Sheet) -> list[Flowable]:
    """What the officer must check before the meeting: titles no source confirms for
    today, someone else recorded in the same office, a form of address that fell back."""
    v = brief.view
    items: list[str] = []
    for position, standing in v.unconfirmed_on(brief.today, brief.policy):
        title, org = position_text(position)
        items.append(esc(_("{title}: {as_of}; confirm it is still held.")).format(
            title=f"<b>{esc(title)}</b>" + (f", {esc(org)}" if org else ""),
            as_of=esc(standing.as_of())))
    for other in brief.shared:
        held = next((p for p in v.positions if p.id == other.position_id), None)
        what = esc(held.title) if held else esc(_("this office"))
        if other.standing.confirmed:
            text = _("{name} is also recorded as {title} (holds it on the day): check who "
                     "holds the office now.")
        else:
            text = _("{name} is also recorded as {title} (recorded {as_of}): check who "
                     "holds the office now.")
        items.append(esc(text).format(name=f"<b>{esc(other.name)}</b>", title=what,
                                      as_of=esc(other.standing.as_of())))
    address = address_on(v, brief.today, brief.policy)
    if address.fallback:
        items.append(esc(_("Form of address: {address} is used because the title is not "
                           "confirmed; confirm the title to address by it.")).format(
            address=f"<b>{esc(address.text)}</b>"))
    if not items:
        return []
    rows = [[Paragraph("☐" if fonts.covers("☐") else "–", sheet.st.cell),
             Paragraph(item, sheet.st.cell)] for item in items]
    table = SheetTable(rows, colWidths=[6 * mm, sheet.width - 6 * mm], hAlign="LEFT",
                       splitInRow=MIN_ROW_SPLIT)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return sheet.section(_("To confirm before the meeting"), table)


def _participation(sheet: Sheet, title: str, one: str,
                   items: tuple[reads.Participation, ...]) -> list[Flowable]:
    if not items:
        return []
    st = sheet.st
    ordered = sorted(items, key=lambda i: (dates.approximate_date(i.date, i.date_note)
                                           or dt.date.max, i.ref.label))
    rows = [[when_cell(i.date, None, i.date_note, st),
             Paragraph(sheet.cell(i.ref.label, one), st.cell),
             Paragraph(esc(label(i.role)), st.cell)] for i in ordered]
    widths = [40 * mm, sheet.width - 40 * mm - 32 * mm, 32 * mm]
    return sheet.section(title, list_table([_("When"), one, _("Role")], rows, widths, st))


def _meetings(brief: PersonBrief, sheet: Sheet) -> list[Flowable]:
    if not brief.meetings:
        return []
    st = sheet.st
    rows = [[when_cell(m.date, None, None if m.date else m.delegation_date_note, st),
             Paragraph("<b>{}</b><br/>{}".format(
                 sheet.cell(m.title, _("Meeting")),
                 muted(sheet.cell(m.delegation.label, _("Delegation")))), st.cell),
             Paragraph(esc(label(m.role)), st.cell)] for m in brief.meetings]
    widths = [40 * mm, sheet.width - 40 * mm - 32 * mm, 32 * mm]
    return sheet.section(_("Meetings"), list_table([_("When"), _("Meeting"), _("Role")], rows,
                                                   widths, st))
