"""The change router: each ``db.ops.Result`` goes to the views it concerns.

Every operation returns exactly what it changed. The router splits a result by
kind of record and notifies only who listens to that kind: the people list
hears about people (and about the organisations and countries its rows name),
not about cities. Views then refresh just the rows or the record involved; no
one reloads everything after an edit. (A commit made by another window or app
arrives without a result: the window then reloads what it shows.)::

    router = ChangeRouter(parent=window)
    router.channel(RecordKind.PERSON).changed.connect(people_model.records_changed)
    router.routed.connect(detail.maybe_reload)      # the whole db.ops.Result
    editing.changed.connect(router.route)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from db.kinds import ChangeAction, RecordKind

if TYPE_CHECKING:
    from db.ops import Result


@dataclass(frozen=True)
class KindChanges:
    """What one operation did to the records of one kind."""

    kind: RecordKind
    created: frozenset[int] = frozenset()
    updated: frozenset[int] = frozenset()
    deleted: frozenset[int] = frozenset()

    @property
    def ids(self) -> frozenset[int]:
        return self.created | self.updated | self.deleted


def by_kind(result: Result) -> dict[RecordKind, KindChanges]:
    """Split a result by kind; a record created and then updated counts as created."""
    sets: dict[RecordKind, dict[ChangeAction, set[int]]] = defaultdict(
        lambda: {action: set() for action in ChangeAction})
    for change in result.changes:
        sets[change.kind][change.action].add(change.id)
    split = {}
    for kind, found in sets.items():
        created, deleted = found[ChangeAction.CREATE], found[ChangeAction.DELETE]
        split[kind] = KindChanges(kind, frozenset(created - deleted),
                                  frozenset(found[ChangeAction.UPDATE] - created - deleted),
                                  frozenset(deleted - created))
    return split


def touches(result: Result, shown: frozenset[tuple[str, int]]) -> bool:
    """Whether a view showing the records *shown* ((kind, id) pairs) must reload.

    It must when one of them changed, and when a record was created, deleted or
    pointed elsewhere (a changed ``*_id``): a new membership or a moved position
    may add a link to what is shown without changing the shown record itself.
    """
    for change in result.changes:
        if (change.kind.value, change.id) in shown:
            return True
        if change.action != ChangeAction.UPDATE:
            return True
        if any(name.endswith("_id") for name in change.fields):
            return True
    return False


class KindChannel(QObject):
    """Notifications for one kind of record."""

    changed = Signal(object)  # KindChanges


class ChangeRouter(QObject):
    routed = Signal(object)  # the whole db.ops.Result, after the per-kind channels

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._channels: dict[RecordKind, KindChannel] = {}

    def channel(self, kind: RecordKind) -> KindChannel:
        if kind not in self._channels:
            self._channels[kind] = KindChannel(self)
        return self._channels[kind]

    def route(self, result: Result) -> None:
        for kind, changes in by_kind(result).items():
            if kind in self._channels:
                self._channels[kind].changed.emit(changes)
        self.routed.emit(result)
