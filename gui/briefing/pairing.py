"""The pairing profile: two cities, the programme behind them, everything that happened
between them and who was involved on each side."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from db import reads, titles
from db.i18n import N_, _
from db.reads import gifts as gift_reads
from db.rows import Reader
from gui.briefing import fonts, styles
from gui.briefing.blocks import HeadedBlock
from gui.briefing.common import (
    Sheet,
    local_name,
    muted,
    sources_section,
    status_markup,
    title_block,
)
from gui.briefing.delegation import timeline_table
from gui.briefing.gifts import gifts_section
from gui.briefing.overflow import short
from gui.briefing.paragraphs import Paragraph
from gui.briefing.tables import MIN_ROW_SPLIT, SheetTable, facts_table, list_table, table_style
from gui.briefing.text import clean, esc, has, join, label, when

KICKER = N_("Pairing profile")


@dataclass(frozen=True)
class PairingBrief:
    view: reads.PairingView
    city_a: reads.CityFacts
    city_b: reads.CityFacts
    programme: reads.ProgrammeFacts | None
    timeline: tuple[reads.Exchange, ...]
    people: tuple[reads.KeyPerson, ...]
    gifts: tuple[gift_reads.GiftView, ...] = ()

    @property
    def title(self) -> str:
        return f"{clean(self.city_a.name)} – {clean(self.city_b.name)}"


def load(session: Reader, pairing_id: int, *,
         policy: titles.TitlePolicy = titles.DEFAULT_POLICY,
         today: dt.date | None = None) -> PairingBrief | None:
    view = reads.pairing(session, pairing_id)
    if view is None:
        return None
    places = reads.city_facts(session, [view.city_a.id, view.city_b.id])
    items = reads.exchanges(session, view.city_a.id, view.city_b.id, pairing_id=pairing_id)
    return PairingBrief(
        view, places[view.city_a.id], places[view.city_b.id],
        reads.programme_facts(session, view.programme.id if view.programme else None), items,
        reads.key_people(session, view.city_a.id, view.city_b.id, items),
        gift_reads.of_pairing(session, pairing_id))


def story(brief: PairingBrief, sheet: Sheet) -> list[Flowable]:
    st = sheet.st
    v = brief.view
    subtitle = " · ".join(p for p in (esc(label(v.kind)), status_markup(v.status),
                                      esc(when(v.since, None, None))) if p)
    out: list[Flowable] = title_block(sheet, _(KICKER), brief.title, subtitle)
    out.append(_cities(brief, sheet))
    prog = brief.programme
    out.append(Paragraph("", st.body))
    out.append(facts_table([
        (_("Programme"), f"<b>{esc(prog.name)}</b>" if prog else ""),
        (_("Funder"), esc(prog.funder.label) if prog and prog.funder else ""),
        (_("Managed by"), esc(prog.managing_organisation.label)
         if prog and prog.managing_organisation else ""),
        (_("Programme dates"), esc(when(prog.start_date, prog.end_date, prog.date_note))
         if prog else ""),
        (_("Kind"), esc(label(v.kind))),
        (_("Status"), status_markup(v.status)),
        (_("Since"), esc(when(v.since, None, v.date_note))),
        (_("Areas of cooperation"), ", ".join(esc(a) for a in v.areas)),
    ], sheet.width, st))
    if has(v.summary):
        out += sheet.section(_("Summary"), sheet.para(v.summary))
    if prog and has(prog.description):
        out += sheet.section(_("The programme: {name}").format(name=clean(prog.name)),
                             sheet.para(prog.description))
        if has(prog.website):
            out.append(Paragraph(muted(esc(prog.website)), st.small))
    if brief.timeline:
        out += sheet.section(_("Timeline"), timeline_table(sheet, brief.timeline))
    else:
        out += sheet.section(_("Timeline"), Paragraph(muted("<i>{}</i>".format(esc(_(
            "No delegations or events between these cities are recorded yet.")))), st.body))
    out += _people(brief, sheet)
    if sheet.internal:
        out += gifts_section(sheet, brief.gifts)
    out += sources_section(sheet, v.sources)  # the text printed cites them: "[2]"
    return out


def _cities(brief: PairingBrief, sheet: Sheet) -> Table:
    st = sheet.st
    cells = []
    for c in (brief.city_a, brief.city_b):
        lines = [f'<font name="{fonts.BOLD}" size="14">{esc(short(c.name))}</font>']
        local = local_name(c.name, c.local_name)
        if local != short(c.name):
            lines.append(esc(short(c.local_name)))
        place = join([esc(short(c.region)), esc(short(c.country))], ", ")
        if place:
            lines.append(muted(place))
        cells.append(Paragraph("<br/>".join(lines), st.cell))
    gap = 6 * mm
    half = (sheet.width - gap) / 2
    table = SheetTable([[cells[0], Paragraph("", st.cell), cells[1]]],
                       colWidths=[half, gap, half], hAlign="LEFT", splitInRow=MIN_ROW_SPLIT)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, 0), styles.ACCENT_LIGHT),
        ("BACKGROUND", (2, 0), (2, 0), styles.ACCENT_LIGHT),
        ("LINEABOVE", (0, 0), (0, 0), 2.2, styles.ACCENT),
        ("LINEABOVE", (2, 0), (2, 0), 2.2, styles.ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 9),
        ("RIGHTPADDING", (0, 0), (-1, -1), 9),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
        ("LEFTPADDING", (1, 0), (1, 0), 0),
        ("RIGHTPADDING", (1, 0), (1, 0), 0),
    ]))
    return table


def _people(brief: PairingBrief, sheet: Sheet) -> list[Flowable]:
    if not brief.people:
        return []
    st = sheet.st
    out: list[Flowable] = []
    names = (clean(brief.city_a.name), clean(brief.city_b.name))
    for side, caption in ((0, _("On the {city} side").format(city=names[0])),
                          (1, _("On the {city} side").format(city=names[1])),
                          (2, _("Also involved"))):
        group = [k for k in brief.people if k.side == side]
        if not group:
            continue
        rows = []
        for k in group:
            who = f"<b>{esc(k.name)}</b>"
            if has(k.title):
                who += f"<br/>{esc(k.title)}"
            if has(k.organisation) and clean(k.organisation) not in clean(k.title):
                who += f"<br/>{muted(esc(k.organisation))}"
            rows.append([Paragraph(who, st.cell),
                         Paragraph("<br/>".join(esc(i) for i in k.involvement), st.cell_small)])
        widths = [sheet.width * 0.45, sheet.width * 0.55]
        block = HeadedBlock(Paragraph(esc(caption), st.subheading),
                            list_table([_("Person"), _("Involvement")], rows, widths, st))
        out += sheet.section(_("Key people"), block) if not out else [block]
    return out
