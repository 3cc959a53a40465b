"""The "Open actions from earlier meetings" section of the person and delegation sheets.

What was promised at an earlier meeting with the same people, and is not done yet:
the officer raises it (or reports on it) before the other side does. Each sheet
loads its items with ``db.reads.actions.open_for`` and adds this section with one line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from db.i18n import N_, _
from db.reads.actions import ActionView
from gui.briefing.common import Sheet, caution, muted
from gui.briefing.flowables import list_table
from gui.briefing.paragraphs import Paragraph
from gui.briefing.text import day as day_text
from gui.briefing.text import esc, has, join

TITLE = N_("Open actions from earlier meetings")  # translated where it is printed


def _due(action: ActionView, printed: dt.date, sheet: Sheet) -> Flowable:
    if action.due_date is None:
        return Paragraph("<i>{}</i>".format(muted(esc(_("No due date")))), sheet.st.cell_small)
    markup = f"<b>{esc(day_text(action.due_date))}</b>"
    if action.overdue(printed):
        markup += "<br/>" + caution("<b>{}</b>".format(esc(_("overdue"))))
    return Paragraph(markup, sheet.st.cell)


def actions_section(sheet: Sheet, actions: Sequence[ActionView],
                    printed: dt.date) -> list[Flowable]:
    """The section, or nothing when no earlier promise is still open."""
    if not actions:
        return []
    rows = []
    for action in actions:
        what = "<b>{}</b>".format(sheet.cell(action.what, _("Action")))
        if has(action.notes):
            what += "<br/><i>{}</i>".format(muted(sheet.cell(action.notes, _("Action notes"))))
        who = esc(action.who.label) if action.who else muted("<i>{}</i>".format(
            esc(_("not assigned"))))
        if action.counterpart is not None:
            who += "<br/>" + esc(_("for {name}")).format(name=esc(action.counterpart.label))
        meeting = action.engagement or action.delegation
        agreed = join([esc(meeting.label) if meeting else "",
                       muted(esc(day_text(action.agreed_on))) if action.agreed_on else ""],
                      "<br/>")
        rows.append([_due(action, printed, sheet), what, who, agreed])
    rest = sheet.width - 27 * mm
    widths = [27 * mm, rest * 0.40, rest * 0.28, rest * 0.32]
    header = [_("Due"), _("Action"), _("Who"), _("Agreed at")]
    return sheet.section(_(TITLE), list_table(header, rows, widths, sheet.st))
