"""What the forms call fields, kinds and enumerated values: the store's one table
(:mod:`db.vocabulary`), in the interface's language.

Stored values stay the stable identifiers of ``db.kinds``; forms, lists, the detail pane
and the briefings all take their words from the same table, so they agree.
"""

from __future__ import annotations

from db import validation, vocabulary
from db.kinds import RecordKind

CHOICES = validation.CHOICES  # one table of fields and their vocabularies


def value_label(value: str, kind: RecordKind | None = None, field: str | None = None) -> str:
    """``guest_of_honour`` -> ``Guest of honour``; with the field it belongs to, the
    field's own vocabulary decides ("host" of an event or of a meeting)."""
    if kind is not None and field is not None and (kind, field) in CHOICES:
        return vocabulary.value_word(CHOICES[(kind, field)], value)
    for vocabulary_class in vocabulary.VOCABULARIES:
        if value in vocabulary_class._value2member_map_:
            return vocabulary.value_word(vocabulary_class, value)
    return value


def choices(kind: RecordKind, field: str) -> list[tuple[str, str]]:
    """(value, label) pairs of an enumerated field, in the vocabulary's order."""
    return [(member.value, vocabulary.word(member)) for member in CHOICES[(kind, field)]]


def field_label(field: str, kind: RecordKind | None = None) -> str:
    """``nationality_id`` -> ``Nationality`` (a position's ``title`` -> its office)."""
    return vocabulary.field(field, kind)


def kind_label(kind: RecordKind) -> str:
    """``delegation``, ``area of cooperation``: the kind's noun in running text."""
    return vocabulary.noun(kind)
