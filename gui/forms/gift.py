"""The gift editor: what was given or received, between whom, on which visit or event.

The register exists so the next visit never repeats a gift: the description and
the people (or bodies) on each side are what a sheet prints; value and notes are
for the office.
"""

from __future__ import annotations

from db.i18n import _
from db.kinds import RecordKind
from gui.forms.base import RecordForm

K = RecordKind


class GiftForm(RecordForm):
    kind = K.GIFT

    def build(self) -> None:
        b = self.builder
        main = self.section(_("Gift"))
        self.add(main, b.line("description", _("Lacquer painting of Hoàn Kiếm Lake")))
        self.add(main, b.choice(K.GIFT, "direction"), _("Given or received"))
        self.add(main, b.date("date"))
        who = self.section(_("Between"))
        self.add(who, b.picker("from_person_id", K.PERSON), _("From (person)"))
        self.add(who, b.picker("from_organisation_id", K.ORGANISATION))
        self.add(who, b.picker("to_person_id", K.PERSON), _("To (person)"))
        self.add(who, b.picker("to_organisation_id", K.ORGANISATION))
        occasion = self.section(_("Occasion"))
        self.add(occasion, b.picker("delegation_id", K.DELEGATION))
        self.add(occasion, b.picker("event_id", K.EVENT))
        about = self.section(_("Value and notes"))
        self.add(about, b.line("value", _("About 2,000,000 VND")))
        self.add(about, b.text("notes", 3))
