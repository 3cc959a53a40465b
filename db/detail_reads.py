"""What the detail pane shows for one record, read in one go on the worker.

``load(session, kind, id)`` returns a :class:`Loaded`: the record's frozen read
object, the extra the pane shows for some kinds (a person's photo, a pairing's
timeline), its change history, and :attr:`Loaded.records`, every record the
pane names. The window reloads the pane only when one of those changed (see
``gui.changes.touches``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from db import reads
from db.changes import history as change_history
from db.kinds import RecordKind
from db.reads import actions as action_reads
from db.reads import gifts as gift_reads
from db.registry import REGISTRY

RecordKey = tuple[str, int]


def _reader(kind: str) -> Callable[[Session, int], Any] | None:
    """The kind's one reader, as its description in the registry names it (the same the
    briefing sheets use): no table of readers of our own."""
    try:
        return REGISTRY[REGISTRY.kind(kind)].reader
    except KeyError:
        return None

# Read objects that are records themselves (they carry an id but no kind).
_VIEW_KINDS: dict[type, str] = {
    reads.PersonView: RecordKind.PERSON.value,
    reads.PositionView: RecordKind.POSITION.value,
    reads.DelegationView: RecordKind.DELEGATION.value,
    reads.EngagementView: RecordKind.ENGAGEMENT.value,
    reads.MeetingView: RecordKind.ENGAGEMENT.value,
    reads.PairingView: RecordKind.PAIRING.value,
    reads.EventView: RecordKind.EVENT.value,
    reads.OrganisationView: RecordKind.ORGANISATION.value,
    reads.CityView: RecordKind.CITY.value,
    reads.ProgrammeView: RecordKind.PROGRAMME.value,
    reads.SourceView: RecordKind.SOURCE.value,
}


@dataclass(frozen=True)
class Loaded:
    kind: str
    view: Any
    extra: Any = None
    changes: tuple[Any, ...] = ()
    gifts: tuple[gift_reads.GiftView, ...] = ()  # gifts given and received (db.reads.gifts)
    actions: tuple[action_reads.ActionView, ...] = ()  # action items (db.reads.actions)
    records: frozenset[RecordKey] = field(default=frozenset(), compare=False)


def records_named(*roots: Any) -> frozenset[RecordKey]:
    """Every record reachable in *roots*: read objects, links (``Ref``), timeline items."""
    found: set[RecordKey] = set()
    stack = list(roots)
    while stack:
        item = stack.pop()
        if isinstance(item, tuple | list | frozenset | set):
            stack.extend(item)
            continue
        if not dataclasses.is_dataclass(item) or isinstance(item, type):
            continue
        kind = _VIEW_KINDS.get(type(item)) or getattr(item, "kind", None)
        record_id = getattr(item, "id", None)
        if isinstance(kind, str) and isinstance(record_id, int):
            found.add((kind, record_id))
        stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return frozenset(found)


def load(session: Session, kind: str, record_id: int) -> Loaded | None:
    """Everything the pane shows for one record (runs on the worker thread)."""
    loader = _reader(kind)
    view = loader(session, record_id) if loader is not None else None
    if view is None:
        return None
    extra: Any = None
    if kind == RecordKind.PERSON.value:
        picture = reads.photo(session, record_id)
        extra = picture.data if picture is not None else None
    elif kind == RecordKind.PAIRING.value:
        extra = reads.exchanges(session, view.city_a.id, view.city_b.id,
                               pairing_id=record_id)
    changes = tuple(change_history(session, RecordKind(kind), record_id))
    gifts = gift_reads.of_record(session, kind, record_id)
    actions = action_reads.of_record(session, kind, record_id)
    shown = records_named(view, extra if kind == RecordKind.PAIRING.value else (), gifts,
                          actions)
    return Loaded(kind, view, extra, changes, gifts=gifts, actions=actions,
                  records=shown | {(kind, record_id)})
