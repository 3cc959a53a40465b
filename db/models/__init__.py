"""The catalog's tables, one module per family of records.

Enumerated fields are stored as plain strings and checked by ``db.ops``: adding
a new kind of organisation must not need a table rebuild on SQLite.

Foreign keys follow ownership: rows that only make sense inside their parent
(positions, members, engagements, participants, sessions, organiser links,
pairing areas) are deleted with it; optional references to independent records
are cleared; required references to independent records (a pairing's cities)
block the delete, so ``db.ops`` can tell the user what still refers to them.

Everything is re-exported here, so ``from db.models import Person`` keeps working;
the vocabularies live in ``db.kinds`` (importable without SQLAlchemy) and are
re-exported too.
"""

from __future__ import annotations

from db.kinds import (
    ActionStatus,
    AddressBy,
    ChangeAction,
    DelegationStatus,
    Direction,
    EngagementRole,
    EventRole,
    GiftDirection,
    MemberRole,
    NameOrder,
    OrganisationKind,
    OrganiserRole,
    PairingKind,
    PairingStatus,
    RecordKind,
    SessionKind,
)
from db.models.actions import ActionItem
from db.models.base import Record, utcnow
from db.models.changelog import ChangeLogEntry
from db.models.cooperation import CooperationArea, Pairing, PairingArea, Programme
from db.models.delegations import (
    Delegation,
    DelegationMember,
    Engagement,
    EngagementParticipant,
)
from db.models.events import Event, EventOrganiser, EventParticipant, EventSession
from db.models.gifts import Gift
from db.models.people import Person, Position
from db.models.places import City, Country, Organisation
from db.models.provenance import Attachment, Citation, Source

__all__ = [
    "TABLES",
    "ActionItem",
    "ActionStatus",
    "AddressBy",
    "Attachment",
    "ChangeAction",
    "ChangeLogEntry",
    "Citation",
    "City",
    "CooperationArea",
    "Country",
    "Delegation",
    "DelegationMember",
    "DelegationStatus",
    "Direction",
    "Engagement",
    "EngagementParticipant",
    "EngagementRole",
    "Event",
    "EventOrganiser",
    "EventParticipant",
    "EventRole",
    "EventSession",
    "Gift",
    "GiftDirection",
    "MemberRole",
    "NameOrder",
    "Organisation",
    "OrganisationKind",
    "OrganiserRole",
    "Pairing",
    "PairingArea",
    "PairingKind",
    "PairingStatus",
    "Person",
    "Position",
    "Programme",
    "Record",
    "RecordKind",
    "SessionKind",
    "Source",
    "utcnow",
]

# Every record table by kind (the change log is not a record kind).
TABLES: dict[RecordKind, type[Record]] = {
    cls.kind: cls
    for cls in (
        Country, City, Organisation, Person, Position, Programme, CooperationArea, Pairing,
        PairingArea, Event, EventOrganiser, EventSession, EventParticipant, Delegation,
        DelegationMember, Engagement, EngagementParticipant, Source, Citation, Attachment,
        Gift, ActionItem,
    )
}
