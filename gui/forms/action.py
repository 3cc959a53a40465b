"""The action item editor: what was promised at a meeting, by whom and for whom, by when,
and whether it is done. Open items print on the next briefing with the same people."""

from __future__ import annotations

from db.i18n import _
from db.kinds import RecordKind
from gui.forms.base import RecordForm

K = RecordKind


class ActionItemForm(RecordForm):
    kind = K.ACTION_ITEM

    def build(self) -> None:
        b = self.builder
        main = self.section(_("Action item"))
        self.add(main, b.line("what", _("Send the smart-parking study to Milan")))
        self.add(main, b.picker("person_id", K.PERSON), _("Who"))
        self.add(main, b.picker("counterpart_id", K.PERSON), _("For (counterpart)"))
        self.add(main, b.date("due_date"))
        self.add(main, b.choice(K.ACTION_ITEM, "status"))
        agreed = self.section(_("Agreed at"))
        self.add(agreed, b.picker("delegation_id", K.DELEGATION))
        self.add(agreed, b.picker("engagement_id", K.ENGAGEMENT))
        about = self.section(_("Notes"))
        self.add(about, b.text("notes", 3))
