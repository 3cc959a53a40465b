"""Words the forms show for field names and enumerated values ("Guest of honour").

Stored values stay the stable identifiers of ``db.kinds``; only what the user
reads lives here, in one place, so every form, table and dialog agrees.
"""

from __future__ import annotations

from db import validation
from db.kinds import RecordKind
from db.wording import choice_words

CHOICES = validation.CHOICES  # one table of fields and their vocabularies

_FIELD_LABELS: dict[str, str] = {
    "given_names": "Given names",
    "family_name": "Family name",
    "name_order": "Name order",
    "address_by": "Addressed",
    "original_script": "Original script",
    "form_of_address": "Form of address",
    "nationality_id": "Nationality",
    "email": "E-mail",
    "protocol_notes": "Protocol notes",
    "private_notes": "Private notes",
    "org_kind": "Kind",
    "parent_id": "Part of",
    "local_name": "Local name",
    "city_a_id": "First city",
    "city_b_id": "Second city",
    "pairing_kind": "Kind",
    "sending_city_id": "Sending city",
    "sending_organisation_id": "Sending organisation",
    "host_city_id": "Host city",
    "host_organisation_id": "Host",
    "start_date": "From",
    "end_date": "To",
    "start_time": "From",
    "end_time": "To",
    "date_note": "Date note",
    "follow_ups": "Follow-ups",
    "funder_id": "Funder",
    "managing_organisation_id": "Managed by",
    "venue_id": "Venue",
    "venue_note": "Venue note",
    "session_kind": "Kind",
    "published_on": "Published",
    "url": "Link",
    "address_title": "Address title",
    "area_id": "Area",
    "person_id": "Person",
    "organisation_id": "Organisation",
    "source_id": "Source",
    "event_id": "Event",
    "pairing_id": "Pairing",
    "programme_id": "Programme",
    "city_id": "City",
    "country_id": "Country",
    "positions": "Positions",
    "photo": "Photo",
    "sources": "Sources",
    "areas": "Areas of cooperation",
    "members": "Members",
    "engagements": "Programme",
    "organisers": "Organisers",
    "sessions": "Sessions",
    "participants": "Participants",
}


def value_label(value: str) -> str:
    """``guest_of_honour`` -> ``Guest of honour`` (the store's one table, db.wording)."""
    return choice_words(value)


def choices(kind: RecordKind, field: str) -> list[tuple[str, str]]:
    """(value, label) pairs of an enumerated field, in the vocabulary's order."""
    return [(member.value, choice_words(member.value)) for member in CHOICES[(kind, field)]]


def field_label(field: str) -> str:
    """``nationality_id`` -> ``Nationality``."""
    if field in _FIELD_LABELS:
        return _FIELD_LABELS[field]
    return field.removesuffix("_id").replace("_", " ").capitalize()


def kind_label(kind: RecordKind) -> str:
    return kind.value.replace("_", " ")
