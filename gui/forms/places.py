"""Editors for organisations, cities and programmes."""

from __future__ import annotations

from db.i18n import _
from db.kinds import RecordKind
from gui.forms.base import RecordForm

K = RecordKind


class OrganisationForm(RecordForm):
    kind = K.ORGANISATION

    def build(self) -> None:
        b = self.builder
        main = self.section(_("Organisation"))
        self.add(main, b.line("name", "Hanoi People's Committee"))
        self.add(main, b.line("name_vi", "UBND TP Hà Nội"))
        self.add(main, b.line("acronym", "UBND"))
        self.add(main, b.choice(K.ORGANISATION, "org_kind"))
        self.add(main, b.picker("parent_id", K.ORGANISATION), _("Part of"))
        where = self.section(_("Where"))
        self.add(where, b.picker("city_id", K.CITY))
        self.add(where, b.country("country_id"))
        self.add(where, b.line("website", "https://…"))
        notes = self.section(_("Notes"))
        self.add(notes, b.text("notes", 5))
        self.add_part_tab(b.sources(K.ORGANISATION))


class CityForm(RecordForm):
    kind = K.CITY

    def build(self) -> None:
        b = self.builder
        main = self.section(_("City"))
        self.add(main, b.line("name", "Hanoi"))
        self.add(main, b.line("name_vi", "Hà Nội"))
        self.add(main, b.line("local_name", "Hà Nội"))
        self.add(main, b.items("aliases", "Saigon, HCMC"), _("Also called"))
        self.add(main, b.country("country_id"))
        self.add(main, b.line("region", "Red River Delta"))
        where = self.section(_("Location"))
        self.add(where, b.number("latitude", decimals=True, width_chars=12))
        self.add(where, b.number("longitude", decimals=True, width_chars=12))
        self.add_part_tab(b.sources(K.CITY))


class ProgrammeForm(RecordForm):
    kind = K.PROGRAMME

    def build(self) -> None:
        b = self.builder
        main = self.section(_("Programme"))
        self.add(main, b.line("name", "EU World Cities"))
        self.add(main, b.picker("funder_id", K.ORGANISATION))
        self.add(main, b.picker("managing_organisation_id", K.ORGANISATION))
        self.add(main, b.line("website", "https://…"))
        when = self.section(_("When"))
        self.add(when, b.date("start_date"))
        self.add(when, b.date("end_date"))
        self.add(when, b.line("date_note", _("Phase 2, 2017–2018")))
        about = self.section(_("About"))
        self.add(about, b.text("description", 5))
        self.add_part_tab(b.sources(K.PROGRAMME))
