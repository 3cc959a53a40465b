"""Rows of a file turned into field values, with the column each value came from.

Every reader (spreadsheet, vCard, iCalendar, Popolo) produces :class:`Incoming`
rows keyed by the field names of :mod:`db.interchange.fields`; the importer
never sees a file format. Cells are read the way an office writes them: dates
day first (``05/03/1962`` is 5 March, as in Vietnam and Europe), several values
separated by ``;``, enumerated values by their label (``Sister cities``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String

from db import partial_dates
from db.folding import fold, nfc
from db.i18n import N_
from db.interchange.fields import FieldInfo, fields, match_header
from db.interchange.tables import Table
from db.models import RecordKind
from db.said import say
from db.validation import CHOICES


@dataclass
class Incoming:
    """One record to bring in: values by field, and where each came from (for messages)."""

    number: int
    values: dict[str, Any]
    columns: dict[str, str] = field(default_factory=dict)

    def column(self, field_name: str) -> str:
        return self.columns.get(field_name, field_name)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class CellError(ValueError):
    """A cell that cannot be read as its field's type; the message is for the user."""


@dataclass(frozen=True)
class ColumnMap:
    """Which column fills which field, and the columns left out (shown in the preview)."""

    columns: tuple[tuple[int, str, str | None], ...]  # (index, header, field or None)

    @property
    def used(self) -> dict[int, str]:
        return {index: name for index, _header, name in self.columns if name}

    @property
    def ignored(self) -> list[str]:
        return [header for _index, header, name in self.columns if not name and header]


def map_columns(kind: RecordKind, headers: Sequence[str],
                overrides: Mapping[str, str] | None = None) -> ColumnMap:
    """Match each header to a field; ``--map`` overrides win (``-`` leaves a column out).
    A field named by two columns is filled from the first."""
    overrides = {k.strip(): v for k, v in (overrides or {}).items()}
    taken: set[str] = set()
    columns: list[tuple[int, str, str | None]] = []
    for index, header in enumerate(headers):
        name = overrides.get(header, match_header(kind, header) if header else None)
        if name == "-" or name in taken:
            name = None
        if name:
            taken.add(name)
        columns.append((index, header, name))
    return ColumnMap(tuple(columns))


def table_rows(kind: RecordKind, table: Table, mapping: ColumnMap) -> list[Incoming]:
    """The table's data rows as :class:`Incoming` (raw cell values, not yet typed)."""
    used = mapping.used
    headers = {index: header for index, header, _ in mapping.columns}
    rows: list[Incoming] = []
    columns = {name: headers[index] for index, name in used.items()}
    for number, cells in table.rows:
        values: dict[str, Any] = {}
        for index, name in used.items():
            value = cells[index] if index < len(cells) else None
            if isinstance(value, str):
                value = value.strip()
            if value in (None, ""):
                continue
            values[name] = value
        if values:
            rows.append(Incoming(number, values, dict(columns)))
    return rows


def _python_type(info: FieldInfo) -> type | None:
    if info.column is None:
        return None
    sql_type = info.column.type
    if isinstance(getattr(sql_type, "impl", sql_type), String):  # SQLModel's AutoString
        return str  # is a decorated String whose python_type answers ``object``
    try:
        return info.column.type.python_type
    except NotImplementedError:
        return None


def parse_date(value: Any) -> dt.date:
    """A date from a cell: a spreadsheet date, ISO ``1962-03-05``, or day first."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    from dateutil import parser

    try:
        return parser.parse(text, dayfirst=True, default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        raise CellError(say(N_("{text!r} is not a date (write it as 2017-03-05 or "
                               "05/03/2017)"), text=text)) from None


def typed(kind: RecordKind, name: str, value: Any) -> Any:
    """A cell's value as its field takes it (``db.ops`` checks it again when writing)."""
    info = fields(kind).get(name)
    if info is None:
        return value
    if info.is_list:
        items = value if isinstance(value, list | tuple) else str(value).replace("\n", ";")
        if isinstance(items, str):
            items = items.split(";")
        return [nfc(str(item)).strip() for item in items if str(item).strip()]
    if (kind, name) == (RecordKind.PERSON, "birth_date"):
        try:  # a day, a month or a year, as the person form takes it
            return partial_dates.parse(value)
        except ValueError:
            raise CellError(say(N_("{value!r} is not a date (write it as 1965-03-14, "
                                   "14/03/1965, 03/1965 or 1965)"), value=value)) from None
    python_type = _python_type(info)
    if python_type is dt.date:
        return parse_date(value)
    if python_type is dt.time and isinstance(value, dt.time | dt.datetime):
        return value if isinstance(value, dt.time) else value.time()
    if python_type is str or info.refers_to is not None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a phone number Excel stored as a number
        text = nfc(str(value)).strip()
        if text.startswith("'") and text[1:2] in _FORMULA_STARTS:
            text = text[1:]  # our own export's guard against spreadsheet formulas
        vocabulary = CHOICES.get((kind, name))
        if vocabulary is not None:
            key = fold(text).replace(" ", "_").replace("-", "_")
            for member in vocabulary:
                if key in (member.value, fold(member.name)):
                    return member.value
        return text
    if python_type is int and isinstance(value, float) and value.is_integer():
        return int(value)
    return value
