"""Form and JSON input turned into column values, and rows turned back into text.

One place decides how a typed value becomes what a column stores (text is NFC and
trimmed here, dates parse from ISO strings, bad input becomes a field error), so a
form's live check (:func:`check`) and the save report the same messages.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON
from sqlalchemy.sql.schema import Column

from db import partial_dates, phones, portraits
from db.dates import approximate_date
from db.folding import nfc
from db.i18n import N_
from db.limits import admit
from db.models import Record, RecordKind
from db.names import sort_key
from db.registry import REGISTRY
from db.said import say
from db.spec import PROTECTED
from db.validation import validate

STORED_FORMS: dict[tuple[RecordKind, str], Callable[[str], str]] = {
    (RecordKind.PERSON, "phone"): phones.stored,  # 024 3825 3536 -> +842438253536
    (RecordKind.PERSON, "birth_date"): partial_dates.stored,  # 14/03/1965 -> 1965-03-14
}
"""Text stored in one canonical form whatever way it was typed."""

DATED_KINDS = frozenset({RecordKind.DELEGATION, RecordKind.EVENT})
"""Kinds whose lists sort by ``sort_date`` (their start day, else their date note's)."""


class Placeholder:
    """A value standing for a record that the save's own transaction resolves, its id
    known only once written (a country added from the ISO list, a record created from
    a picker: :class:`db.ops.drafts.NewRecord`). Live checks take it as a valid reference."""


@dataclass(frozen=True)
class CountryCode(Placeholder):
    """A country chosen from the ISO list that the catalog may not hold yet; saving
    adds it to the ``country`` table in the same transaction."""

    code: str


def derive(kind: RecordKind, row: Mapping[str, Any]) -> dict[str, Any]:
    """Columns computed from others, never typed by users."""
    if kind == RecordKind.PERSON:
        return {"sort_key": sort_key(row.get("given_names"), row.get("family_name") or "")}
    if kind in DATED_KINDS:  # lists sort "June 2017" with the days of June 2017
        return {"sort_date": approximate_date(row.get("start_date"), row.get("date_note"))}
    if kind == RecordKind.ATTACHMENT:  # a photo shrunk once for every sheet that prints it
        return {"portrait": portraits.derived(row)}
    return {}


def columns(model: type[Record]) -> dict[str, Column[Any]]:
    return dict(model.__table__.columns.items())  # type: ignore[attr-defined]


def snapshot(record: Record) -> dict[str, Any]:
    """Every column of a row, by name."""
    return {name: getattr(record, name) for name in record.__table__.columns.keys()}  # type: ignore[attr-defined]  # noqa: SIM118


def as_text(value: Any) -> str | None:
    """A value as the change log stores it."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def snapshot_json(record: Record) -> str:
    return json.dumps({k: as_text(v) for k, v in snapshot(record).items()},
                      ensure_ascii=False)


def value_type(column: Column[Any]) -> type:
    """The Python type a column holds, whatever the SQLAlchemy version.

    SQLModel's ``AutoString`` and our ``UTCDateTime`` are type decorators, and
    since SQLAlchemy 2.1 a decorator's (and JSON's) ``python_type`` is ``object``:
    asking it alone skipped the text clean-up entirely. The decorated type is
    asked too, and our JSON columns all hold lists of text.
    """
    if isinstance(column.type, JSON):
        return list
    for candidate in (column.type, getattr(column.type, "impl_instance", None)):
        if candidate is None:
            continue
        try:
            found = candidate.python_type
        except NotImplementedError:
            continue
        if found is not object:
            return found
    return object


def coerce(kind: RecordKind, column: Column[Any], value: Any, errors: dict[str, str]) -> Any:
    """Turn form or JSON input into the column's type; bad input becomes a field error.

    Text is normalised here (NFC, trimmed): the one place every write passes through.
    """
    name = column.name
    if value is None:
        return None
    value, problem = admit(column, value)  # the field's kind and size (db.limits)
    if problem is not None:
        errors[name] = problem
        return value
    if (kind, name) in STORED_FORMS and isinstance(value, str) and value.strip():
        return STORED_FORMS[(kind, name)](nfc(value).strip())
    python_type = value_type(column)
    if python_type is list:
        if isinstance(value, str):  # "Saigon, HCMC" from a file or a script
            value = value.split(",")
        if not isinstance(value, list | tuple):
            errors[name] = say(N_("Expected a list."))
            return value
        return [nfc(str(v)).strip() for v in value if str(v).strip()]
    if python_type is str:
        text = nfc(str(value)).strip()
        return text if text or not column.nullable else None
    if python_type in (dt.date, dt.time, dt.datetime) and isinstance(value, str):
        if not value.strip():
            return None
        try:
            return python_type.fromisoformat(value.strip())
        except ValueError:
            errors[name] = say({
                dt.date: N_("Enter a date as YYYY-MM-DD."),
                dt.time: N_("Enter a time as HH:MM."),
            }.get(python_type, N_("Enter a date and time.")))
            return value
    if python_type is int and not isinstance(value, bool):
        try:
            return int(value)
        except (TypeError, ValueError):
            errors[name] = say(N_("Enter a whole number."))
            return value
    if python_type is float:
        try:
            return float(value)
        except (TypeError, ValueError):
            errors[name] = say(N_("Enter a number."))
            return value
    return value


def editable_values(record: Record, hidden: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The columns a user edits (everything but ids, versions, timestamps, derived)."""
    return {name: value for name, value in snapshot(record).items()
            if name not in PROTECTED and name not in hidden}


def prepare(kind: RecordKind, values: Mapping[str, Any]) -> tuple[dict[str, Any],
                                                                   dict[str, str]]:
    """Form input turned into column types, and the fields that could not be (live checks)."""
    cols = columns(REGISTRY.model(kind))
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name in cols and name not in PROTECTED:
            clean[name] = (value if isinstance(value, Placeholder)
                           else coerce(kind, cols[name], value, errors))
    return clean, errors


def defaults(kind: RecordKind, hidden: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The editable values of a new record of *kind* before the user types anything."""
    model = REGISTRY.model(kind)
    blank = model()
    return {name: getattr(blank, name, None) for name in columns(model)
            if name not in PROTECTED and name not in hidden}


def check(kind: RecordKind, values: Mapping[str, Any]) -> dict[str, str]:
    """Every error :func:`db.ops.save` would report for these values, without a database:
    the same rules (``db.validation``), so a form's live messages match the save's."""
    clean, errors = prepare(kind, values)
    row = {name: (0 if isinstance(value, Placeholder) else value)
           for name, value in {**defaults(kind), **clean}.items()}
    return {**validate(kind, row), **errors}
