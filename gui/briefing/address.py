"""How a sheet addresses a person, in the sheet's language but by the person's conventions.

The name part never changes with the language: Nguyễn Đức Chung is addressed by his last
given name (Chung), Bruno Angelet by his family name, whatever language the sheet is
in. Only the honorific is the sheet's own: a Vietnamese sheet writes ``Ông Chung`` where
the record says ``Mr``, ``Bà`` for ``Mrs``/``Ms``, ``Ngài`` for ``H.E.``. A form of
address typed on the record is printed as typed.
"""

from __future__ import annotations

import datetime as dt

from db import reads, titles
from db.i18n import pgettext

# Stored honorifics as people type them, folded to one spelling each.
_CANONICAL = {
    "mr": "Mr", "mrs": "Mrs", "ms": "Ms", "miss": "Miss", "madam": "Madam", "mme": "Madam",
    "dr": "Dr", "prof": "Prof.", "professor": "Prof.", "he": "H.E.",
    "his excellency": "H.E.", "her excellency": "H.E.",
}


def _words() -> dict[str, str]:
    """Each honorific in the current language (Mr -> Ông, Mrs -> Bà, H.E. -> Ngài)."""
    return {
        "Mr": pgettext("honorific", "Mr"),
        "Mrs": pgettext("honorific", "Mrs"),
        "Ms": pgettext("honorific", "Ms"),
        "Miss": pgettext("honorific", "Miss"),
        "Madam": pgettext("honorific", "Madam"),
        "Dr": pgettext("honorific", "Dr"),
        "Prof.": pgettext("honorific", "Prof."),
        "H.E.": pgettext("honorific", "H.E."),
    }


def honorific(text: str | None) -> str | None:
    """*text* in the sheet's language when it is a common honorific, else as stored."""
    if not text or not text.strip():
        return text
    known = _CANONICAL.get(text.strip().lower().replace(".", "").strip())
    if known is None:
        return text
    translated = _words()[known]
    return text.strip() if translated == known else translated


def address_on(person: reads.PersonView, day: dt.date,
               policy: titles.TitlePolicy = titles.DEFAULT_POLICY) -> titles.Address:
    """The form of address on *day* (see db.titles.address), its honorific in the
    sheet's language."""
    found = person.title_standing(day, policy)
    return titles.address(
        explicit=person.explicit_form_of_address,
        title=(found[0].address_title, found[1]) if found else None,
        honorific=honorific(person.honorific), given_names=person.given_names,
        family_name=person.family_name, name_order=person.name_order,
        address_by=person.address_by)
