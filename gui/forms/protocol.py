"""The Protocol tab of the person and delegation editors: what a protocol briefing
says beyond names and titles (compare the US Chief of Protocol's guide to working with
foreign dignitaries).

A person: how the name is said, how it is written on letters and place cards (the
spoken form of address stays on the Details tab, beside the name it is made from),
languages and interpreting, dietary requirements, protocol notes. A delegation: arrival
and departure, the hotel, the contact officer on each side (a person in the catalog,
or only typed details, or both) and the press.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from db.i18n import _
from db.kinds import RecordKind

if TYPE_CHECKING:
    from gui.forms.base import RecordForm


def protocol_page(form: RecordForm) -> QVBoxLayout:
    """A new "Protocol" tab after Details; sections go into the layout returned."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(8, 8, 8, 8)
    column.setSpacing(10)
    form.chrome.add_tab(page, _("Protocol"))
    return column


def person_protocol(form: RecordForm) -> None:
    b = form.builder
    column = protocol_page(form)
    name = form.section(_("Name and address"), column)
    form.add(name, b.line("pronunciation", _("How the name is said: NGWEN dook CHOONG")))
    form.add(name, b.text("written_address", 2, _(
        "On letters and place cards: His Excellency Mr Nguyễn Đức Chung, Chairman of the "
        "Hanoi People's Committee")))
    care = form.section(_("Languages and meals"), column)
    form.add(care, b.items("languages", "vi, en, fr"))
    form.add(care, b.line("interpreter", _("Needs a Vietnamese–English interpreter")))
    form.add(care, b.line("dietary", _("Vegetarian; no shellfish")))
    notes = form.section(_("Notes"), column)
    form.add(notes, b.text("protocol_notes", 3, _("Printed on briefing sheets")))
    column.addStretch(1)


def delegation_protocol(form: RecordForm) -> None:
    b = form.builder
    column = protocol_page(form)
    travel = form.section(_("Arrival and departure"), column)
    form.add(travel, b.text("arrival", 2, _("Flight, day and time, airport; who meets them")))
    form.add(travel, b.text("departure", 2, _("Flight, day and time, airport; who sees "
                                              "them off")))
    form.add(travel, b.line("accommodation", _("Hotel")))
    contacts = form.section(_("Contact officers"), column)
    form.add(contacts, b.picker("our_contact_id", RecordKind.PERSON))
    form.add(contacts, b.line("our_contact_details", _("Name, phone, e-mail if not "
                                                       "recorded")))
    form.add(contacts, b.picker("their_contact_id", RecordKind.PERSON))
    form.add(contacts, b.line("their_contact_details", _("Name, phone, e-mail if not "
                                                         "recorded")))
    press = form.section(_("Press"), column)
    form.add(press, b.text("press", 3, _("Media coverage, press arrangements")))
    column.addStretch(1)
