"""The catalog's vocabularies: kinds of record and the values of enumerated fields.

Kept free of SQLAlchemy so the GUI can name kinds and columns before the
heavy store modules load (the window is shown first, the store after).
"""

from __future__ import annotations

from enum import StrEnum


class OrganisationKind(StrEnum):
    GOVERNMENT_BODY = "government_body"
    MINISTRY = "ministry"
    EMBASSY = "embassy"
    INTERNATIONAL_BODY = "international_body"
    COMPANY = "company"
    ASSOCIATION = "association"
    UNIVERSITY = "university"
    VENUE = "venue"
    MEDIA = "media"
    OTHER = "other"


class NameOrder(StrEnum):
    GIVEN_FIRST = "given_first"
    FAMILY_FIRST = "family_first"
    MONONYM = "mononym"


class AddressBy(StrEnum):
    """Which part of the name a title goes with: ``Chairman Chung`` vs ``Chairman Kwon``."""

    FAMILY = "family"
    GIVEN = "given"


class PairingKind(StrEnum):
    SISTER_CITIES = "sister_cities"
    FRIENDSHIP = "friendship"
    COOPERATION = "cooperation"
    PROGRAMME_PAIRING = "programme_pairing"


class PairingStatus(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    DORMANT = "dormant"
    ENDED = "ended"


class Direction(StrEnum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"


class DelegationStatus(StrEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class MemberRole(StrEnum):
    HEAD = "head"
    DEPUTY_HEAD = "deputy_head"
    MEMBER = "member"
    INTERPRETER = "interpreter"
    LIAISON = "liaison"
    SECURITY = "security"
    OTHER = "other"


class EngagementRole(StrEnum):
    HOST = "host"
    GUEST = "guest"
    SPEAKER = "speaker"
    PARTICIPANT = "participant"


class OrganiserRole(StrEnum):
    ORGANISER = "organiser"
    CO_ORGANISER = "co_organiser"
    CO_HOST = "co_host"
    SPONSOR = "sponsor"
    PARTNER = "partner"


class EventRole(StrEnum):
    SPEAKER = "speaker"
    GUEST_OF_HONOUR = "guest_of_honour"
    DELEGATE = "delegate"
    MODERATOR = "moderator"
    HOST = "host"
    ATTENDEE = "attendee"


class SessionKind(StrEnum):
    PANEL = "panel"
    WORKSHOP = "workshop"
    SECTION = "section"
    PLENARY = "plenary"
    TOUR = "tour"
    OTHER = "other"


class ChangeAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class GiftDirection(StrEnum):
    """Whether the office gave the gift or received it."""

    GIVEN = "given"
    RECEIVED = "received"


class ActionStatus(StrEnum):
    """Whether what was promised at a meeting is still to be done."""

    OPEN = "open"
    DONE = "done"


class RecordKind(StrEnum):
    """Kinds as spelled in the CLI, JSON output, citations and the change log."""

    COUNTRY = "country"
    CITY = "city"
    ORGANISATION = "organisation"
    PERSON = "person"
    POSITION = "position"
    PROGRAMME = "programme"
    COOPERATION_AREA = "cooperation_area"
    PAIRING = "pairing"
    DELEGATION = "delegation"
    DELEGATION_MEMBER = "delegation_member"
    ENGAGEMENT = "engagement"
    ENGAGEMENT_PARTICIPANT = "engagement_participant"
    EVENT = "event"
    EVENT_ORGANISER = "event_organiser"
    EVENT_SESSION = "event_session"
    EVENT_PARTICIPANT = "event_participant"
    PAIRING_AREA = "pairing_area"
    SOURCE = "source"
    CITATION = "citation"
    ATTACHMENT = "attachment"
    GIFT = "gift"
    ACTION_ITEM = "action_item"
