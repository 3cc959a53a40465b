"""The pairing editor: two cities, the programme, kind and status, areas of cooperation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from db.i18n import _
from db.kinds import RecordKind
from gui.forms.base import RecordForm
from gui.forms.builder import Builder
from gui.forms.pickers import RecordPicker
from gui.forms.rows import RowForm

K = RecordKind


def _area_fields(row: RowForm, b: Builder) -> None:
    row.add(b.picker("area_id", K.COOPERATION_AREA))


class PairingForm(RecordForm):
    kind = K.PAIRING

    def build(self) -> None:
        b = self.builder
        main = self.section(_("Pairing"))
        self.city_a = self.add(main, b.picker("city_a_id", K.CITY))
        self.city_b = self.add(main, b.picker("city_b_id", K.CITY))
        self.add(main, b.picker("programme_id", K.PROGRAMME))
        self.add(main, b.choice(K.PAIRING, "pairing_kind"))
        self.add(main, b.choice(K.PAIRING, "status"))
        when = self.section(_("Since"))
        self.add(when, b.date("since"))
        self.add(when, b.line("date_note", _("Signed during the 2017 visit")))
        about = self.section(_("Summary"))
        self.add(about, b.text("summary", 5))
        self.add_part_tab(b.rows(K.PAIRING, "areas", K.PAIRING_AREA, [("area_id", _("Area"))],
                                 _area_fields))
        self.add_part_tab(b.sources(K.PAIRING))

    def record_label(self, values: Mapping[str, Any]) -> str:
        names = []
        for field in (self.city_a, self.city_b):
            assert isinstance(field, RecordPicker)
            names.append(field.display(values.get(field.name)) if values.get(field.name)
                         else "?")
        return " – ".join(names) if any(n != "?" for n in names) else ""
