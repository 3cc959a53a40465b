"""Editors for every kind of record, for the main window to embed or open in a dialog.

    context = FormContext(editing, Lookup(catalog))      # or FormContext.for_catalog(catalog)
    form = form_for(RecordKind.PERSON, context)
    form.load(person_id)                                 # or form.new()
    form.saved.connect(...)                              # db.ops.Result
    if form.maybe_save(window): ...                      # before showing another record

See :mod:`gui.forms.base` for the form's API, :mod:`gui.undo` for the commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.kinds import RecordKind

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from gui.forms.base import RecordForm
    from gui.forms.context import FormContext


def form_class(kind: RecordKind) -> type[RecordForm]:
    from gui.forms.action import ActionItemForm
    from gui.forms.delegation import DelegationForm, EngagementForm
    from gui.forms.event import EventForm
    from gui.forms.gift import GiftForm
    from gui.forms.pairing import PairingForm
    from gui.forms.person import PersonForm
    from gui.forms.places import CityForm, OrganisationForm, ProgrammeForm
    from gui.forms.source import CooperationAreaForm, CountryForm, SourceForm

    forms: dict[RecordKind, type[RecordForm]] = {
        RecordKind.PERSON: PersonForm,
        RecordKind.ORGANISATION: OrganisationForm,
        RecordKind.CITY: CityForm,
        RecordKind.PROGRAMME: ProgrammeForm,
        RecordKind.PAIRING: PairingForm,
        RecordKind.DELEGATION: DelegationForm,
        RecordKind.ENGAGEMENT: EngagementForm,
        RecordKind.EVENT: EventForm,
        RecordKind.SOURCE: SourceForm,
        RecordKind.COOPERATION_AREA: CooperationAreaForm,
        RecordKind.COUNTRY: CountryForm,
        RecordKind.GIFT: GiftForm,
        RecordKind.ACTION_ITEM: ActionItemForm,
    }
    try:
        return forms[kind]
    except KeyError:
        raise KeyError(f"No editor for {kind.value} records") from None


def form_for(kind: RecordKind, context: FormContext,
             parent: QWidget | None = None) -> RecordForm:
    return form_class(kind)(context, parent)


__all__ = ["form_class", "form_for"]
