"""What a description of a record kind is made of (the descriptions are in db.registry).

Generic code (writes, lists, search, the change log, counts, the CLI) asks a
:class:`KindSpec` instead of keeping its own table per kind. The types here are
shared by the modules that fill a spec in (``db.lists``, ``db.documents``,
``db.reads``) and by the registry that assembles them, so they import nothing of
those.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, get_args

from sqlalchemy import ColumnElement
from sqlmodel import Session

from db.bilingual import form, vietnamese_field
from db.i18n import _
from db.models import Record, RecordKind
from db.names import display_name
from db.wording import pairing_label

PROTECTED = frozenset({"id", "created_at", "updated_at", "version", "sort_key", "sort_date",
                        "portrait"})
"""Columns the store fills in: never typed, imported or compared by a form."""


# ---------------------------------------------------------------- parts


@dataclass(frozen=True)
class Part:
    """Rows a record owns and edits together with it (a person's positions)."""

    name: str
    kind: RecordKind
    link: str | None = None  # the column naming the owner; None: record_kind + record_id
    where: tuple[tuple[str, Any], ...] = ()  # fixed values that select the rows (role=photo)
    order: str | None = None  # a column that stores the list's order
    # A column holding an order the user may set by moving rows (1, 2, ...; None:
    # precedence decides), and how to arrange the rows for a form before anyone has.
    ranked: str | None = None
    arrange: Callable[[Session, int, list[Any]], list[Any]] | None = field(
        default=None, compare=False)

    def link_values(self, owner_kind: RecordKind, owner_id: int) -> dict[str, Any]:
        values: dict[str, Any] = (
            {self.link: owner_id} if self.link
            else {"record_kind": owner_kind.value, "record_id": owner_id})
        values.update(self.where)
        return values

    @property
    def hidden(self) -> frozenset[str]:
        """Columns the save fills in: a form neither shows nor compares them."""
        names = {self.link} if self.link else {"record_kind", "record_id"}
        names.update(name for name, _ in self.where)
        if self.order:
            names.add(self.order)
        return frozenset(names)


# ---------------------------------------------------------------- labels


@dataclass(frozen=True)
class LabelRule:
    """The one way a record of a kind is named, in pickers, messages, undo and history.

    *columns* are read from the row; those in *refs* hold another record's id and are
    replaced by that record's label before *text* runs (a pairing is named by its
    cities). *order* sorts a full list of labels in SQL (default: *columns*).
    """

    columns: tuple[str, ...]
    text: Callable[[Mapping[str, Any]], str]
    refs: Mapping[str, RecordKind] = field(default_factory=dict)
    order: tuple[str, ...] = ()


def named_by(column: str) -> LabelRule:
    """A record named by one column of its own (``name``, ``title``, ``filename``)."""
    return LabelRule((column,), lambda values: str(values.get(column) or ""))


def named_in_language(column: str) -> LabelRule:
    """A record named by a column that has a Vietnamese form beside it (``name`` and
    ``name_vi``): the label is in the current language (:func:`db.bilingual.form`)."""
    return LabelRule((column, vietnamese_field(column)),
                     lambda values: form(values, column), order=(column,))


PERSON_LABEL = LabelRule(
    ("given_names", "family_name", "name_order"),
    lambda v: display_name(v.get("given_names"), v.get("family_name") or "",
                           v.get("name_order") or "given_first"),
    order=("family_name",),
)
PAIRING_LABEL = LabelRule(
    ("city_a_id", "city_b_id"),
    lambda v: pairing_label(v.get("city_a_id"), v.get("city_b_id")),
    refs={"city_a_id": RecordKind.CITY, "city_b_id": RecordKind.CITY},
    order=("id",),
)


# ---------------------------------------------------------------- lists


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    header: str
    sort: Callable[[], Any] | None = None


Cells = Callable[[Session, Sequence[Any]], Sequence[tuple[str, ...]]]
FilterClause = Callable[[Any], ColumnElement[bool]]


@dataclass(frozen=True)
class ListSpec:
    """A section's list: columns (header, SQL to sort by), cells for a page, filters."""

    kind: RecordKind
    model: Any
    columns: tuple[ColumnSpec, ...]
    cells: Cells
    default_sort: Callable[[], Sequence[Any]]
    filters: dict[str, FilterClause] = field(default_factory=dict)
    year_column: str | None = None  # the date column the year filter reads
    # The column default_sort follows ("" = the first) and its direction: the list's
    # header shows its sort arrow there before the user sorts.
    default_column: str = ""
    default_descending: bool = False

    def default_sort_column(self) -> int:
        """The index of the column the default sort follows."""
        if not self.default_column:
            return 0
        return next(i for i, c in enumerate(self.columns) if c.key == self.default_column)

    def column(self, key: str) -> ColumnSpec:
        return next(c for c in self.columns if c.key == key)


# ---------------------------------------------------------------- search documents


@dataclass(frozen=True)
class Document:
    """What the search index holds of a record: shown title and subtitle, and the text
    searched (names weigh more than body)."""

    kind: RecordKind
    id: int
    title: str
    subtitle: str
    names: str
    body: str
    keys: tuple[str | None, ...] = ()  # other whole names: aliases, original script
    detail: str = ""  # what tells namesakes apart, shown only when names clash
    notes: str = ""  # free text searched last (biography, protocol notes): db.search_query
    # (field, text) for the title:, org:, city:, year: prefixes (db.search_fields).
    fields: tuple[tuple[str, str | None], ...] = ()


Documents = Callable[[Session, Sequence[int]], list[Document]]


# ---------------------------------------------------------------- interchange


@dataclass(frozen=True)
class FieldSpec:
    """A column as import and export see it: name, Python type, whether it is required,
    and the kind of record it refers to (for ``*_id`` columns)."""

    name: str
    type: type
    required: bool
    refers_to: str | None  # the table a reference column points to


# ---------------------------------------------------------------- the description


def _python_type(model: type[Record], column: Any) -> type:
    """The Python type a column holds: the column type's, else the model's annotation."""
    try:
        declared = column.type.python_type
    except NotImplementedError:
        declared = object
    if declared is not object:
        return declared
    annotation = model.model_fields[column.name].annotation
    found = [a for a in get_args(annotation) if a is not type(None)] or [annotation]
    return found[0] if isinstance(found[0], type) else object


@dataclass(frozen=True)
class KindSpec:
    """Everything generic code needs to know about one kind of record.

    ``search_code`` is stored in the search index's row ids (``id * 16 + code``):
    unique, 1 to 15, and never reused for another kind once catalogs hold it.
    ``counted``: shown in the catalog's totals and in backup lists.
    """

    kind: RecordKind
    model: type[Record]
    singular: str
    plural: str
    label: LabelRule
    parts: tuple[Part, ...] = ()
    listing: ListSpec | None = None
    document: Documents | None = None
    search_code: int | None = None
    reader: Callable[[Session, int], Any] | None = None
    counted: bool = False

    @property
    def table(self) -> str:
        return str(self.model.__tablename__)

    def noun(self, count: int = 1) -> str:
        """``person`` / ``people`` by count, in the current language."""
        return _(self.singular if count == 1 else self.plural)

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        """The columns import and export read and write, from the table itself."""
        found = []
        for column in self.model.__table__.columns:  # type: ignore[attr-defined]
            if column.name in PROTECTED:
                continue
            python_type = _python_type(self.model, column)
            target = next(iter(column.foreign_keys)).column.table.name \
                if column.foreign_keys else None
            required = not column.nullable and column.default is None \
                and column.server_default is None
            found.append(FieldSpec(column.name, python_type, required, target))
        return tuple(found)

    @property
    def references(self) -> dict[str, str]:
        """Columns that hold another record's id, and the table it is in."""
        return {f.name: f.refers_to for f in self.fields if f.refers_to is not None}


