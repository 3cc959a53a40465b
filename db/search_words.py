"""A search hit's result line in the reader's language, written when it is read.

The search index stores each record's result line when the record is saved, in
whatever language the saving process spoke (the sample is indexed by ``liaison init``,
a colleague may work in English). So the words the store itself puts there are read
back into the current language here, for both engines (FTS5 and PostgreSQL): a dated
part (``2017-06-13``) is written as the language writes dates (``13/06/2017``), and a
pairing's kind (``sister cities`` / ``kết nghĩa``) is said in the current language.
Everything else in a result line is the user's own text (titles, names, places) and is
shown as stored.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from db.i18n import LANGUAGES, format_date, using
from db.kinds import PairingKind
from db.vocabulary import word

PART_SEPARATOR = " · "
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@cache
def _pairing_kinds() -> dict[str, PairingKind]:
    """Every language's word for each pairing kind (lower case) -> the kind."""
    found: dict[str, PairingKind] = {}
    for code in LANGUAGES:
        with using(code):
            for member in PairingKind:
                found[word(member).lower()] = member
    return found


def _part(kind: str, part: str) -> str:
    if _ISO_DAY.match(part):
        try:
            return format_date(dt.date.fromisoformat(part), "short")
        except ValueError:
            return part
    if kind == "pairing":
        member = _pairing_kinds().get(part.lower())
        if member is not None:
            return word(member).lower()
    return part


def shown_subtitle(kind: str, stored: str) -> str:
    """The stored result line of a *kind* hit, its store-made words in the current language."""
    if not stored:
        return stored
    return PART_SEPARATOR.join(_part(kind, part) for part in stored.split(PART_SEPARATOR))
