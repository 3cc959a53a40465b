"""The text a picker, a message or an undo step shows for a record (the registry's rule)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from db.models import RecordKind
from db.registry import REGISTRY


def record_label(session: Session, kind: RecordKind, record_id: int) -> str | None:
    """The text a picker or a message shows for a record; None when it does not exist."""
    return REGISTRY.label(session, kind, record_id)


def values_label(kind: RecordKind, values: Mapping[str, Any]) -> str:
    """A record's name from its values (undo texts: "Edit Nguyễn Đức Chung")."""
    return REGISTRY.values_label(kind, values)
