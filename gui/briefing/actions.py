"""The "Open actions from earlier meetings" section of the person and delegation sheets.

What was promised at an earlier meeting with the same people, and is not done yet:
the officer raises it (or reports on it) before the other side does. Each sheet
loads its items with ``db.reads.actions.open_for`` and adds this section with one line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from db.reads.actions import ActionView
from gui.briefing.common import Sheet, caution, muted
from gui.briefing.flowables import list_table
from gui.briefing.text import day as day_text
from gui.briefing.text import esc, has, join

TITLE = "Open actions from earlier meetings"


def _due(action: ActionView, printed: dt.date, sheet: Sheet) -> Flowable:
    if action.due_date is None:
        return Paragraph(f"<i>{muted('No due date')}</i>", sheet.st.cell_small)
    markup = f"<b>{esc(day_text(action.due_date))}</b>"
    if action.overdue(printed):
        markup += "<br/>" + caution("<b>overdue</b>")
    return Paragraph(markup, sheet.st.cell)


def actions_section(sheet: Sheet, actions: Sequence[ActionView],
                    printed: dt.date) -> list[Flowable]:
    """The section, or nothing when no earlier promise is still open."""
    if not actions:
        return []
    rows = []
    for action in actions:
        what = f"<b>{sheet.cell(action.what, 'Action')}</b>"
        if has(action.notes):
            what += f"<br/><i>{muted(sheet.cell(action.notes, 'Action notes'))}</i>"
        who = esc(action.who.label) if action.who else muted("<i>not assigned</i>")
        if action.counterpart is not None:
            who += f"<br/>{muted('for')} {esc(action.counterpart.label)}"
        meeting = action.engagement or action.delegation
        agreed = join([esc(meeting.label) if meeting else "",
                       muted(esc(day_text(action.agreed_on))) if action.agreed_on else ""],
                      "<br/>")
        rows.append([_due(action, printed, sheet), what, who, agreed])
    rest = sheet.width - 27 * mm
    widths = [27 * mm, rest * 0.40, rest * 0.28, rest * 0.32]
    return sheet.section(TITLE, list_table(["Due", "Action", "Who", "Agreed at"], rows,
                                           widths, sheet.st))
