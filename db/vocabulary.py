"""The words for what the store holds: kinds of record, fields and enumerated values.

One table per fact, headless, in both languages: a form, a list, a detail pane, a
briefing and the CLI all say "Incoming" (``Đoàn vào``) for ``Direction.INCOMING``.
Stored values stay the stable identifiers of :mod:`db.kinds`; only what a user reads
lives here. Every string is marked with ``N_()`` and translated at use by ``_()``,
so the words follow the current language (:mod:`db.i18n`).

Values repeat across vocabularies ("other" is an organisation kind, a member role and a
session kind; "host" is an engagement and an event role), so words are keyed by the
enum member's class and value.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from db.i18n import N_, _, pgettext
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
from db.said import Said, say

_VALUE_WORDS: Final[dict[tuple[type[StrEnum], str], str]] = {
    (OrganisationKind, OrganisationKind.GOVERNMENT_BODY): N_("Government body"),
    (OrganisationKind, OrganisationKind.MINISTRY): N_("Ministry"),
    (OrganisationKind, OrganisationKind.EMBASSY): N_("Embassy"),
    (OrganisationKind, OrganisationKind.INTERNATIONAL_BODY): N_("International body"),
    (OrganisationKind, OrganisationKind.COMPANY): N_("Company"),
    (OrganisationKind, OrganisationKind.ASSOCIATION): N_("Association"),
    (OrganisationKind, OrganisationKind.UNIVERSITY): N_("University"),
    (OrganisationKind, OrganisationKind.VENUE): N_("Venue"),
    (OrganisationKind, OrganisationKind.MEDIA): N_("Media"),
    (OrganisationKind, OrganisationKind.OTHER): N_("Other"),
    (NameOrder, NameOrder.GIVEN_FIRST): N_("Given name first (Bruno Angelet)"),
    (NameOrder, NameOrder.FAMILY_FIRST): N_("Family name first (Nguyễn Đức Chung)"),
    (NameOrder, NameOrder.MONONYM): N_("One name only"),
    (AddressBy, AddressBy.FAMILY): N_("By family name (Chairman Kwon)"),
    (AddressBy, AddressBy.GIVEN): N_("By last given name (Chairman Chung)"),
    (PairingKind, PairingKind.SISTER_CITIES): N_("Sister cities"),
    (PairingKind, PairingKind.FRIENDSHIP): N_("Friendship"),
    (PairingKind, PairingKind.COOPERATION): N_("Cooperation"),
    (PairingKind, PairingKind.PROGRAMME_PAIRING): N_("Programme pairing"),
    (PairingStatus, PairingStatus.PROPOSED): N_("Proposed"),
    (PairingStatus, PairingStatus.ACTIVE): N_("Active"),
    (PairingStatus, PairingStatus.DORMANT): N_("Dormant"),
    (PairingStatus, PairingStatus.ENDED): N_("Ended"),
    (Direction, Direction.INCOMING): N_("Incoming"),
    (Direction, Direction.OUTGOING): N_("Outgoing"),
    (DelegationStatus, DelegationStatus.PLANNED): N_("Planned"),
    (DelegationStatus, DelegationStatus.CONFIRMED): N_("Confirmed"),
    (DelegationStatus, DelegationStatus.COMPLETED): N_("Completed"),
    (DelegationStatus, DelegationStatus.CANCELLED): N_("Cancelled"),
    (MemberRole, MemberRole.HEAD): N_("Head of delegation"),
    (MemberRole, MemberRole.DEPUTY_HEAD): N_("Deputy head"),
    (MemberRole, MemberRole.MEMBER): N_("Member"),
    (MemberRole, MemberRole.INTERPRETER): N_("Interpreter"),
    (MemberRole, MemberRole.LIAISON): N_("Liaison officer"),
    (MemberRole, MemberRole.SECURITY): N_("Security"),
    (MemberRole, MemberRole.OTHER): N_("Other"),
    (EngagementRole, EngagementRole.HOST): N_("Host"),
    (EngagementRole, EngagementRole.GUEST): N_("Guest"),
    (EngagementRole, EngagementRole.SPEAKER): N_("Speaker"),
    (EngagementRole, EngagementRole.PARTICIPANT): N_("Participant"),
    (OrganiserRole, OrganiserRole.ORGANISER): N_("Organiser"),
    (OrganiserRole, OrganiserRole.CO_ORGANISER): N_("Co-organiser"),
    (OrganiserRole, OrganiserRole.CO_HOST): N_("Co-host"),
    (OrganiserRole, OrganiserRole.SPONSOR): N_("Sponsor"),
    (OrganiserRole, OrganiserRole.PARTNER): N_("Partner"),
    (EventRole, EventRole.SPEAKER): N_("Speaker"),
    (EventRole, EventRole.GUEST_OF_HONOUR): N_("Guest of honour"),
    (EventRole, EventRole.DELEGATE): N_("Delegate"),
    (EventRole, EventRole.MODERATOR): N_("Moderator"),
    (EventRole, EventRole.HOST): N_("Host"),
    (EventRole, EventRole.ATTENDEE): N_("Attendee"),
    (SessionKind, SessionKind.PANEL): N_("Panel"),
    (SessionKind, SessionKind.WORKSHOP): N_("Workshop"),
    (SessionKind, SessionKind.SECTION): N_("Section"),
    (SessionKind, SessionKind.PLENARY): N_("Plenary"),
    (SessionKind, SessionKind.TOUR): N_("Tour"),
    (SessionKind, SessionKind.OTHER): N_("Other"),
    (ChangeAction, ChangeAction.CREATE): N_("Created"),
    (ChangeAction, ChangeAction.UPDATE): N_("Changed"),
    (ChangeAction, ChangeAction.DELETE): N_("Deleted"),
    (GiftDirection, GiftDirection.GIVEN): N_("Given"),
    (GiftDirection, GiftDirection.RECEIVED): N_("Received"),
    (ActionStatus, ActionStatus.OPEN): N_("Open"),
    (ActionStatus, ActionStatus.DONE): N_("Done"),
}

VOCABULARIES: Final[tuple[type[StrEnum], ...]] = (
    OrganisationKind, NameOrder, AddressBy, PairingKind, PairingStatus, Direction,
    DelegationStatus, MemberRole, EngagementRole, OrganiserRole, EventRole, SessionKind,
    ChangeAction, GiftDirection, ActionStatus,
)

_FIELD_WORDS: Final[dict[str, str]] = {
    "acronym": N_("Acronym"),
    "aliases": N_("Also known as"),
    "attendance": N_("Attendance"),
    "attested_on": N_("Attested on"),
    "biography": N_("Biography"),
    "code": N_("Code"),
    "data": N_("Data"),
    "date": N_("Date"),
    "delegation_id": N_("Delegation"),
    "description": N_("Description"),
    "direction": N_("Direction"),
    "engagement_id": N_("Meeting"),
    "figures": N_("Figures"),
    "filename": N_("File name"),
    "from_organisation_id": N_("From organisation"),
    "from_person_id": N_("From"),
    "honorific": N_("Honorific"),
    "language": N_("Language"),
    "languages": N_("Languages"),
    "latitude": N_("Latitude"),
    "longitude": N_("Longitude"),
    "media_type": N_("File type"),
    "name": N_("Name"),
    "name_vi": N_("Name in Vietnamese"),
    "note": N_("Note"),
    "notes": N_("Notes"),
    "outcomes": N_("Outcomes"),
    "phone": N_("Phone"),
    "place": N_("Place"),
    "publisher": N_("Publisher"),
    "purpose": N_("Purpose"),
    "rank": N_("Rank"),
    "record_id": N_("Record"),
    "record_kind": N_("Kind of record"),
    "region": N_("Region"),
    "role": N_("Role"),
    "sequence": N_("Order"),
    "series": N_("Series"),
    "sha256": N_("Checksum"),
    "since": N_("Since"),
    "size": N_("Size"),
    "status": N_("Status"),
    "summary": N_("Summary"),
    "theme": N_("Theme"),
    "title": N_("Title"),
    "title_vi": N_("Title in Vietnamese"),
    "to_organisation_id": N_("To organisation"),
    "to_person_id": N_("To"),
    "topics": N_("Topics"),
    "value": N_("Value"),
    "website": N_("Website"),
    "given_names": N_("Given names"),
    "family_name": N_("Family name"),
    "name_order": N_("Name order"),
    "address_by": N_("Addressed"),
    "original_script": N_("Original script"),
    "form_of_address": N_("Form of address"),
    "nationality_id": N_("Nationality"),
    "birth_date": N_("Birth date"),
    "email": N_("E-mail"),
    "protocol_notes": N_("Protocol notes"),
    "private_notes": N_("Private notes"),
    "pronunciation": N_("Pronunciation"),
    "written_address": N_("Written style of address"),
    "interpreter": N_("Interpreter needs"),
    "dietary": N_("Dietary requirements"),
    "arrival": N_("Arrival"),
    "departure": N_("Departure"),
    "accommodation": N_("Accommodation"),
    "our_contact_id": N_("Our contact officer"),
    "our_contact_details": N_("Our contact details"),
    "their_contact_id": N_("Their contact officer"),
    "their_contact_details": N_("Their contact details"),
    "press": N_("Press"),
    "org_kind": N_("Kind"),
    "parent_id": N_("Part of"),
    "local_name": N_("Local name"),
    "city_a_id": N_("First city"),
    "city_b_id": N_("Second city"),
    "pairing_kind": N_("Kind"),
    "sending_city_id": N_("Sending city"),
    "sending_organisation_id": N_("Sending organisation"),
    "host_city_id": N_("Host city"),
    "host_organisation_id": N_("Host organisation"),
    "start_date": N_("From"),
    "end_date": N_("To"),
    "start_time": N_("From"),
    "end_time": N_("To"),
    "date_note": N_("Date note"),
    "due_date": N_("Due"),
    "what": N_("What"),
    "counterpart_id": N_("Counterpart"),
    "follow_ups": N_("Follow-ups"),
    "funder_id": N_("Funder"),
    "managing_organisation_id": N_("Managed by"),
    "venue_id": N_("Venue"),
    "venue_note": N_("Venue note"),
    "session_kind": N_("Kind"),
    "published_on": N_("Published"),
    "url": N_("Link"),
    "address_title": N_("Address title"),
    "address_title_vi": N_("Address title in Vietnamese"),
    "area_id": N_("Area"),
    "person_id": N_("Person"),
    "organisation_id": N_("Organisation"),
    "source_id": N_("Source"),
    "event_id": N_("Event"),
    "pairing_id": N_("Pairing"),
    "programme_id": N_("Programme"),
    "city_id": N_("City"),
    "country_id": N_("Country"),
    "positions": N_("Positions"),
    "photo": N_("Photo"),
    "sources": N_("Sources"),
    "areas": N_("Areas of cooperation"),
    "members": N_("Members"),
    "engagements": N_("Visit programme"),
    "organisers": N_("Organisers"),
    "sessions": N_("Sessions"),
    "participants": N_("Participants"),
}

# (singular, plural) as a count reads them: "1 person", "18 people".
_NOUNS: Final[dict[RecordKind, tuple[str, str]]] = {
    RecordKind.COUNTRY: (N_("country"), N_("countries")),
    RecordKind.CITY: (N_("city"), N_("cities")),
    RecordKind.ORGANISATION: (N_("organisation"), N_("organisations")),
    RecordKind.PERSON: (N_("person"), N_("people")),
    RecordKind.POSITION: (N_("position"), N_("positions")),
    RecordKind.PROGRAMME: (N_("programme"), N_("programmes")),
    RecordKind.COOPERATION_AREA: (N_("area of cooperation"), N_("areas of cooperation")),
    RecordKind.PAIRING: (N_("pairing"), N_("pairings")),
    RecordKind.DELEGATION: (N_("delegation"), N_("delegations")),
    RecordKind.DELEGATION_MEMBER: (N_("member"), N_("members")),
    RecordKind.ENGAGEMENT: (N_("meeting"), N_("meetings")),
    RecordKind.ENGAGEMENT_PARTICIPANT: (N_("participant"), N_("participants")),
    RecordKind.EVENT: (N_("event"), N_("events")),
    RecordKind.EVENT_ORGANISER: (N_("organiser"), N_("organisers")),
    RecordKind.EVENT_SESSION: (N_("session"), N_("sessions")),
    RecordKind.EVENT_PARTICIPANT: (N_("participant"), N_("participants")),
    RecordKind.PAIRING_AREA: (N_("area of cooperation"), N_("areas of cooperation")),
    RecordKind.SOURCE: (N_("source"), N_("sources")),
    RecordKind.CITATION: (N_("source"), N_("sources")),  # a user adds "a source" to a record
    RecordKind.ATTACHMENT: (N_("attachment"), N_("attachments")),
    RecordKind.GIFT: (N_("gift"), N_("gifts")),
    RecordKind.ACTION_ITEM: (N_("action item"), N_("action items")),
}


def word(member: StrEnum) -> str:
    """``Direction.INCOMING`` -> ``Incoming`` (``Đoàn vào`` in Vietnamese)."""
    text = _VALUE_WORDS.get((type(member), member.value))
    return _(text) if text else member.value.replace("_", " ").capitalize()


def value_word(vocabulary: type[StrEnum], value: str) -> str:
    """The word for a stored ``value`` of ``vocabulary`` (an unknown value as stored)."""
    try:
        return word(vocabulary(value))
    except ValueError:
        return value


def english_nouns(kind: RecordKind) -> tuple[str, str]:
    """The (singular, plural) a kind is called by, untranslated: the one table of kind
    nouns, which :mod:`db.registry` describes each kind with."""
    return _NOUNS[kind]


def noun(kind: RecordKind, count: int = 1) -> str:
    """``person`` / ``people`` by count, in the current language (Vietnamese nouns do
    not change with the number: both translate to ``người``)."""
    singular, plural = _NOUNS[kind]
    return _(singular if count == 1 else plural)


def said_noun(kind: RecordKind, count: int = 1) -> Said:
    """:func:`noun` as a :class:`~db.said.Said`, for a sentence's parameter: the sentence
    written again in another language (``in_language``) says the noun in that language."""
    singular, plural = _NOUNS[kind]
    return say(singular if count == 1 else plural)


def count(kind: RecordKind, n: int) -> str:
    """``18 people``, ``1 city`` (``18 người``), the number in the language's digits."""
    from db.i18n import format_number

    return f"{format_number(n)} {noun(kind, n)}"


# A field whose word depends on the record: a position's title is its office
# ("Chức danh"), a delegation's or a source's title is a heading ("Tiêu đề").
_KIND_FIELD_CONTEXTS: Final[dict[tuple[RecordKind, str], str]] = {
    (RecordKind.POSITION, "title"): "position",
}


def field(name: str, kind: RecordKind | None = None) -> str:
    """``nationality_id`` -> ``Nationality``: the one caption of a field everywhere
    (with *kind*, the record's own word where it differs, as for a position's title)."""
    context = _KIND_FIELD_CONTEXTS.get((kind, name)) if kind is not None else None
    if context is not None:
        return pgettext(context, _FIELD_WORDS[name])
    text = _FIELD_WORDS.get(name)
    if text is not None:
        return _(text)
    return name.removesuffix("_id").replace("_", " ").capitalize()
