"""The event editor: summit details, organisers with roles, sessions, participants."""

from __future__ import annotations

from db.i18n import _
from db.kinds import RecordKind
from gui.forms.base import RecordForm
from gui.forms.builder import Builder
from gui.forms.rows import RowForm

K = RecordKind


def _organiser_fields(row: RowForm, b: Builder) -> None:
    row.add(b.picker("organisation_id", K.ORGANISATION))
    row.add(b.choice(K.EVENT_ORGANISER, "role"))


def _session_fields(row: RowForm, b: Builder) -> None:
    row.add(b.line("title", _("Panel: data for smart cities")))
    row.add(b.choice(K.EVENT_SESSION, "session_kind"))
    row.add(b.date("date"))
    row.add(b.line("notes"))


def _participant_fields(row: RowForm, b: Builder) -> None:
    row.add(b.picker("person_id", K.PERSON))
    row.add(b.choice(K.EVENT_PARTICIPANT, "role"))
    row.add(b.line("notes", _("Opening speech")))


class EventForm(RecordForm):
    kind = K.EVENT

    def build(self) -> None:
        b = self.builder
        main = self.section(_("Event"))
        self.add(main, b.line("name", "Vietnam–Asia Smart City Summit 2023"))
        self.add(main, b.line("name_vi", ""))
        self.add(main, b.line("series", "Vietnam–Asia Smart City Summit"))
        self.add(main, b.line("theme"))
        when = self.section(_("When and where"))
        self.add(when, b.date("start_date"))
        self.add(when, b.date("end_date"))
        self.add(when, b.line("date_note"))
        self.add(when, b.picker("city_id", K.CITY))
        self.add(when, b.picker("venue_id", K.ORGANISATION))
        self.add(when, b.line("venue_note", _("National Convention Center, hall B")))
        about = self.section(_("About"))
        self.add(about, b.text("description", 4))
        self.add(about, b.number("attendance", width_chars=8))
        self.add(about, b.line("figures", _("500 delegates from 20 countries")))
        self.add_part_tab(b.rows(K.EVENT, "organisers", K.EVENT_ORGANISER,
                                 [("organisation_id", _("Organisation")), ("role", _("Role"))],
                                 _organiser_fields))
        self.add_part_tab(b.rows(K.EVENT, "sessions", K.EVENT_SESSION,
                                 [("title", _("Session")), ("session_kind", _("Kind")),
                                  ("date", _("Date"))], _session_fields))
        self.add_part_tab(b.rows(K.EVENT, "participants", K.EVENT_PARTICIPANT,
                                 [("person_id", _("Person")), ("role", _("Role")),
                                  ("notes", _("Notes"))],
                                 _participant_fields))
        self.add_part_tab(b.sources(K.EVENT))
