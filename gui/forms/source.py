"""Editors for sources, and for the small reference lists: countries, areas of cooperation."""

from __future__ import annotations

from db.i18n import _
from db.kinds import RecordKind
from gui.forms.base import RecordForm

K = RecordKind


class SourceForm(RecordForm):
    kind = K.SOURCE

    def build(self) -> None:
        b = self.builder
        main = self.section(_("Source"))
        self.add(main, b.line("title", "Work Meeting in Vietnam"))
        self.add(main, b.line("publisher", "EU World Cities"))
        self.add(main, b.line("url", "https://…"))
        self.add(main, b.date("published_on"))
        self.add(main, b.line("language", "en, vi…"))
        about = self.section(_("Summary"))
        self.add(about, b.text("summary", 6))


class CooperationAreaForm(RecordForm):
    kind = K.COOPERATION_AREA

    def build(self) -> None:
        b = self.builder
        main = self.section(_("Area of cooperation"))
        self.add(main, b.line("name", "Smart city"))
        self.add(main, b.text("description", 4))


class CountryForm(RecordForm):
    kind = K.COUNTRY

    def build(self) -> None:
        b = self.builder
        main = self.section(_("Country"))
        self.add(main, b.line("code", "VN"), _("ISO code"))
        self.add(main, b.line("name", "Vietnam"))
