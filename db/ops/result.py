"""What an operation changed: the GUI refreshes exactly that, undo reverses it."""

from __future__ import annotations

from dataclasses import dataclass

from db.models import ChangeAction, RecordKind


@dataclass(frozen=True)
class Change:
    kind: RecordKind
    id: int
    action: ChangeAction
    fields: tuple[str, ...]
    version: int


@dataclass(frozen=True)
class Result:
    operation_id: str
    changes: tuple[Change, ...]

    def ids(self, kind: RecordKind, action: ChangeAction = ChangeAction.CREATE) -> list[int]:
        return [c.id for c in self.changes if c.kind == kind and c.action == action]
