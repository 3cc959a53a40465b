"""The week's programme: what the Upcoming section shows for one week, on paper.

The same read as the screen (``db.reads.agenda``), so the sheet handed round on
Monday morning never says something the app does not. One table per day (time,
what, who, where, status), then what is still to confirm before the week starts.
Words follow the interface language (``--language vi`` prints ``Chương trình
làm việc tuần``); user text is escaped like every sheet's (:func:`esc`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from db import i18n
from db.catalog import Catalog
from db.i18n import _, format_date, ngettext, pgettext
from db.kinds import DelegationStatus
from db.reads.agenda import Agenda, AgendaItem, agenda
from db.vocabulary import value_word
from gui.briefing import styles
from gui.briefing.common import Sheet, caution, muted, title_block
from gui.briefing.document import Metadata, SheetOptions, build_pdf, write_atomic
from gui.briefing.flowables import list_table
from gui.briefing.paragraphs import Paragraph
from gui.briefing.render import new_sheet
from gui.briefing.text import esc

WEEK = 7


def _status(status: str) -> str:
    colour = styles.STATUS_COLOURS.get(status, styles.MUTED).hexval()[2:]
    return f'<font color="#{colour}"><b>{esc(value_word(DelegationStatus, status))}</b></font>'


def _what(item: AgendaItem) -> str:
    if item.kind == "delegation":
        return f"<b>{esc(item.title)}</b>"
    return f"{esc(item.title)}<br/>{muted(esc(item.delegation))}"


def _who(item: AgendaItem) -> str:
    if not item.who:
        return muted(esc(_("to be confirmed"))) if item.kind == "delegation" else ""
    return "<br/>".join(esc(name) for name in item.who)


def story(found: Agenda, sheet: Sheet) -> list[Flowable]:
    st = sheet.st
    period = f"{format_date(found.first, 'long')} – {format_date(found.last, 'long')}"
    count = len(found.items)
    subtitle = esc(" · ".join(x for x in (
        period, ngettext("{n} item", "{n} items", count).format(n=count),
        ngettext("{n} to confirm", "{n} to confirm", len(found.to_confirm)).format(
            n=len(found.to_confirm)) if found.to_confirm else "") if x))
    out: list[Flowable] = title_block(sheet, _("Programme of the week"),
                                      _("Week of {date}").format(
                                          date=format_date(found.first, "long")), subtitle)
    if not found.items:
        out.append(Paragraph(esc(_("Nothing is planned this week.")), st.body))
    widths = _widths(sheet.width)
    header = [_("Time"), _("What"), pgettext("agenda", "Who"), _("Where"), _("Status")]
    for day, items in groupby(found.items, key=lambda item: item.day):
        out.append(sheet.heading(format_date(day, "full")))
        rows = [[esc(i.when), _what(i), _who(i), esc(i.where), _status(i.status)] for i in items]
        out.append(list_table(header, rows, widths, st))
    if found.to_confirm:
        out.append(sheet.heading(_("To confirm")))
        rows = [[esc(format_date(t.day, "medium")), f"<b>{esc(t.label)}</b>",
                 caution(esc(t.text))] for t in found.to_confirm]
        third = sheet.width / 3
        out.append(list_table([_("Day"), _("Record"), _("To confirm")], rows,
                              [24 * mm, third, sheet.width - 24 * mm - third], st))
    return out


def _widths(width: float) -> Sequence[float]:
    time, status = 22 * mm, 24 * mm
    rest = width - time - status
    return [time, rest * 0.38, rest * 0.32, rest * 0.30, status]


def render_week(catalog: Catalog, first: dt.date, options: SheetOptions | None = None,
                days: int = WEEK) -> bytes:
    """The programme of *days* days from *first*, as PDF bytes."""
    opts = options or SheetOptions()
    if not opts.catalog_name:
        opts = dataclasses.replace(opts, catalog_name=catalog.name)
    with catalog.read_session() as session:
        found = agenda(session, first, days)
    with i18n.using(opts.language):  # every word in the printout's language
        title = _("Programme of the week")
        return build_pdf(story(found, new_sheet(opts)), opts,
                         Metadata(f"{title}: {format_date(first, 'long')}", title,
                                  ("agenda", "programme", "week")))


def write_week(catalog: Catalog, first: dt.date, path: Path,
               options: SheetOptions | None = None, days: int = WEEK) -> None:
    """Render and write atomically (the old file or the whole new one)."""
    write_atomic(path, render_week(catalog, first, options, days))
