"""The person editor: names in the right order, contact, notes, photo, positions, sources."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from db.i18n import _, pgettext
from db.kinds import RecordKind
from db.names_parse import NameSplit
from gui.forms.base import RecordForm
from gui.forms.builder import Builder
from gui.forms.fields import PhoneField
from gui.forms.names import NameField, NameSplitOffer, watch_for_pasted_names
from gui.forms.partial_date import PartialDateField
from gui.forms.protocol import person_protocol
from gui.forms.rows import RowForm
from gui.photos import PhotoField

if TYPE_CHECKING:
    from db.ops import Draft

K = RecordKind


def _position_fields(row: RowForm, b: Builder) -> None:
    row.add(b.line("title", "Chairman of the Hanoi People's Committee"))
    row.add(b.line("title_vi", "Chủ tịch UBND TP Hà Nội"))
    row.add(b.picker("organisation_id", K.ORGANISATION))
    row.add(b.line("address_title", _("Chairman (for “Chairman Chung”)")))
    row.add(b.line("address_title_vi", "Chủ tịch"))
    row.add(b.date("start_date"))
    row.add(b.date("end_date"), _("To (empty: still held)"))
    row.add(b.line("date_note", _("In office on 2017-06-13 (source)")))
    row.add(b.number("rank", width_chars=6), _("Rank (1 = most senior)"))


class PersonForm(RecordForm):
    kind = K.PERSON

    def build(self) -> None:
        b = self.builder
        top = QHBoxLayout()
        left = QVBoxLayout()
        names = self.section(_("Name"), left)
        self.add(names, b.line("honorific", _("H.E., Mr, Mrs, Dr…")))
        self.given = NameField("given_names", placeholder="Đức Chung")
        self.family = NameField("family_name", placeholder="Nguyễn")
        self.add(names, self.given)
        self.add(names, self.family)
        self.add(names, b.choice(K.PERSON, "name_order"))
        self.add(names, b.choice(K.PERSON, "address_by"))
        self.add(names, b.line("form_of_address", _("Only if not “title + name”")))
        self.add(names, b.line("original_script", _("The name in its own script")))
        self.add(names, b.items("aliases", _("Nicknames, other spellings: Ba Dũng, …")),
                 _("Also known as"))
        self.split_offer = NameSplitOffer(self)
        names.addRow(self.split_offer)
        # A whole name pasted into "Family name" is always worth an offer; in "Given names"
        # only when there is more than given names in it ("Thị Hoàng Yến" stays as typed).
        watch_for_pasted_names([self.family], self.split_offer)
        watch_for_pasted_names([self.given], self.split_offer, lambda split: bool(
            split.honorific or split.title or split.name_order == "family_first"))
        self.split_offer.accepted.connect(self.apply_split)
        top.addLayout(left, 1)
        self.photo = PhotoField()
        self.fields.add(None, self.photo)
        photo_column = QVBoxLayout()
        photo_column.addWidget(self.photo)
        photo_column.addStretch(1)
        top.addLayout(photo_column)
        self.details_layout.addLayout(top)

        contact = self.section(_("Contact"))
        self.add(contact, b.country("nationality_id"))
        self.add(contact, PartialDateField("birth_date"))
        self.add(contact, b.line("email", "name@example.org"))
        self.add(contact, PhoneField("phone"))
        notes = self.section(_("Notes"))
        self.add(notes, b.text("biography", 5))
        self.add(notes, b.text("private_notes", 3, _("Never printed")))

        self.positions = self.add_part_tab(b.rows(
            K.PERSON, "positions", K.POSITION,
            [("title", pgettext("position", "Title")), ("organisation_id", _("Organisation")),
             ("start_date", _("From")), ("end_date", _("To")), ("rank", _("Rank")),
             ("address_title", _("Address title"))],
            _position_fields))
        person_protocol(self)
        self.add_part_tab(b.sources(K.PERSON))

    def _set_base(self, draft: Draft) -> None:
        super()._set_base(draft)
        if hasattr(self, "split_offer"):
            self.split_offer.hide()  # an offer about text that is no longer there

    def apply_split(self, split: NameSplit) -> None:
        """Fill the name fields from an accepted split (one change, like typing)."""
        values: dict[str, Any] = {"given_names": split.given_names,
                                  "family_name": split.family_name,
                                  "name_order": split.name_order,
                                  "address_by": split.address_by}
        if split.honorific:
            values["honorific"] = split.honorific
        if split.aliases:
            known = list(self.fields.fields["aliases"].value() or [])
            values["aliases"] = known + [a for a in split.aliases if a not in known]
        suggestion = split.form_of_address()
        if suggestion and not self.fields.fields["form_of_address"].value():
            values["form_of_address"] = suggestion
        for name, value in values.items():
            self.fields.fields[name].set_value(value)

    def record_label(self, values: Mapping[str, Any]) -> str:
        from db.names import display_name

        return display_name(values.get("given_names"), values.get("family_name") or "",
                            values.get("name_order") or "given_first")
