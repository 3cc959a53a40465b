"""Checks every write passes before it reaches the database.

Messages are written for the person at the keyboard and keyed by field, so a
form can show each one next to its field and the CLI can print them on a line.
Email and phone syntax come from the field's libraries (email-validator,
phonenumbers), countries from pycountry: no hand-made regexes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

from db import partial_dates
from db.i18n import N_
from db.models import (
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
from db.said import say
from db.titles import attestation_error
from db.vocabulary import field as field_caption

Errors = dict[str, str]

_REQUIRED: dict[RecordKind, dict[str, str]] = {
    RecordKind.COUNTRY: {"code": N_("Country code is required.")},
    RecordKind.CITY: {"name": N_("City name is required.")},
    RecordKind.ORGANISATION: {"name": N_("Organisation name is required.")},
    RecordKind.PERSON: {
        "family_name": N_("Family name is required (for someone known by one name, enter it "
                          "here).")
    },
    RecordKind.POSITION: {"person_id": N_("A position belongs to a person."),
                          "title": N_("Title is required.")},
    RecordKind.PROGRAMME: {"name": N_("Programme name is required.")},
    RecordKind.COOPERATION_AREA: {"name": N_("Name is required.")},
    RecordKind.PAIRING: {"city_a_id": N_("Choose the first city."),
                         "city_b_id": N_("Choose the second city.")},
    RecordKind.PAIRING_AREA: {"pairing_id": N_("Choose a pairing."),
                              "area_id": N_("Choose an area.")},
    RecordKind.DELEGATION: {"title": N_("Title is required.")},
    RecordKind.DELEGATION_MEMBER: {"delegation_id": N_("Choose a delegation."),
                                   "person_id": N_("Choose a person.")},
    RecordKind.ENGAGEMENT: {"delegation_id": N_("Choose a delegation."),
                            "title": N_("Title is required.")},
    RecordKind.ENGAGEMENT_PARTICIPANT: {"engagement_id": N_("Choose an engagement."),
                                        "person_id": N_("Choose a person.")},
    RecordKind.EVENT: {"name": N_("Event name is required.")},
    RecordKind.GIFT: {"description": N_("Describe the gift.")},
    RecordKind.ACTION_ITEM: {"what": N_("Say what is to be done.")},
    RecordKind.EVENT_ORGANISER: {"event_id": N_("Choose an event."),
                                 "organisation_id": N_("Choose an organisation.")},
    RecordKind.EVENT_SESSION: {"event_id": N_("Choose an event."),
                               "title": N_("Title is required.")},
    RecordKind.EVENT_PARTICIPANT: {"event_id": N_("Choose an event."),
                                   "person_id": N_("Choose a person.")},
    RecordKind.SOURCE: {"title": N_("Source title is required.")},
    RecordKind.CITATION: {"source_id": N_("Choose a source."),
                          "record_kind": N_("Record kind missing."),
                          "record_id": N_("Record missing.")},
    RecordKind.ATTACHMENT: {"filename": N_("File name is required."),
                            "record_kind": N_("Record kind missing."),
                            "record_id": N_("Record missing.")},
}

CHOICES: dict[tuple[RecordKind, str], type[StrEnum]] = {
    # Which vocabulary each enumerated field takes its values from (forms offer them too).
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
    (RecordKind.GIFT, "direction"): GiftDirection,
    (RecordKind.ACTION_ITEM, "status"): ActionStatus,
}

_DATE_RANGES: dict[RecordKind, tuple[str, str, str]] = {
    RecordKind.POSITION: ("start_date", "end_date", N_("A position cannot end before it starts.")),
    RecordKind.PROGRAMME: ("start_date", "end_date",
                           N_("The programme cannot end before it starts.")),
    RecordKind.DELEGATION: ("start_date", "end_date", N_("The visit cannot end before it starts.")),
    RecordKind.EVENT: ("start_date", "end_date", N_("The event cannot end before it starts.")),
    RecordKind.ENGAGEMENT: ("start_time", "end_time",
                            N_("The meeting cannot end before it starts.")),
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
        return say(N_("Not a valid e-mail address: {reason}"), reason=_email_reason(str(exc)))
    return None


# email-validator's common answers (English only), by how they begin, in our words.
_EMAIL_REASONS: tuple[tuple[str, str], ...] = (
    ("An email address must have an @-sign", N_("it needs an @ sign")),
    ("There must be something after the @-sign", N_("nothing follows the @ sign")),
    ("There must be something before the @-sign", N_("nothing comes before the @ sign")),
    ("The part after the @-sign is not valid. It should have a period",
     N_("the part after the @ sign needs a dot (as in example.vn)")),
    ("The email address contains invalid characters before the @-sign",
     N_("the part before the @ sign holds characters an address cannot have")),
    ("The email address contains invalid characters after the @-sign",
     N_("the part after the @ sign holds characters an address cannot have")),
    ("An email address cannot have two periods in a row",
     N_("an address cannot have two dots in a row")),
    ("The part after the @-sign is not valid", N_("the part after the @ sign is not valid")),
)


def _email_reason(text: str) -> str:
    """Why an address is refused, in the current language when we know the answer."""
    for start, reason in _EMAIL_REASONS:
        if text.startswith(start):
            return say(reason)
    return text


def _check_phone(value: str) -> str | None:
    from db import phones

    try:
        phones.parse(value)
    except ValueError:
        return say(N_("Not a phone number: type it as 024 3825 3536, or with the country's "
                      "code as +39 02 8845 6789."))
    return None


UNIQUE_MESSAGES: dict[RecordKind, str] = {
    RecordKind.DELEGATION_MEMBER: N_("This person is already a member of this delegation."),
    RecordKind.ENGAGEMENT_PARTICIPANT: N_("This person already takes part in this meeting."),
    RecordKind.EVENT_PARTICIPANT: N_("This person is already listed for this event."),
    RecordKind.EVENT_ORGANISER: N_("This organisation is already an organiser of this event."),
    RecordKind.PAIRING_AREA: N_("This area is already listed for this pairing."),
    RecordKind.COUNTRY: N_("This country is already in the catalog."),
    RecordKind.COOPERATION_AREA: N_("An area with this name already exists."),
    RecordKind.CITATION: N_("This source is already cited here."),
}

# The columns that must differ between rows listed under one owner: the owner's
# link is the same for all of them, so only these are compared (a person twice
# in one delegation, an organisation twice among an event's organisers).
_ROW_KEYS: dict[RecordKind, str] = {
    RecordKind.DELEGATION_MEMBER: "person_id",
    RecordKind.ENGAGEMENT_PARTICIPANT: "person_id",
    RecordKind.EVENT_PARTICIPANT: "person_id",
    RecordKind.EVENT_ORGANISER: "organisation_id",
    RecordKind.PAIRING_AREA: "area_id",
    RecordKind.CITATION: "source_id",
}


def duplicate_rows(kind: RecordKind, rows: Sequence[Mapping[str, Any]]) -> dict[int, Errors]:
    """Errors for rows of one list that repeat an earlier row (index -> field -> message).

    A form checks these before saving so the message appears on the row the user
    just added, instead of a database refusal after Save.
    """
    key = _ROW_KEYS.get(kind)
    if key is None:
        return {}
    seen: set[Any] = set()
    found: dict[int, Errors] = {}
    for index, row in enumerate(rows):
        value = row.get(key)
        if value is None:
            continue
        if value in seen:
            found[index] = {key: say(UNIQUE_MESSAGES[kind])}
        seen.add(value)
    return found


def validate(kind: RecordKind, row: Mapping[str, Any]) -> Errors:
    """Errors of the record as it would be after the write (field -> message)."""
    errors: Errors = {}
    for field, message in _REQUIRED.get(kind, {}).items():
        value = row.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            errors[field] = say(message)
    for (choice_kind, field), enum in CHOICES.items():
        if choice_kind == kind and row.get(field) is not None:
            allowed = [member.value for member in enum]
            if row[field] not in allowed:
                errors[field] = say(N_("{field} must be one of: {values}."),
                                    field=field_caption(field), values=", ".join(allowed))
    if kind in _DATE_RANGES:
        start_field, end_field, message = _DATE_RANGES[kind]
        start, end = row.get(start_field), row.get(end_field)
        if isinstance(start, dt.date | dt.time) and isinstance(end, dt.date | dt.time) and (
            end < start  # type: ignore[operator]
        ):
            errors[end_field] = say(message)
    if kind == RecordKind.COUNTRY and row.get("code") and country_name(str(row["code"])) is None:
        errors["code"] = say(N_("Unknown country code {code!r}: use an ISO 3166 code like VN."),
                             code=row["code"])
    if kind == RecordKind.POSITION:
        for value in row.get("attested_on") or []:
            if (problem := attestation_error(str(value))) is not None:
                errors["attested_on"] = problem
                break
    if kind == RecordKind.PERSON:
        if row.get("email") and (problem := _check_email(str(row["email"]))):
            errors["email"] = problem
        if row.get("phone") and (problem := _check_phone(str(row["phone"]))):
            errors["phone"] = problem
        if row.get("birth_date") and partial_dates.iso(str(row["birth_date"])) is None:
            errors["birth_date"] = say(N_("“{text}” is not a date: enter a day (14/03/1965), "
                                          "a month (03/1965) or a year (1965)."),
                                       text=row["birth_date"])
    if kind == RecordKind.PAIRING and row.get("city_a_id") is not None and (
        row.get("city_a_id") == row.get("city_b_id")
    ):
        errors["city_b_id"] = say(N_("A city cannot be paired with itself."))
    if kind == RecordKind.DELEGATION and row.get("our_contact_id") is not None and (
        row.get("our_contact_id") == row.get("their_contact_id")
    ):  # each side calls the other's officer: one person cannot be both
        errors["their_contact_id"] = say(N_("One person cannot be the contact officer of "
                                            "both sides."))
    if kind == RecordKind.EVENT and row.get("attendance") is not None and row["attendance"] < 0:
        errors["attendance"] = say(N_("Attendance cannot be negative."))
    if kind == RecordKind.ORGANISATION and row.get("parent_id") is not None and (
        row.get("parent_id") == row.get("id")
    ):
        errors["parent_id"] = say(N_("An organisation cannot be its own parent."))
    return errors


__all__ = ["UNIQUE_MESSAGES", "ChangeAction", "Errors", "country_name", "duplicate_rows",
           "validate"]
