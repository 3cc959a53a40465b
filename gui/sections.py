"""The window's sections (People, Organisations, ...) and which records each shows.

Declared once; the section list, the View menu, Ctrl+1..5 and "open this
record" all read it. Kept free of the store so the window can be drawn before
the catalog modules load.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.kinds import RecordKind


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    kinds: tuple[RecordKind, ...]


SECTIONS = (
    Section("people", "People", (RecordKind.PERSON,)),
    Section("organisations", "Organisations", (RecordKind.ORGANISATION,)),
    Section("places", "Cities && Pairings",
            (RecordKind.PAIRING, RecordKind.CITY, RecordKind.PROGRAMME)),
    Section("delegations", "Delegations", (RecordKind.DELEGATION,)),
    Section("events", "Events", (RecordKind.EVENT,)),
)
SECTION_KEYS = tuple(s.key for s in SECTIONS)
_SECTION_OF = {kind.value: s.key for s in SECTIONS for kind in s.kinds}
_SECTION_OF[RecordKind.ENGAGEMENT.value] = "delegations"  # shown in its delegation


def section_of(kind: str) -> str | None:
    """The section that shows records of *kind* (None: not a browsable kind)."""
    return _SECTION_OF.get(kind)
