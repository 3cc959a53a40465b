"""Phone numbers as an office writes them, stored one way (E.164), shown the local way.

A Vietnamese office types ``024 3825 3536`` or ``0913 245 678``; a visitor's card says
``+39 02 8845 6789``. Numbers without a country prefix are read in the catalog's home
country (Vietnam, where Liaison's offices are), stored as E.164 (``+842438253536``) so
duplicates and exports agree, and shown in the national form for home numbers and the
international form for others. Parsing and formatting are the phonenumbers library's
(Google's libphonenumber metadata), never a regex of ours.
"""

from __future__ import annotations

from typing import Final

import phonenumbers

HOME_REGION: Final = "VN"


def parse(text: str, region: str = HOME_REGION) -> phonenumbers.PhoneNumber:
    """The number ``text`` names; ValueError when it cannot be a phone number."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(str(exc)) from None
    if not phonenumbers.is_possible_number(number):
        raise ValueError("wrong number of digits")
    return number


def stored(text: str, region: str = HOME_REGION) -> str:
    """E.164 for a number that parses; anything else is kept as typed (validation
    reports it)."""
    try:
        return phonenumbers.format_number(parse(text, region),
                                          phonenumbers.PhoneNumberFormat.E164)
    except ValueError:
        return text


def shown(text: str | None, region: str = HOME_REGION) -> str:
    """``024 3825 3536`` for a home number, ``+39 02 8845 6789`` for another country's."""
    if not text:
        return ""
    try:
        number = parse(text, region)
    except ValueError:
        return text
    home = phonenumbers.region_code_for_number(number) == region
    style = (phonenumbers.PhoneNumberFormat.NATIONAL if home
             else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, style)


def international(text: str, region: str = HOME_REGION) -> str:
    """``+84 90 123 4567`` (a number dialled from either side, as a sheet for both prints
    it); text that is not a number is kept as typed."""
    try:
        number = parse(text, region)
    except ValueError:
        return text
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
