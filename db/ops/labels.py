"""The text a picker, a message or an undo step shows for a record."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from db.models import TABLES, RecordKind
from db.names import display_name
from db.ops.coerce import snapshot


def record_label(session: Session, kind: RecordKind, record_id: int) -> str | None:
    """The text a picker or a message shows for a record; None when it does not exist."""
    record = session.get(TABLES[kind], record_id)
    if record is None:
        return None
    if kind == RecordKind.PAIRING:
        names = [record_label(session, RecordKind.CITY, getattr(record, c)) or "?"
                 for c in ("city_a_id", "city_b_id")]
        return " – ".join(names)
    return values_label(kind, snapshot(record))


def values_label(kind: RecordKind, values: Mapping[str, Any]) -> str:
    """A record's name from its values (undo texts: "Edit Nguyễn Đức Chung")."""
    if kind == RecordKind.PERSON:
        return display_name(values.get("given_names"), values.get("family_name") or "",
                            values.get("name_order") or "given_first")
    for name in ("name", "title", "filename", "code"):
        if values.get(name):
            return str(values[name])
    return kind.value.replace("_", " ")
