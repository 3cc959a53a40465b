"""The delegation editor: the visit, its members with their roles, and its programme of
meetings (each with its participants). A standalone engagement editor too."""

from __future__ import annotations

from db.i18n import _
from db.kinds import RecordKind
from gui.forms.base import RecordForm
from gui.forms.builder import Builder
from gui.forms.protocol import delegation_protocol
from gui.forms.rows import RowForm, RowsEditor

K = RecordKind


def _member_fields(row: RowForm, b: Builder) -> None:
    row.add(b.picker("person_id", K.PERSON))
    row.add(b.choice(K.DELEGATION_MEMBER, "role"))
    row.add(b.line("notes", _("Chairman of the Hanoi People's Committee.")))


def _participant_fields(row: RowForm, b: Builder) -> None:
    row.add(b.picker("person_id", K.PERSON))
    row.add(b.choice(K.ENGAGEMENT_PARTICIPANT, "role"))


def _participants(b: Builder, owner: RecordKind = K.ENGAGEMENT) -> RowsEditor:
    return b.rows(owner, "participants", K.ENGAGEMENT_PARTICIPANT,
                  [("person_id", _("Person")), ("role", _("Role"))], _participant_fields)


def _engagement_fields(row: RowForm, b: Builder) -> None:
    row.add(b.line("title", _("Meeting with Tay Ho District")))
    row.add(b.date("date"))
    row.add(b.time("start_time"))
    row.add(b.time("end_time"))
    row.add(b.picker("city_id", K.CITY))
    row.add(b.line("place", _("Saigon Hi-Tech Park")))
    row.add(b.picker("host_organisation_id", K.ORGANISATION))
    row.add(b.line("topics", _("Smart city, start-ups")))
    row.add(b.line("notes"))
    editor = _participants(b)
    editor.table.setMinimumHeight(editor.table.fontMetrics().height() * 6)
    row.add_rows(editor)


class DelegationForm(RecordForm):
    kind = K.DELEGATION

    def build(self) -> None:
        b = self.builder
        main = self.section(_("Delegation"))
        self.add(main, b.line("title", _("EU World Cities delegation to Hanoi")))
        self.add(main, b.choice(K.DELEGATION, "direction"))
        self.add(main, b.choice(K.DELEGATION, "status"))
        who = self.section(_("Who and where"))
        self.add(who, b.picker("sending_city_id", K.CITY))
        self.add(who, b.picker("sending_organisation_id", K.ORGANISATION))
        self.add(who, b.picker("host_city_id", K.CITY))
        self.add(who, b.picker("pairing_id", K.PAIRING))
        self.add(who, b.picker("event_id", K.EVENT), _("For the event"))
        when = self.section(_("When"))
        self.add(when, b.date("start_date"))
        self.add(when, b.date("end_date"))
        self.add(when, b.line("date_note", _("Second half of 2017")))
        about = self.section(_("Purpose and results"))
        self.add(about, b.text("purpose", 3))
        self.add(about, b.text("outcomes", 3))
        self.add(about, b.text("follow_ups", 3))
        self.add_part_tab(b.rows(K.DELEGATION, "members", K.DELEGATION_MEMBER,
                                 [("person_id", _("Person")), ("role", _("Role")),
                                  ("notes", _("Notes"))],
                                 _member_fields))
        self.add_part_tab(b.rows(K.DELEGATION, "engagements", K.ENGAGEMENT,
                                 [("date", _("Date")), ("start_time", _("From")),
                                  ("title", _("Meeting")), ("place", _("Place")),
                                  ("host_organisation_id", _("Host"))],
                                 _engagement_fields), _("Visit programme"))
        delegation_protocol(self)
        self.add_part_tab(b.sources(K.DELEGATION))


class EngagementForm(RecordForm):
    """One meeting of a delegation's programme, edited on its own."""

    kind = K.ENGAGEMENT

    def build(self) -> None:
        b = self.builder
        main = self.section(_("Meeting"))
        self.add(main, b.picker("delegation_id", K.DELEGATION), _("Delegation"))
        self.add(main, b.line("title"))
        self.add(main, b.date("date"))
        self.add(main, b.time("start_time"))
        self.add(main, b.time("end_time"))
        where = self.section(_("Where"))
        self.add(where, b.picker("city_id", K.CITY))
        self.add(where, b.line("place"))
        self.add(where, b.picker("host_organisation_id", K.ORGANISATION))
        about = self.section(_("About"))
        self.add(about, b.line("topics"))
        self.add(about, b.text("notes", 3))
        self.add(about, b.number("sequence", width_chars=4), _("Order in the programme"))
        self.add_part_tab(_participants(b))
        self.add_part_tab(b.sources(K.ENGAGEMENT))
