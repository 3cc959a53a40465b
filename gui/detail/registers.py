"""The registers a detail pane lists under a person, a delegation or a pairing: gifts
given and received (so the next visit never repeats one) and action items (what was
promised, by whom, open or done), each with a button that records a new one already
linked to the record shown; and "Confirmed today…" on a person's unconfirmed titles."""

from __future__ import annotations

import datetime as dt
from functools import partial

from db import reads
from db.detail_reads import Loaded
from db.i18n import _, format_date
from db.kinds import ActionStatus, GiftDirection, RecordKind
from db.reads.actions import ActionView
from db.reads.gifts import GiftView
from db.titles import TitleState
from db.vocabulary import value_word
from gui.detail.pane import DetailBuilder
from gui.undo import short as undo_short

_LISTED = frozenset({RecordKind.PERSON.value, RecordKind.DELEGATION.value,
                     RecordKind.PAIRING.value})
# What a new gift recorded from a pane is linked to: a person receives it, a visit
# is where it was exchanged.
_NEW_ACTION = {RecordKind.PERSON.value: "person_id",
               RecordKind.DELEGATION.value: "delegation_id"}
_NEW_GIFT = {RecordKind.PERSON.value: "to_person_id",
             RecordKind.DELEGATION.value: "delegation_id"}


def _day(day: dt.date | None) -> str:
    return format_date(day, "medium") if day else ""


def gift_line(gift: GiftView) -> str:
    """``Given · 13 Jun 2017 · Hanoi People's Committee → Bruno Angelet · about 50 EUR``."""
    giver = gift.giver.label if gift.giver else ""
    recipient = gift.recipient.label if gift.recipient else ""
    route = " → ".join(x for x in (giver, recipient) if x) if giver or recipient else ""
    if giver and not recipient:
        route = _("from {giver}").format(giver=giver)
    elif recipient and not giver:
        route = _("to {recipient}").format(recipient=recipient)
    occasion = gift.delegation or gift.event
    return " · ".join(x for x in (
        value_word(GiftDirection, gift.direction), _day(gift.date), route,
        occasion.label if occasion else "", gift.value or "", gift.notes or "") if x)


def render_gifts(b: DetailBuilder, loaded: Loaded) -> None:
    """The gifts section (left out when empty) and the "Add gift…" button."""
    if loaded.kind not in _LISTED:
        return
    b.items(_("Gifts given and received"), [(g.ref, gift_line(g)) for g in loaded.gifts])
    link = _NEW_GIFT.get(loaded.kind)
    if link is not None:
        values: dict[str, object] = {link: loaded.view.id}
        if loaded.kind == RecordKind.PERSON.value:
            values["direction"] = GiftDirection.GIVEN.value
        b.button(_("Add gift…"), "new_gift",
                 lambda: b.pane.new_requested.emit(RecordKind.GIFT.value, values))


def action_line(action: ActionView, day: dt.date) -> str:
    """``Open · due 30 Sept 2017 (overdue) · Nguyễn Đức Chung for Cecilia Piccioni · EU…``."""
    due = ""
    if action.due_date is not None:
        due = _("due {date}").format(date=_day(action.due_date))
        if action.overdue(day):
            due = _("{due} (overdue)").format(due=due)
    who = action.who.label if action.who else ""
    if action.counterpart is not None:
        who = (_("{who} for {counterpart}") if who else _("for {counterpart}")).format(
            who=who, counterpart=action.counterpart.label)
    meeting = action.engagement or action.delegation
    return " · ".join(x for x in (
        value_word(ActionStatus, action.status), due, who, meeting.label if meeting else "",
        action.notes or "") if x)


def render_actions(b: DetailBuilder, loaded: Loaded) -> None:
    """The action items section (open first) and the "Add action item…" button."""
    link = _NEW_ACTION.get(loaded.kind)
    if link is None:
        return
    today = dt.date.today()
    b.items(_("Action items"), [(a.ref, action_line(a, today)) for a in loaded.actions])
    values: dict[str, object] = {link: loaded.view.id}
    b.button(_("Add action item…"), "new_action_item",
             lambda: b.pane.new_requested.emit(RecordKind.ACTION_ITEM.value, values))


def confirm_buttons(b: DetailBuilder, person: reads.PersonView, day: dt.date) -> None:
    """“Confirmed today: <title>…” for each title no dates cover: one unconfirmed (printed
    "as of"), or attested only by a source (confirming again refreshes the evidence)."""
    for position in person.positions:
        found = position.standing(day)
        if found is None or found.state is TitleState.HELD:
            continue
        b.button(_("Confirmed today: {title}…").format(title=undo_short(position.title)),
                 f"confirm_title_{position.id}",
                 partial(b.pane.confirm_requested.emit, position, person.display_name))
