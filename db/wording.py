"""Rules for words shown about records, each stated once.

Lists, detail panes, search results, forms and briefing sheets all show these,
so they live here and nowhere else: how a stored vocabulary value reads
(``guest_of_honour`` -> "Guest of honour"), how a pairing is named
("Hanoi – Brussels"), and how a title is joined to its organisation without
repeating it ("Chairman of the Hanoi People's Committee", not "..., Hanoi
People's Committee"). Headless and light: no SQLAlchemy.
"""

from __future__ import annotations

from db.kinds import AddressBy, Direction, MemberRole, NameOrder

# Stored values whose words are not just the value with spaces, capitalised.
_WORDS: dict[str, str] = {
    MemberRole.HEAD: "Head of delegation",
    "deputy_head": "Deputy head",
    "guest_of_honour": "Guest of honour",
    "co_host": "Co-host",
    "co_organiser": "Co-organiser",
    "programme_pairing": "Programme pairing",
    "sister_cities": "Sister cities",
    "government_body": "Government body",
    "international_body": "International body",
    NameOrder.GIVEN_FIRST: "Given name first",
    NameOrder.FAMILY_FIRST: "Family name first",
    NameOrder.MONONYM: "One name only",
    AddressBy.FAMILY: "By family name",
    AddressBy.GIVEN: "By last given name",
}

# An example or explanation a form may add after the words when offering the choice.
_HINTS: dict[str, str] = {
    NameOrder.GIVEN_FIRST: "Bruno Angelet",
    NameOrder.FAMILY_FIRST: "Nguyễn Đức Chung",
    AddressBy.FAMILY: "Chairman Kwon",
    AddressBy.GIVEN: "Chairman Chung",
    Direction.INCOMING: "visiting us",
    Direction.OUTGOING: "we visit",
}


def words(value: str | None) -> str:
    """A stored vocabulary value as people write it: ``guest_of_honour`` -> "Guest of honour"."""
    if not value:
        return ""
    if value in _WORDS:
        return _WORDS[value]
    text = value.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def choice_words(value: str) -> str:
    """The words of a value offered as a choice, with its hint: "Incoming (visiting us)"."""
    hint = _HINTS.get(value)
    return f"{words(value)} ({hint})" if hint else words(value)


def pairing_label(city_a: str | None, city_b: str | None) -> str:
    """A pairing is named by its two cities: "Hanoi – Brussels"."""
    return f"{city_a or '?'} – {city_b or '?'}"


def title_at(title: str, organisation: str | None) -> str:
    """``Director, Agency X``, but not ``Chairman of the Hanoi PC, Hanoi PC`` (any case)."""
    if organisation and organisation.casefold() not in title.casefold():
        return f"{title}, {organisation}"
    return title
