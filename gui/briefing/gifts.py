"""The "Gifts given and received" section of the person, delegation and pairing sheets.

Printed so the next visit never repeats a gift: when, what, who gave it to whom, and
on which visit or event. Each sheet loads its gifts with ``db.reads.gifts`` and adds
this section with one line.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from db.i18n import N_, _, pgettext
from db.kinds import GiftDirection
from db.reads.gifts import GiftView
from db.vocabulary import value_word
from gui.briefing.common import Sheet, muted, when_cell
from gui.briefing.flowables import list_table
from gui.briefing.text import esc, has, join

TITLE = N_("Gifts given and received")  # translated where it is printed


def _between(gift: GiftView) -> str:
    """``<b>Given</b><br/>From Nguyễn Đức Chung<br/>To Bruno Angelet``; a side not recorded
    is left out."""
    lines = [f"<b>{esc(value_word(GiftDirection, gift.direction))}</b>"]
    for word, person, body in ((pgettext("gift", "From"), gift.giver, gift.giving_body),
                               (pgettext("gift", "To"), gift.recipient, gift.receiving_body)):
        if person is None:
            continue
        name = esc(person.label)
        if body is not None:
            name = join([name, esc(body.label)], ", ")
        lines.append(f"{muted(esc(word))} {name}")
    return "<br/>".join(lines)


def gifts_section(sheet: Sheet, gifts: Sequence[GiftView]) -> list[Flowable]:
    """The section, or nothing when no gift is recorded."""
    if not gifts:
        return []
    st = sheet.st
    rows = []
    for gift in gifts:
        what = "<b>{}</b>".format(sheet.cell(gift.description, _("Gift")))
        if has(gift.value):
            what += "<br/>" + muted(sheet.cell(gift.value, _("Gift value")))
        if has(gift.notes):
            what += "<br/><i>{}</i>".format(muted(sheet.cell(gift.notes, _("Gift notes"))))
        occasion = gift.delegation or gift.event
        rows.append([when_cell(gift.date, None, None, st), what, _between(gift),
                     sheet.cell(occasion.label, _("Occasion")) if occasion else ""])
    rest = sheet.width - 27 * mm
    widths = [27 * mm, rest * 0.34, rest * 0.36, rest * 0.30]
    header = [_("When"), _("Gift"), _("Between"), _("Occasion")]
    return sheet.section(_(TITLE), list_table(header, rows, widths, st))
