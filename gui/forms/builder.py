"""Making field widgets for a form or a row, wired to the form's context."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from db.i18n import _
from db.kinds import RecordKind
from gui.forms.country_field import CountryField
from gui.forms.fields import (
    ChoiceField,
    DateField,
    LineField,
    ListField,
    NumberField,
    TextField,
    TimeField,
)
from gui.forms.labels import choices
from gui.forms.pickers import Creator, RecordPicker
from gui.forms.rows import RowForm, RowsEditor

if TYPE_CHECKING:
    from gui.forms.lookup import Lookup

# Kinds a picker offers to create on the spot ("Create new organisation “…”").
QUICK_CREATE = frozenset({RecordKind.PERSON, RecordKind.ORGANISATION, RecordKind.CITY,
                          RecordKind.COOPERATION_AREA, RecordKind.SOURCE, RecordKind.PROGRAMME,
                          RecordKind.EVENT})


class Builder:
    """Field widgets for one form; pickers read through *lookup* and offer to create
    a missing record with *create* (see :func:`gui.forms.quick_create.create_on_the_spot`)."""

    def __init__(self, lookup: Lookup, owner: QWidget, create: Creator | None = None) -> None:
        self.lookup = lookup
        self.owner = owner
        self._create = create
        self._countries: dict[str, int] | None = None

    def line(self, name: str, placeholder: str = "") -> LineField:
        return LineField(name, placeholder=placeholder)

    def text(self, name: str, lines: int = 4, placeholder: str = "") -> TextField:
        return TextField(name, lines=lines, placeholder=placeholder)

    def choice(self, kind: RecordKind, name: str, *, optional: bool = False) -> ChoiceField:
        return ChoiceField(name, choices(kind, name), optional=optional)

    def date(self, name: str) -> DateField:
        return DateField(name)

    def time(self, name: str) -> TimeField:
        return TimeField(name)

    def number(self, name: str, *, decimals: bool = False, width_chars: int = 10) -> NumberField:
        return NumberField(name, decimals=decimals, width_chars=width_chars)

    def items(self, name: str, placeholder: str = "") -> ListField:
        return ListField(name, placeholder=placeholder)

    def country(self, name: str) -> CountryField:
        if self._countries is None:
            self._countries = self.lookup.countries()
        return CountryField(name, self._countries)

    def picker(self, name: str, kind: RecordKind) -> RecordPicker:
        creator = self._create if kind in QUICK_CREATE else None
        return RecordPicker(name, kind, self.lookup, creator=creator)

    def rows(self, owner_kind: RecordKind, part: str, row_kind: RecordKind,
             columns: Sequence[tuple[str, str]],
             fill: Callable[[RowForm, Builder], None]) -> RowsEditor:
        """A sub-table: *fill* adds the row's fields to its :class:`RowForm`."""
        row_form = RowForm(row_kind)
        fill(row_form, self)
        row_form.fieldset.align_captions()
        return RowsEditor(part, owner_kind, columns, row_form)

    def sources(self, owner_kind: RecordKind) -> RowsEditor:
        """The sources a record cites, with a note each (any record can cite sources)."""
        def fill(row: RowForm, b: Builder) -> None:
            row.add(b.picker("source_id", RecordKind.SOURCE))
            row.add(b.line("note", _("Page, quotation, what it supports…")))

        return self.rows(owner_kind, "sources", RecordKind.CITATION,
                         [("source_id", _("Source")), ("note", _("Note"))], fill)
