"""Rules for words shown about records, each stated once.

Lists, detail panes, search results, forms and briefing sheets all show these,
so they live here and nowhere else: how a stored vocabulary value reads
(``guest_of_honour`` -> "Guest of honour", from db.vocabulary), how a pairing is named
("Hanoi – Brussels"), and how a title is joined to its organisation without
repeating it ("Chairman of the Hanoi People's Committee", not "..., Hanoi
People's Committee"). Headless and light: no SQLAlchemy.
"""

from __future__ import annotations

from db.vocabulary import VOCABULARIES, value_word


def words(value: str | None) -> str:
    """A stored vocabulary value as people read it, from the one table
    (:mod:`db.vocabulary`, in the interface's language): ``guest_of_honour`` ->
    "Guest of honour"; a value of no vocabulary is written out as is."""
    if not value:
        return ""
    for vocabulary in VOCABULARIES:
        if value in vocabulary._value2member_map_:
            return value_word(vocabulary, value)
    text = value.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def pairing_label(city_a: str | None, city_b: str | None) -> str:
    """A pairing is named by its two cities: "Hanoi – Brussels"."""
    return f"{city_a or '?'} – {city_b or '?'}"


def title_at(title: str, organisation: str | None) -> str:
    """``Director, Agency X``, but not ``Chairman of the Hanoi PC, Hanoi PC`` (any case)."""
    if organisation and organisation.casefold() not in title.casefold():
        return f"{title}, {organisation}"
    return title
