"""Checks every write passes before it reaches the database.

Messages are written for the person at the keyboard and keyed by field, so a
form can show each one next to its field and the CLI can print them on a line.
Email and phone syntax come from the field's libraries (email-validator,
phonenumbers), countries from pycountry: no hand-made regexes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from db.models import (
    AddressBy,
    ChangeAction,
    DelegationStatus,
    Direction,
    EngagementRole,
    EventRole,
    MemberRole,
    NameOrder,
    OrganisationKind,
    OrganiserRole,
    PairingKind,
    PairingStatus,
    RecordKind,
    SessionKind,
)

Errors = dict[str, str]

_REQUIRED: dict[RecordKind, dict[str, str]] = {
    RecordKind.COUNTRY: {"code": "Country code is required."},
    RecordKind.CITY: {"name": "City name is required."},
    RecordKind.ORGANISATION: {"name": "Organisation name is required."},
    RecordKind.PERSON: {
        "family_name": "Family name is required (for someone known by one name, enter it here)."
    },
    RecordKind.POSITION: {"person_id": "A position belongs to a person.",
                          "title": "Title is required."},
    RecordKind.PROGRAMME: {"name": "Programme name is required."},
    RecordKind.COOPERATION_AREA: {"name": "Name is required."},
    RecordKind.PAIRING: {"city_a_id": "Choose the first city.",
                         "city_b_id": "Choose the second city."},
    RecordKind.PAIRING_AREA: {"pairing_id": "Choose a pairing.", "area_id": "Choose an area."},
    RecordKind.DELEGATION: {"title": "Title is required."},
    RecordKind.DELEGATION_MEMBER: {"delegation_id": "Choose a delegation.",
                                   "person_id": "Choose a person."},
    RecordKind.ENGAGEMENT: {"delegation_id": "Choose a delegation.",
                            "title": "Title is required."},
    RecordKind.ENGAGEMENT_PARTICIPANT: {"engagement_id": "Choose an engagement.",
                                        "person_id": "Choose a person."},
    RecordKind.EVENT: {"name": "Event name is required."},
    RecordKind.EVENT_ORGANISER: {"event_id": "Choose an event.",
                                 "organisation_id": "Choose an organisation."},
    RecordKind.EVENT_SESSION: {"event_id": "Choose an event.", "title": "Title is required."},
    RecordKind.EVENT_PARTICIPANT: {"event_id": "Choose an event.",
                                   "person_id": "Choose a person."},
    RecordKind.SOURCE: {"title": "Source title is required."},
    RecordKind.CITATION: {"source_id": "Choose a source.", "record_kind": "Record kind missing.",
                          "record_id": "Record missing."},
    RecordKind.ATTACHMENT: {"filename": "File name is required.",
                            "record_kind": "Record kind missing.", "record_id": "Record missing."},
}

_CHOICES: dict[tuple[RecordKind, str], type[StrEnum]] = {
    (RecordKind.ORGANISATION, "org_kind"): OrganisationKind,
    (RecordKind.PERSON, "name_order"): NameOrder,
    (RecordKind.PERSON, "address_by"): AddressBy,
    (RecordKind.PAIRING, "pairing_kind"): PairingKind,
    (RecordKind.PAIRING, "status"): PairingStatus,
    (RecordKind.DELEGATION, "direction"): Direction,
    (RecordKind.DELEGATION, "status"): DelegationStatus,
    (RecordKind.DELEGATION_MEMBER, "role"): MemberRole,
    (RecordKind.ENGAGEMENT_PARTICIPANT, "role"): EngagementRole,
    (RecordKind.EVENT_ORGANISER, "role"): OrganiserRole,
    (RecordKind.EVENT_PARTICIPANT, "role"): EventRole,
    (RecordKind.EVENT_SESSION, "session_kind"): SessionKind,
    (RecordKind.CITATION, "record_kind"): RecordKind,
    (RecordKind.ATTACHMENT, "record_kind"): RecordKind,
}

_DATE_RANGES: dict[RecordKind, tuple[str, str, str]] = {
    RecordKind.POSITION: ("start_date", "end_date", "A position cannot end before it starts."),
    RecordKind.PROGRAMME: ("start_date", "end_date", "The programme cannot end before it starts."),
    RecordKind.DELEGATION: ("start_date", "end_date", "The visit cannot end before it starts."),
    RecordKind.EVENT: ("start_date", "end_date", "The event cannot end before it starts."),
    RecordKind.ENGAGEMENT: ("start_time", "end_time", "The meeting cannot end before it starts."),
}


def country_name(code: str) -> str | None:
    """The ISO 3166 short name for *code*, or None when no such country exists."""
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    if found is None:
        return None
    return str(getattr(found, "common_name", None) or found.name)


def _check_email(value: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return f"Not a valid e-mail address: {exc}"
    return None


def _check_phone(value: str) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return "Enter the phone number in international form, e.g. +84 24 3825 3536."
    if not phonenumbers.is_possible_number(number):
        return "This phone number has the wrong number of digits for its country."
    return None


def validate(kind: RecordKind, row: Mapping[str, Any]) -> Errors:
    """Errors of the record as it would be after the write (field -> message)."""
    errors: Errors = {}
    for field, message in _REQUIRED.get(kind, {}).items():
        value = row.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            errors[field] = message
    for (choice_kind, field), enum in _CHOICES.items():
        if choice_kind == kind and row.get(field) is not None:
            allowed = [member.value for member in enum]
            if row[field] not in allowed:
                errors[field] = f"{field.replace('_', ' ').capitalize()} must be one of: " + (
                    ", ".join(allowed) + "."
                )
    if kind in _DATE_RANGES:
        start_field, end_field, message = _DATE_RANGES[kind]
        start, end = row.get(start_field), row.get(end_field)
        if isinstance(start, dt.date | dt.time) and isinstance(end, dt.date | dt.time) and (
            end < start  # type: ignore[operator]
        ):
            errors[end_field] = message
    if kind == RecordKind.COUNTRY and row.get("code") and country_name(str(row["code"])) is None:
        errors["code"] = f"Unknown country code {row['code']!r}: use an ISO 3166 code like VN."
    if kind == RecordKind.PERSON:
        if row.get("email") and (problem := _check_email(str(row["email"]))):
            errors["email"] = problem
        if row.get("phone") and (problem := _check_phone(str(row["phone"]))):
            errors["phone"] = problem
    if kind == RecordKind.PAIRING and row.get("city_a_id") is not None and (
        row.get("city_a_id") == row.get("city_b_id")
    ):
        errors["city_b_id"] = "A city cannot be paired with itself."
    if kind == RecordKind.EVENT and row.get("attendance") is not None and row["attendance"] < 0:
        errors["attendance"] = "Attendance cannot be negative."
    if kind == RecordKind.ORGANISATION and row.get("parent_id") is not None and (
        row.get("parent_id") == row.get("id")
    ):
        errors["parent_id"] = "An organisation cannot be its own parent."
    return errors


__all__ = ["ChangeAction", "Errors", "country_name", "validate"]
