"""The "Gifts given and received" section of the person, delegation and pairing sheets.

Printed so the next visit never repeats a gift: when, what, who gave it to whom, and
on which visit or event. Each sheet loads its gifts with ``db.reads.gifts`` and adds
this section with one line.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from db.kinds import GiftDirection
from db.reads.gifts import GiftView
from db.vocabulary import value_word
from gui.briefing.common import Sheet, muted, when_cell
from gui.briefing.flowables import list_table
from gui.briefing.text import esc, has, join

TITLE = "Gifts given and received"


def _between(gift: GiftView) -> str:
    """``<b>Given</b><br/>From Nguyễn Đức Chung<br/>To Bruno Angelet``; a side not recorded
    is left out."""
    lines = [f"<b>{esc(value_word(GiftDirection, gift.direction))}</b>"]
    for word, person, body in (("From", gift.giver, gift.giving_body),
                               ("To", gift.recipient, gift.receiving_body)):
        if person is None:
            continue
        name = esc(person.label)
        if body is not None:
            name = join([name, esc(body.label)], ", ")
        lines.append(f"{muted(word)} {name}")
    return "<br/>".join(lines)


def gifts_section(sheet: Sheet, gifts: Sequence[GiftView]) -> list[Flowable]:
    """The section, or nothing when no gift is recorded."""
    if not gifts:
        return []
    st = sheet.st
    rows = []
    for gift in gifts:
        what = f"<b>{sheet.cell(gift.description, 'Gift')}</b>"
        if has(gift.value):
            what += f"<br/>{muted(sheet.cell(gift.value, 'Gift value'))}"
        if has(gift.notes):
            what += f"<br/><i>{muted(sheet.cell(gift.notes, 'Gift notes'))}</i>"
        occasion = gift.delegation or gift.event
        rows.append([when_cell(gift.date, None, None, st), what, _between(gift),
                     sheet.cell(occasion.label, "Occasion") if occasion else ""])
    rest = sheet.width - 27 * mm
    widths = [27 * mm, rest * 0.34, rest * 0.36, rest * 0.30]
    return sheet.section(TITLE, list_table(["When", "Gift", "Between", "Occasion"], rows,
                                           widths, st))
